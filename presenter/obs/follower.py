"""The OBS link: one thread with its own asyncio loop keeps the connection, follows the show, polls health.

Every public method returns at once and never raises (the show never waits for OBS): a cue is handed
to the loop, a request returns a Future. The connection is retried with back-off for ever: OBS not
running yet, closed or restarted mid-show, a wrong password: each is a problem in the health, and the
scene the show wants is set again as soon as OBS answers.

The client is simpleobsws: one asyncio WebSocket for requests and events, so a scene set and the event
that confirms it travel on the same connection and the loop needs no second thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import logging
import threading
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import simpleobsws  # type: ignore[import-untyped]

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.obs.checked import count as _count
from presenter.obs.checked import number as _number
from presenter.obs.checked import text as _text
from presenter.obs.health import LinkState, ObsHealth, ObsProblem, OutputHealth, ProblemCode, percent, problem_text
from presenter.obs.quick_ack import ack_at_once
from presenter.obs.scenes import ObsCue
from presenter.obs.tracking import SceneTracker

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
REQUEST_TIMEOUT_S = 5.0
AUTH_FAILED = 4009  # obs-websocket's close code for a wrong password
NOT_FOUND = 600  # obs-websocket's "ResourceNotFound" (no scene of that name)
CONGESTED = 0.25  # OBS's congestion (0 … 1) from which the director is told
DROPPED_SHARE = 0.01  # a stream that drops 1 % of its frames (recently) is a problem
RENDER_LAG_SHARE = 0.05
_WINDOW = 10  # polls over which frame losses are counted ("recently")
_NOT_CONNECTED = QT_TRANSLATE_NOOP("Obs", "OBS is not connected")


class EventGroup(enum.IntFlag):
    """obs-websocket's EventSubscription bits, those the link listens to."""

    GENERAL = 1 << 0  # OBS quitting
    SCENES = 1 << 2  # the program scene, scenes made or renamed
    OUTPUTS = 1 << 6  # stream and recording


# Not Transitions: each cut sends three of them (started, video ended, ended) that tell nothing new; the
# transition's name is polled. Nor inputs, scene items, filters or media: the technician's work in OBS would
# wake this thread for nothing.
EVENTS = EventGroup.GENERAL | EventGroup.SCENES | EventGroup.OUTPUTS


@dataclass(frozen=True)
class Backoff:
    first_s: float = 0.5
    longest_s: float = 5.0


@dataclass(frozen=True)
class ObsReply:
    """The answer to a request from the director (start stream, start recording …)."""

    ok: bool
    text: str = ""  # why not, in plain words
    data: dict[str, Any] | None = None


