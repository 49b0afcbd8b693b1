"""Teams and judges read from a spreadsheet into a set-up not stored yet (the wizard's)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from juryapp.domain.model import ConventionSpec, Judge, Team
from juryapp.domain.validation import check_spec
from juryapp.interchange.columns import JUDGE_COLUMNS, TEAM_COLUMNS
from juryapp.interchange.tabular import Row, read_table
from juryapp.services.imports import _judge, _no_repeats, _refuse_problems, _team
from juryapp.services.setup import UpsertTable, with_upserted


def teams_in_file(path: Path, spec: ConventionSpec) -> ConventionSpec:
    """``spec`` with a spreadsheet's teams added, or replacing the ones with the same code.

    Nothing is stored. A file is taken whole or refused whole, with its row and column, as an
    import into the database is.
    """
    rows = read_table(path, TEAM_COLUMNS)
    return _merged(path, rows, "teams", [_team(path.name, r) for r in rows], spec)


def judges_in_file(path: Path, spec: ConventionSpec) -> ConventionSpec:
    """``spec`` with a spreadsheet's judges added or replaced by code; nothing is stored."""
    rows = read_table(path, JUDGE_COLUMNS)
    return _merged(path, rows, "judges", [_judge(path.name, r) for r in rows], spec)


def _merged(
    path: Path,
    rows: list[Row],
    table: UpsertTable,
    items: Sequence[Team | Judge],
    spec: ConventionSpec,
) -> ConventionSpec:
    _no_repeats(path.name, rows, [x.code for x in items], "code")
    candidate = with_upserted(spec, table, items)
    merged: Sequence[Team | Judge] = getattr(candidate, table)
    # The rest of a set-up still being written may be unfinished (no chair of the jury yet):
    # only problems in this table's rows are the file's.
    own = [(w, text) for w, text in check_spec(candidate) if w.startswith(f"{table}[")]
    _refuse_problems(path.name, rows, items, merged, table, own)
    return candidate
