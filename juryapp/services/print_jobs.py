"""Which files a print run writes, what they are called and how the combined files group them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from juryapp.interchange.file_names import safe_file_name
from juryapp.reports.model import DocumentData, DocumentSet
from juryapp.services.documents import Kind

ALL = "all"  # the combined file of everything printed on plain paper
ALL_CERTIFICATES = "all-certificates"  # every certificate in one file, for card stock

FILE_NAMES: dict[str, dict[str, str]] = {
    "id": {
        Kind.MINUTES: "berita-acara",
        Kind.RECAP: "rekapitulasi",
        Kind.ROBUSTNESS: "lampiran-uji-ketahanan",
        Kind.ANNOUNCEMENT: "pengumuman-pemenang",
        Kind.JUDGE_RECAP: "rekapitulasi-juri",
        Kind.SHEETS: "lembar-penilaian",
        Kind.FEEDBACK: "umpan-balik",
        Kind.CERTIFICATES: "piagam",
        Kind.BLANK: "formulir-penilaian-kosong",
        Kind.DECLARATIONS: "pernyataan-konflik-kepentingan",
        Kind.ATTENDANCE: "daftar-hadir",
        ALL: "semua-dokumen",
        ALL_CERTIFICATES: "semua-piagam",
    },
    "en": {
        Kind.MINUTES: "minutes",
        Kind.RECAP: "recap",
        Kind.ROBUSTNESS: "robustness-annex",
        Kind.ANNOUNCEMENT: "announcement",
        Kind.JUDGE_RECAP: "judge-recap",
        Kind.SHEETS: "score-sheets",
        Kind.FEEDBACK: "feedback",
        Kind.CERTIFICATES: "certificate",
        Kind.BLANK: "blank-score-forms",
        Kind.DECLARATIONS: "conflict-of-interest-declarations",
        Kind.ATTENDANCE: "attendance",
        ALL: "all-documents",
        ALL_CERTIFICATES: "all-certificates",
    },
}

# The bookmarks of the combined file, one group per kind of document
BOOKMARKS: dict[str, dict[str, str]] = {
    "id": {
        Kind.MINUTES: "Berita Acara Hasil Penilaian",
        Kind.RECAP: "Rekapitulasi Nilai",
        Kind.ROBUSTNESS: "Lampiran Uji Ketahanan Peringkat",
        Kind.ANNOUNCEMENT: "Pengumuman Pemenang",
        Kind.JUDGE_RECAP: "Rekapitulasi Nilai Juri",
        Kind.SHEETS: "Lembar Penilaian Juri",
        Kind.FEEDBACK: "Lembar Umpan Balik",
        Kind.CERTIFICATES: "Piagam Penghargaan",
    },
    "en": {
        Kind.MINUTES: "Minutes of the judging results",
        Kind.RECAP: "Score recapitulation",
        Kind.ROBUSTNESS: "Robustness annex",
        Kind.ANNOUNCEMENT: "Announcement of the winners",
        Kind.JUDGE_RECAP: "Judges' score recapitulations",
        Kind.SHEETS: "Judges' score sheets",
        Kind.FEEDBACK: "Feedback sheets",
        Kind.CERTIFICATES: "Certificates of award",
    },
}
COMBINED_TITLES = {
    "id": ("{name} — berkas cetak hasil penilaian, versi {version}", "{name} — piagam penghargaan"),
    "en": ("{name} — results print set, version {version}", "{name} — certificates of award"),
}


@dataclass(frozen=True)
class Job:
    """One file of a print run: its documents, its name and its bookmark in a combined file."""

    kind: Kind
    name: str  # the file's name without ".pdf"
    documents: list[DocumentData]
    bookmark: str = ""  # under the kind's own bookmark; empty for a kind with one file


def print_jobs(
    documents: DocumentSet, category_codes: list[str], chosen: list[Kind], lang: str
) -> list[Job]:
    """Which PDF files to write, in printing order: one per document a person handles alone."""
    names = FILE_NAMES["en" if lang == "en" else "id"]
    jobs: list[Job] = []
    for kind in Kind:
        if kind in chosen:
            jobs += _jobs_of(kind, documents, category_codes, names[kind])
    return jobs


Entry = tuple[str, list[DocumentData], str]  # file name suffix, documents, bookmark


def _jobs_of(kind: Kind, documents: DocumentSet, category_codes: list[str], name: str) -> list[Job]:
    return [
        # every name built from a code goes through the one sanitiser (see file_names)
        Job(kind, safe_file_name(f"{name}-{suffix}") if suffix else name, parts, bookmark)
        for suffix, parts, bookmark in _entries(kind, documents, category_codes)
        if parts
    ]


def _entries(kind: Kind, documents: DocumentSet, category_codes: list[str]) -> list[Entry]:
    entries: dict[Kind, Callable[[], list[Entry]]] = {
        Kind.MINUTES: lambda: [("", _present(documents.minutes), "")],
        Kind.ROBUSTNESS: lambda: [("", _present(documents.robustness), "")],
        Kind.ANNOUNCEMENT: lambda: [("", _present(documents.announcement), "")],
        Kind.RECAP: lambda: [
            (code, [recap], recap.category_name)
            for recap, code in zip(documents.recaps, category_codes, strict=True)
        ],
        Kind.JUDGE_RECAP: lambda: [
            (r.judge.code, [r], f"{r.judge.code} — {r.judge.name}") for r in documents.judge_recaps
        ],
        Kind.SHEETS: lambda: _sheets_by_judge(documents),
        Kind.FEEDBACK: lambda: [
            (f.team_code, [f], f"{f.team_code} — {f.institution}") for f in documents.feedback
        ],
        Kind.CERTIFICATES: lambda: [
            (c.team_code, [c], f"{c.team_code} — {c.team_name}") for c in documents.certificates
        ],
        # the forms: all of one kind in one file, each document numbered on its own
        Kind.BLANK: lambda: [
            ("", [*_present(documents.guide), *(s for s in documents.score_sheets if s.blank)], "")
        ],
        Kind.DECLARATIONS: lambda: [("", list(documents.declarations), "")],
        Kind.ATTENDANCE: lambda: [("", list(documents.attendance), "")],
    }
    return entries[kind]()


def _sheets_by_judge(documents: DocumentSet) -> list[Entry]:
    """One file per judge: the sheets a judge signs together."""
    mine: dict[str, list[DocumentData]] = {}
    names: dict[str, str] = {}
    for sheet in documents.score_sheets:
        if not sheet.blank and sheet.judge is not None:
            mine.setdefault(sheet.judge.code, []).append(sheet)
            names[sheet.judge.code] = sheet.judge.name
    return [(code, sheets, f"{code} — {names[code]}") for code, sheets in mine.items()]


def _present(document: DocumentData | None) -> list[DocumentData]:
    return [document] if document is not None else []
