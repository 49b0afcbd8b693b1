"""PAdES signatures on result PDFs with the convention's key (the key itself: convention_key.py).

Only printing and verifying load this module, and with it pyHanko: the key, the QR codes,
claims and receipts need nothing of it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

from juryapp.reports.collection import collection_paused
from juryapp.reports.convention_key import ConventionKey, private_key_of
from juryapp.reports.reusing_signer import ReusingSigner

__all__ = ["SignatureRequest", "sign_pdf"]

# Room for the CMS object, in hex digits (two per byte). An ECDSA P-256 signature with its one
# certificate takes about 1.3 KB; reserving a fixed size spares pyHanko a dry-run signature.
_CMS_RESERVE_HEX = 4096
_INFO_NAME = re.compile(r"/?[A-Za-z][A-Za-z0-9]*")


# --- PDF signatures -------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _pdf_signer(key: ConventionKey) -> ReusingSigner:
    """pyHanko's signer for a key, built once: parsing PEM on every document is wasted time."""
    private_key_of(key)  # refuses a key whose parts do not belong together
    certificates = list(load_certs_from_pemder_data(key.certificate_pem))
    if len(certificates) != 1:
        raise ValueError("the key's certificate must be exactly one PEM certificate")
    return ReusingSigner(
        signing_cert=certificates[0],
        signing_key=load_private_key_from_pemder_data(key.private_key_pem, passphrase=None),
        # nothing besides the signer's own certificate, which pyHanko embeds once by itself
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )


@dataclass(frozen=True)
class SignatureRequest:
    """How every file of one print run is signed; picklable, for worker processes.

    The private key travels with it, over the pipe to the app's own spawned workers: it is
    no more exposed there than in the database it was read from.
    """

    key: ConventionKey
    reason: str
    location: str
    document_info: Mapping[str, str] = field(default_factory=dict)

    def apply(self, pdf: bytes) -> bytes:
        return sign_pdf(
            pdf,
            self.key,
            reason=self.reason,
            location=self.location,
            document_info=self.document_info,
        )


def sign_pdf(
    pdf: bytes,
    key: ConventionKey,
    *,
    reason: str,
    location: str,
    field_name: str = "JuryappSignature",
    document_info: Mapping[str, str] | None = None,
) -> bytes:
    """The PDF with a PAdES B-B signature (SHA-256, no timestamp) in a new invisible field.

    ``document_info`` entries (e.g. ``INFO_RESULTS_FINGERPRINT``) are written into the
    document information dictionary in the same revision as the signature, so it covers them.
    """
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    except Exception as exc:
        raise ValueError("the document to sign is not a readable PDF") from exc
    if document_info:
        _set_document_info(writer, document_info)
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason,
        location=location,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    signer = _pdf_signer(key)
    reserve = _CMS_RESERVE_HEX + 2 * len(key.certificate_pem)
    with collection_paused():
        output = signers.sign_pdf(writer, metadata, signer=signer, bytes_reserved=reserve)
    signed: bytes = output.getvalue()
    return signed


def _set_document_info(writer: IncrementalPdfFileWriter, entries: Mapping[str, str]) -> None:
    reference = writer.trailer.raw_get("/Info") if "/Info" in writer.trailer else None
    if reference is None:
        reference = writer.set_info(generic.DictionaryObject())  # type: ignore[no-untyped-call]
    info = reference.get_object()
    for name, value in entries.items():
        if not _INFO_NAME.fullmatch(name):
            raise ValueError(f"not a usable document information name: {name!r}")
        pdf_name = name if name.startswith("/") else "/" + name
        info[generic.NameObject(pdf_name)] = generic.TextStringObject(str(value))
    if isinstance(reference, generic.IndirectObject):
        writer.mark_update(reference)
    else:  # an /Info dictionary stored inline in the trailer: move it into an object
        writer.set_info(info)
