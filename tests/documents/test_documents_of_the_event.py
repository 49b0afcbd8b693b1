"""The recap, the sheets and forms, and the new documents print what a secretariat needs."""

from __future__ import annotations

import re
from datetime import date, time

from pypdf import PdfReader

from juryapp.reports.attendance import render_attendance
from juryapp.reports.model import AttendanceData, AttendanceRow, Header, JudgeInfo
from tests.documents.conftest import (
    ABSTAIN_REASON,
    CHAIR,
    LONG,
    TieConvention,
    pdf_pages,
    pdf_text,
)
from tests.reports.test_documents import stamp


def test_the_recap_says_who_did_not_score_and_why_never_a_question_mark(
    tie_convention: TieConvention,
) -> None:
    pkm, rs = tie_convention.final.files("recap")
    text = pdf_text(pkm)
    assert "tidak menilai (1)" in text
    assert (
        "(1) dr. Ẹkaputra Sitompul-Nainggolan, MARS tidak menilai PKM-04 (Puskesmas Kecamatan "
        f"Tambora): {ABSTAIN_REASON}" in text
    )
    rs_text = pdf_text(rs)
    assert "tidak menilai karena konflik kepentingan" in rs_text
    assert "tidak menilai RS-03 (RSU Nirmala Kasih Meruya): lembar penilaian tidak diserahkan" in (
        rs_text
    )
    for path in (pkm, rs):
        assert not re.search(r"(^| )\?( |$)", pdf_text(path))


def test_an_outlier_is_marked_in_the_recap_with_its_key(tie_convention: TieConvention) -> None:
    text = pdf_text(tie_convention.final.files("recap")[0])
    assert "75,00*" in text  # J4's total for PKM-04, against a panel mean of 58,33
    assert text.count("*") == 2  # the mark and its key
    assert (
        "* nilai juri berbeda lebih dari 15,00 poin dari rata-rata nilai juri untuk peserta "
        "tersebut" in text
    )


def test_a_judges_recap_lists_every_team_and_why_some_have_no_scores(
    tie_convention: TieConvention,
) -> None:
    recaps = {path.stem[-2:]: pdf_text(path) for path in tie_convention.final.files("judge-recap")}
    assert set(recaps) == {"J1", "J2", "J3", "J4"}
    assert f"tidak menilai ({ABSTAIN_REASON})" in recaps["J3"]
    assert "tidak menilai (konflik kepentingan)" in recaps["J2"]
    assert "tidak menilai (lembar penilaian tidak diserahkan)" in recaps["J4"]
    for code, text in recaps.items():
        assert "REKAPITULASI NILAI JURI" in text
        for team in ("PKM-01", "PKM-04", "RS-01", "RS-04"):
            assert team in text, (code, team)
        assert "Nilai = Bobot × (Skor − 1) ÷ 4" in text
        assert text.count("Juri,") == 1  # signed once, for every sheet
        assert f"PKM-02 {LONG}" in text  # a long name takes more lines, never cut
        assert "…" not in text


def test_score_sheets_name_the_formula_and_not_the_category_twice(
    tie_convention: TieConvention,
) -> None:
    pages = pdf_pages(tie_convention.final.files("sheets")[0])
    assert len(pages) == 8  # J1 scored every team: one page each
    first = pages[0]
    assert "Kategori : Puskesmas" in first or "Kategori Puskesmas" not in first
    head = first[: first.index("Hari/Tanggal")]
    assert "LEMBAR PENILAIAN JURI" in head and "Puskesmas" not in head.split("JURI", 1)[1]
    assert "Cara menghitung: Nilai = Bobot × (Skor − 1) ÷ 4" in first


def test_the_blank_form_has_the_formula_and_the_levels_and_certifies_nothing(
    tie_convention: TieConvention,
) -> None:
    pages = pdf_pages(tie_convention.final.file("blank"))
    guide, forms = pages[0], pages[-1]
    assert "PEDOMAN PENILAIAN" in guide and "Deskripsi tingkat 3" in guide
    assert "Nilai = Bobot × (Skor − 1) ÷ 4" in forms
    assert "1 = Sangat Kurang · 2 = Kurang · 3 = Cukup · 4 = Baik · 5 = Sangat Baik" in forms
    for page in pages:
        assert "Sidik jari" not in page and "Versi hasil" not in page and "QR" not in page
    assert not _qr_codes(tie_convention.final.file("blank"))
    # before the lock a paper form is the same form: no DRAF on it
    assert "DRAF" not in pdf_text(tie_convention.draft.file("blank"))
    assert "DRAF" in pdf_text(tie_convention.draft.file("minutes"))


def test_each_judge_declares_their_conflicts(tie_convention: TieConvention) -> None:
    pages = pdf_pages(tie_convention.final.file("declarations"))
    assert len(pages) == 4
    chair, member = pages[0], pages[1]
    assert CHAIR in chair and "tidak memiliki hubungan keluarga" in chair
    assert "memiliki hubungan yang dapat menimbulkan konflik kepentingan" in member
    assert "RS-02 — RS Hermina Daan Mogot" in member and "Juri pernah membina tim ini" in member
    for page in pages:
        assert "PERNYATAAN KONFLIK KEPENTINGAN" in page and "Yang menyatakan," in page
        assert "Sidik jari" not in page


