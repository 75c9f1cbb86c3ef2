"""`presenter --import FILE --output SHOW.yaml`: an Ontime project or a spreadsheet as a new show file."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from presenter.files import atomic_write
from presenter.i18n import translate
from presenter.importers import ImportFailed, import_file
from presenter.show.save import SHOW_FILE_MODE, SaveError, render_new


def run_import(source: Path, output: Path | None, out: TextIO, err: TextIO) -> int:
    """0 when the show file was written (rows not imported are listed on `err`), 2 with a message otherwise."""
    if output is None:
        print(translate("Import", "presenter: --import needs --output SHOW.yaml (the show file to write)"), file=err)
        return 2
    if output.exists() or output.is_symlink():
        print(
            translate(
                "Import", "presenter: {output} exists already; choose another --output (nothing was written)"
            ).format(output=output),
            file=err,
        )
        return 2
    if not output.parent.is_dir():
        print(
            translate("Import", "presenter: the folder {folder} does not exist (nothing was written)").format(
                folder=output.parent
            ),
            file=err,
        )
        return 2
    try:
        result = import_file(source, output)
        header = translate(
            "Import", "# Imported from {name} by Presenter. Clip paths are relative to this file.\n"
        ).format(name=source.name)
        atomic_write(output, render_new(result.show, output, header), backup=False, mode=SHOW_FILE_MODE)
    except (ImportFailed, SaveError) as exc:
        print(translate("Import", "presenter: {name} not imported: {exc}").format(name=source.name, exc=exc), file=err)
        return 2
    except OSError as exc:
        print(
            translate("Import", "presenter: {output} cannot be written ({error}); nothing was imported").format(
                output=output, error=exc.strerror or exc
            ),
            file=err,
        )
        return 2
    for problem in result.problems:
        print(f"presenter: {source.name}: {problem}", file=err)
    done = translate("Import", "Imported {imported} segments of “{title}” into {output}").format(
        imported=result.imported, title=result.show.title, output=output
    )
    if result.problems:
        done = translate(
            "Import", "Imported {imported} segments of “{title}” into {output} ({count} notes above)"
        ).format(imported=result.imported, title=result.show.title, output=output, count=len(result.problems))
    print(done, file=out)
    return 0
