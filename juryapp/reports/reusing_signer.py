"""pyHanko's signer, reusing the first CMS container it assembles for the signatures after it."""

from __future__ import annotations

from typing import Any

from asn1crypto import cms
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from juryapp.reports.convention_key import with_low_s

# Signed attributes whose values depend on the key alone, never on the document or the time.
# The message digest is the one that changes, and is set afresh for each signature.
REUSABLE_ATTRIBUTES = frozenset({"content_type", "message_digest", "signing_certificate_v2"})


class ReusingSigner(signers.SimpleSigner):
    """A ``SimpleSigner`` that assembles each container after the first from the first one.

    With PAdES attributes and no timestamp, two signatures by one key differ only in the
    document's digest and the signature value: assembling the whole container afresh through
    asn1crypto was three quarters of the time of signing a one-page document. The first
    container of each kind is made by pyHanko itself and kept only if every signed attribute in
    it is one of ``REUSABLE_ATTRIBUTES`` and it has no unsigned ones; anything else (a
    timestamp, a signing time, CAdES extras, a dry run) goes through pyHanko every time.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._containers: dict[tuple[str, bool], bytes] = {}

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run: bool = False,
        use_pades: bool = False,
        timestamper: Any = None,
        signed_attr_settings: PdfCMSSignedAttributes | None = None,
        is_pdf_sig: bool = True,
        encap_content_info: Any = None,
    ) -> cms.ContentInfo:
        reusable = (
            not dry_run
            and is_pdf_sig
            and timestamper is None
            and encap_content_info is None
            and _plain_settings(signed_attr_settings)
        )
        kind = (digest_algorithm, use_pades)
        kept = self._containers.get(kind) if reusable else None
        if kept is None:
            container: cms.ContentInfo = await super().async_sign(
                data_digest,
                digest_algorithm,
                dry_run=dry_run,
                use_pades=use_pades,
                timestamper=timestamper,
                signed_attr_settings=signed_attr_settings,
                is_pdf_sig=is_pdf_sig,
                encap_content_info=encap_content_info,
            )
            if reusable and _only_key_bound_attributes(container):
                self._containers[kind] = container.dump()
            return container
        container = cms.ContentInfo.load(kept)
        signer_info = container["content"]["signer_infos"][0]
        attributes = signer_info["signed_attrs"]
        for attribute in attributes:
            if attribute["type"].native == "message_digest":
                attribute["values"] = [data_digest]
        # what is signed is the attributes' DER as a SET, not with the [0] tag they carry inside
        signature = await self.async_sign_raw(attributes.untag().dump(), digest_algorithm)
        signer_info["signature"] = signature
        return container

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        """The signature with the low ``s`` (convention keys are ECDSA P-256, checked when
        the signer is built): the one form verification accepts."""
        return with_low_s(super().sign_raw(data, digest_algorithm))


def _plain_settings(settings: PdfCMSSignedAttributes | None) -> bool:
    """No CAdES extras and no revocation data: only the signing time, which PAdES leaves out."""
    if settings is None:
        return True
    if settings.cades_signed_attrs is not None:
        return False
    return getattr(settings, "adobe_revinfo_attr", None) is None


def _only_key_bound_attributes(container: cms.ContentInfo) -> bool:
    signer_infos = container["content"]["signer_infos"]
    if len(signer_infos) != 1:
        return False
    signer_info = signer_infos[0]
    if signer_info["unsigned_attrs"].native:
        return False
    names = [attribute["type"].native for attribute in signer_info["signed_attrs"]]
    return len(names) == len(set(names)) and set(names) <= REUSABLE_ATTRIBUTES
