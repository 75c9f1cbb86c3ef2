"""`presenter --import FILE --output SHOW.yaml`: an Ontime project or a spreadsheet as a new show file."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from presenter.files import atomic_write
from presenter.importers import ImportFailed, import_file
from presenter.show_save import SHOW_FILE_MODE, SaveError, render_new


def run_import(source: Path, output: Path | None, out: TextIO, err: TextIO) -> int:
    """0 when the show file was written (rows not imported are listed on `err`), 2 with a message otherwise."""
    if output is None:
        print("presenter: --import needs --output SHOW.yaml (the show file to write)", file=err)
        return 2
    if output.exists() or output.is_symlink():
        print(f"presenter: {output} exists already; choose another --output (nothing was written)", file=err)
        return 2
    if not output.parent.is_dir():
        print(f"presenter: the folder {output.parent} does not exist (nothing was written)", file=err)
        return 2
    try:
        result = import_file(source, output)
        header = f"# Imported from {source.name} by Presenter. Clip paths are relative to this file.\n"
        atomic_write(output, render_new(result.show, output, header), backup=False, mode=SHOW_FILE_MODE)
    except (ImportFailed, SaveError) as exc:
        print(f"presenter: {source.name} not imported: {exc}", file=err)
        return 2
    except OSError as exc:
        print(f"presenter: {output} cannot be written ({exc.strerror or exc}); nothing was imported", file=err)
        return 2
    for problem in result.problems:
        print(f"presenter: {source.name}: {problem}", file=err)
    print(
        f"Imported {result.imported} segments of “{result.show.title}” into {output}"
        + (f" ({len(result.problems)} notes above)" if result.problems else ""),
        file=out,
    )
    return 0
