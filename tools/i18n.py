"""Translations: extract, check, compile, and a pseudo-locale for the tests.

    python tools/i18n.py update    # pyside6-lupdate over presenter/ into presenter/i18n/presenter_de.ts
    python tools/i18n.py check     # fails on a text missing from the .ts, an unfinished German text, a stale .qm
    python tools/i18n.py release   # pyside6-lrelease: the .ts into the .qm the app loads
    python tools/i18n.py pseudo OUT.qm   # every text wrapped in ⟦…⟧, for the untranslated-text walk
    python tools/i18n.py fill TABLE.json # German for unfinished texts from a JSON table (source → German)

Adding a language: copy presenter_de.ts to presenter_xx.ts, translate it (pyside6-linguist), add
`xx` to Language in presenter/i18n/__init__.py and to LANGUAGES here, run `update` and `release`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "presenter" / "i18n"
LANGUAGES = ("de",)
BIN = Path(sys.executable).parent
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "presenter").rglob("*.py"))


def ts_path(language: str) -> Path:
    return FOLDER / f"presenter_{language}.ts"


def qm_path(language: str) -> Path:
    return FOLDER / f"presenter_{language}.qm"


def lupdate(ts: Path) -> None:
    command = [
        str(BIN / "pyside6-lupdate"),
        *sources(),
        "-locations",
        "none",
        "-no-obsolete",
        "-target-language",
        "de_DE",
        "-ts",
        str(ts),
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    command = [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, None where it is unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            text = translation.text if translation is not None else None
            if translation is not None and message.get("numerus") == "yes":
                text = "|".join(form.text or "" for form in translation.iter("numerusform")) or None
            found[(name, source)] = text if done and text else None
    return found


def check() -> list[str]:
    problems = []
    for language in LANGUAGES:
        committed = ts_path(language)
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / committed.name
            shutil.copy(committed, fresh)
            lupdate(fresh)
            before, after = messages(committed), messages(fresh)
            for key in sorted(after.keys() - before.keys()):
                problems.append(f"{committed.name}: new text not in the .ts (run tools/i18n.py update): {key}")
            for key in sorted(before.keys() - after.keys()):
                problems.append(f"{committed.name}: text no longer in the code (run tools/i18n.py update): {key}")
            for key, text in sorted(after.items()):
                if text is None:
                    problems.append(f"{committed.name}: unfinished translation: {key}")
            built = Path(folder) / "built.qm"
            lrelease(committed, built)
            if not qm_path(language).exists() or built.read_bytes() != qm_path(language).read_bytes():
                problems.append(f"{qm_path(language).name} does not match its .ts (run tools/i18n.py release)")
    return problems


def pseudo(out: Path) -> None:
    """From the texts in the code as it is now (not the committed .ts), so the walk tests the wrapping."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        lupdate(fresh)
        tree = ET.parse(fresh)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.clear()
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = (
                    PSEUDO_OPEN + (message.findtext("source") or "") + PSEUDO_CLOSE
                )
            continue
        translation.text = PSEUDO_OPEN + (message.findtext("source") or "") + PSEUDO_CLOSE
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / "pseudo.ts"
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        lrelease(ts, out)


def fill(table: Path) -> int:
    """Sets the German of every unfinished text found in `table` (JSON: source → translation, or
    "context|source" → translation where one source needs two translations; a plural text takes
    [singular, plural]); returns how many are left."""
    import json

    known = json.loads(table.read_text(encoding="utf-8"))
    ts = ts_path(LANGUAGES[0])
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            german = known.get(f"{name}|{source}", known.get(source))
            if german and message.get("numerus") == "yes":
                forms = german if isinstance(german, list) else [german, german]
                translation.attrib.clear()
                translation.text = None
                for form in list(translation):
                    translation.remove(form)
                for text in forms:
                    ET.SubElement(translation, "numerusform").text = text
            elif german:
                translation.attrib.clear()
                translation.text = german if isinstance(german, str) else german[-1]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return sum(1 for text in messages(ts).values() if text is None)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command = argv[0]
    if command == "update":
        for language in LANGUAGES:
            lupdate(ts_path(language))
        return 0
    if command == "release":
        for language in LANGUAGES:
            lrelease(ts_path(language), qm_path(language))
        return 0
    if command == "check":
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    if command == "fill" and len(argv) == 2:
        left = fill(Path(argv[1]))
        print(f"{left} texts still without German", file=sys.stderr)
        return 0
    if command == "pseudo" and len(argv) == 2:
        pseudo(Path(argv[1]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
