"""A convention made to test the printed documents, printed once for every test of this folder.

It has a tie at the cut line nobody has decided, a tie the tie-break criteria settle, a tie
the jury decides, an abstention with its reason, a missing sheet, a conflict of interest, an
outlier, long names written in more than ASCII, and some details left empty.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.bootstrap import Services, bootstrap
from juryapp.domain.access import Actor
from juryapp.domain.kinds import JudgeRole
from juryapp.domain.model import (
    Category,
    Conflict,
    ConventionDay,
    ConventionInfo,
    ConventionSpec,
    Judge,
    LevelDescriptor,
    Team,
)
from juryapp.resources import resource
from juryapp.services.publishing import Written
from tests.domain.builders import DEFAULT_CODES, DEFAULT_WEIGHTS, criterion, uniform, varied
from tests.services.conftest import (
    CHEAP_KDF,
    KEY_PASSPHRASE,
    SECRETARIAT_PASSPHRASE,
    fast_hasher,
)

PRINTED_AT = datetime(2025, 9, 18, 15, 45)
LOCK_REASON = "lembar J4 untuk RS-03 hilang; disepakati dalam sidang pleno"
ABSTAIN_REASON = "berhalangan hadir karena sakit"
DECISION_REASON = "inovasi RS Grha Kedoya lebih berkelanjutan"
# Before the lock, J4's RS-03 sheet is missing and the PKM tie at the cut line undecided (the
# draft shows both); the lock needs them settled, so the finals show an absence and a decision.
MISSING_AT_LOCK = (("J4", "RS-03"),)
MISSING_REASON = "lembar penilaian tidak diserahkan"
CUT_LINE_REASON = "paparan Puskesmas Kecamatan Cengkareng lebih lengkap"

CHAIR = "Prof. Dr. dr. Ni Luh Ayu Wulandari Ṡaraswati, Sp.PD-KGH, M.Kes., FINASIM"
JUDGES = (
    Judge("J1", CHAIR, "RSUPN Dr. Cipto Mangunkusumo", "Staf Medik Fungsional",
          "197203141998032001", JudgeRole.CHAIR),
    Judge("J2", "Dr. Muhammad Fadhil Ḥasan Al-Ghifārī, S.K.M., M.P.H.",
          "Dinas Kesehatan Provinsi DKI Jakarta", "Kepala Seksi Mutu", "198005122006041015"),
    Judge("J3", "dr. Ẹkaputra Sitompul-Nainggolan, MARS", "BPJS Kesehatan", "Asisten Deputi"),
    Judge("J4", "Ir. I Gusti Ngurah Ketut Śrī Wedhana, M.T.", "Inovator Pelayanan Publik",
          "Pakar Inovasi"),
)  # fmt: skip

LONG = "Puskesmas Kelurahan Kembangan Selatan — Jejaring Pengampuan Kanker, Jantung & Strok"
TEAMS = (
    Team("PKM-01", "Puskesmas Kecamatan Kebon Jeruk", "PKM", "SI CANTIK: Skrining Anemia Remaja",
         day=1, order=1),
    Team("PKM-02", LONG, "PKM", "Rujukan Balik Daring Pasien Kanker dan Penyakit Jantung",
         day=1, order=2),
    Team("PKM-03", "Puskesmas Kecamatan Cengkareng", "PKM", "Gerakan Lansia Bugar di Posbindu",
         day=1, order=3),
    Team("PKM-04", "Puskesmas Kecamatan Tambora", "PKM", "Kampung Bebas Jentik Terpadu",
         day=1, order=4),
    Team("RS-01", "RSUD Cengkareng", "RS", "Code Stroke Terintegrasi", day=2, order=1),
    Team("RS-02", "RS Hermina Daan Mogot", "RS", "Pulang Aman: Edukasi Pasien Jantung",
         day=2, order=2),
    Team("RS-03", "RSU Nirmala Kasih Meruya", "RS", "Code Blue Warga", day=2, order=3),
    Team("RS-04", "RS Grha Kedoya", "RS", "Early Warning Score Digital", day=2, order=4),
)  # fmt: skip

LEVELS = tuple(
    LevelDescriptor(Decimal(n), name, name_en, f"Deskripsi tingkat {n}", f"Level {n} described")
    for n, name, name_en in (
        (1, "Sangat Kurang", "Very poor"),
        (2, "Kurang", "Poor"),
        (3, "Cukup", "Fair"),
        (4, "Baik", "Good"),
        (5, "Sangat Baik", "Very good"),
    )
)

# (judge, team) → the sheet's scores; a pair not here has no sheet at all
SCORES: dict[tuple[str, str], dict[str, Decimal]] = {}
for judge in ("J1", "J2", "J3", "J4"):
    SCORES[(judge, "PKM-01")] = uniform(5)
    # the same sheets from everyone: level after every tie-break criterion, across quota 2
    SCORES[(judge, "PKM-02")] = uniform(4)
    SCORES[(judge, "PKM-03")] = uniform(4)
    # level final scores that the first tie-break criterion, K5, separates
    SCORES[(judge, "RS-01")] = varied(4, K5=5, K3=3)
    if judge != "J2":  # J2's conflict of interest
        SCORES[(judge, "RS-02")] = varied(4, K5=3, K3=5)
    # level on everything: the jury decides, and says why
    SCORES[(judge, "RS-04")] = uniform(3)
    if judge != "J4":  # J4's sheet is missing
        SCORES[(judge, "RS-03")] = uniform(3)
SCORES[("J1", "PKM-04")] = uniform(3)
SCORES[("J2", "PKM-04")] = uniform(3)
SCORES[("J4", "PKM-04")] = uniform(4)  # 75 against a mean of 58,33: flagged
NOTES = {
    ("J1", "PKM-01", "K5"): "Data sebelum dan sesudah jelas",
    ("J2", "PKM-01", "K5"): "Target tercapai dua bulan lebih cepat",
    ("J3", "PKM-01", "K3"): "Gagasan baru di tingkat kota",
}


def make_spec() -> ConventionSpec:
    info = ConventionInfo(
        name="Konvensi Mutu Pelayanan Kesehatan Kota Administrasi Jakarta Barat 2025",
        theme="Inovasi Layanan Primer untuk Jakarta Kota Global",
        organiser="Suku Dinas Kesehatan Kota Administrasi Jakarta Barat",
        organiser_head_title="Kepala Suku Dinas Kesehatan Kota Administrasi Jakarta Barat",
        city="Jakarta",
        next_level="Tingkat Provinsi DKI Jakarta",
        next_level_en="DKI Jakarta provincial level",
        parent_body="Pemerintah Provinsi Daerah Khusus Ibukota Jakarta",
        parent_office="Dinas Kesehatan",
        address="Jalan Kembangan Raya Nomor 2, Kembangan, Jakarta Barat 11610",
        telephone="(021) 5835 1120",
        email="konvensimutu.sudinkesjb@jakarta.go.id",
        logo=resource("demo", "logo.png").read_bytes(),
        # left empty on purpose: the venue, the minutes' number and the acknowledging
        # official's name and NIP are printed as lines to write on
    )
    return ConventionSpec(
        info=info,
        days=(
            ConventionDay(date(2025, 9, 17), time(8, 30)),
            ConventionDay(date(2025, 9, 18), time(9, 0)),
        ),
        categories=(
            Category("PKM", "Puskesmas", 2, "Community health centres"),
            Category("RS", "Rumah Sakit", 1, "Hospitals"),
        ),
        criteria=tuple(
            replace(criterion(code, weight), levels=LEVELS)
            for code, weight in DEFAULT_WEIGHTS.items()
        ),
        judges=JUDGES,
        teams=TEAMS,
        conflicts=(Conflict("J2", team="RS-02", reason="Juri pernah membina tim ini"),),
    )


@dataclass(frozen=True)
class Printed:
    """One print run of the convention: the files it wrote, by kind."""

    folder: Path
    written: tuple[Written, ...]

    def file(self, kind: str) -> Path:
        (found,) = [w.path for w in self.written if w.kind == kind]
        return found

    def files(self, kind: str) -> list[Path]:
        return [w.path for w in self.written if w.kind == kind]


@dataclass(frozen=True)
class TieConvention:
    database: Path
    draft: Printed  # printed before the lock
    final: Printed  # printed after it, in Indonesian on A4
    english: Printed
    f4: Printed


def _score(services: Services, console: Actor) -> None:
    for (judge, team), scores in SCORES.items():
        for code in DEFAULT_CODES:
            note = next((n for (j, t, c), n in NOTES.items() if (j, t, c) == (judge, team, code)),
                        None)  # fmt: skip
            services.scoring.set_score(console, judge, team, code, scores[code], note)
        services.scoring.submit(console, judge, team)
    services.scoring.abstain(console, "J3", "PKM-04", ABSTAIN_REASON)
    services.results.decide_tie(console, "RS", ["RS-04", "RS-03"], reason=DECISION_REASON)


def _print(services: Services, actor: Actor, folder: Path, **options: object) -> Printed:
    written = services.publishing.publish(
        actor,
        folder,
        passphrase=KEY_PASSPHRASE,
        printed_at=PRINTED_AT,
        **options,  # type: ignore[arg-type]
    )
    return Printed(folder, tuple(written))


def _settle_missing(services: Services, actor: Actor) -> None:
    """What blocks the lock, settled: the missing sheet an absence, the cut-line tie decided."""
    for judge, team in MISSING_AT_LOCK:
        services.scoring.abstain(actor, judge, team, MISSING_REASON)
    results = services.results.compute(actor)
    (pkm,) = [c for c in results.categories if c.code == "PKM"]
    level = [t.code for t in pkm.teams if t.cut_line_tie]
    services.results.decide_tie(actor, "PKM", sorted(level, reverse=True), reason=CUT_LINE_REASON)


@pytest.fixture(scope="session")
def tie_convention(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TieConvention]:
    folder = tmp_path_factory.mktemp("tie-convention")
    database = folder / "konvensi.sqlite3"
    services = bootstrap(database, hasher=fast_hasher(), kdf_cost=CHEAP_KDF)
    try:
        admin = services.accounts.create_first("admin", SECRETARIAT_PASSPHRASE)
        services.setup.create(admin, make_spec())
        services.keys.create(admin, KEY_PASSPHRASE)
        _score(services, admin)
        draft = _print(services, admin, folder / "draft")
        _settle_missing(services, admin)
        services.locking.lock(admin, LOCK_REASON, KEY_PASSPHRASE)
        yield TieConvention(
            database=database,
            draft=draft,
            final=_print(services, admin, folder / "final"),
            english=_print(services, admin, folder / "english", lang="en"),
            f4=_print(services, admin, folder / "f4", paper="F4"),
        )
    finally:
        services.close()


def pdf_pages(path: Path) -> list[str]:
    """The text of each page in reading order, as pdftotext reads it, spaces made single."""
    return [" ".join(page.split()) for page in _pdftotext(path)]


def pdf_lines(path: Path) -> list[list[str]]:
    """The lines of each page as pdftotext lays them out on the paper."""
    return [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in _pdftotext(path, "-layout")
    ]


def _pdftotext(path: Path, *options: str) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[: _page_count(path)]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))


def _page_count(path: Path) -> int:
    from pypdf import PdfReader  # noqa: PLC0415

    return len(PdfReader(path).pages)
