"""Exact judge totals on 0–100 from criterion scores, in integer arithmetic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import lcm

from juryapp.domain.kinds import TotalFormula
from juryapp.domain.model import Criterion


def _exponent(values: Sequence[Decimal]) -> int:
    """Decimal places needed so that every value becomes an integer."""
    places = 0
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return places


@dataclass(frozen=True)
class TotalRule:
    """Precomputed integer coefficients: total = 100 · Σ a_c·(X_c − M_c) / denominator.

    X_c is a score scaled to an integer by ``10**places``. Working in integers keeps results
    exact (no float ties that are not ties) and fast enough for 200,000 scores.
    """

    codes: tuple[str, ...]
    scale: int
    coefficients: tuple[int, ...]
    offsets: tuple[int, ...]
    denominator: int
    weights: tuple[Fraction, ...]
    ranges: tuple[Fraction, ...]
    lows: tuple[Fraction, ...]

    @classmethod
    def build(cls, criteria: Sequence[Criterion], formula: TotalFormula) -> TotalRule:
        if not criteria:
            return cls((), 1, (), (), 1, (), (), ())
        places = _exponent([v for c in criteria for v in (c.scale_min, c.scale_max, c.scale_step)])
        scale = 10**places
        weight_places = _exponent([c.weight for c in criteria])
        weights = [int(c.weight * 10**weight_places) for c in criteria]
        if formula is TotalFormula.RANGE:
            offsets = [int(c.scale_min * scale) for c in criteria]
            spans = [int((c.scale_max - c.scale_min) * scale) for c in criteria]
        else:
            offsets = [0 for _ in criteria]
            spans = [int(c.scale_max * scale) for c in criteria]
        common = lcm(*spans)
        coefficients = [w * common // s for w, s in zip(weights, spans, strict=True)]
        return cls(
            codes=tuple(c.code for c in criteria),
            scale=scale,
            coefficients=tuple(coefficients),
            offsets=tuple(offsets),
            denominator=sum(weights) * common,
            weights=tuple(Fraction(w) for w in weights),
            ranges=tuple(Fraction(s, scale) for s in spans),
            lows=tuple(Fraction(o, scale) for o in offsets),
        )

    def numerator(self, scores: Mapping[str, Decimal]) -> int | None:
        """The integer numerator of a complete sheet's total, or None when a score is missing."""
        total = 0
        for code, coefficient, offset in zip(
            self.codes, self.coefficients, self.offsets, strict=True
        ):
            value = scores.get(code)
            if value is None:
                return None
            total += coefficient * (int(value * self.scale) - offset)
        return total

    def total(self, scores: Mapping[str, Decimal]) -> Fraction | None:
        """A judge's total on 0–100 for one team, exact; None when the sheet is incomplete."""
        numerator = self.numerator(scores)
        if numerator is None:
            return None
        return Fraction(100 * numerator, self.denominator)

    def criterion_value(self, code: str, value: Decimal) -> Fraction:
        """The points one criterion adds to the total ("Nilai" on the score sheet)."""
        i = self.codes.index(code)
        weight_sum = sum(self.weights)
        return (
            100 * self.weights[i] * (Fraction(value) - self.lows[i]) / (self.ranges[i] * weight_sum)
        )
