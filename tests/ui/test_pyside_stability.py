"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and aborts the
process ("Fatal Python error: none_dealloc") after a few thousand widget updates. The pin in
pyproject.toml keeps that combination out; this test proves the installed one survives."""

from __future__ import annotations

import subprocess
import sys
import textwrap

UPDATES = 20_000

_SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    timer = QTimer()
    before = sys.getrefcount(None)
    for i in range({UPDATES}):
        label.setText(str(i))
        label.update()
        timer.start(1000)
        timer.stop()
        if i % 1000 == 0:
            app.processEvents()
    after = sys.getrefcount(None)
    print(before - after)
    """
)


def test_twenty_thousand_widget_updates_in_one_process():
    result = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"process died ({result.returncode}): {result.stderr[-2000:]}"
    lost = int(result.stdout.strip().splitlines()[-1])
    # A leaking build loses one reference per void call: tens of thousands here.
    assert lost < 1000, f"None lost {lost} references over {UPDATES} updates"


def test_pin_excludes_the_bad_combination():
    import tomllib
    from pathlib import Path

    from packaging.requirements import Requirement
    from packaging.version import Version

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    requirements = [Requirement(r) for r in project["project"]["dependencies"] if r.lower().startswith("pyside6")]
    for python in ("3.11", "3.12", "3.13"):
        active = [r for r in requirements if r.marker is None or r.marker.evaluate({"python_version": python})]
        assert len(active) == 1, python
        allows_bad = active[0].specifier.contains(Version("6.12.0"))
        assert allows_bad == (python != "3.11"), python
