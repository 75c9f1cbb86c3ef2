"""Window tests: a copy of the show to change, and no "Quit Presenter?" question when a test closes the director."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _director_closes_without_asking(monkeypatch):
    from presenter.ui.director import DirectorWindow

    monkeypatch.setattr(DirectorWindow, "confirm_quit", lambda self: True)


@pytest.fixture
def show_copy(tmp_path):
    """The Smart RLP show and its clips in a folder of the test's own."""
    folder = tmp_path / "show"
    folder.mkdir()
    shutil.copy(ROOT / "assets" / "smart-rlp.yaml", folder / "smart-rlp.yaml")
    shutil.copytree(ROOT / "assets" / "clips", folder / "clips")
    return folder / "smart-rlp.yaml"


@pytest.fixture
def start_app(qtbot, tmp_path, monkeypatch):
    """Start the real application in-process (tests/ui/app_helpers.py)."""
    from app_helpers import app_starter

    yield from app_starter(qtbot, tmp_path / "state", monkeypatch)


@pytest.fixture(scope="session")
def pseudo_qm(tmp_path_factory) -> Path:
    """The pseudo-locale catalog (every text of the code as ⟦…⟧), built once from the code as it is."""
    out = tmp_path_factory.mktemp("pseudo") / "pseudo.qm"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "pseudo", str(out)], cwd=ROOT, check=True, timeout=300
    )
    return out


@pytest.fixture
def pseudo(qapp, pseudo_qm: Path) -> Iterator[None]:
    """The pseudo-locale for the windows and the Qt-free core; gone again after the test."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from presenter import i18n

    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    assert qapp.installTranslator(translator)
    i18n.set_translator(QCoreApplication.translate)
    try:
        yield
    finally:
        i18n.set_translator(None)
        qapp.removeTranslator(translator)
