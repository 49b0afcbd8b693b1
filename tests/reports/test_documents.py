"""The five result documents render in both languages and print what the data holds."""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from fractions import Fraction
from statistics import mean

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from juryapp.domain.formatting import format_score
from juryapp.domain.messages import StateError
from juryapp.reports import score_sheet
from juryapp.reports.documents import (
    render_certificate,
    render_feedback,
    render_many,
    render_minutes,
    render_recap,
    render_score_sheet,
    render_set,
)
from juryapp.reports.layout import build_pdf, frame_width
from juryapp.reports.model import (
    CertificateData,
    CriterionLine,
    DocumentSet,
    DocumentStamp,
    FeedbackData,
    FeedbackLine,
    FeedbackNote,
    Header,
    JudgeInfo,
    JudgeTotal,
    MarkKind,
    MinutesCategory,
    MinutesData,
    MinutesWinner,
    RecapData,
    RecapRow,
    ScoreSheetData,
)
from juryapp.reports.one_page_sheet import OnePageSheet
from juryapp.reports.score_sheet import score_sheet_part

LONG_INSTITUTION = (
    "Rumah Sakit Umum Daerah Kecamatan Kembangan bersama Puskesmas Kelurahan Meruya Utara, "
    "Meruya Selatan, Joglo, Srengseng dalam Jejaring Pengampuan Kanker, Jantung, "
    "Stroke, dan Uronefrologi Wilayah Barat"
)
assert len(LONG_INSTITUTION) == 200

CRITERIA = (
    ("K1", "Urgensi & Identifikasi Masalah", 10),
    ("K2", "Analisis Akar Masalah", 10),
    ("K3", "Kebaruan & Kreativitas", 15),
    ("K4", "Perencanaan, Implementasi & Kolaborasi", 10),
    ("K5", "Hasil & Kemanfaatan", 15),
    ("K6", "Standardisasi, Keberlanjutan & Replikasi", 10),
    ("K7", "Kualitas Penyajian & Ketepatan Waktu", 10),
    ("K8", "Penguasaan Materi & Tanya Jawab", 20),
)

CATEGORIES = (("PKM", "Puskesmas", 3), ("RSUD", "RSUD", 3), ("RSS", "Rumah Sakit Swasta", 1))

TEAMS = (
    ("PKM-01", "PKM", "Puskesmas Kecamatan Kebon Jeruk", "SI CANTIK: Skrining Cepat Anemia Remaja"),
    ("PKM-02", "PKM", "Puskesmas Kecamatan Cengkareng", "Gerakan Lansia Bugar di Posbindu"),
    ("PKM-03", "PKM", "Puskesmas Kecamatan Kalideres", "TB Tuntas lewat Pendamping Minum Obat"),
    ("PKM-04", "PKM", "Puskesmas Kecamatan Grogol Petamburan", "Ibu Hamil Sehat dengan e-Kohort"),
    ("PKM-05", "PKM", "Puskesmas Kecamatan Tambora", "Kampung Bebas Jentik Terpadu"),
    ("PKM-06", "PKM", "Puskesmas Kecamatan Taman Sari", "Layanan Jiwa Sahabat Remaja"),
    ("PKM-07", "PKM", "Puskesmas Kecamatan Palmerah", "Deteksi Dini Hipertensi Berbasis RT"),
    ("PKM-08", "PKM", "Puskesmas Kecamatan Kembangan", "Gizi Baik untuk Cegah Stunting"),
    ("RSUD-01", "RSUD", "RSUD Cengkareng", "Code Stroke Terintegrasi Ambulans"),
    ("RSUD-02", "RSUD", LONG_INSTITUTION, "Rujukan Balik Daring Pasien Kanker"),
    ("RSUD-03", "RSUD", "RSUD Kalideres", "Antrean Farmasi Tanpa Kertas"),
    ("RSS-01", "RSS", "RS Hermina Daan Mogot", "Pulang Aman: Edukasi Pasien Jantung"),
    ("RSS-02", "RSS", "RS Siloam Kebon Jeruk", "Kamar Operasi Hijau"),
    ("RSS-03", "RSS", "RS Pondok Indah Puri Indah", "Telekonsultasi Ibu dan Anak"),
    ("RSS-04", "RSS", "RS Grha Kedoya", "Early Warning Score Digital"),
)

