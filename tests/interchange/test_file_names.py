"""File names built from data: valid on Windows, macOS and Linux, and never outside their folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juryapp.domain.messages import FileProblemError
from juryapp.interchange.file_names import (
    MAX_NAME,
    WINDOWS_RESERVED,
    output_path,
    safe_file_name,
)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("piagam-PKM-01.pdf", "piagam-PKM-01.pdf"),
        ("lembar-penilaian-../../../tmp/evil.pdf", "lembar-penilaian-.._.._.._tmp_evil.pdf"),
        ("..\\..\\evil.pdf", "_._.._evil.pdf"),
        ("..", "_"),
        (".", "_"),
        (".bashrc", "_bashrc"),
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("com1.tar.gz", "_com1.tar.gz"),
        ("LPT9 .pdf", "_LPT9 .pdf"),
        ("COM¹.pdf", "_COM¹.pdf"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ("rekap...", "rekap"),
        ("rekap. . ", "rekap"),
        ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
        ("tab\there\x00.pdf", "tab_here_.pdf"),
        ("", "_"),
        (
            "Siti Nurhaliza — Puskesmas Kebon Jeruk.pdf",
            "Siti Nurhaliza — Puskesmas Kebon Jeruk.pdf",
        ),
        ("e\u0301.pdf", "\u00e9.pdf"),  # one spelling of é, whatever macOS gave back
    ],
)
def test_names_are_made_safe(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_an_overlong_name_keeps_its_suffix() -> None:
    name = safe_file_name("umpan-balik-" + "x" * 300 + ".pdf")
    assert len(name) == MAX_NAME and name.endswith("x.pdf")


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_any_name_becomes_one_valid_file_name(name: str) -> None:
    safe = safe_file_name(name)
    assert 0 < len(safe) <= MAX_NAME
    assert not set(safe) & set('<>:"/\\|?*')
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F for c in safe)
    safe.encode("utf-8")  # no lone surrogate, which no file system takes
    assert not safe.startswith(".") and not safe.endswith((".", " "))
    assert safe.split(".", 1)[0].rstrip(" ").upper() not in WINDOWS_RESERVED
    assert safe_file_name(safe) == safe


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=100))
def test_output_paths_stay_in_their_folder(tmp_path: Path, name: str) -> None:
    path = output_path(tmp_path, name)
    assert path.parent == tmp_path
    assert path.resolve().parent == tmp_path.resolve()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_planted_link_to_elsewhere_is_refused(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "rekap.pdf").symlink_to(elsewhere / "rekap.pdf")
    with pytest.raises(FileProblemError) as caught:
        output_path(out, "rekap.pdf")
    assert "outside the folder" in caught.value.text.en


def test_folders_with_spaces_and_letters_beyond_ascii_are_fine(tmp_path: Path) -> None:
    folder = tmp_path / "Siti Nurhaliza" / "Konvensi Jakarta Barat (ñ é ü)"
    folder.mkdir(parents=True)
    path = output_path(folder, "piagam-PKM-01.pdf")
    path.write_bytes(b"%PDF")
    assert path.read_bytes() == b"%PDF" and path.parent == folder
