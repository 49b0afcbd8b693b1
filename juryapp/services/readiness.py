"""What is still open: before the results can be locked, and before judging can start."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from juryapp.domain.access import Actor, require_secretariat
from juryapp.domain.kinds import JudgeRole, Role, SheetStatus
from juryapp.domain.messages import Text
from juryapp.domain.model import ConventionSpec
from juryapp.domain.results import MarkStatus, SheetInput, TieDecision, compute_results
from juryapp.domain.validation import check_spec

if TYPE_CHECKING:
    from juryapp.services.accounts import AccountView
    from juryapp.services.results import ResultsService


class OpenKind(StrEnum):
    """Why a sheet or a category is not settled yet, in the order a secretariat deals with it."""

    CUT_LINE_TIE = "cut_line_tie"  # tied across the quota line, no recorded jury decision
    MISSING = "missing"  # the judge has no sheet for the team yet
    DRAFT = "draft"  # started, not handed in
    INCOMPLETE = "incomplete"  # handed in, but a criterion added later has no score
    UNCONFIRMED = "unconfirmed"  # handed in, waiting for a second person's confirmation


SHOWN = 3  # items a refusal names; the lock dialog lists them all


@dataclass(frozen=True)
class OpenItem:
    kind: OpenKind
    category: str
    teams: tuple[str, ...]
    judge: str | None
    text: Text

    @property
    def blocks_lock(self) -> bool:
        """Every open item but an unconfirmed sheet keeps the results from being locked."""
        return self.kind is not OpenKind.UNCONFIRMED


@dataclass(frozen=True)
class Readiness:
    """Everything still open before the lock, the blocking items first."""

    items: tuple[OpenItem, ...]

    @property
    def blocking(self) -> tuple[OpenItem, ...]:
        return tuple(i for i in self.items if i.blocks_lock)

    @property
    def unconfirmed(self) -> tuple[OpenItem, ...]:
        return tuple(i for i in self.items if i.kind is OpenKind.UNCONFIRMED)

    @property
    def can_lock(self) -> bool:
        return not self.blocking

    def count(self, kind: OpenKind) -> int:
        return sum(1 for i in self.items if i.kind is kind)

    def refusal(self) -> Text:
        """Why the results cannot be locked, in one sentence naming the first few items."""
        blocking = self.blocking
        more = len(blocking) - SHOWN
        listed = Text(
            "; ".join(i.text.id for i in blocking[:SHOWN]),
            "; ".join(i.text.en for i in blocking[:SHOWN]),
        )
        if more > 0:
            listed = Text(f"{listed.id} (dan {more} lainnya)", f"{listed.en} (and {more} more)")
        return Text(
            f"Hasil belum dapat dikunci: {listed.id}.",
            f"The results cannot be locked yet: {listed.en}.",
        )


_ORDER = list(OpenKind)


def open_items(
    spec: ConventionSpec, sheets: Iterable[SheetInput], decisions: Iterable[TieDecision] = ()
) -> Readiness:
    """Every sheet neither confirmed nor an abstention, and every undecided cut-line tie."""
    sheets = tuple(sheets)
    results = compute_results(spec, sheets, tuple(decisions))
    status = {(s.judge, s.team): s.status for s in sheets}
    schedule = {t.code: i for i, t in enumerate(spec.teams)}
    judges = {j.code: i for i, j in enumerate(spec.judges)}
    items: list[tuple[int, int, int, OpenItem]] = []
    for position, category in enumerate(results.categories):
        tied = tuple(
            sorted((t.code for t in category.teams if t.cut_line_tie), key=schedule.__getitem__)
        )
        if tied:
            text = Text(
                "{teams} seri di batas kuota {category} dan belum ada keputusan juri",
                "{teams} are tied at the {category} quota line with no jury decision yet",
            ).format(teams=", ".join(tied), category=category.code)
            items.append(
                (0, position, 0, OpenItem(OpenKind.CUT_LINE_TIE, category.code, tied, None, text))
            )
        for team in category.teams:
            for mark in team.marks:
                kind = _sheet_kind(mark.status, status.get((mark.judge, team.code)))
                if kind is None:
                    continue
                item = OpenItem(
                    kind,
                    category.code,
                    (team.code,),
                    mark.judge,
                    _sheet_text(kind, mark.judge, team.code),
                )
                items.append((_ORDER.index(kind), schedule[team.code], judges[mark.judge], item))
    items.sort(key=lambda entry: entry[:3])
    return Readiness(tuple(entry[3] for entry in items))


def _sheet_kind(mark: MarkStatus, status: SheetStatus | None) -> OpenKind | None:
    if mark in (MarkStatus.CONFLICT, MarkStatus.ABSTAINED):
        return None
    if status is None:
        return OpenKind.MISSING
    if status is SheetStatus.DRAFT:
        return OpenKind.DRAFT
    if mark is MarkStatus.MISSING:
        return OpenKind.INCOMPLETE
    return None if status is SheetStatus.CONFIRMED else OpenKind.UNCONFIRMED


def _sheet_text(kind: OpenKind, judge: str, team: str) -> Text:
    texts = {
        OpenKind.MISSING: Text(
            "lembar {j} × {t} belum diisi", "sheet {j} × {t} has not been started"
        ),
        OpenKind.DRAFT: Text("lembar {j} × {t} masih draf", "sheet {j} × {t} is still a draft"),
        OpenKind.INCOMPLETE: Text(
            "lembar {j} × {t} belum berisi skor untuk setiap kriteria",
            "sheet {j} × {t} lacks a score for some criterion",
        ),
        OpenKind.UNCONFIRMED: Text(
            "lembar {j} × {t} belum dikonfirmasi", "sheet {j} × {t} is not confirmed yet"
        ),
    }
    return texts[kind].format(j=judge, t=team)


# -- before judging starts ---------------------------------------------------------------------
class Step(StrEnum):
    """Where a gap in the set-up is fixed (a page of the new-convention wizard or set-up)."""

    DETAILS = "details"
    DAYS = "days"
    CATEGORIES = "categories"
    RUBRIC = "rubric"
    TEAMS = "teams"
    JUDGES = "judges"
    ACCOUNTS = "accounts"


@dataclass(frozen=True)
class Gap:
    step: Step
    text: Text


_GapSink = Callable[[Step, Text], None]


def before_judging(spec: ConventionSpec, accounts: Sequence[AccountView]) -> tuple[Gap, ...]:
    """What is still missing before judges can start scoring; empty when nothing is."""
    gaps: list[Gap] = []

    def gap(step: Step, text: Text) -> None:
        gaps.append(Gap(step, text))

    problems = check_spec(spec)
    if problems:
        gap(
            Step.DETAILS,
            Text(
                "set-up masih memuat {n} masalah yang harus diperbaiki",
                "the set-up still has {n} problems to fix",
            ).format(n=len(problems)),
        )
    letterhead = (spec.info.organiser, spec.info.organiser_head_name, spec.info.city)
    if not all(value.strip() for value in letterhead):
        gap(
            Step.DETAILS,
            Text(
                "penyelenggara, kepala penyelenggara atau kota belum diisi (dipakai di dokumen)",
                "the organiser, its head or the city is empty (the documents use them)",
            ),
        )
    if not spec.days:
        gap(Step.DAYS, Text("belum ada hari konvensi", "there are no convention days yet"))
    if not spec.categories:
        gap(Step.CATEGORIES, Text("belum ada kategori", "there are no categories yet"))
    if not spec.criteria:
        gap(Step.RUBRIC, Text("rubrik belum memiliki kriteria", "the rubric has no criteria"))
    _team_gaps(spec, gap)
    _judge_gaps(spec, accounts, gap)
    return tuple(gaps)


def _team_gaps(spec: ConventionSpec, gap: _GapSink) -> None:
    if not spec.teams:
        gap(Step.TEAMS, Text("belum ada tim peserta", "there are no teams yet"))
        return
    used = {t.category for t in spec.teams}
    empty = [c.code for c in spec.categories if c.code not in used]
    if empty:
        gap(
            Step.TEAMS,
            Text("kategori tanpa tim: {c}", "categories without a team: {c}").format(
                c=", ".join(empty)
            ),
        )
    unscheduled = [t.code for t in spec.teams if t.day is None or t.order is None]
    if unscheduled:
        gap(
            Step.TEAMS,
            Text(
                "{n} tim belum mendapat hari dan nomor urut presentasi",
                "{n} teams have no presentation day and order yet",
            ).format(n=len(unscheduled)),
        )


def _judge_gaps(spec: ConventionSpec, accounts: Sequence[AccountView], gap: _GapSink) -> None:
    if not spec.judges:
        gap(Step.JUDGES, Text("belum ada juri", "there are no judges yet"))
    elif sum(1 for j in spec.judges if j.role is JudgeRole.CHAIR) != 1:
        gap(
            Step.JUDGES,
            Text("pilih tepat satu ketua dewan juri", "choose exactly one chair of the jury"),
        )
    with_account = {a.judge_code for a in accounts if a.role is Role.JUDGE}
    without = [j.code for j in spec.judges if j.code not in with_account]
    if without:
        gap(
            Step.ACCOUNTS,
            Text("juri tanpa akun: {j}", "judges without an account: {j}").format(
                j=", ".join(without)
            ),
        )
    secretariat = sum(1 for a in accounts if a.role is Role.SECRETARIAT)
    if secretariat == 0:
        gap(
            Step.ACCOUNTS, Text("belum ada akun sekretariat", "there is no secretariat account yet")
        )
    elif secretariat == 1:
        gap(
            Step.ACCOUNTS,
            Text(
                "baru ada satu akun sekretariat; lembar kertas dikonfirmasi oleh petugas kedua",
                "only one secretariat account so far; paper sheets are confirmed by a second user",
            ),
        )


class ReadinessService:
    """The open items of the stored convention, for the lock dialog and the command line."""

    def __init__(self, results: ResultsService) -> None:
        self._results = results

    def before_lock(self, actor: Actor) -> Readiness:
        require_secretariat(actor)
        snap = self._results.snapshot(actor)
        return open_items(snap.spec, snap.sheets, snap.decisions)
