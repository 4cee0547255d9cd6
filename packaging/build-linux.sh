#!/usr/bin/env bash
# Build the Linux artifacts from a clean checkout: the PyInstaller onedir bundle, a .tar.gz of it, and a .deb
# (dpkg-deb, zstd) installing to /opt/vodgui with /usr/bin/vodgui, a .desktop file, icons and AppStream metainfo.
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

echo "== .deb"
STAGE="$ROOT/build/deb/vodgui_${VERSION}_${DEB_ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/icons/hicolor/256x256/apps" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/vodgui"
cp -a "$DIST/vodgui" "$STAGE/opt/vodgui"
ln -s /opt/vodgui/vodgui "$STAGE/usr/bin/vodgui"
install -m 644 packaging/linux/vodgui.desktop "$STAGE/usr/share/applications/vodgui.desktop"
install -m 644 vodgui/resources/icons/vodgui.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/vodgui.svg"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/linux/render_icon.py vodgui/resources/icons/vodgui.svg 256 \
    "$STAGE/usr/share/icons/hicolor/256x256/apps/vodgui.png"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%F)/" packaging/linux/io.github.vodgui.metainfo.xml \
    > "$STAGE/usr/share/metainfo/io.github.vodgui.metainfo.xml"
install -m 644 README.md "$STAGE/usr/share/doc/vodgui/README.md"
INSTALLED_SIZE="$(du -sk "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@SIZE@/$INSTALLED_SIZE/" \
    packaging/linux/control.in > "$STAGE/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd --build "$STAGE" "$DIST/vodgui_${VERSION}_${DEB_ARCH}.deb" >/dev/null
ls -la "$DIST"/*.deb "$DIST"/*.tar.gz