JUDGES = (
    JudgeInfo(
        "J1",
        "Prof. Dr. dr. Ni Luh Ayu Wulandari Ṡ, Sp.PD-KGH, M.Kes",
        "RSUPN Dr. Cipto Mangunkusumo",
        "Staf Medik Fungsional",
        "197203141998032001",
        is_chair=True,
    ),
    JudgeInfo(
        "J2",
        "Siti Nur'aini, S.KM, M.Kes",
        "Dinas Kesehatan Provinsi DKI Jakarta",
        "Kepala Seksi Mutu Layanan",
        "198005122006042015",
    ),
    JudgeInfo("J3", "dr. Andreas Êkaputra, MARS", "BPJS Kesehatan", "Asisten Deputi", ""),
    JudgeInfo("J4", "Ir. Bambang Setiawan, M.T.", "Inovator Pelayanan Publik", "Pakar Inovasi", ""),
    JudgeInfo(
        "J5", "drg. Rina Marlina, MPH", "Dinas Kesehatan Provinsi DKI Jakarta", "Analis", "19810607"
    ),
)

HEADER = Header(
    convention_name="Konvensi Mutu Bidang Kesehatan Tingkat Kota Administrasi Jakarta Barat 2024",
    theme="Health Innovation For The Prosperity of Jakarta Global City",
    organiser="Suku Dinas Kesehatan Kota Administrasi Jakarta Barat",
    organiser_head_title="Kepala Suku Dinas Kesehatan Kota Administrasi Jakarta Barat",
    organiser_head_name="dr. Erizon Safari, MKM",
    organiser_head_nip="197001011999031002",
    venue="Ruang MH Thamrin, Kantor Walikota Kota Administrasi Jakarta Barat",
    city="Jakarta",
    next_level="Tingkat Provinsi DKI Jakarta",
    parent_body=("Pemerintah Provinsi Daerah Khusus Ibukota Jakarta", "Dinas Kesehatan"),
    address="Jl. Kembangan Raya No. 2, Kembangan, Jakarta Barat 11610",
    telephone="(021) 5835 1120",
    email="konvensimutu.sudinkesjb@jakarta.go.id",
    organiser_head_rank="Pembina Utama Muda (IV/c)",
)

DAY_ONE = date(2024, 9, 18)
DAY_TWO = date(2024, 9, 19)
CONFLICT = ("J3", "RSUD-02")  # J3's own network: printed as "—" and left out of the mean
TIED = ("RSS-02", "RSS-03")  # the same scores from every judge: a shared second place
PERFECT_SHEET = ("J2", "PKM-01")  # a sheet that totals exactly 87,50
# how good each team is, as the middle of its scores on the 1–5 scale
STRENGTH = {code: 3 + (7 * n) % 3 for n, (code, *_) in enumerate(TEAMS)} | {
    "RSS-01": 5,
    "RSS-02": 4,
    "RSS-04": 3,
}


KEY_FINGERPRINT = "7K3M-Q9XA-2B4C-D5EF-GH6J"
AUDIT_HEAD = "#1234 · 3f9a…c2e1"


def stamp(lang: str = "id", *, draft: bool = False, paper: str = "A4") -> DocumentStamp:
    return DocumentStamp(
        lang=lang,  # type: ignore[arg-type]
        printed_at=datetime(2024, 9, 19, 14, 5),
        draft=draft,
        results_version=2,
        results_fingerprint="3f2a9c1b77d012aa5e0c4d1f9b8e7a6c",
        qr_payload=None if draft else "juryapp:v2:3f2a9c1b77d012aa5e0c4d1f9b8e7a6c",
        paper=paper,  # type: ignore[arg-type]
        key_fingerprint=None if draft else KEY_FINGERPRINT,
        audit_head=None if draft else AUDIT_HEAD,
    )


