"""Kendall's coefficient of concordance (W) with the correction for tied ranks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def average_ranks(values: Sequence[float | int]) -> list[float]:
    """Ranks 1..n of the values, highest first, with ties given their average rank."""
    order = sorted(range(len(values)), key=lambda i: -values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        average = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = average
        i = j + 1
    return ranks


def kendalls_w(matrix: Sequence[Sequence[float | int]]) -> float | None:
    """W for m judges (rows) ranking the same n teams (columns); None when undefined."""
    m = len(matrix)
    if m < 2:
        return None
    n = len(matrix[0])
    if n < 2:
        return None
    ranked = [average_ranks(row) for row in matrix]
    sums = [sum(r[i] for r in ranked) for i in range(n)]
    mean = m * (n + 1) / 2
    s = sum((x - mean) ** 2 for x in sums)
    ties = sum(t**3 - t for row in matrix for t in Counter(row).values())
    denominator = m * m * (n**3 - n) - m * ties
    if denominator <= 0:
        return None  # every judge gave every team the same total
    return 12 * s / denominator
