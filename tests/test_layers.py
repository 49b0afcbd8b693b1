"""The layers hold by themselves: the desktop app reaches the database only through services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import juryapp

PACKAGE = Path(juryapp.__file__).parent
# The GUI speaks to services (bootstrap wires them); the tables, the engine and the driver's
# library are the persistence layer's own.
FORBIDDEN_IN_GUI = ("juryapp.persistence", "sqlalchemy", "alembic", "sqlite3")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, at any depth (deferred imports too)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def forbidden_imports(path: Path, forbidden: tuple[str, ...]) -> list[tuple[int, str]]:
    return sorted(
        {
            (line, module)
            for line, module in imported_modules(path)
            if any(module == f or module.startswith(f + ".") for f in forbidden)
        }
    )


def test_no_gui_module_imports_the_persistence_layer_or_sqlalchemy() -> None:
    modules = sorted((PACKAGE / "gui").rglob("*.py"))
    assert len(modules) > 50  # the walk found the GUI
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module}"
        for path in modules
        for line, module in forbidden_imports(path, FORBIDDEN_IN_GUI)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from juryapp.persistence.tables import AuditRow", True),
        ("def f():\n    from sqlalchemy import select", True),
        ("import sqlalchemy.orm", True),
        ("from juryapp import persistence", True),
        ("import sqlite3", True),
        ("from juryapp.services.changes import ChangeFeed", False),
        ("import juryapp.persistencex", False),
    ],
)
def test_the_layer_check_catches_every_form_of_import(
    tmp_path: Path, source: str, caught: bool
) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    assert bool(forbidden_imports(probe, FORBIDDEN_IN_GUI)) is caught


def loaded_by(code: str, libraries: set[str]) -> list[str]:
    """Which of ``libraries`` a fresh interpreter holds after running ``code``."""
    import json  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    names = "sorted({m.split('.')[0] for m in sys.modules})"
    probe = f"import json, sys\n{code}\nprint(json.dumps({names}))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return sorted(set(json.loads(done.stdout)) & libraries)


def test_the_secretariat_screens_load_no_pdf_library_before_a_file_is_printed_or_checked() -> None:
    """The screens' code is loaded ahead at sign-in and stays; pyHanko and its network stack
    alone took 37 MB of every secretariat session (as measured when the print screen first
    pulled them in), so they load only when a file is signed or verified."""
    code = (
        "import importlib, juryapp.bootstrap\n"
        "from juryapp.gui.secretariat import window\n"
        "for module, _ in window._LATER_PAGES: importlib.import_module(module)"
    )
    pdf = {"pyhanko", "pyhanko_certvalidator", "aiohttp", "reportlab", "pypdf"}
    assert loaded_by(code, pdf) == []


def test_the_demo_accounts_on_the_sign_in_screen_load_no_spreadsheet_reader() -> None:
    """Every sign-in screen asks whether the database is the demo; the readers of the demo's
    files (openpyxl with lxml and Pillow, 14 MB) load only when a demo is built."""
    code = "import juryapp.bootstrap, juryapp.services.demo"
    assert loaded_by(code, {"openpyxl", "lxml", "PIL"}) == []
