#!/usr/bin/env bash
# The pure core (show model, timing, journal, as-run, runs, files) is covered by its own quick tests:
# 100 % of its branches (the files listed in tools/core_coverage.cfg), checked here without Qt.
# `bash tools/core_coverage.sh` shows what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -q -p no:cacheprovider \
    --cov --cov-config=tools/core_coverage.cfg --cov-branch --cov-report=term-missing:skip-covered --cov-fail-under=100 \
    tests/test_show.py tests/test_engine.py tests/test_engine_replay.py tests/test_rehearsal.py tests/test_journal.py \
    tests/test_runs.py tests/test_as_run.py tests/test_timefmt.py tests/test_files.py tests/test_core_edges.py \
    tests/test_core_dispatch.py tests/test_core_dispatch_rules.py tests/test_core_as_run_expected.py tests/test_editing.py \
    tests/test_core_graphics.py tests/test_message_life.py
