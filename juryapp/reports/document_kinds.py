"""The kinds of result document a claim or a signed PDF can speak of, with their names."""

from __future__ import annotations

from enum import IntEnum

from juryapp.domain.messages import Text

__all__ = ["DocumentKind"]


class DocumentKind(IntEnum):
    """A result document's kind; the number is what a QR claim carries, so never renumber.

    New kinds take the next free number; a reader that does not know a number refuses the
    claim rather than guess what it certifies.
    """

    SCORE_SHEET = 1
    RECAP = 2
    MINUTES = 3
    CERTIFICATE = 4
    FEEDBACK = 5
    JUDGE_RECAP = 6
    ANNOUNCEMENT = 7
    ROBUSTNESS = 8

    @property
    def token(self) -> str:
        """The name written into a signed PDF's document information: ``score_sheet`` etc."""
        return self.name.lower()

    @classmethod
    def from_token(cls, token: str) -> DocumentKind | None:
        """The kind a document-information token names, or None for an unknown one."""
        return next((kind for kind in cls if kind.token == token), None)

    @property
    def title(self) -> Text:
        """The document's name as people call it, Indonesian and English."""
        return _TITLES[self]


_TITLES = {
    DocumentKind.SCORE_SHEET: Text("Lembar Penilaian Juri", "Judge's score sheet"),
    DocumentKind.RECAP: Text("Rekapitulasi Nilai", "Score recapitulation"),
    DocumentKind.MINUTES: Text("Berita Acara Hasil Penilaian", "Minutes of the judging results"),
    DocumentKind.CERTIFICATE: Text("Piagam Penghargaan", "Certificate of award"),
    DocumentKind.FEEDBACK: Text("Lembar Umpan Balik", "Feedback sheet"),
    DocumentKind.JUDGE_RECAP: Text("Rekapitulasi Nilai Juri", "A judge's score recapitulation"),
    DocumentKind.ANNOUNCEMENT: Text("Pengumuman Pemenang", "Announcement of the winners"),
    DocumentKind.ROBUSTNESS: Text(
        "Lampiran Uji Ketahanan Peringkat", "Robustness annex of the rankings"
    ),
}
