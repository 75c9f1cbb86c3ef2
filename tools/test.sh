#!/usr/bin/env bash
# Sets everything up (tools/setup.sh) and runs the whole test suite headless (pytest-xvfb starts
# Xvfb itself). Arguments go to pytest: `bash tools/test.sh tests/test_engine.py -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports  # the layers: pyproject.toml [tool.importlinter] (no Qt/libVLC/ui in the core, no circles)
.venv/bin/mypy  # strict for all of presenter/ but the opt-out list in pyproject.toml [[tool.mypy.overrides]]
bash tools/core_coverage.sh
.venv/bin/python tools/i18n.py check  # every text in the .ts, every German text finished, the .qm built from it
exec .venv/bin/python -m pytest "$@"
