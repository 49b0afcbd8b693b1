"""The hub's own TLS certificate: made once, kept beside the app's data, pinned by laptops."""

from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from platformdirs import user_data_path

VALID_DAYS = 3650


@dataclass(frozen=True)
class HubCertificate:
    certificate: Path
    private_key: Path
    sha256: str  # of the DER certificate, hex: what the package carries and laptops pin


def default_folder() -> Path:
    return user_data_path("juryapp", appauthor=False) / "hub-tls"


def hub_certificate(folder: Path | None = None) -> HubCertificate:
    """The hub's certificate in ``folder``, made (self-signed, ECDSA P-256) the first time.

    The private key file is readable by its owner only; whoever holds it can pose as the hub
    to the laptops that pinned this certificate, but cannot sign a receipt or a package: those
    need the convention key.
    """
    folder = folder or default_folder()
    certificate, private_key = folder / "hub.crt", folder / "hub.key"
    if not (certificate.exists() and private_key.exists()):
        _make(folder, certificate, private_key)
    der = x509.load_pem_x509_certificate(certificate.read_bytes()).public_bytes(
        serialization.Encoding.DER
    )
    return HubCertificate(certificate, private_key, hashlib.sha256(der).hexdigest())


def _make(folder: Path, certificate: Path, private_key: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "juryapp hub")])
    now = datetime.now(UTC)
    alternatives: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.DNSName(socket.gethostname() or "localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    built = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
        .sign(key, hashes.SHA256())
    )
    descriptor = os.open(private_key, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    certificate.write_bytes(built.public_bytes(serialization.Encoding.PEM))