def test_an_attendance_list_for_each_day(tie_convention: TieConvention) -> None:
    pages = pdf_pages(tie_convention.final.file("attendance"))
    assert len(pages) == 2
    assert "Hari ke-1, Rabu, 17 September 2025" in pages[0]
    assert "pukul 08.30 sampai dengan selesai" in pages[0]
    assert "Hari ke-2, Kamis, 18 September 2025" in pages[1]
    for page in pages:
        assert "DAFTAR HADIR DEWAN JURI" in page
        for number in range(1, 5):
            assert f"{number}. ......" in page
        assert "Sidik Jari Kunci Laptop" not in page  # no laptop keys yet


def test_the_attendance_list_shows_laptop_keys_once_there_are_some() -> None:
    judge = JudgeInfo("J1", "dr. Ratna Sari", "RSUD", "Dokter", "", is_chair=True)
    header = Header("Konvensi", "", "Sudinkes", "", "", "", "", "Jakarta", "")
    data = AttendanceData(
        header,
        1,
        date(2025, 9, 17),
        time(8, 30),
        "Aula",
        (AttendanceRow(judge, "7K3M-Q9XA-2B4C-D5EF-GH6J"),),
    )
    text = " ".join(pdf_pages_of(render_attendance(data, stamp())))
    assert "Sidik Jari Kunci Laptop" in text
    # printed on two lines at the size of the names: compared without line ends
    assert "7K3M-Q9XA-2B4C-D5EF-GH6J" in "".join(text.split())


def test_the_announcement_reads_from_the_lowest_place_up(tie_convention: TieConvention) -> None:
    text = pdf_text(tie_convention.final.file("announcement"))
    rs = text[text.index("KATEGORI RUMAH SAKIT") :]
    assert rs.index("Juara III") < rs.index("Juara II ") < rs.index("Juara I ")
    assert (
        rs.index("RS Grha Kedoya") < rs.index("RS Hermina Daan Mogot") < rs.index("RSUD Cengkareng")
    )
    # places the jury has still to decide are marked so that nobody reads them out (only a
    # draft can hold one: the lock waits for the decision)
    draft = pdf_text(tie_convention.draft.file("announcement"))
    assert draft.count("jangan dibacakan sebelum diputuskan") == 2
    assert "jangan dibacakan" not in text
    assert "Ketua Dewan Juri," in text and CHAIR in text


def test_the_robustness_annex_shows_each_method_and_each_judge_left_out(
    tie_convention: TieConvention,
) -> None:
    text = pdf_text(tie_convention.final.file("robustness"))
    for head in ("Rata-rata", "Terpangkas", "Median", "Skor-z", "tanpa J1", "tanpa J4"):
        assert head in text
    # the two teams the jury put in order are level under z-scores: the annex says so
    assert "Peringkat bergantung pada metode (Skor-z)" in text
    english = pdf_text(tie_convention.english.file("robustness"))
    assert "The place depends on the method (Z-score)" in english


def test_feedback_names_no_judge_and_keeps_its_order_on_a_reprint(
    tie_convention: TieConvention,
) -> None:
    first = pdf_text(tie_convention.final.files("feedback")[0])
    again = pdf_text(tie_convention.f4.files("feedback")[0])
    assert "Juri 1" not in first and "tanpa nama juri dan dalam urutan acak" in first
    notes = re.findall(r"(Data sebelum|Target tercapai|Gagasan baru)", first)
    assert notes and notes == re.findall(r"(Data sebelum|Target tercapai|Gagasan baru)", again)


def test_certificates_carry_no_technical_footer(tie_convention: TieConvention) -> None:
    for path in tie_convention.final.files("certificates"):
        text = pdf_text(path)
        assert "PIAGAM PENGHARGAAN" in text
        for technical in ("Dicetak pada", "Sidik jari", "Versi hasil", "Halaman"):
            assert technical not in text, (path.name, technical)
        assert "dengan tema “Inovasi Layanan Primer untuk Jakarta Kota Global”" in text
        assert _qr_codes(path) == 1


def test_the_signatories_of_a_certificate_are_printed_large_enough_to_read(
    tie_convention: TieConvention,
) -> None:
    sizes = _text_sizes(tie_convention.final.files("certificates")[1])  # the long name
    for text in ("Ketua Dewan Juri,", "NIP 19720314 199803 2 001", "Jakarta, 18 September 2025"):
        assert sizes[text] >= 10.5, (text, sizes[text])


# --- helpers -------------------------------------------------------------------------------


def pdf_pages_of(pdf: bytes) -> list[str]:
    import io  # noqa: PLC0415

    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def _qr_codes(path: object) -> int:
    """How many QR code forms the file's pages draw."""
    found = 0
    for page in PdfReader(str(path)).pages:
        objects = page["/Resources"].get("/XObject", {})
        found += sum(1 for name in objects if "juryQR" in str(name))
    return found


def _text_sizes(path: object) -> dict[str, float]:
    """Each line of text of the first page with the size it is printed at, scaling included."""
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(cm[3] * tm[3]) or abs(cm[0] * tm[0])
            sizes[text.strip()] = round(size * scale, 2)

    PdfReader(str(path)).pages[0].extract_text(visitor_text=visit)
    return sizes


def test_no_certificate_is_printed_for_a_place_still_to_be_decided(
    tie_convention: TieConvention,
) -> None:
    teams = sorted(
        path.stem.split("-", 1)[1] for path in tie_convention.draft.files("certificates")
    )
    assert teams == ["PKM-01", "RS-01", "RS-02", "RS-04"]  # not PKM-02, PKM-03: level at the cut
    decided = sorted(
        path.stem.split("-", 1)[1] for path in tie_convention.final.files("certificates")
    )
    assert decided == ["PKM-01", "PKM-02", "PKM-03", "RS-01", "RS-02", "RS-04"]
