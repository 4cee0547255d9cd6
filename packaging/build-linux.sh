#!/usr/bin/env bash
# Build the Linux artifacts from a clean checkout: the PyInstaller onedir bundle, a .tar.gz of it, and a .deb
# (dpkg-deb, zstd) installing to /opt/vodgui with /usr/bin/vodgui, a .desktop file, icons and AppStream metainfo.
# packaging/build-rpm.sh then makes the .rpm from the same bundle and build/share.
#
#   bash packaging/build-linux.sh            # uses .venv (created with the app + pyinstaller if missing)
#   PYTHON=/path/to/python bash packaging/build-linux.sh
#
# Output: dist/vodgui/, dist/vodgui-VERSION-linux-ARCH.tar.gz, dist/vodgui_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

if [ -z "${PYTHON:-}" ]; then
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
        .venv/bin/python -m pip install -q --upgrade pip
    fi
    PYTHON=.venv/bin/python
fi
"$PYTHON" -m pip install -q -e '.[package]'

VERSION="$("$PYTHON" -c 'import vodgui; print(vodgui.__version__)')"
DEB_ARCH="$(dpkg --print-architecture)"
ARCH="$(uname -m)"
DIST="$ROOT/dist"
rm -rf "$DIST/vodgui" "$ROOT/build/pyinstaller"
mkdir -p "$DIST"

echo "== PyInstaller onedir ($VERSION)"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
    packaging/pyinstaller/vodgui.spec
"$DIST/vodgui/vodgui" --version

echo "== tar.gz"
tar -C "$DIST" -czf "$DIST/vodgui-$VERSION-linux-$ARCH.tar.gz" vodgui

echo "== desktop integration (shared by the .deb and the .rpm): build/share"
# The .desktop file, hicolor icons (SVG + 256 px PNG), AppStream metainfo with releases from CHANGELOG.md.
SHARE="$ROOT/build/share"
rm -rf "$SHARE"
mkdir -p "$SHARE/applications" "$SHARE/icons/hicolor/scalable/apps" "$SHARE/icons/hicolor/256x256/apps" \
    "$SHARE/metainfo" "$SHARE/doc/vodgui"
install -m 644 packaging/linux/vodgui.desktop "$SHARE/applications/vodgui.desktop"
install -m 644 vodgui/resources/icons/vodgui.svg "$SHARE/icons/hicolor/scalable/apps/vodgui.svg"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/linux/render_icon.py vodgui/resources/icons/vodgui.svg 256 \
    "$SHARE/icons/hicolor/256x256/apps/vodgui.png"
"$PYTHON" packaging/changelog.py metainfo packaging/linux/io.github.vodgui.metainfo.xml "$VERSION" \
    "${RELEASE_DATE:-$(date -u +%F)}" > "$SHARE/metainfo/io.github.vodgui.metainfo.xml"
install -m 644 README.md "$SHARE/doc/vodgui/README.md"

echo "== .deb"
STAGE="$ROOT/build/deb/vodgui_${VERSION}_${DEB_ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin"
cp -a "$DIST/vodgui" "$STAGE/opt/vodgui"
ln -s /opt/vodgui/vodgui "$STAGE/usr/bin/vodgui"
cp -a "$SHARE" "$STAGE/usr/share"
INSTALLED_SIZE="$(du -sk "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@SIZE@/$INSTALLED_SIZE/" \
    packaging/linux/control.in > "$STAGE/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd --build "$STAGE" "$DIST/vodgui_${VERSION}_${DEB_ARCH}.deb" >/dev/null
ls -la "$DIST"/*.deb "$DIST"/*.tar.gz
