"""The convention file carries the letterhead, its logo as an image file beside it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from juryapp.domain.messages import FileProblemError
from juryapp.interchange.convention_file import read_convention_file
from juryapp.interchange.convention_writer import write_convention_file
from juryapp.resources import resource

DEMO = resource("demo", "convention.toml")


def test_the_demo_has_a_whole_letterhead() -> None:
    info = read_convention_file(DEMO).info
    assert info.parent_body == "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta"
    assert info.parent_office == "Dinas Kesehatan"
    assert info.organiser == "Suku Dinas Kesehatan Kota Administrasi Jakarta Barat"
    assert info.address and info.telephone and info.email
    assert info.organiser_head_rank == "Pembina Utama Muda (IV/c)"
    assert info.logo == resource("demo", "logo.png").read_bytes()


def test_written_and_read_back_with_its_logo(tmp_path: Path) -> None:
    spec = read_convention_file(DEMO)
    path = tmp_path / "konvensi-2025.toml"
    write_convention_file(spec, path)
    assert (tmp_path / "konvensi-2025-logo.png").read_bytes() == spec.info.logo
    assert read_convention_file(path) == spec


def test_without_a_logo_no_image_is_written(tmp_path: Path) -> None:
    spec = read_convention_file(DEMO)
    spec = replace(spec, info=replace(spec.info, logo=None, website="sudinkes.example.go.id"))
    path = tmp_path / "tanpa-logo.toml"
    write_convention_file(spec, path)
    assert "logo" not in path.read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == [path]
    assert read_convention_file(path) == spec


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (None, "tidak dapat dibaca"),
        (b"GIF89a" + bytes(40), "PNG atau JPEG"),
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "rusak"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2_000_001), "terlalu besar"),
    ],
)
def test_a_logo_that_cannot_be_printed_is_refused_by_its_key(
    tmp_path: Path, logo: bytes | None, message: str
) -> None:
    text = DEMO.read_text(encoding="utf-8")
    path = tmp_path / "konvensi.toml"
    path.write_text(text, encoding="utf-8")
    if logo is not None:
        (tmp_path / "logo.png").write_bytes(logo)
    with pytest.raises(FileProblemError) as caught:
        read_convention_file(path)
    problem = caught.value
    assert problem.file == "konvensi.toml"
    assert problem.column == "convention.logo"
    assert message in problem.text.id