def scores_for(judge: str, team: str) -> dict[str, Decimal]:
    if (judge, team) == PERFECT_SHEET:
        # every criterion at 4, the three tie-break criteria at 5: Σ w·(x − 1)/4 = 350/4
        return {code: Decimal(5 if code in ("K3", "K5", "K8") else 4) for code, _, _ in CRITERIA}
    key = TIED[0] if team in TIED else team
    rng = random.Random(f"{judge}/{key}")
    level = STRENGTH[key]
    return {
        code: Decimal(min(5, max(1, level + rng.choice((-1, 0, 0, 1))))) for code, _, _ in CRITERIA
    }


def value_of(weight: int, score: Decimal) -> Fraction:
    return Fraction(weight) * (Fraction(score) - 1) / 4


def total_of(scores: dict[str, Decimal]) -> Fraction:
    return sum((value_of(w, scores[c]) for c, _, w in CRITERIA), Fraction(0))


def judges_of(team: str) -> list[JudgeInfo]:
    return [j for j in JUDGES if (j.code, team) != CONFLICT]


def finals() -> dict[str, Fraction]:
    return {
        code: sum((total_of(scores_for(j.code, code)) for j in judges_of(code)), Fraction(0))
        / len(judges_of(code))
        for code, *_ in TEAMS
    }


def ranks(category: str) -> list[tuple[str, int, bool]]:
    """(team, rank, shared) best first: competition ranking, equal finals share a place."""
    final = finals()
    codes = sorted((c for c, cat, *_ in TEAMS if cat == category), key=lambda c: -final[c])
    result = []
    for code in codes:
        rank = 1 + sum(1 for other in codes if final[other] > final[code])
        shared = sum(1 for other in codes if final[other] == final[code]) > 1
        result.append((code, rank, shared))
    return result


def team(code: str) -> tuple[str, str, str, str]:
    return next(t for t in TEAMS if t[0] == code)


def sheet(judge: JudgeInfo, code: str) -> ScoreSheetData:
    _, category, institution, title = team(code)
    scores = scores_for(judge.code, code)
    lines = tuple(
        CriterionLine(
            code=c,
            name=name,
            weight=Decimal(w),
            scale_min=Decimal(1),
            scale_max=Decimal(5),
            score=scores[c],
            value=value_of(w, scores[c]),
            note="Data dasar lengkap" if c == "K1" else "",
        )
        for c, name, w in CRITERIA
    )
    order = [t[0] for t in TEAMS].index(code) + 1
    return ScoreSheetData(
        header=HEADER,
        judge=judge,
        team_code=code,
        institution=institution,
        category_name={c: n for c, n, _ in CATEGORIES}[category],
        title=title,
        day_date=DAY_ONE if order <= 8 else DAY_TWO,
        order=order,
        criteria=lines,
        total=total_of(scores),
        notes="Presentasi runtut; data capaian perlu dibandingkan dengan tahun sebelumnya.",
    )


def recap(category: str) -> RecapData:
    final = finals()
    cat_name, quota = next((n, q) for c, n, q in CATEGORIES if c == category)
    rows = []
    for number, (code, rank, shared) in enumerate(ranks(category), start=1):
        _, _, institution, title = team(code)
        marks = tuple(
            JudgeTotal(None, MarkKind.CONFLICT)
            if (j.code, code) == CONFLICT
            else JudgeTotal(total_of(scores_for(j.code, code)))
            for j in JUDGES
        )
        rows.append(
            RecapRow(
                order_no=number,
                team_code=code,
                institution=institution,
                title=title,
                judge_totals=marks,
                final_score=final[code],
                rank=rank,
                shared_rank=shared,
                advances=rank <= quota,
                remark="Juara bersama (keputusan juri)" if shared else "",
            )
        )
    ties: tuple[str, ...] = ()
    if category == "RSS":
        ties = (
            "RS Siloam Kebon Jeruk dan RS Pondok Indah Puri Indah memperoleh nilai akhir dan nilai "
            "K5, K3, K8 yang sama; Dewan Juri menetapkan keduanya sebagai peringkat 2 bersama.",
        )
    return RecapData(
        header=HEADER,
        category_name=cat_name,
        quota=quota,
        judges=JUDGES,
        rows=tuple(rows),
        ties=ties,
        method="Rata-rata nilai juri",
        signed_on=DAY_TWO,
    )


