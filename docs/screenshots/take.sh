#!/usr/bin/env bash
# Screenshots of every screen of the demo, under Xvfb, for the README and for looking at.
#
#   docs/screenshots/take.sh [SIZE ...] [--scheme light|dark ...] [--display :NN]
#   docs/screenshots/take.sh                       # 1280x800 and 1920x1080, light and dark
#   docs/screenshots/take.sh 1440x900 --scheme dark
#
# Writes docs/screenshots/<size>-<scheme>-<screen>.png (optimised with ImageMagick when it is
# installed), and the README's week.png, person_overview.png, one_on_one.png and board.png from
# 1280x800 light. Needs Xvfb, xdotool and ImageMagick's `import`; runs the app from .venv (or
# `leaddesk` on PATH) with a throwaway HOME, so nothing of the user's is read or written.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="$root/.venv/bin/leaddesk"
[ -x "$app" ] || app="$(command -v leaddesk)"
sizes=()
schemes=()
display=":97"
while [ $# -gt 0 ]; do
    case "$1" in
        --scheme) schemes+=("$2"); shift 2 ;;
        --display) display="$2"; shift 2 ;;
        *) sizes+=("$1"); shift ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 1920x1080)
[ ${#schemes[@]} -gt 0 ] || schemes=(light dark)

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

pause() { sleep "${1:-1.5}"; }
key() { DISPLAY="$display" xdotool key --delay 60 "$@"; pause "${WAIT:-1.5}"; }
click() { DISPLAY="$display" xdotool mousemove "$1" "$2" click 1; pause "${WAIT:-1.5}"; }
typed() { DISPLAY="$display" xdotool type --delay 40 "$1"; pause; }
shot() {
    local out="$here/$prefix-$1.png"
    DISPLAY="$display" import -window root "$out"
    if command -v convert >/dev/null; then
        convert "$out" -strip +dither -colors 256 PNG8:"$out.tmp" && mv "$out.tmp" "$out"
    fi
    echo "$out"
}

for size in "${sizes[@]}"; do
    for scheme in "${schemes[@]}"; do
        prefix="$size-$scheme"
        home="$(mktemp -d /tmp/leaddesk-shots-XXXXXX)"
        Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
        xvfb=$!
        pids+=("$xvfb")
        pause 1
        HOME="$home" DISPLAY="$display" LEADDESK_APPEARANCE="$scheme" \
            LEADDESK_TODAY="${LEADDESK_TODAY:-2026-11-25}" "$app" --demo >/dev/null 2>&1 &
        leaddesk=$!
        pids+=("$leaddesk")
        window=""
        for _ in $(seq 1 120); do
            window="$(DISPLAY="$display" xdotool search --onlyvisible --name 'Demo data' 2>/dev/null | head -1 || true)"
            [ -n "$window" ] && break
            sleep 0.5
        done
        [ -n "$window" ] || { echo "The demo window did not appear." >&2; exit 1; }
        w="${size%x*}"
        h="${size#*x}"
        # Twice: without a window manager, the first resize can land before Qt settles the
        # window's own first geometry (1280×820), which would hang off a 800-pixel screen.
        for _ in 1 2; do
            DISPLAY="$display" xdotool windowmove "$window" 0 0 windowsize "$window" "$w" "$h"
            pause 2
        done
        DISPLAY="$display" xdotool windowfocus --sync "$window"
        pause 1
        key alt+1; pause 2; shot week
        key alt+2; shot people
        key ctrl+f; typed "David Singh"; key Return; pause 2; shot person-overview
        # The tabs sit left-aligned under the person's header: the same place at any size.
        for tab in delegations:330 promises:417 relationship:525 feedback:634 timeline:713; do
            click "${tab#*:}" "${TAB_Y:-126}"; shot "person-${tab%:*}"
        done
        key ctrl+shift+e; shot person-edit-dialog
        key Escape
        # Without a window manager nobody gives the focus back to the window.
        DISPLAY="$display" xdotool windowfocus --sync "$window"
        key ctrl+1; pause 2; shot one-on-one
        key Escape; pause 2
        key alt+3; pause 2; shot board
        key alt+4; shot reflections
        key alt+5; shot settings
        key alt+1; key ctrl+n; shot quick-capture
        key Escape
        kill "$leaddesk" 2>/dev/null || true
        wait "$leaddesk" 2>/dev/null || true
        kill "$xvfb" 2>/dev/null || true
        wait "$xvfb" 2>/dev/null || true
        rm -rf "$home"
    done
done

# The README's names: 1280x800, light.
if [ -f "$here/1280x800-light-week.png" ]; then
    cp "$here/1280x800-light-week.png" "$here/week.png"
    cp "$here/1280x800-light-person-overview.png" "$here/person_overview.png"
    cp "$here/1280x800-light-one-on-one.png" "$here/one_on_one.png"
    cp "$here/1280x800-light-board.png" "$here/board.png"
fi
