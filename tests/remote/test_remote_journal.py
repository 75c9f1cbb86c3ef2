"""The journal says who sent each intent ("src"), and keeps refused attempts; the run still replays."""

from __future__ import annotations

import pytest

from presenter.run.engine import ShowEngine


def test_records_say_their_source_only_inside_the_block(controller, journal):
    with controller.source("osc 127.0.0.1"):
        controller.go()
    controller.send_message("from the director")
    go, message = (record for record in journal if record["op"] in ("go", "send_message"))
    assert go["src"] == "osc 127.0.0.1"
    assert "src" not in message


def test_sources_nest_and_are_restored_after_an_error(controller, journal):
    with pytest.raises(IndexError), controller.source("http 10.0.0.5"):
        with controller.source("ws 10.0.0.6"):
            controller.go()
        controller.jump(99)
    controller.clear_message()
    assert next(r for r in journal if r["op"] == "go")["src"] == "ws 10.0.0.6"
    assert controller._source is None


def test_refused_attempt_is_journaled(controller, journal):
    controller.refused("go", "http 192.168.1.9", "wrong PIN")
    record = journal[-1]
    assert record["op"] == "refused"
    assert (record["intent"], record["src"], record["reason"]) == ("go", "http 192.168.1.9", "wrong PIN")
    assert {"wall", "mono"} <= set(record)


def test_replay_ignores_the_source_key(controller, journal, bundled_show):
    with controller.source("osc 127.0.0.1"):
        controller.go()
    engine = ShowEngine(bundled_show)
    assert engine.replay([dict(r) for r in journal if r["op"] != "refused"]) == []
    assert engine.current == 0


def test_replay_of_a_refused_attempt_gives_no_warning(controller, journal, bundled_show):
    controller.refused("go", "http 192.168.1.9", "wrong PIN")
    assert ShowEngine(bundled_show).replay([dict(r) for r in journal]) == []
