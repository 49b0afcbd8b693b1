"""Checking a signed result PDF offline: intact, whole file covered, signed by the trusted key."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from asn1crypto import algos, cms
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from juryapp.reports.convention_key import (
    certificate_fingerprint_der,
    has_low_s,
    key_id_of_certificate_der,
)
from juryapp.reports.pdf_problem import PdfProblem

__all__ = ["PdfProblem", "PdfVerdict", "read_document_info", "verify_pdf"]

_UPPER_HEX = re.compile(rb"(?:[0-9A-F]{2})+")


@dataclass(frozen=True)
class PdfVerdict:
    """What verification found. ``problems`` is empty when nothing is wrong; ``ok`` also
    needs the signature to come from the trusted certificate's key."""

    signed: bool
    intact: bool  # signed bytes unchanged, signature sound and stored exactly as written
    covers_whole_file: bool  # nothing was appended after the signature
    signer_certificate_fingerprint: str | None  # "AB:CD:…" of the embedded signer certificate
    key_id: str | None  # of the signer's public key
    matches_trusted_key: bool | None  # None when no trusted certificate was given
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Signed, intact, whole file covered and signed by the trusted key."""
        return (
            self.signed
            and self.intact
            and self.covers_whole_file
            and self.matches_trusted_key is True
            and not self.problems
        )


def _refused(*problems: PdfProblem, signed: bool = False) -> PdfVerdict:
    return PdfVerdict(
        signed=signed,
        intact=False,
        covers_whole_file=False,
        signer_certificate_fingerprint=None,
        key_id=None,
        matches_trusted_key=None,
        problems=tuple(problems),
    )


def verify_pdf(pdf: bytes, trusted_certificate_pem: bytes | None = None) -> PdfVerdict:
    """Check the PDF's signature without any network access; never raises for bad PDF bytes.

    With ``trusted_certificate_pem`` the signature must chain to that certificate and be made
    by its key; without it the embedded signer certificate is taken at its word (integrity
    only, ``matches_trusted_key`` None). A certificate that cannot be read raises ValueError.
    The trusted certificate is pinned by the caller, so documents it signed still verify after
    its end date (pyHanko does not apply validity dates to a trust anchor).
    """
    trusted = None if trusted_certificate_pem is None else _one_certificate(trusted_certificate_pem)

    # Any PDF signature dictionary holds /ByteRange; seeing it in bytes pyHanko cannot follow
    # means a signature was there, so the file is reported damaged rather than merely unsigned.
    looks_signed = b"/ByteRange" in pdf
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        all_signatures = reader.embedded_signatures
        signatures = reader.embedded_regular_signatures
    except Exception:
        return _refused(PdfProblem.UNREADABLE, signed=looks_signed)
    if not signatures:
        if looks_signed or all_signatures:
            return _refused(PdfProblem.SIGNATURE_UNREACHABLE, signed=True)
        return _refused(PdfProblem.NOT_SIGNED)
    several = (PdfProblem.SEVERAL_SIGNATURES,) if len(all_signatures) > 1 else ()
    # The first signature is the one juryapp made; anything later is an appended update.
    return _check_signature(pdf, signatures[0], trusted, several)


def _check_signature(
    pdf: bytes, embedded: Any, trusted: Any, earlier_problems: tuple[PdfProblem, ...]
) -> PdfVerdict:
    problems = list(earlier_problems)
    try:
        signer_der: bytes = embedded.signer_cert.dump()
        fingerprint = certificate_fingerprint_der(signer_der)
        key_id = key_id_of_certificate_der(signer_der)
    except Exception:
        return _refused(PdfProblem.SIGNATURE_DAMAGED, *problems, signed=True)

    matches: bool | None = None
    mismatch: PdfProblem | None = None
    if trusted is not None and key_id != key_id_of_certificate_der(trusted.dump()):
        mismatch = PdfProblem.OTHER_KEY
    elif trusted is not None and signer_der != trusted.dump():
        # Same key, yet not the certificate the caller trusts: juryapp never re-issues a
        # certificate for a key, so this is an altered embedded certificate.
        mismatch = PdfProblem.OTHER_CERTIFICATE
    if mismatch is not None:
        # No chain to build (and pyHanko would log the failed attempt); the signature is
        # still checked against its own certificate so the verdict says what else is wrong.
        matches = False
    root = trusted if trusted is not None and matches is None else embedded.signer_cert
    context = ValidationContext(trust_roots=[root], allow_fetching=False)
    try:
        # Any update after the signature is refused whatever it changes, so pyHanko's
        # difference analysis (which classifies such updates) is not needed.
        status = validate_pdf_signature(embedded, context, skip_diff=True)
    except Exception:
        return PdfVerdict(
            signed=True,
            intact=False,
            covers_whole_file=False,
            signer_certificate_fingerprint=fingerprint,
            key_id=key_id,
            matches_trusted_key=matches,
            problems=(PdfProblem.SIGNATURE_DAMAGED, *problems),
        )

    intact = bool(status.intact and status.valid)
    if not intact:
        problems.insert(0, PdfProblem.CONTENT_MODIFIED)
    elif not _signature_as_written(pdf, embedded):
        intact = False
        problems.insert(0, PdfProblem.SIGNATURE_DAMAGED)
    problems.extend(_coverage_problems(status.coverage))
    if mismatch is not None:
        problems.append(mismatch)
    elif trusted is not None:
        matches = bool(status.trusted)
        if not matches:
            problems.append(PdfProblem.NOT_TRUSTED)
    return PdfVerdict(
        signed=True,
        intact=intact,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        signer_certificate_fingerprint=fingerprint,
        key_id=key_id,
        matches_trusted_key=matches,
        problems=tuple(problems),
    )


def _coverage_problems(coverage: SignatureCoverageLevel | None) -> tuple[PdfProblem, ...]:
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return ()
    if coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        return (PdfProblem.UPDATED_AFTER_SIGNING,)
    return (PdfProblem.PARTIAL_COVERAGE,)


def _signature_as_written(pdf: bytes, embedded: Any) -> bool:
    """Whether the signature's unsigned bytes are exactly what juryapp's signing writes.

    ``/Contents`` lies outside the signed byte range, and pyHanko reads the CMS object
    leniently: it ignores bytes after it, the case of hex digits, length fields it can
    re-derive and the parts of the CMS envelope no signature covers (the SignedData version
    and digest list, extra certificates, unsigned attributes). Rebuilding the envelope from
    the covered parts and comparing bytes makes any change there count as tampering too.
    The rebuild mirrors how pyHanko's SimpleSigner writes a PAdES CMS object; should an
    upgrade change that, the tests that verify freshly signed files fail at once.
    """
    written = _written_cms(pdf, embedded.byte_range)
    if written is None or not has_low_s(embedded.signer_info["signature"].native):
        return False  # the other valid ECDSA value is an altered copy: juryapp writes the low s
    signer_info = embedded.signer_info
    certificate = embedded.signer_cert
    digest_algorithm = algos.DigestAlgorithm({"algorithm": "sha256"})
    rebuilt_signer_info = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                        {"issuer": certificate.issuer, "serial_number": certificate.serial_number}
                    )
                }
            ),
            "digest_algorithm": digest_algorithm,
            "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_ecdsa"}),
            "signed_attrs": signer_info["signed_attrs"],  # covered by the signature
            "signature": signer_info["signature"].native,  # checked by the validation
        }
    )
    rebuilt = cms.ContentInfo(
        {
            "content_type": "signed_data",
            "content": cms.SignedData(
                {
                    "version": "v1",
                    "digest_algorithms": [digest_algorithm],
                    "encap_content_info": {"content_type": "data"},
                    "certificates": [cms.CertificateChoices(name="certificate", value=certificate)],
                    "signer_infos": [rebuilt_signer_info],
                }
            ),
        }
    )
    rebuilt_der: bytes = rebuilt.dump()
    return rebuilt_der == written


def _written_cms(pdf: bytes, byte_range: Any) -> bytes | None:
    """The DER object in the gap of the byte range, if the gap is ``<HEX>`` of it + zeros."""
    try:
        start, first, second, _ = (int(value) for value in byte_range)
    except (TypeError, ValueError):
        return None
    gap = pdf[start + first : second]
    if start != 0 or len(gap) < 2 or gap[:1] != b"<" or gap[-1:] != b">":
        return None
    digits = gap[1:-1]
    if not _UPPER_HEX.fullmatch(digits):  # pyHanko writes upper-case hex
        return None
    content = bytes.fromhex(digits.decode("ascii"))
    length = _der_length(content)
    if length is None or any(content[length:]):
        return None
    return content[:length]


def _der_length(data: bytes) -> int | None:
    """The length of the DER SEQUENCE that starts ``data``, header included."""
    if len(data) < 2 or data[0] != 0x30:
        return None
    first = data[1]
    if first < 0x80:
        total = 2 + first
    else:
        count = first & 0x7F
        if count == 0 or count > 4 or len(data) < 2 + count:
            return None  # indefinite (BER) or absurd lengths are not what was written
        total = 2 + count + int.from_bytes(data[2 : 2 + count], "big")
    return total if total <= len(data) else None


def read_document_info(pdf: bytes) -> dict[str, str]:
    """The document information entries of the PDF's latest revision, as ``{"/Name": text}``.

    Trust these (e.g. ``/JuryappFingerprint``, ``/JuryappVersion``) only when ``verify_pdf``
    finds the file intact and wholly covered: then the latest revision is the signed one.
    An unreadable file gives an empty dictionary.
    """
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        info = reader.trailer_view.get("/Info")
        if info is None:
            return {}
        info = info.get_object()
        if not isinstance(info, generic.DictionaryObject):
            return {}
        return {str(name): _text(value.get_object()) for name, value in info.items()}
    except Exception:
        return {}


def _text(value: Any) -> str:
    if isinstance(value, generic.TextStringObject):
        return str(value)
    if isinstance(value, generic.ByteStringObject):
        return bytes(value).decode("latin-1")
    return str(value)


def _one_certificate(certificate_pem: bytes) -> Any:
    try:
        certificates = list(load_certs_from_pemder_data(certificate_pem))
    except Exception as exc:
        raise ValueError("the trusted certificate cannot be read") from exc
    if len(certificates) != 1:
        raise ValueError("the trusted certificate must be exactly one certificate")
    return certificates[0]


def signer_certificate_der(pdf: bytes) -> bytes | None:
    """The DER certificate embedded with the PDF's first signature (the one ``verify_pdf``
    checks), or None when there is none to read; never raises for bad PDF bytes.

    Its key is the signer's only when ``verify_pdf`` finds the signature intact.
    """
    try:
        signatures = PdfFileReader(io.BytesIO(pdf)).embedded_regular_signatures
        if not signatures:
            return None
        der: bytes = signatures[0].signer_cert.dump()
    except Exception:
        return None
    return der
