"""Finding the hub on the venue LAN by mDNS (python-zeroconf), when no address was typed."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf

SERVICE = "_juryapp._tcp.local."


@dataclass(frozen=True)
class Found:
    address: str  # host:port
    certificate: str  # the SHA-256 the hub announces; the laptop still pins the package's


class Advertisement:
    """The hub announcing itself (convention and certificate) until ``close``."""

    def __init__(
        self, convention: str, port: int, certificate: str, addresses: list[str] | None = None
    ) -> None:
        interfaces = addresses or [own_address()]
        self._zeroconf = Zeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
        self._info = ServiceInfo(
            SERVICE,
            f"juryapp-{convention[:12]}.{SERVICE}",
            addresses=[socket.inet_aton(a) for a in interfaces],
            port=port,
            properties={"convention": convention, "certificate": certificate},
            server=f"juryapp-{convention[:12]}.local.",
        )
        self._zeroconf.register_service(self._info)

    def close(self) -> None:
        self._zeroconf.unregister_service(self._info)
        self._zeroconf.close()


def find_hub(
    convention: str, timeout: float = 3.0, addresses: list[str] | None = None
) -> Found | None:
    """The hub of this convention on the LAN, or None if none answered within ``timeout``."""
    found: list[Found] = []
    done = threading.Event()
    zeroconf = Zeroconf(interfaces=addresses or [own_address()], ip_version=IPVersion.V4Only)

    def changed(
        zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=int(timeout * 1000))
        if info is None or info.properties.get(b"convention") != convention.encode():
            return
        hosts = info.parsed_addresses()
        if hosts and info.port:
            pin = (info.properties.get(b"certificate") or b"").decode()
            found.append(Found(f"{hosts[0]}:{info.port}", pin))
            done.set()

    browser = ServiceBrowser(zeroconf, SERVICE, handlers=[changed])
    try:
        done.wait(timeout)
    finally:
        browser.cancel()
        zeroconf.close()
    return found[0] if found else None


def own_address() -> str:
    """This machine's address on the LAN, as its own name resolves (loopback if no other)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return "127.0.0.1"
    addresses = [str(info[4][0]) for info in infos]
    return next((a for a in addresses if not a.startswith("127.")), "127.0.0.1")