class ObsFollower:
    """Follows the show in OBS (`follow(cue)`), reports the stream's health (`health()`, `on_health`)."""

    def __init__(
        self,
        address: str,
        password: str = "",
        *,
        on_health: Callable[[ObsHealth], None] | None = None,
        poll_s: float = 1.0,
        backoff: Backoff = Backoff(),
        now: Callable[[], datetime] = datetime.now,
    ):
        self._url = address
        self._password = password
        self._on_health = on_health
        self._poll_s = poll_s
        self._backoff = backoff
        self._now = now
        self._loop = asyncio.new_event_loop()
        self._stopping = asyncio.Event()
        self._retarget = asyncio.Event()  # new address or password: end the session or the pause, connect again
        self._session_task: asyncio.Task[bool] | None = None
        self._thread = threading.Thread(target=self._run, name="presenter-obs", daemon=True)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._client: Any = None  # simpleobsws.WebSocketClient while identified
        self._tracker = SceneTracker()
        self._state = LinkState.CONNECTING
        self._ever_connected = False
        self._stream = OutputHealth()
        self._record = OutputHealth()
        self._stream_stop_asked = False
        self._stream_stopped_outside = False
        self._frames: deque[tuple[int, int, int, int]] = deque(maxlen=_WINDOW)  # stream (skipped, total), render
        self._stats: dict[str, Any] = {}
        self._transition: str | None = None
        self._version: str | None = None
        self._since: dict[ProblemCode, datetime] = {}
        self._health = ObsHealth(enabled=True, address=address, state=LinkState.CONNECTING)

    # -- the caller's side (any thread; returns at once)

    def start(self) -> None:
        self._thread.start()

    def follow(self, cue: ObsCue) -> None:
        """A new show state; OBS's program scene follows at once when the show made a transition."""
        self._call(self._on_cue, cue)

    def health(self) -> ObsHealth:
        return self._health

    def start_stream(self) -> concurrent.futures.Future[ObsReply]:
        return self._submit(self._output_request("StartStream"))

    def stop_stream(self) -> concurrent.futures.Future[ObsReply]:
        """Only on the director's explicit, confirmed wish; the end of the show never stops the stream."""
        return self._submit(self._output_request("StopStream"))

    def start_recording(self) -> concurrent.futures.Future[ObsReply]:
        return self._submit(self._output_request("StartRecord"))

    def stop_recording(self) -> concurrent.futures.Future[ObsReply]:
        return self._submit(self._output_request("StopRecord"))

    def request(self, request_type: str, data: dict[str, Any] | None = None) -> concurrent.futures.Future[ObsReply]:
        """Any obs-websocket request (for tests and tools)."""
        return self._submit(self._output_request(request_type, data))

    def reconnect(self, address: str, password: str) -> None:
        """Another address or password (the director's OBS settings): the link drops what it has and connects
        anew at once; the show's scene is set again when OBS answers. Unchanged and connected: nothing."""
        self._call(self._on_retarget, address, password)

    def close(self, timeout_s: float = 3.0) -> None:
        """Disconnects and ends the thread (the stream and recording go on in OBS)."""
        if self._thread.ident is None:  # never started
            if not self._loop.is_closed():
                self._loop.close()
            return
        self._call(self._stopping.set)
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    def _call(self, function: Callable[..., Any], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: Presenter is quitting
            self._loop.call_soon_threadsafe(function, *args)

    def _submit(self, coroutine: Coroutine[Any, Any, ObsReply]) -> concurrent.futures.Future[ObsReply]:
        try:
            return asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        except RuntimeError:
            coroutine.close()
            future: concurrent.futures.Future[ObsReply] = concurrent.futures.Future()
            future.set_result(ObsReply(False, translate("Obs", _NOT_CONNECTED)))
            return future

    # -- the loop

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._main())
        finally:
            pending = [task for task in asyncio.all_tasks(self._loop) if not task.done()]
            for task in pending:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self._loop.close()

    async def _main(self) -> None:
        delay = self._backoff.first_s
        self._publish()
        while not self._stopping.is_set():
            self._retarget.clear()
            task = self._session_task = self._loop.create_task(self._session())
            await asyncio.wait({task})
            was_connected = self._session_result(task)
            if self._stopping.is_set():
                break
            if was_connected or self._retarget.is_set():
                delay = self._backoff.first_s
            self._publish()
            if not self._retarget.is_set():
                await self._pause(delay)
                delay = min(delay * 2, self._backoff.longest_s)
        self._state = LinkState.OFF
        self._publish()

    @staticmethod
    def _session_result(task: asyncio.Task[bool]) -> bool:
        if task.cancelled():  # ended for a new address or password
            return False
        error = task.exception()
        if error is not None:  # a mistake of ours or an OBS that answers oddly: log it, never end the link
            log.error("OBS session", exc_info=error)
            return False
        return task.result()

    async def _pause(self, seconds: float) -> None:
        """Waits `seconds`, or less when Presenter quits or the director gives a new address or password."""
        waits = {asyncio.ensure_future(self._stopping.wait()), asyncio.ensure_future(self._retarget.wait())}
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()

    def _on_retarget(self, address: str, password: str) -> None:
        same = address == self._url and password == self._password
        if same and self._state is LinkState.CONNECTED:
            return
        if address != self._url:  # another OBS: nothing known of the old one holds
            self._ever_connected = False
            self._stream, self._record, self._stats = OutputHealth(), OutputHealth(), {}
            self._transition = self._version = None
            self._stream_stopped_outside = False
            self._frames.clear()
        self._url, self._password = address, password
        self._state = LinkState.CONNECTING
        self._retarget.set()
        if self._session_task is not None and not self._session_task.done():
            self._session_task.cancel()
        self._publish()

    async def _session(self) -> bool:
        """One connection, from connecting to its loss; True when it was identified (a reconnect follows)."""
        events = simpleobsws.IdentificationParameters(eventSubscriptions=int(EVENTS))
        client = simpleobsws.WebSocketClient(url=self._url, password=self._password, identification_parameters=events)
        try:
            await asyncio.wait_for(client.connect(), CONNECT_TIMEOUT_S)
        except Exception as exc:  # refused, unknown host, timeout, not a WebSocket server: all "not reachable"
            log.debug("OBS at %s: %s", self._url, exc)
            self._state = LinkState.RECONNECTING if self._ever_connected else LinkState.UNREACHABLE
            return False
        ack_at_once(client.ws)  # else a scene change right after a poll waits ~40 ms for TCP (quick_ack.py)
        try:
            if not await self._identified(client):
                code = getattr(client.ws, "close_code", None)
                if code == AUTH_FAILED:
                    self._state = LinkState.WRONG_PASSWORD
                else:
                    self._state = LinkState.RECONNECTING if self._ever_connected else LinkState.UNREACHABLE
                return False
            self._client = client
            client.register_event_callback(self._on_event)
            await self._connected()
            await self._poll_until_lost(client)
            return True
        finally:
            self._client = None
            self._tracker.on_disconnect()
            if self._state is LinkState.CONNECTED and not self._stopping.is_set():
                self._state = LinkState.RECONNECTING
            with contextlib.suppress(Exception):
                await asyncio.wait_for(client.disconnect(), CONNECT_TIMEOUT_S)

    async def _identified(self, client: Any) -> bool:
        """Hello and Identify done; False when OBS closed the connection instead (a wrong password)."""
        waiting = asyncio.ensure_future(client.wait_until_identified(CONNECT_TIMEOUT_S))
        await asyncio.wait({waiting, client.recv_task}, return_when=asyncio.FIRST_COMPLETED)
        if not waiting.done():
            waiting.cancel()
            return False
        return bool(waiting.result()) and client.identified

    async def _connected(self) -> None:
        self._ever_connected = True
        self._state = LinkState.CONNECTED
        self._frames.clear()
        program = await self._data("GetCurrentProgramScene")  # first: the show's scene is set again at once
        scene = self._tracker.on_connect(_text(program, "currentProgramSceneName"))
        if scene is not None:
            self._set_scene(scene)
        version = await self._data("GetVersion")
        self._version = _text(version, "obsVersion")
        await self._poll()

    async def _poll_until_lost(self, client: Any) -> None:
        stop = asyncio.ensure_future(self._stopping.wait())
        try:
            while not client.recv_task.done() and not self._stopping.is_set():
                await asyncio.wait({client.recv_task, stop}, timeout=self._poll_s)
                if not client.recv_task.done() and not self._stopping.is_set():
                    await self._poll()
        finally:
            stop.cancel()

    # -- requests

    async def _call_obs(self, request_type: str, data: dict[str, Any] | None = None) -> Any:
        """OBS's RequestResponse, or None when there is no answer (not connected, lost, timed out)."""
        client = self._client
        if client is None:
            return None
        call = asyncio.ensure_future(client.call(simpleobsws.Request(request_type, data), timeout=REQUEST_TIMEOUT_S))
        # simpleobsws leaves a request waiting for its timeout when the connection drops: end it with the connection.
        await asyncio.wait({call, client.recv_task}, return_when=asyncio.FIRST_COMPLETED)
        if not call.done():
            call.cancel()
            return None
        try:
            return call.result()
        except Exception as exc:  # timed out, or the connection went away under the request: the session notices
            log.debug("OBS request %s: %s", request_type, exc)
            return None

    async def _data(self, request_type: str) -> dict[str, Any]:
        response = await self._call_obs(request_type)
        if response is None or not response.ok() or not isinstance(response.responseData, dict):
            return {}
        return response.responseData

    async def _output_request(self, request_type: str, data: dict[str, Any] | None = None) -> ObsReply:
        if request_type == "StopStream":
            self._stream_stop_asked = True
        elif request_type == "StartStream":
            self._stream_stop_asked = False
            self._stream_stopped_outside = False
        response = await self._call_obs(request_type, data)
        if response is None:
            return ObsReply(False, translate("Obs", _NOT_CONNECTED))
        await self._poll()
        if not response.ok():
            return ObsReply(False, response.requestStatus.comment or str(response.requestStatus.code))
        return ObsReply(True, data=response.responseData)

    def _set_scene(self, scene: str) -> None:
        self._tracker.sent(scene)
        self._spawn(self._set_scene_now(scene))

    async def _set_scene_now(self, scene: str) -> None:
        response = await self._call_obs("SetCurrentProgramScene", {"sceneName": scene})
        if response is None:
            self._publish()
            return  # lost: set again on reconnect
        missing = not response.ok() and response.requestStatus.code == NOT_FOUND
        self._tracker.set_done(scene, missing=missing)
        self._publish()

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = self._loop.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- what happens

    def _on_cue(self, cue: ObsCue) -> None:
        scene = self._tracker.cue(cue)
        if scene is not None:
            self._set_scene(scene)  # publishes when OBS answered: the request goes out first
        else:
            self._publish()

    async def _on_event(self, event_type: str, data: dict[str, Any] | None) -> None:
        try:
            if self._event(event_type, data if isinstance(data, dict) else {}):
                self._publish()
        except Exception:  # an event OBS words differently must not end the link
            log.exception("OBS event %s", event_type)

    def _event(self, event_type: str, data: dict[str, Any]) -> bool:
        """Takes in one event; True when it may change the health."""
        name, state = _text(data, "sceneName"), _text(data, "outputState") or ""
        if event_type == "CurrentProgramSceneChanged" and name is not None:
            self._tracker.program_changed(name)
        elif event_type in ("SceneCreated", "SceneNameChanged") and name is not None:
            scene = self._tracker.scene_appeared(name)
            if scene is not None:
                self._set_scene(scene)
        elif event_type == "StreamStateChanged":
            self._stream = self._output_changed(self._stream, state)
            if state == "OBS_WEBSOCKET_OUTPUT_STOPPED" and not self._stream_stop_asked:
                self._stream_stopped_outside = True
        elif event_type == "RecordStateChanged":
            self._record = self._output_changed(self._record, state)
        else:
            return False
        return True

    def _output_changed(self, output: OutputHealth, state: str) -> OutputHealth:
        if state == "OBS_WEBSOCKET_OUTPUT_STARTED":
            return replace(output, active=True, since=self._now(), reconnecting=False, paused=False)
        if state == "OBS_WEBSOCKET_OUTPUT_STOPPED":
            return replace(output, active=False, since=None, reconnecting=False, paused=False)
        if state == "OBS_WEBSOCKET_OUTPUT_RECONNECTING":
            return replace(output, reconnecting=True)
        if state == "OBS_WEBSOCKET_OUTPUT_RECONNECTED":
            return replace(output, reconnecting=False)
        if state in ("OBS_WEBSOCKET_OUTPUT_PAUSED", "OBS_WEBSOCKET_OUTPUT_RESUMED"):
            return replace(output, paused=state == "OBS_WEBSOCKET_OUTPUT_PAUSED")
        return output

    async def _poll(self) -> None:
        """Streaming, recording, the transition and OBS's own frame counts (once a second, after each request)."""
        stream, record, stats, transition = await asyncio.gather(
            self._data("GetStreamStatus"),
            self._data("GetRecordStatus"),
            self._data("GetStats"),
            self._data("GetCurrentSceneTransition"),
        )
        if transition:
            self._transition = _text(transition, "transitionName")
        if stream:
            self._stream = self._polled(self._stream, stream)
        if record:
            self._record = self._polled(self._record, record)
        if stats:
            self._stats = stats
        if stream and stats:
            self._frames.append(
                (
                    _count(stream, "outputSkippedFrames"),
                    _count(stream, "outputTotalFrames"),
                    _count(stats, "renderSkippedFrames"),
                    _count(stats, "renderTotalFrames"),
                )
            )
        self._publish()

    def _polled(self, output: OutputHealth, status: dict[str, Any]) -> OutputHealth:
        active = status.get("outputActive") is True
        since = output.since
        if active and since is None:  # OBS was already on air when Presenter connected
            since = self._now() - timedelta(milliseconds=_number(status, "outputDuration"))
        return replace(
            output,
            active=active,
            since=since if active else None,
            timecode=_text(status, "outputTimecode") or "",
            reconnecting=status.get("outputReconnecting", output.reconnecting) is True and active,
            congestion=min(_number(status, "outputCongestion"), 1.0),
            skipped_frames=_count(status, "outputSkippedFrames"),
            total_frames=_count(status, "outputTotalFrames"),
            paused=status.get("outputPaused") is True,
        )

    # -- health

    def _publish(self) -> None:
        tracker = self._tracker
        health = ObsHealth(
            enabled=True,
            address=self._url,
            state=self._state,
            program_scene=tracker.program if self._state is LinkState.CONNECTED else None,
            wanted_scene=tracker.wanted,
            manual=tracker.manual,
            missing_scene=tracker.missing,
            transition=self._transition,
            stream=self._stream,
            record=self._record,
            render_skipped_frames=_count(self._stats, "renderSkippedFrames"),
            render_total_frames=_count(self._stats, "renderTotalFrames"),
            active_fps=_number(self._stats, "activeFps") if self._stats else None,
            problems=self._problems(),
            obs_version=self._version,
        )
        if health == self._health:
            return
        self._health = health
        if self._on_health is not None:
            try:
                self._on_health(health)
            except Exception:  # a window's mistake must not end the OBS link
                log.exception("OBS health listener failed")

    def _problems(self) -> tuple[ObsProblem, ...]:
        found = self._problem_texts()
        now = self._now()
        self._since = {code: self._since.get(code, now) for code in found}
        return tuple(ObsProblem(code, text, self._since[code]) for code, text in found.items())

    def _problem_texts(self) -> dict[ProblemCode, str]:
        found: dict[ProblemCode, str] = {}
        state = self._state
        if state is LinkState.UNREACHABLE:
            found[ProblemCode.UNREACHABLE] = problem_text(ProblemCode.UNREACHABLE, address=self._url)
        elif state is LinkState.WRONG_PASSWORD:
            found[ProblemCode.WRONG_PASSWORD] = problem_text(ProblemCode.WRONG_PASSWORD)
        elif state is LinkState.RECONNECTING:
            found[ProblemCode.CONNECTION_LOST] = problem_text(ProblemCode.CONNECTION_LOST)
        if state is not LinkState.CONNECTED:
            return found
        tracker = self._tracker
        if tracker.missing:
            found[ProblemCode.MISSING_SCENE] = problem_text(ProblemCode.MISSING_SCENE, scene=tracker.missing)
        if tracker.manual and tracker.program:
            found[ProblemCode.MANUAL_SCENE] = problem_text(ProblemCode.MANUAL_SCENE, scene=tracker.program)
        stream = self._stream
        if stream.active and stream.reconnecting:
            found[ProblemCode.STREAM_RECONNECTING] = problem_text(ProblemCode.STREAM_RECONNECTING)
        if self._stream_stopped_outside and not stream.active:
            found[ProblemCode.STREAM_STOPPED] = problem_text(ProblemCode.STREAM_STOPPED)
        if stream.active and stream.congestion >= CONGESTED:
            found[ProblemCode.CONGESTION] = problem_text(ProblemCode.CONGESTION, percent=percent(stream.congestion))
        found.update(self._frame_problems())
        return found

    def _frame_problems(self) -> dict[ProblemCode, str]:
        if len(self._frames) < 2:
            return {}
        first, last = self._frames[0], self._frames[-1]
        found: dict[ProblemCode, str] = {}
        dropped, total = last[0] - first[0], last[1] - first[1]
        if total > 0 and dropped > 0 and dropped / total >= DROPPED_SHARE:
            found[ProblemCode.DROPPED_FRAMES] = problem_text(
                ProblemCode.DROPPED_FRAMES, frames=dropped, percent=percent(dropped / total)
            )
        lagged, rendered = last[2] - first[2], last[3] - first[3]
        if rendered > 0 and lagged > 0 and lagged / rendered >= RENDER_LAG_SHARE:
            found[ProblemCode.RENDER_LAG] = problem_text(ProblemCode.RENDER_LAG, frames=lagged)
        return found
