"""`--check --obs HOST:PORT`: the scenes the show names that OBS does not have (before the show, not during it)."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any, TextIO

import simpleobsws  # type: ignore[import-untyped]

from presenter.i18n import QT_TRANSLATE_NOOP, translate
from presenter.obs.follower import AUTH_FAILED, CONNECT_TIMEOUT_S, REQUEST_TIMEOUT_S
from presenter.obs.health import ProblemCode, problem_text
from presenter.obs.scenes import scenes_needed
from presenter.show import ShowFileError, load_show

_NOT_REACHABLE = QT_TRANSLATE_NOOP("Obs", "OBS not reachable at {address}")


class _Unreachable(Exception):
    pass


async def obs_scenes(url: str, password: str) -> set[str]:
    """The scene names OBS has; raises _Unreachable with the plain-words reason."""
    client = simpleobsws.WebSocketClient(url=url, password=password)
    try:
        await asyncio.wait_for(client.connect(), CONNECT_TIMEOUT_S)
    except Exception:
        raise _Unreachable(translate("Obs", _NOT_REACHABLE).format(address=url)) from None
    try:
        if not await client.wait_until_identified(CONNECT_TIMEOUT_S) or not client.identified:
            if getattr(client.ws, "close_code", None) == AUTH_FAILED:
                raise _Unreachable(problem_text(ProblemCode.WRONG_PASSWORD))
            raise _Unreachable(translate("Obs", _NOT_REACHABLE).format(address=url))
        response: Any = await client.call(simpleobsws.Request("GetSceneList"), timeout=REQUEST_TIMEOUT_S)
        scenes = response.responseData.get("scenes", []) if response.ok() and response.responseData else []
        return {str(scene.get("sceneName")) for scene in scenes if isinstance(scene, dict)}
    finally:
        with contextlib.suppress(Exception):
            await client.disconnect()


def check_obs(path: Path, url: str, password: str, out: TextIO) -> int:
    """Prints what OBS lacks; 0 when OBS has every scene the show names, 1 when not (or OBS cannot be asked)."""
    try:
        needed = scenes_needed(load_show(path))
    except ShowFileError:
        return 2  # the show check has said why
    if not needed:
        print(translate("Obs", "The show names no OBS scenes (obs: scenes: or obs_scene:)"), file=out)
        return 0
    try:
        present = asyncio.run(obs_scenes(url, password))
    except _Unreachable as exc:
        print(exc, file=out)
        return 1
    missing = [scene for scene in needed if scene not in present]
    if not missing:
        text = translate("Obs", "OBS ({address}) has every scene the show names ({count})")
        print(text.format(address=url, count=len(needed)), file=out)
        return 0
    print(translate("Obs", "OBS ({address}) lacks scenes the show names:").format(address=url), file=out)
    for scene in missing:
        print(f'  - "{scene}"', file=out)
    return 1