def minutes() -> MinutesData:
    final = finals()
    categories = []
    for cat, name, quota in CATEGORIES:
        winners = tuple(
            MinutesWinner(
                rank=rank,
                shared_rank=shared,
                team_code=code,
                institution=team(code)[2],
                title=team(code)[3],
                score=final[code],
                advances=rank <= quota,
            )
            for code, rank, shared in ranks(cat)
            if rank <= 3
        )
        count = sum(1 for t in TEAMS if t[1] == cat)
        categories.append(MinutesCategory(name, quota, count, winners))
    return MinutesData(
        header=HEADER,
        number="001/BA/DJ-KMBK/IX/2024",
        date=DAY_TWO,
        place=HEADER.venue,
        jury=JUDGES,
        categories=tuple(categories),
        ties=recap("RSS").ties,
        method="rata-rata nilai juri",
        time=time(8, 30),
        days=(DAY_ONE, DAY_TWO),
        lock_note="pleno Dewan Juri",
    )


def certificate(code: str) -> CertificateData:
    _, cat, institution, title = team(code)
    _, rank, shared = next(r for r in ranks(cat) if r[0] == code)
    quota = next(q for c, _, q in CATEGORIES if c == cat)
    return CertificateData(
        header=HEADER,
        number=f"045/PIAGAM/IX/2024/{code}",
        team_code=code,
        team_name=institution,
        institution=institution,
        title=title,
        category_name=next(n for c, n, _ in CATEGORIES if c == cat),
        rank=rank,
        shared_rank=shared,
        achievement="Lolos ke Tingkat Provinsi DKI Jakarta" if rank <= quota else "",
        date=DAY_TWO,
        chair=JUDGES[0],
    )


def feedback(code: str) -> FeedbackData:
    _, cat, institution, title = team(code)
    members = [c for c, tc, *_ in TEAMS if tc == cat]

    def crit_mean(team_code: str, criterion: str) -> Fraction:
        return Fraction(
            mean(Fraction(scores_for(j.code, team_code)[criterion]) for j in judges_of(team_code))
        )

    lines = tuple(
        FeedbackLine(
            code=c,
            name=name,
            weight=Decimal(w),
            scale_min=Decimal(1),
            scale_max=Decimal(5),
            team_mean=crit_mean(code, c),
            category_mean=Fraction(mean(crit_mean(m, c) for m in members)),
            category_best=max(crit_mean(m, c) for m in members),
        )
        for c, name, w in CRITERIA
    )
    _, rank, shared = next(r for r in ranks(cat) if r[0] == code)
    notes = (
        FeedbackNote("K3", "Gagasan baru, tetapi mirip program provinsi; tonjolkan pembedanya."),
        FeedbackNote("K5", "Sajikan data sebelum–sesudah dengan periode yang sama."),
        FeedbackNote(None, "Tim menjawab pertanyaan dengan baik & lugas."),
    )
    return FeedbackData(
        header=HEADER,
        team_code=code,
        institution=institution,
        title=title,
        category_name=next(n for c, n, _ in CATEGORIES if c == cat),
        team_count=len(members),
        final_score=finals()[code],
        rank=rank,
        shared_rank=shared,
        lines=lines,
        notes=notes,
    )


def blank_sheet() -> ScoreSheetData:
    filled = sheet(JUDGES[3], "PKM-05")
    lines = tuple(replace(line, score=None, value=None, note="") for line in filled.criteria)
    return replace(
        filled,
        judge=None,
        team_code="",
        institution="",
        title="",
        order=None,
        criteria=lines,
        total=None,
        notes="",
        blank=True,
    )


