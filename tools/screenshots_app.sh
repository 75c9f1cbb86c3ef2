#!/usr/bin/env bash
# Screenshots of the real application under its own Xvfb, driven with key presses like a director:
# docs/screenshots/director-clip.png (a clip on air) and program-output-clip.png. Needs xdotool and
# ImageMagick's `import` (apt install xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; sleep 1; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display QT_QPA_PLATFORM=xcb PRESENTER_VLC_ARGS=--aout=adummy
.venv/bin/python run_presenter.py --windowed --new-run --state-dir "$work/state" --status-file "$work/status.json" \
  >"$work/app.log" 2>&1 &
app=$!
until [ -s "$work/status.json" ]; do sleep 0.2; done
director=$(xdotool search --sync --name "^Director" | head -1)
xdotool windowmove "$director" 0 0
for _ in 1 2 3; do xdotool windowfocus --sync "$director" key space; sleep 0.5; done
sleep 4
output=$(xdotool search --name "Program output" | head -1)
[ -n "$output" ] || { echo "no program output window" >&2; exit 1; }
import -window "$director" "$out/director-clip.png"
xdotool windowraise "$output"
sleep 0.5
import -window "$output" "$out/program-output-clip.png"
echo "wrote $out/director-clip.png $out/program-output-clip.png"
