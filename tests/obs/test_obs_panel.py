"""The director's OBS panel renders one ObsHealth; health from another thread arrives on the UI thread."""

from __future__ import annotations

import threading
from datetime import datetime

from presenter.obs.health import LinkState, ObsHealth, ObsProblem, OutputHealth, ProblemCode
from presenter.ui.obs_panel import ObsHealthRelay, ObsPanel

SINCE = datetime(2021, 1, 19, 17, 30, 5)


def test_the_panel_shows_the_stream_and_the_manual_switch(qtbot):
    panel = ObsPanel()
    qtbot.addWidget(panel)
    assert panel.link.text() == "OBS: off (start with --obs HOST:PORT)"
    assert not panel.start_stream.isEnabled()
    problem = ObsProblem(ProblemCode.MANUAL_SCENE, "OBS: Kamera 2 — manual", SINCE)
    panel.set_health(
        ObsHealth(
            enabled=True,
            address="ws://127.0.0.1:4455",
            state=LinkState.CONNECTED,
            program_scene="Kamera 2",
            manual=True,
            transition="Cut",
            stream=OutputHealth(active=True, since=SINCE, timecode="00:12:03.120", skipped_frames=3),
            problems=(problem,),
        )
    )
    assert panel.link.text() == "OBS: connected (127.0.0.1:4455)"
    assert panel.scene.text() == "Scene: Kamera 2 — manual (the next GO takes over)"
    assert panel.stream.text() == "Stream: on since 17:30:05 · 00:12:03"
    assert panel.record.text() == "Recording: off"
    assert panel.frames.text() == "Frames: 3 dropped by the stream, 0 not rendered"
    assert panel.problems.text() == "OBS: Kamera 2 — manual"
    assert not panel.start_stream.isEnabled()  # on air already
    assert panel.start_recording.isEnabled()
    with qtbot.waitSignal(panel.start_recording_requested):
        panel.start_recording.click()


def test_health_from_the_obs_thread_reaches_the_panel(qtbot):
    panel = ObsPanel()
    qtbot.addWidget(panel)
    relay = ObsHealthRelay()
    relay.health.connect(panel.set_health)
    health = ObsHealth(enabled=True, address="ws://obs-pc:4455", state=LinkState.RECONNECTING)
    thread = threading.Thread(target=relay, args=(health,))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: panel.link.text() == "OBS: reconnecting to obs-pc:4455…")
