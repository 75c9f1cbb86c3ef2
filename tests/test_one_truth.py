"""One truth (issue 20): no face re-derives a rule of the engine.

The faces — the desktop windows, the moderator's view model, the remote API and the browser pages —
render the one snapshot. This test reads their source and fails when a rule the engine owns shows up
in one of them again: a phase or its thresholds, the GO/Back windows, "can GO", the clip chain, the
message limit, "on plan". A face that needs such a fact reads it from the snapshot (phase,
warning_at_s/danger_at_s, timer_s, go/back offers, ClipView, lateness) or from presenter.run.intents.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FACES = (
    ROOT / "presenter" / "ui",
    ROOT / "presenter" / "moderator_view.py",
    ROOT / "presenter" / "remote",
    ROOT / "presenter" / "web",
)
SUFFIXES = {".py", ".js", ".html"}

# What each pattern finds, in the words of the finding it would bring back.
RULES: dict[str, str] = {
    r"\b(warning|danger)_for\(": "a phase threshold read from the show file (the engine scales it: finding 5)",
    r"\bUNDO_GO_S\b|\bGO_GUARD_S\b": "the undo or double-press window (the Back/GO offers say it: finding 4)",
    r"\b(WARNING|DANGER)_SHARE\b|\bphase_thresholds\b|\bdisplay_phase\b": "phase thresholds scaled in a face",
    r"\.phase\(\s*\w": "a phase computed by calling the engine's rule from a face",
    r"\bclip_chain\b|\bback_on_air_in\(": "the clip chain summed in a face (ClipView.back_on_air_in_s: finding 7)",
    r"\bON_TIME_WITHIN_S\b|over_under_s\)?\s*[<>]": "'on plan' decided in a face (Lateness: finding 8)",
    r"MESSAGE_MAX_CHARS\s*=|setMaxLength\(\s*\d": "a message limit of its own (intents.MESSAGE_MAX_CHARS: finding 9)",
    r'"GO[^"]*"\)?,\s*(False|True|snapshot\.mode)': "'can GO' decided from the mode (snapshot.go: finding 3)",
    r'"(GO|back|time|skip|jump) refused:': "a refusal decided by a face (the dispatcher's Refusal says why)",
    r"is_go_possible|can_go\b|def go_allowed": "'can GO' decided in a face (snapshot.go)",
    r"SegmentStatus\.SKIPPED for view in snapshot\.segments": "what Back does decided in a face (snapshot.back)",
    r"remaining\w*\s*<=\s*\w*(warning|danger)\w*(?!_at)": "a phase turned by a face's own threshold test",
}
# The browser counts down between pushes and turns the phase at the engine's own thresholds
# (warning_at_s / danger_at_s in the API): comparing with those is rendering, not a rule.
ALLOWED = re.compile(r"(warning|danger)_at_s")


def _face_files() -> list[Path]:
    files: list[Path] = []
    for face in FACES:
        if face.is_file():
            files.append(face)
        elif face.is_dir():
            files += sorted(path for path in face.rglob("*") if path.suffix in SUFFIXES)
    return files


def _findings(path: Path) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0] if path.suffix == ".py" else line.split("//", 1)[0]
        if ALLOWED.search(code):
            continue
        for pattern, why in RULES.items():
            if re.search(pattern, code):
                found.append(f"{path.relative_to(ROOT)}:{number}: {why}\n    {line.strip()}")
    return found


@pytest.mark.parametrize("face", FACES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_face_re_derives_a_rule(face):
    files = [path for path in _face_files() if path == face or face in path.parents]
    assert files, f"{face} has no source files: the test reads the wrong place"
    findings = [finding for path in files for finding in _findings(path)]
    assert not findings, "rules re-derived outside the engine:\n" + "\n".join(findings)


def test_the_patterns_find_what_the_old_faces_did():
    """Each pattern finds the line the faces had before issue 20 (so a pattern cannot silently miss)."""
    old_lines = [
        "    warning_s, danger_s = show.warning_for(segment), show.danger_for(segment)",
        "from presenter.run.engine import GO_GUARD_S",
        "    warning = min(warning_s, duration_s * WARNING_SHARE)",
        "        phase = engine.phase(current.index, remaining)",
        "    rest = sum(view.planned_duration_s for view in clip_chain(snapshot))",
        "    if abs(snapshot.over_under_s) < ON_TIME_WITHIN_S:",
        "MESSAGE_MAX_CHARS = 140",
        "        self.message_edit.setMaxLength(140)",
        '        return translate("TransportBar", "GO"), False',
        '        return translate("TransportBar", "GO: end of show"), snapshot.mode is Mode.ON_AIR',
        '        raise IntentError(Status.REFUSED, "GO refused: the show has ended")',
        "    return not any(view.status is not SegmentStatus.SKIPPED for view in snapshot.segments[: current.index])",
        "    if remaining <= danger:",
    ]
    for line in old_lines:
        assert any(re.search(pattern, line) for pattern in RULES), line
    assert ALLOWED.search("  if (left <= timer.danger_at_s) return 'danger';")