def document_set() -> DocumentSet:
    sheets = tuple(sheet(j, code) for code, *_ in TEAMS for j in judges_of(code))
    winners = [code for cat, _, quota in CATEGORIES for code, rank, _ in ranks(cat) if rank <= 3]
    return DocumentSet(
        score_sheets=sheets,
        recaps=tuple(recap(cat) for cat, _, _ in CATEGORIES),
        minutes=minutes(),
        certificates=tuple(certificate(code) for code in winners),
        feedback=tuple(feedback(code) for code, *_ in TEAMS),
    )


def big_recap(teams: int, judges: int) -> RecapData:
    panel = tuple(
        JudgeInfo(f"J{n}", f"Juri Nomor {n}, S.KM", "Dinas Kesehatan", "Anggota", "", n == 1)
        for n in range(1, judges + 1)
    )
    rows = tuple(
        RecapRow(
            order_no=n,
            team_code=f"T-{n:04d}",
            institution=f"Puskesmas Kelurahan Nomor {n} Kecamatan Contoh",
            title=f"Inovasi pelayanan kesehatan nomor {n}",
            judge_totals=tuple(
                JudgeTotal(Fraction(9000 - n * 3 + j * 7, 100)) for j in range(judges)
            ),
            final_score=Fraction(9000 - n * 3, 100),
            rank=n,
            shared_rank=False,
            advances=n <= 3,
        )
        for n in range(1, teams + 1)
    )
    return replace(recap("PKM"), judges=panel, rows=rows, ties=())


# --- helpers -------------------------------------------------------------------------------


def pages_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


# --- tests ---------------------------------------------------------------------------------


