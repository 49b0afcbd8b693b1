"""The venue LAN on loopback: laptops push over TLS, the connection is cut and comes back."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from juryapp.bootstrap import bootstrap
from juryapp.lan.client import LogPusher, PushError, PushState, push_once
from juryapp.lan.discovery import Advertisement, find_hub
from juryapp.lan.hub_process import HubProcess
from juryapp.lan.server import HubServer
from juryapp.lan.tls import HubCertificate, hub_certificate
from juryapp.services import state
from juryapp.services.changes import Change
from juryapp.services.log_format import read_bundle
from tests.services.conftest import CRITERIA
from tests.services.laptop_fixtures import Hub, Laptop, hub, make_laptop

__all__ = ["hub", "make_laptop"]

MakeLaptop = Callable[[str], Laptop]


def wait_until(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    """Poll a condition another thread makes true (the pusher, the server)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not come true in time")
        time.sleep(0.02)


@pytest.fixture
def certificate(tmp_path: Path) -> HubCertificate:
    return hub_certificate(tmp_path / "tls")


@pytest.fixture
def server(hub: Hub, certificate: HubCertificate) -> Iterator[HubServer]:
    services = bootstrap(hub.stack.path)  # the hub's own services, as serve-hub opens them
    serving = HubServer(services, hub.secretariat, hub.key, certificate, host="127.0.0.1", port=0)
    serving.start()
    yield serving
    serving.stop()
    services.close()


@pytest.fixture
def package(hub: Hub, server: HubServer, certificate: HubCertificate) -> bytes:
    """The package naming the hub's address and certificate (replaces the plain one)."""
    return hub.hub.export_package(
        hub.secretariat,
        hub.key,
        hub_address=f"127.0.0.1:{server.port}",
        hub_certificate=certificate.sha256,
    )


def enrolled(hub: Hub, laptop: Laptop, judge: str) -> None:
    actor = laptop.sign_in(judge)
    laptop.services.scoring.set_score(actor, judge, "PKM-01", "K1", Decimal(1))
    bundle = read_bundle(laptop.bundle(actor), judge)
    hub.judge_keys.enrol(hub.secretariat, judge, bundle.public_key, bundle.fingerprint)


def sheets_of(services: object, judge: str) -> dict[str, object]:
    database = services.database  # type: ignore[attr-defined]
    with database.reading() as session:
        every = state.sheet_states(session.connection())
    return {k: v for k, v in every.items() if k.startswith(f"{judge}/")}


def test_a_push_over_tls_is_merged_and_its_receipt_kept(
    hub: Hub, make_laptop: MakeLaptop, package: bytes
) -> None:
    laptop = make_laptop("j1")
    enrolled(hub, laptop, "J1")
    actor = laptop.sign_in("J1")
    laptop.fill(actor, "PKM-02", 4, submit=True)
    address, pin = laptop.services.laptop.hub()
    assert push_once(laptop.services, actor, "J1", address, pin, 0) == len(CRITERIA) + 2
    assert laptop.services.laptop.status(actor, "J1").received == len(CRITERIA) + 2
    assert sheets_of(hub.stack, "J1") == sheets_of(laptop.services, "J1")
    # the next push carries only what came after the receipt
    laptop.services.scoring.set_score(actor, "J1", "PKM-03", "K1", Decimal(2))
    assert push_once(laptop.services, actor, "J1", address, pin, len(CRITERIA) + 2) == 11
    assert sheets_of(hub.stack, "J1") == sheets_of(laptop.services, "J1")


def test_another_certificate_is_refused_and_nothing_is_sent(
    hub: Hub, make_laptop: MakeLaptop, package: bytes
) -> None:
    laptop = make_laptop("j1")
    enrolled(hub, laptop, "J1")
    actor = laptop.sign_in("J1")
    address, _ = laptop.services.laptop.hub()
    with pytest.raises(PushError, match="bukan hub sekretariat"):
        push_once(laptop.services, actor, "J1", address, "00" * 32, 0)
    assert sheets_of(hub.stack, "J1") == {}


def test_a_key_not_enrolled_is_refused_and_shown_until_someone_enrols_it(
    hub: Hub, make_laptop: MakeLaptop, package: bytes, server: HubServer
) -> None:
    laptop = make_laptop("j2")
    actor = laptop.sign_in("J2")
    laptop.fill(actor, "PKM-01", 3)
    address, pin = laptop.services.laptop.hub()
    with pytest.raises(PushError, match="belum terdaftar") as refused:
        push_once(laptop.services, actor, "J2", address, pin, 0)
    assert refused.value.refused
    fingerprint = next(iter(server.waiting.keys))
    assert server.waiting.keys[fingerprint][0] == "J2"
    judge, public_key = server.waiting.keys[fingerprint]
    hub.judge_keys.enrol(hub.secretariat, judge, public_key, fingerprint)
    assert push_once(laptop.services, actor, "J2", address, pin, 0) == len(CRITERIA)


