#!/usr/bin/env bash
# CI for the installers beyond the .deb, on the CI machine, after packaging/build-linux.sh (.ci/run calls it once
# the .deb is smoke-tested):
#   1. the desktop metadata: desktop-file-validate and appstreamcli validate (no network) on what the packages ship;
#   2. the .rpm: build it from the same bundle, list it, check its Requires against what the bundle links to,
#      extract it (rpm2cpio) and run the extracted vodgui --smoke;
#   3. a release: SHA256SUMS and the update feed signed by a throwaway key (packaging/release.sh --no-build), then
#      the frozen app checks that feed over HTTP on 127.0.0.1, trusting the throwaway key, and refuses it without.
#
#   PYTHON=.venv/bin/python bash packaging/ci-installers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
START=$(date +%s)
part() { echo "--- $* (+$(( $(date +%s) - START )) s)"; }
die() { echo "ci-installers: $*" >&2; exit 1; }
VERSION="$("$PYTHON" -c 'import vodgui; print(vodgui.__version__)')"
ARCH="$(uname -m)"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

part "build tools (packaging/debian/build-packages.txt)"
# shellcheck disable=SC2046
$SUDO apt-get install -y -qq --no-install-recommends $(cat packaging/debian/build-packages.txt) >/dev/null

part "desktop metadata"
out="$(desktop-file-validate build/share/applications/vodgui.desktop 2>&1)" || die "desktop-file-validate: $out"
[ -z "$out" ] || die "desktop-file-validate has remarks: $out"
appstreamcli validate --no-net build/share/metainfo/io.github.vodgui.metainfo.xml
grep -q "<release version=\"$VERSION\"" build/share/metainfo/io.github.vodgui.metainfo.xml \
    || die "the metainfo has no release $VERSION"

part "the .rpm: build and list"
PYTHON="$PYTHON" bash packaging/build-rpm.sh
RPM="dist/vodgui-$VERSION-1.$ARCH.rpm"
rpm -qpl "$RPM" > "$WORK/files"
for f in /opt/vodgui/vodgui /usr/bin/vodgui /usr/share/applications/vodgui.desktop \
         /usr/share/icons/hicolor/scalable/apps/vodgui.svg /usr/share/icons/hicolor/256x256/apps/vodgui.png \
         /usr/share/metainfo/io.github.vodgui.metainfo.xml; do
    grep -qxF "$f" "$WORK/files" || die "$RPM lacks $f"
done
echo "$(wc -l < "$WORK/files") files"

part "the .rpm: Requires cover every system library the bundle links to"
rpm -qp --requires "$RPM" > "$WORK/requires"
find dist/vodgui \( -name '*.so*' -o -name vodgui \) -type f -print0 \
    | xargs -0 -n 50 objdump -p 2>/dev/null | awk '/NEEDED/ {print $2}' | sort -u > "$WORK/needed"
find dist/vodgui -name '*.so*' -printf '%f\n' | sort -u > "$WORK/bundled"
comm -23 "$WORK/needed" "$WORK/bundled" \
    | grep -Ev '^(libc|libm|libdl|libpthread|librt|libresolv|libutil)\.so|^ld-linux' > "$WORK/system" || true
while read -r soname; do
    grep -qxF "$soname()(64bit)" "$WORK/requires" || die "the bundle needs $soname, the .rpm does not Require it"
done < "$WORK/system"
GLIBC="$(find dist/vodgui \( -name '*.so*' -o -name vodgui \) -type f -print0 | xargs -0 -n 50 objdump -T 2>/dev/null \
    | grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -1)"
grep -qxF "libc.so.6($GLIBC)(64bit)" "$WORK/requires" || die "the bundle needs $GLIBC: Require libc.so.6($GLIBC)(64bit)"
echo "system libraries: $(tr '\n' ' ' < "$WORK/system")+ $GLIBC"

part "the .rpm: extract (rpm2cpio) and smoke-test the extracted app"
mkdir "$WORK/root"
(cd "$WORK/root" && rpm2cpio "$OLDPWD/$RPM" | cpio -idm --quiet)
[ "$(readlink "$WORK/root/usr/bin/vodgui")" = ../../opt/vodgui/vodgui ] || die "/usr/bin/vodgui is not a link to the app"
appstreamcli validate-tree --no-net "$WORK/root"
env -u DISPLAY QT_QPA_PLATFORM=offscreen timeout 300 "$WORK/root/usr/bin/vodgui" --smoke

part "release: SHA256SUMS and a feed signed by a throwaway key"
mkdir "$WORK/key"
"$PYTHON" packaging/release_feed.py keygen "$WORK/key/throwaway.key" > "$WORK/key/throwaway.pub"
PYTHON="$PYTHON" bash packaging/release.sh --key "$WORK/key/throwaway.key" --no-build --out dist/release
(cd dist/release && sha256sum --quiet -c SHA256SUMS)
"$PYTHON" packaging/release_feed.py verify --public-key "$(cat "$WORK/key/throwaway.pub")" dist/release/SHA256SUMS

part "release: the frozen app reads the feed from 127.0.0.1"
"$PYTHON" - dist/release "$WORK/port" <<'PY' &
import functools, http.server, sys, threading
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
open(sys.argv[2], "w").write(str(server.server_address[1]))
threading.Timer(300, server.shutdown).start()  # stops by itself
server.serve_forever()
PY
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
FEED="http://127.0.0.1:$(cat "$WORK/port")/latest.json"
result="$(VODGUI_HOME="$WORK/home" VODGUI_UPDATE_PUBLIC_KEY="$(cat "$WORK/key/throwaway.pub")" \
    dist/vodgui/vodgui update check --feed "$FEED" --json)" || die "update check failed: $result"
echo "$result"
echo "$result" | grep -q '"outcome": "current"' || die "the frozen app did not accept the release's own feed"
if refused="$(VODGUI_HOME="$WORK/home" dist/vodgui/vodgui update check --feed "$FEED" --json 2>/dev/null)"; then
    die "the frozen app believed a feed the release key did not sign: $refused"
fi
echo "$refused" | grep -q '"reason": "bad_signature"' || die "unexpected refusal: $refused"
part "done"
