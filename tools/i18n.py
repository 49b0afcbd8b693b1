"""Extracts the GUI's texts into resources/i18n/*.ts and compiles them to .qm (update|release)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "juryapp" / "gui"
I18N = ROOT / "resources" / "i18n"
SOURCE_LANGUAGE = "en"
# Languages shipped as translations of the English source texts.
TARGET_LANGUAGES = ("id",)


@dataclass(frozen=True)
class Unfinished:
    context: str
    source: str
    filename: str


# One catalogue per area of the GUI, so that areas can be translated independently.
CATALOGUES = ("juryapp", "judge", "secretariat")
JUDGE_AREA = ("judge", "start", "launch.py", "app_window.py", "opening.py", "watcher.py")


def catalogue_of(path: Path) -> str:
    first = path.relative_to(SOURCES).parts[0]
    if first == "secretariat":
        return "secretariat"
    if first in JUDGE_AREA:
        return "judge"
    return "juryapp"


def ts_path(lang: str, catalogue: str = "juryapp") -> Path:
    return I18N / f"{catalogue}_{lang}.ts"


def qm_path(lang: str, catalogue: str = "juryapp") -> Path:
    return I18N / f"{catalogue}_{lang}.qm"


def tool(name: str) -> str:
    """A Qt tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    on_path = shutil.which(name)
    if on_path is None:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return on_path


def run(command: Sequence[str]) -> None:
    # The command is built here from fixed tool names and project paths, never user input.
    completed = subprocess.run(command, check=False, cwd=ROOT)  # noqa: S603
    if completed.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed with exit code {completed.returncode}")


def source_files(catalogue: str) -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if catalogue_of(p) == catalogue)


def lupdate(ts: Path, lang: str, catalogue: str) -> None:
    """Merge the texts found in the sources into ``ts``, keeping existing translations."""
    run(
        [
            tool("pyside6-lupdate"),
            *(str(path) for path in source_files(catalogue)),
            "-ts",
            str(ts),
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            lang,
            # Relative line numbers keep diffs small when code above a text moves.
            "-locations",
            "relative",
            "-no-obsolete",
            "-silent",
        ]
    )


def lrelease(ts: Path, qm: Path) -> None:
    run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"])


def unfinished(ts: Path) -> list[Unfinished]:
    """Messages in ``ts`` that still lack a finished translation."""
    tree = ElementTree.parse(ts)
    missing: list[Unfinished] = []
    filename = "?"  # a location names its file only when it differs from the one before
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            where = message.find("location")
            if where is not None:
                filename = where.get("filename", filename)
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = "".join(translation.itertext()) if translation is not None else ""
            if kind == "unfinished" or not text.strip():
                source = message.findtext("source", default="")
                missing.append(Unfinished(name, source, filename))
    return missing


def report(ts: Path, missing: list[Unfinished]) -> int:
    if not missing:
        print(f"{ts.name}: every message is translated")
        return 0
    print(f"{ts.name}: {len(missing)} message(s) without a finished translation:")
    for item in missing:
        print(f"  {item.context}: {item.source!r} ({item.filename})")
    return 1


def update(*, check: bool) -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    status = 0
    for lang, catalogue in _catalogues():
        ts = ts_path(lang, catalogue)
        if check:
            # A check must not touch the tree: update a copy, so texts added to the code
            # but never extracted count as untranslated too.
            with tempfile.TemporaryDirectory() as folder:
                copy = Path(folder) / ts.name
                if ts.exists():
                    shutil.copy2(ts, copy)
                lupdate(copy, lang, catalogue)
                status |= report(ts, unfinished(copy))
        else:
            lupdate(ts, lang, catalogue)
            print(f"updated {ts.relative_to(ROOT)}")
            report(ts, unfinished(ts))  # the translator's to-do list, not a failure
    return status


def _catalogues() -> list[tuple[str, str]]:
    return [(lang, catalogue) for lang in TARGET_LANGUAGES for catalogue in CATALOGUES]


def release(*, check: bool) -> int:
    status = 0
    for lang, catalogue in _catalogues():
        ts = ts_path(lang, catalogue)
        if not ts.exists():
            print(f"{ts.relative_to(ROOT)} is missing; run 'update' first")
            status = 1
            continue
        missing = unfinished(ts)
        if check:
            status |= report(ts, missing)
            continue
        lrelease(ts, qm_path(lang, catalogue))
        note = f" ({len(missing)} untranslated, shown in English)" if missing else ""
        print(f"compiled {qm_path(lang, catalogue).relative_to(ROOT)}{note}")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Maintain the Qt Linguist translations of the juryapp GUI."
    )
    parser.add_argument(
        "command",
        choices=("update", "release"),
        help="update: extract texts from juryapp/gui into the .ts files; "
        "release: compile the .ts files into .qm",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if any message is unfinished (for CI)",
    )
    args = parser.parse_args(argv)
    if args.command == "update":
        return update(check=args.check)
    return release(check=args.check)


if __name__ == "__main__":
    sys.exit(main())