def test_scores_typed_while_the_connection_is_cut_arrive_when_it_returns(
    hub: Hub, make_laptop: MakeLaptop, package: bytes, server: HubServer,
    certificate: HubCertificate,
) -> None:  # fmt: skip
    laptops = {code: make_laptop(code.lower()) for code in ("J1", "J2", "J4")}
    pushers: list[LogPusher] = []
    states: dict[str, list[PushState]] = {code: [] for code in laptops}
    actors = {}
    for code, laptop in laptops.items():
        enrolled(hub, laptop, code)
        actors[code] = laptop.sign_in(code)
        address, pin = laptop.services.laptop.hub()
        pusher = LogPusher(laptop.services, actors[code], address, pin, states[code].append)
        pusher.start()
        pushers.append(pusher)
    try:
        teams = ("PKM-02", "PKM-03", "PKM-05")
        for code, laptop in laptops.items():
            laptop.fill(actors[code], teams[0], 4)
            pushers[list(laptops).index(code)].notify()
        wait_until(lambda: all(s and s[-1].connected and s[-1].received for s in states.values()))
        port = server.port
        server.stop()  # the Wi-Fi drops mid-scoring
        for index, (code, laptop) in enumerate(laptops.items()):
            laptop.fill(actors[code], teams[1], 2, submit=True)
            pushers[index].notify()
        wait_until(lambda: all(s[-1].offline_since is not None for s in states.values()))
        assert all(not s[-1].connected and not s[-1].refused for s in states.values())
        services = bootstrap(hub.stack.path)
        again = HubServer(
            services, hub.secretariat, hub.key, certificate, host="127.0.0.1", port=port
        )
        again.start()
        try:
            for index, (code, laptop) in enumerate(laptops.items()):
                laptop.fill(actors[code], teams[2], 5)
                pushers[index].notify()
            last = {
                code: laptop.services.laptop.status(actors[code], code).last
                for code, laptop in laptops.items()
            }
            wait_until(
                lambda: all(
                    s[-1].connected and s[-1].received == last[c] for c, s in states.items()
                )
            )
        finally:
            again.stop()
            services.close()
    finally:
        for pusher in pushers:
            pusher.stop()
    for code, laptop in laptops.items():
        assert sheets_of(hub.stack, code) == sheets_of(laptop.services, code)


def test_the_hub_is_found_by_mdns_on_loopback(hub: Hub, certificate: HubCertificate) -> None:
    uid = hub.hub.convention_uid(hub.secretariat)
    advertisement = Advertisement(uid, 8743, certificate.sha256, ["127.0.0.1"])
    try:
        found = find_hub(uid, timeout=5.0, addresses=["127.0.0.1"])
    finally:
        advertisement.close()
    assert found is not None
    assert found.address == "127.0.0.1:8743"
    assert found.certificate == certificate.sha256


def test_the_app_serves_the_hub_from_a_second_process_until_stopped(
    hub: Hub, make_laptop: MakeLaptop, certificate: HubCertificate
) -> None:
    services = bootstrap(hub.stack.path)  # the desktop app's own services on the hub
    serving = HubProcess(services, hub.secretariat, hub.key, certificate, host="127.0.0.1", port=0)
    try:
        port = serving.start()
        assert serving.process_id() not in (None, os.getpid())  # it really runs elsewhere
        laptop = make_laptop("j2")
        laptop.services.laptop.import_package(
            hub.hub.export_package(
                hub.secretariat,
                hub.key,
                hub_address=f"127.0.0.1:{port}",
                hub_certificate=certificate.sha256,
            ),
            "paket.jurypkg",
        )
        enrolled(hub, laptop, "J2")
        actor = laptop.sign_in("J2")
        laptop.fill(actor, "PKM-02", 3, submit=True)
        address, pin = laptop.services.laptop.hub()
        assert push_once(laptop.services, actor, "J2", address, pin, 0) == len(CRITERIA) + 2
        assert sheets_of(hub.stack, "J2") == sheets_of(laptop.services, "J2")
        # the screens learn of the merge through the trail, as of one from the command line
        assert Change.SCORES in services.changes.since(0).kinds
        # a second endpoint on the same port is refused in the app, with the system's reason
        taken = HubProcess(
            services, hub.secretariat, hub.key, certificate, host="127.0.0.1", port=port
        )
        with pytest.raises(OSError, match="address already in use"):
            taken.start()
        assert taken.process_id() is None
    finally:
        serving.stop()
        services.close()
    assert serving.process_id() is None
    with pytest.raises(PushError):  # nobody listens any more
        push_once(laptop.services, actor, "J2", address, pin, len(CRITERIA) + 2)
