"""Remote tests: a controller with a journal kept in memory, and the remote on free ports of 127.0.0.1."""

from __future__ import annotations

import pytest
from remote_helpers import PIN


@pytest.fixture
def journal():
    return []


@pytest.fixture
def controller(qapp, bundled_show, journal):
    from presenter.controller import ShowController

    controller = ShowController(bundled_show)
    controller.attach_journal(journal.append)
    yield controller
    controller._heartbeat.stop()


@pytest.fixture
def remote(controller):
    from presenter.remote.auth import Secrets
    from presenter.remote.service import Remote

    remote = Remote(controller, Secrets(PIN))
    yield remote
    remote.close()


@pytest.fixture
def http(remote):
    assert remote.start_http("127.0.0.1", 0, remember=False)
    return f"http://127.0.0.1:{remote.http_address[1]}"


@pytest.fixture(autouse=True)
def _intent_table_as_it_was():
    """start_remote registers the question intents for good; each test starts from the table it found."""
    from presenter.remote import intents as table

    registry, parts = dict(table._REGISTRY), dict(table._STATE_PARTS)
    yield
    table._REGISTRY.clear()
    table._REGISTRY.update(registry)
    table._STATE_PARTS.clear()
    table._STATE_PARTS.update(parts)
