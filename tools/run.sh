#!/usr/bin/env bash
# Sets everything up (tools/setup.sh) and opens the show: the bundled Smart RLP show by default.
# Any argument is passed on: `bash tools/run.sh --windowed`, `bash tools/run.sh my-show.yaml`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec .venv/bin/python run_presenter.py "$@"
