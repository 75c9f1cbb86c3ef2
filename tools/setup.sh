#!/usr/bin/env bash
# Sets up everything Presenter needs on Debian/Ubuntu: libVLC 3, Xvfb and Qt's xcb runtime
# libraries from apt (only those missing), then a virtual environment in .venv with Presenter
# and its test tools at the versions pinned in requirements.lock. Safe to run again: it only does what is still missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-pip
  libvlc5 vlc-plugin-base vlc-plugin-video-output
  xvfb xauth xdotool openbox x11-utils
  libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  libxcb-sync1 libxcb-render0 libxcb-shm0 libx11-xcb1 libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  chromium chromium-driver
  obs-studio obs-plugins
)
# OBS Studio's encoders, outputs and its WebSocket come with its recommended plugins: the streaming tests record and
# stream, so obs-studio is installed with its recommends (everything else without).
WITH_RECOMMENDS=(obs-studio)

if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    plain=() recommended=()
    for package in "${missing[@]}"; do
      if [[ " ${WITH_RECOMMENDS[*]} " == *" $package "* ]]; then recommended+=("$package"); else plain+=("$package"); fi
    done
    if ((${#plain[@]})); then
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${plain[@]}" >/dev/null
    fi
    if ((${#recommended[@]})); then
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${recommended[@]}" >/dev/null
    fi
  fi
else
  echo "setup: no apt-get here; install VLC 3 yourself (see README), then this script sets up Python." >&2
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Presenter needs Python 3.11 or newer; $("$python" --version 2>&1) found. Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi

# The exact versions come from requirements.lock (refresh it with tools/lock.sh); Presenter itself
# is installed on top without resolving again, so a new release upstream never changes a set-up.
stamp=.venv/.presenter-installed
wanted=$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "setup: installing Python packages into .venv (pinned by requirements.lock)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  echo "$wanted" > "$stamp"
fi
