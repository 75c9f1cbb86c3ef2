#!/usr/bin/env bash
# Refreshes requirements.lock: the exact versions tools/setup.sh installs (runtime and test tools),
# resolved from pyproject.toml's ranges for Python 3.11 on x86-64 Linux (manylinux 2.34, the
# oldest glibc PySide6 6.11 has wheels for). uv is fetched into a throw-away venv if it is not on PATH.
# `bash tools/lock.sh` keeps the pins and only follows pyproject.toml (a dependency added or dropped);
# `bash tools/lock.sh --upgrade` takes the newest versions the ranges allow (the refresh).
# After a refresh: bash tools/setup.sh (it reinstalls because the lock changed), run the tests, commit the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=$(command -v uv || true)
if [ -z "$uv" ]; then
  tools_venv=${TMPDIR:-/tmp}/presenter-lock-tools
  [ -x "$tools_venv/bin/uv" ] || { python3 -m venv "$tools_venv" && "$tools_venv/bin/pip" install -q uv; }
  uv=$tools_venv/bin/uv
fi
"$uv" pip compile pyproject.toml --extra test \
  --python-version 3.11 --python-platform x86_64-manylinux_2_34 \
  --custom-compile-command "bash tools/lock.sh" -o requirements.lock "$@"
