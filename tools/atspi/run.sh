#!/bin/bash
# What a screen reader hears from vodgui, over a real AT-SPI bus (Linux):
#   apt-get install xvfb at-spi2-core python3-gi gir1.2-atspi-2.0
#   dbus-run-session -- bash tools/atspi/run.sh [en|zh_CN] [OUT_DIR]
# Starts Xvfb and the accessibility bus, tools/atspi/listen.py (the listener) and tools/atspi/drive.py (the app,
# one upload done and one failed); writes OUT_DIR/atspi-events-LANG.log and OUT_DIR/atspi-tree-LANG.tsv.
set -eu
LANG_=${1:-en}
OUT=${2:-atspi-out}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-python}
mkdir -p "$OUT"
Xvfb :77 -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
export DISPLAY=:77
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
BUS=$!
trap 'kill $BUS $XVFB 2>/dev/null || true' EXIT
sleep 1.5
/usr/bin/python3 "$HERE/listen.py" "$OUT/atspi-events-$LANG_.log" "$OUT/atspi-tree-$LANG_.tsv" 5 16 &
LISTENER=$!
sleep 1
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb timeout 60 "$PY" "$HERE/drive.py" "$LANG_" 2>/dev/null
wait $LISTENER
grep -E "announcement|^dump" "$OUT/atspi-events-$LANG_.log"
