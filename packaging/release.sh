#!/usr/bin/env bash
# Make a release: build the Linux artifacts, then in OUT (default dist/release) the artifacts, SHA256SUMS and its
# signature, and the signed update feed (latest.json + latest.json.sig) that installed apps read.
#
#   bash packaging/release.sh --key ~/keys/vodgui-release.key [--out DIR] [--date YYYY-MM-DD] [--page-url URL]
#                             [--notes-zh FILE] [--no-build]
#
# --key: the Ed25519 release key (PEM; `python packaging/release_feed.py keygen PATH` makes one). It must live
#        outside the repository and is only read. Its public half must be in RELEASE_PUBLIC_KEYS
#        (vodgui/core/update_feed.py) for installed apps to believe the feed.
# --no-build: use the artifacts already in dist/ (CI builds them first, then runs this with a throwaway key).
# Windows and macOS installers are built on their own machines (packaging/windows, packaging/macos): copy them
# into dist/ first, named as their recipes name them, and they join SHA256SUMS and the feed.
#
# Publish every file in OUT as the GitHub release's assets: the app reads
# https://github.com/vodgui/vodgui/releases/latest/download/latest.json (+ .sig), and the feed's asset links are
# relative, so a company mirror that copies OUT as is works (VODGUI_UPDATE_FEED=https://mirror/.../latest.json).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PYTHON="${PYTHON:-.venv/bin/python}"
KEY="" OUT="dist/release" DATE="" PAGE_URL="" NOTES_ZH="" BUILD=1
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --key) KEY="${2:?}"; shift 2 ;;
        --out) OUT="${2:?}"; shift 2 ;;
        --date) DATE="${2:?}"; shift 2 ;;
        --page-url) PAGE_URL="${2:?}"; shift 2 ;;
        --notes-zh) NOTES_ZH="${2:?}"; shift 2 ;;
        --no-build) BUILD=""; shift ;;
        *) usage ;;
    esac
done
[ -n "$KEY" ] || usage
[ -r "$KEY" ] || { echo "release.sh: cannot read the key $KEY" >&2; exit 2; }
case "$(realpath "$KEY")/" in
    "$ROOT"/*) echo "release.sh: $KEY is inside the repository; keep release keys elsewhere" >&2; exit 2 ;;
esac
DATE="${DATE:-$(date -u +%F)}"

if [ -n "$BUILD" ]; then
    RELEASE_DATE="$DATE" PYTHON="$PYTHON" bash packaging/build-linux.sh
    PYTHON="$PYTHON" bash packaging/build-rpm.sh
fi
VERSION="$("$PYTHON" -c 'import vodgui; print(vodgui.__version__)')"

shopt -s nullglob
ARTIFACTS=(dist/vodgui_"$VERSION"_*.deb dist/vodgui-"$VERSION"-*.rpm dist/vodgui-"$VERSION"-linux-*.tar.gz
           dist/vodgui-"$VERSION"-windows-*-setup.exe dist/vodgui-"$VERSION"-macos-*.dmg)
shopt -u nullglob
[ ${#ARTIFACTS[@]} -gt 0 ] || { echo "release.sh: no vodgui $VERSION artifacts in dist/" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT"
NAMES=()
for artifact in "${ARTIFACTS[@]}"; do
    ln -f "$artifact" "$OUT/" 2>/dev/null || cp "$artifact" "$OUT/"
    NAMES+=("$(basename "$artifact")")
done
(cd "$OUT" && sha256sum -- "${NAMES[@]}" > SHA256SUMS && sha256sum --quiet -c SHA256SUMS)
"$PYTHON" packaging/release_feed.py sign --key "$KEY" "$OUT/SHA256SUMS"
FEED_ARGS=(--key "$KEY" --out "$OUT" --version "$VERSION" --date "$DATE")
[ -z "$PAGE_URL" ] || FEED_ARGS+=(--page-url "$PAGE_URL")
[ -z "$NOTES_ZH" ] || FEED_ARGS+=(--notes-zh-file "$NOTES_ZH")
"$PYTHON" packaging/release_feed.py feed "${FEED_ARGS[@]}" "${NAMES[@]/#/$OUT/}"
echo "release.sh: vodgui $VERSION in $OUT:"
ls -la "$OUT"
