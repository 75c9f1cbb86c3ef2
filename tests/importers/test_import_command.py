"""`run_presenter.py --import FILE --output SHOW.yaml`: exit 0 and a show file, or a clear message and exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presenter.cli import main
from presenter.show import load_show

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_writes_a_show_file_that_loads(tmp_path):
    source = tmp_path / "Ablauf.csv"
    source.write_bytes("\ufeffTitel;Dauer;Beginn\r\nBegrüßung;5:00;17:30\r\nKaputt;fünf;\r\n".encode())
    output = tmp_path / "show.yaml"
    done = subprocess.run(
        [sys.executable, str(ROOT / "run_presenter.py"), "--import", str(source), "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Imported 1 segments" in done.stdout
    assert 'Ablauf.csv: row 3: duration "fünf" is not m:ss or h:mm:ss; not imported' in done.stderr
    show = load_show(output)
    assert [s.title for s in show.segments] == ["Begrüßung"]
    assert output.read_text(encoding="utf-8").startswith("# Imported from Ablauf.csv by Presenter.")
    assert 'duration: "5:00"' in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--import", "{src}"], "--import needs --output"),
        (["--output", "{out}"], "--output goes with --import"),
        (["--import", "{missing}", "--output", "{out}"], "missing.json not imported: missing.json cannot be read"),
        (["--import", "{src}", "--output", "{src}"], "exists already"),
        (["--import", "{src}", "--output", "{nofolder}"], "does not exist"),
        (["--import", "{bad}", "--output", "{out}"], "bad.json not imported: bad.json:1:1: not valid JSON"),
    ],
)
def test_a_failed_import_is_a_message_and_exit_2(tmp_path, capsys, args, message):
    source = tmp_path / "a.csv"
    source.write_text("Title,Duration\nA,1:00\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("nope", encoding="utf-8")
    names = {
        "src": source,
        "out": tmp_path / "out.yaml",
        "missing": tmp_path / "missing.json",
        "nofolder": tmp_path / "no" / "out.yaml",
        "bad": tmp_path / "bad.json",
    }
    assert main([arg.format(**names) for arg in args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()
