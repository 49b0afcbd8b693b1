"""Checking a result PDF or a QR claim with nothing but the file or the text: no database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cryptography import x509

from juryapp.domain.messages import Text, ValidationError
from juryapp.reports.certified_words import describe_claim, describe_document
from juryapp.reports.claims import ClaimError, read_claim
from juryapp.reports.convention_key import QR_PREFIX
from juryapp.reports.document_info import read_document_facts
from juryapp.reports.fingerprint import fingerprint_of_public_key, normal_fingerprint
from juryapp.reports.verification import (
    PdfProblem,
    read_document_info,
    signer_certificate_der,
    verify_pdf,
)

__all__ = ["CheckResult", "Standing", "check_claim_text", "check_pdf"]


class Standing(StrEnum):
    """How far a document or a code can be trusted."""

    GENUINE = "genuine"  # intact and signed by the key the person expects
    INTACT = "intact"  # intact and signed by the key shown, which nobody has compared yet
    INVALID = "invalid"  # damaged, altered, unreadable or signed by another key


_VERDICTS = {
    Standing.GENUINE: Text("SAH", "VALID"),
    Standing.INTACT: Text("UTUH, KUNCI BELUM DICOCOKKAN", "INTACT, KEY NOT COMPARED"),
    Standing.INVALID: Text("TIDAK SAH", "NOT VALID"),
}


@dataclass(frozen=True)
class CheckResult:
    """What a check found; ``lines`` says it for a person, one finding a line."""

    standing: Standing
    certifies: Text | None  # in words; only when the file or code is intact
    signer_fingerprint: str | None
    expected_fingerprint: str | None
    problems: tuple[Text, ...]
    results_fingerprint: str = ""

    @property
    def ok(self) -> bool:
        """Not invalid: genuine, or intact with no key given to compare."""
        return self.standing is not Standing.INVALID

    @property
    def verdict(self) -> Text:
        return _VERDICTS[self.standing]

    def lines(self) -> tuple[Text, ...]:
        """The problems, then the notes, one line each."""
        return self.problems + self.notes()

    def notes(self) -> tuple[Text, ...]:
        """What it certifies, who signed it and what to do about the key, one line each."""
        lines: list[Text] = []
        if self.certifies is not None:
            words = self.certifies  # names may hold braces: no str.format over them
            lines.append(Text(f"mengesahkan: {words.id}", f"certifies: {words.en}"))
        if self.results_fingerprint and self.standing is not Standing.INVALID:
            lines.append(
                Text("sidik jari hasil: {f}", "results fingerprint: {f}").format(
                    f=self.results_fingerprint
                )
            )
        if self.signer_fingerprint is not None:
            lines.append(
                Text("kunci penanda tangan: {f}", "signer's key: {f}").format(
                    f=self.signer_fingerprint
                )
            )
        if self.standing is Standing.GENUINE:
            lines.append(Text("sesuai dengan kunci yang diharapkan", "matches the expected key"))
        elif self.standing is Standing.INTACT:
            lines.append(
                Text(
                    "cocokkan sidik jari kunci ini dengan yang tercetak pada Berita Acara yang "
                    "ditandatangani Dewan Juri, atau periksa lagi dengan --key",
                    "compare this key fingerprint with the one printed on the minutes the jury "
                    "signed, or check again with --key",
                )
            )
        return tuple(lines)


def check_pdf(pdf: bytes, expected_fingerprint: str | None = None) -> CheckResult:
    """Whether a signed result PDF is intact, who signed it and what it certifies.

    ``expected_fingerprint`` (as printed, in any case or spacing) makes a file signed by any
    other key invalid; ValidationError if it is not a fingerprint. Never raises for bad bytes.
    """
    expected = None if expected_fingerprint is None else normal_fingerprint(expected_fingerprint)
    verdict = verify_pdf(pdf)
    problems = [_PROBLEMS.get(p, Text(p, p)) for p in verdict.problems]
    signer = _signer_fingerprint(pdf) if verdict.signed else None
    intact = verdict.signed and verdict.intact and verdict.covers_whole_file and not problems
    facts = read_document_facts(read_document_info(pdf)) if intact else None
    if intact and signer is None:
        problems.append(_PROBLEMS[PdfProblem.SIGNATURE_DAMAGED])
    if facts is not None and signer is not None and facts.key_fingerprint:
        named = _fingerprint_or_none(facts.key_fingerprint)
        if named != signer:
            problems.append(
                Text(
                    "dokumen menyebut kunci {n}, tetapi ditandatangani kunci {s}",
                    "the document names key {n} but was signed by key {s}",
                ).format(n=facts.key_fingerprint.strip()[:40], s=signer)
            )
    _compare_key(signer, expected, problems)
    standing = _standing(problems, expected)
    valid = standing is not Standing.INVALID
    return CheckResult(
        standing=standing,
        certifies=describe_document(facts) if valid and facts is not None else None,
        signer_fingerprint=signer,
        expected_fingerprint=expected,
        problems=tuple(problems),
        results_fingerprint=facts.results_fingerprint if facts is not None else "",
    )


def check_claim_text(text: str, expected_fingerprint: str | None = None) -> CheckResult:
    """Whether a QR text is a juryapp claim intact under the key it carries, and its words.

    ``expected_fingerprint`` as for ``check_pdf``.
    """
    expected = None if expected_fingerprint is None else normal_fingerprint(expected_fingerprint)
    if isinstance(text, str) and text.strip().startswith(QR_PREFIX + ":"):
        older = Text(
            "kode QR dokumen versi lama: kode ini tidak menyebut dokumennya; "
            "periksa berkas PDF-nya",
            "the QR code of an older juryapp document: it does not name its document; "
            "check the PDF file instead",
        )
        return CheckResult(Standing.INVALID, None, None, expected, (older,))
    try:
        signed = read_claim(text)
    except ClaimError as exc:
        return CheckResult(Standing.INVALID, None, None, expected, (exc.text,))
    signer = signed.fingerprint
    problems: list[Text] = []
    _compare_key(signer, expected, problems)
    standing = _standing(problems, expected)
    words = describe_claim(signed.claim) if standing is not Standing.INVALID else None
    return CheckResult(standing, words, signer, expected, tuple(problems))


def _compare_key(signer: str | None, expected: str | None, problems: list[Text]) -> None:
    if expected is None or signer is None or signer == expected:
        return
    problems.append(
        Text(
            "ditandatangani kunci {s}, bukan kunci yang diharapkan {e}",
            "signed by key {s}, not by the expected key {e}",
        ).format(s=signer, e=expected)
    )


def _standing(problems: list[Text], expected: str | None) -> Standing:
    if problems:
        return Standing.INVALID
    return Standing.INTACT if expected is None else Standing.GENUINE


def _signer_fingerprint(pdf: bytes) -> str | None:
    der = signer_certificate_der(pdf)
    if der is None:
        return None
    try:
        return fingerprint_of_public_key(x509.load_der_x509_certificate(der).public_key())
    except ValueError:
        return None


def _fingerprint_or_none(text: str) -> str | None:
    try:
        return normal_fingerprint(text)
    except ValidationError:
        return None


_PROBLEMS: dict[str, Text] = {
    PdfProblem.UNREADABLE: Text("berkas rusak atau bukan PDF", "the file is damaged or not a PDF"),
    PdfProblem.NOT_SIGNED: Text("berkas tidak ditandatangani", "the file is not signed"),
    PdfProblem.SIGNATURE_UNREACHABLE: Text(
        "tanda tangan dihapus atau tidak terjangkau", "the signature was removed or is unreachable"
    ),
    PdfProblem.SIGNATURE_DAMAGED: Text("tanda tangan rusak", "the signature is damaged"),
    PdfProblem.CONTENT_MODIFIED: Text(
        "isi berubah setelah ditandatangani", "the content was changed after signing"
    ),
    PdfProblem.UPDATED_AFTER_SIGNING: Text(
        "berkas diperbarui setelah ditandatangani", "the file was updated after signing"
    ),
    PdfProblem.PARTIAL_COVERAGE: Text(
        "tanda tangan tidak mencakup seluruh berkas",
        "the signature does not cover the whole file",
    ),
    PdfProblem.SEVERAL_SIGNATURES: Text(
        "berkas memuat lebih dari satu tanda tangan", "the file holds more than one signature"
    ),
}