def test_sample_has_the_promised_shape() -> None:
    assert len(TEAMS) == 15
    assert total_of(scores_for(*PERFECT_SHEET)) == Fraction(175, 2)
    assert finals()[TIED[0]] == finals()[TIED[1]]
    assert [(r, s) for c, r, s in ranks("RSS") if c in TIED] == [(2, True), (2, True)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_score_sheet(lang: str) -> None:
    text = text_of(render_score_sheet(sheet(JUDGES[1], "PKM-01"), stamp(lang)))
    assert "87,50" in text if lang == "id" else "87.50" in text
    assert "Siti Nur'aini, S.KM, M.Kes" in text
    assert "Puskesmas Kecamatan Kebon Jeruk" in text
    assert "Urgensi & Identifikasi Masalah" in text
    if lang == "id":
        for word in ("LEMBAR PENILAIAN JURI", "No", "Kriteria", "Bobot", "Skor", "Nilai"):
            assert word in text
        assert "Rabu, 18 September 2024" in text
        assert "Halaman 1 dari 1" in text
        assert "Juri," in text
        assert "NIP 19800512 200604 2 015" in text  # grouped as it is printed under a name
    else:
        assert "JUDGE'S SCORE SHEET" in text
        assert "Wednesday, 18 September 2024" in text
        assert "Page 1 of 1" in text


def table_layout(data: ScoreSheetData, lang: str = "id") -> bytes:
    """The sheet laid out as ReportLab tables, as a sheet longer than a page always is."""
    st = stamp(lang)
    part = replace(
        score_sheet_part(data, st),
        flowables=tuple(score_sheet._flowables(data, lang, frame_width(st, "portrait"))),
    )
    return build_pdf([part], st)


def placed_text(pdf: bytes) -> list[tuple[str, float, float]]:
    """Every piece of text with where it stands on its page, to a tenth of a point."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), round(x, 1), round(y, 1)))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sorted(found)


def test_a_one_page_sheet_is_drawn_without_tables_and_reads_the_same() -> None:
    data = sheet(JUDGES[2], "RSUD-02")  # the 200-character institution wraps
    (drawn,) = score_sheet_part(data, stamp()).flowables
    assert isinstance(drawn, OnePageSheet)
    direct, tables = render_score_sheet(data, stamp()), table_layout(data)
    assert len(pages_text(direct)) == 1
    # the same texts at the same places as the tables would put them
    assert placed_text(direct) == placed_text(tables)
    assert len(placed_text(direct)) > 80


def test_a_sheet_longer_than_a_page_goes_on_over_two_as_tables() -> None:
    remark = "Catatan juri nomor {} tentang data capaian, akar masalah dan tindak lanjut."
    data = replace(
        sheet(JUDGES[0], "PKM-02"),
        notes=" ".join(remark.format(n) for n in range(1, 80)),
        criteria=tuple(
            replace(line, note="Bukti dukung perlu dilengkapi dengan data tiga tahun. " * 4)
            for line in sheet(JUDGES[0], "PKM-02").criteria
        ),
    )
    text = pages_text(render_score_sheet(data, stamp()))
    assert len(text) == 3  # criteria; notes; the rest of the notes and the signature
    assert pages_text(table_layout(data)) == text
    assert "Halaman 2 dari 3" in text[1]
    assert "nomor 40 tentang" in text[1]  # no page left empty before the long notes
    joined = " ".join(text)
    assert "nomor 1 tentang" in joined and "nomor 79 tentang" in joined
    assert "NIP 19720314 199803 2 001" in text[-1]  # the signature follows the notes over


def test_blank_paper_form() -> None:
    text = text_of(render_score_sheet(blank_sheet(), stamp()))
    assert "LEMBAR PENILAIAN JURI" in text
    assert "Skor (1–5)" in text
    assert "Penguasaan Materi & Tanya Jawab" in text
    assert "100" in text  # the weights add up on the form
    assert not re.search(r"\d+,\d\d", text.split("Dicetak pada")[0])  # no scores on a blank


@pytest.mark.parametrize("lang", ["id", "en"])
def test_recap_shows_conflict_tie_and_advancement(lang: str) -> None:
    rsud = text_of(render_recap(recap("RSUD"), stamp(lang)))
    assert LONG_INSTITUTION in rsud  # wrapped over several lines, never cut
    assert "—" in rsud
    rss = text_of(render_recap(recap("RSS"), stamp(lang)))
    assert ("2 (bersama)" if lang == "id" else "2 (shared)") in rss
    assert "peringkat 2 bersama" in rss  # the tie decision is printed
    if lang == "id":
        assert "REKAPITULASI NILAI" in rss
        for word in ("Nilai Akhir", "Peringkat", "Keterangan", "DEWAN JURI", "Ketua"):
            assert word in rss
        assert "Lolos ke Tingkat Provinsi DKI Jakarta" in rss
        assert "Dicetak pada Kamis, 19 September 2024 pukul 14.05" in rss
        assert "Versi hasil 2" in rss
    else:
        assert "SCORE RECAPITULATION" in rss
        assert "Advances to the Tingkat Provinsi DKI Jakarta" in rss
        assert "Printed on Thursday, 19 September 2024 at 14:05" in rss
    for judge in JUDGES:
        assert judge.name in rss


def test_recap_scores_use_the_decimal_comma() -> None:
    text = text_of(render_recap(recap("PKM"), stamp()))
    final = finals()["PKM-01"]
    assert format_score(final, "id") in text
    assert "," in format_score(final, "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_minutes(lang: str) -> None:
    text = text_of(render_minutes(minutes(), stamp(lang)))
    if lang == "id":
        assert "BERITA ACARA HASIL PENILAIAN" in text
        assert (
            "Pada hari ini Kamis tanggal sembilan belas bulan September tahun dua ribu dua puluh "
            "empat" in text
        )
        assert "bertempat di Ruang MH Thamrin" in text
        assert (
            "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan "
            "sebagaimana mestinya." in text
        )
        assert "Mengetahui," in text
        assert "Juara I" in text and "Juara II (bersama)" in text
        assert "NIP 19700101 199903 1 002" in text
    else:
        assert "MINUTES OF THE JUDGING RESULTS" in text
        assert "Thursday, the nineteenth day of September in the year two thousand" in text
        assert "Second place (shared)" in text
    assert "001/BA/DJ-KMBK/IX/2024" in text
    assert "dr. Erizon Safari, MKM" in text
    for judge in JUDGES:
        assert judge.name in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_certificate(lang: str) -> None:
    pdf = render_certificate(certificate("RSUD-02"), stamp(lang))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    text = text_of(pdf)
    assert LONG_INSTITUTION in text
    if lang == "id":
        assert "PIAGAM PENGHARGAAN" in text and "diberikan kepada" in text
        assert "Lolos ke Tingkat Provinsi DKI Jakarta" in text
        assert "Juara" in text
        assert "Halaman" not in text
    else:
        assert "CERTIFICATE OF AWARD" in text and "is presented to" in text
    assert "Prof. Dr. dr. Ni Luh Ayu Wulandari Ṡ, Sp.PD-KGH, M.Kes" in text


def test_shared_rank_on_a_certificate() -> None:
    text = text_of(render_certificate(certificate(TIED[0]), stamp()))
    assert "Juara II (bersama)" in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_feedback(lang: str) -> None:
    text = text_of(render_feedback(feedback("PKM-03"), stamp(lang)))
    assert ("LEMBAR UMPAN BALIK" if lang == "id" else "FEEDBACK SHEET") in text
    assert ("Juri 1" if lang == "id" else "Judge 1") not in text  # no number points to a judge
    assert "Tim menjawab pertanyaan dengan baik & lugas." in text
    assert "Kebaruan & Kreativitas" in text
    for judge in JUDGES:  # the notes never say who wrote them
        assert judge.name not in text
    if lang == "id":
        assert "Rata-rata Tim" in text and "Terbaik di Kategori" in text
        assert re.search(r"\b\d,\d\d\b", text)  # criterion means with a decimal comma


def test_draft_watermark_only_on_drafts() -> None:
    data = recap("RSS")
    draft = text_of(render_recap(data, stamp(draft=True)))
    assert "DRAF" in draft and "DRAFT" not in draft  # the word the app uses, in Indonesian
    assert "DRAFT" in text_of(render_recap(data, stamp("en", draft=True)))
    assert "DRAF" not in text_of(render_recap(data, stamp()))
    assert "DRAF" in text_of(render_certificate(certificate("PKM-01"), stamp(draft=True)))
    assert "DRAF" not in text_of(render_certificate(certificate("PKM-01"), stamp()))


def test_final_footer_carries_fingerprint_and_key() -> None:
    text = text_of(render_minutes(minutes(), stamp()))
    assert "Sidik jari hasil 3F2A 9C1B 77D0 12AA" in text
    assert f"Sidik jari kunci {KEY_FINGERPRINT}" in text  # the whole fingerprint, every page


def test_recap_of_120_teams_repeats_its_header_on_every_page() -> None:
    pages = pages_text(render_recap(big_recap(120, 5), stamp()))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
    table_pages = [page for page in pages if "T-0" in page]
    assert len(table_pages) >= 3
    for page in table_pages:
        assert "Nilai Akhir" in page and "Peringkat" in page and "Nilai Juri" in page
    assert "T-0120" in pages[-1] or "T-0120" in pages[-2]


def test_f4_paper_is_taller_than_a4() -> None:
    a4 = PdfReader(io.BytesIO(render_minutes(minutes(), stamp())))
    f4 = PdfReader(io.BytesIO(render_minutes(minutes(), stamp(paper="F4"))))
    assert round(float(a4.pages[0].mediabox.height) / 72 * 25.4) == 297
    assert round(float(f4.pages[0].mediabox.height) / 72 * 25.4) == 330


def test_a_combined_file_numbers_each_document_on_its_own() -> None:
    pdf = render_many([sheet(JUDGES[0], "PKM-02"), recap("PKM"), minutes()], stamp())
    pages = pages_text(pdf)
    assert "Halaman 1 dari 1" in pages[0]
    assert "Halaman 1 dari" in pages[1]
    assert sum("Halaman 1 dari" in page for page in pages) == 3


def _first_pages(pages: list[str], title: str) -> list[str]:
    """The text of each page that opens a document with this title, in the file's order."""
    return [page for page in pages if title in page and "Halaman 1 dari" in page]


def test_the_whole_set_renders_every_document_in_its_order() -> None:
    documents = document_set()
    pages = pages_text(render_set(documents, stamp()))
    assert len(pages) >= 74 + 3 + 1 + 9 + 15
    # every document but the certificates numbers its own pages from 1
    numbered = len(documents.documents()) - len(documents.certificates)
    assert sum("Halaman 1 dari" in page for page in pages) == numbered
    assert "BERITA ACARA HASIL PENILAIAN" in pages[0]
    recaps = _first_pages(pages, "REKAPITULASI NILAI")
    assert len(recaps) == 3
    assert ["KATEGORI PUSKESMAS" in page for page in recaps] == [True, False, False]
    sheets = _first_pages(pages, "LEMBAR PENILAIAN JURI")
    assert len(sheets) == len(documents.score_sheets)
    for page, sheet_data in zip(sheets, documents.score_sheets, strict=True):
        assert f"Kode Peserta : {sheet_data.team_code} " in page
        assert sheet_data.judge.name in page
    feedback = _first_pages(pages, "LEMBAR UMPAN BALIK")
    assert [re.search(r"Kode Peserta : (\S+)", page)[1] for page in feedback] == [  # type: ignore[index]
        data.team_code for data in documents.feedback
    ]
    certificates = [page for page in pages if "PIAGAM PENGHARGAAN" in page]
    assert [re.search(r"Nomor: (\S+)", page)[1] for page in certificates] == [  # type: ignore[index]
        data.number for data in documents.certificates
    ]


def png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, width - 3, height - 3), outline=colour, width=max(2, width // 30))
    draw.line((width // 5, height * 2 // 3, width * 4 // 5, height // 3), fill=colour, width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_logo_and_signature_images() -> None:
    header = replace(HEADER, logo=png(240, 240, (20, 60, 120)))
    signed = replace(JUDGES[0], signature_png=png(400, 160, (10, 10, 90)))
    pdf = render_score_sheet(replace(sheet(signed, "PKM-02"), header=header), stamp())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages[0].images) == 2  # the letterhead's logo and the signature
    cert = render_certificate(replace(certificate("PKM-01"), header=header, chair=signed), stamp())
    assert len(PdfReader(io.BytesIO(cert)).pages) == 1


def test_the_logo_is_embedded_once_however_many_pages_show_it() -> None:
    header = replace(HEADER, logo=png(240, 240, (20, 60, 120)))
    sheets = [replace(sheet(JUDGES[1], code), header=header) for code, *_ in TEAMS[:6]]
    one, six = render_many(sheets[:1], stamp()), render_many(sheets, stamp())
    assert len(PdfReader(io.BytesIO(six)).pages) == 6
    assert six.count(b"/Subtype /Image") == one.count(b"/Subtype /Image") >= 1


def test_a_damaged_logo_is_refused_with_a_message_a_person_can_act_on() -> None:
    header = replace(HEADER, logo=b"\x89PNG\r\n\x1a\n" + bytes(60))
    with pytest.raises(StateError) as caught:
        render_minutes(replace(minutes(), header=header), stamp())
    assert "logo" in caught.value.text.id and "Pengaturan" in caught.value.text.id


@pytest.mark.slow
def test_a_recap_of_1000_teams_and_20_judges() -> None:
    pages = pages_text(render_recap(big_recap(1000, 20), stamp()))
    assert len(pages) > 20
    assert "T-1000" in " ".join(pages[-3:])
    assert all("Nilai Akhir" in page for page in pages if "T-" in page)


def test_a_recap_of_twenty_judges_still_names_its_teams() -> None:
    """Many judges' columns give way to the teams' names; an outlier keeps its frame and key."""
    recap_data = big_recap(12, 20)
    rows = tuple(
        replace(
            row,
            judge_totals=tuple(
                replace(mark, total=Fraction(10000, 100), outlier=j == 3)
                for j, mark in enumerate(row.judge_totals)
            ),
        )
        for row in recap_data.rows
    )
    pdf = render_recap(replace(recap_data, rows=rows, outlier_threshold=Fraction(15)), stamp())
    text = text_of(pdf)
    assert "Puskesmas Kelurahan Nomor 12" in text and "100,00" in text
    assert "nilai berbingkai tebal: nilai juri berbeda lebih dari 15,00 poin" in text
