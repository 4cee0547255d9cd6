#!/usr/bin/env bash
# Build dist/vodgui-VERSION-1.ARCH.rpm with rpmbuild from the bundle and desktop files that
# packaging/build-linux.sh made (dist/vodgui/, build/share/). Installs to /opt/vodgui with /usr/bin/vodgui, the
# .desktop file, icons and AppStream metainfo; Requires name the system libraries the bundle does not carry.
#
#   bash packaging/build-linux.sh && bash packaging/build-rpm.sh
#
# Needs rpmbuild (Debian: apt-get install rpm; listed in packaging/debian/build-packages.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PYTHON="${PYTHON:-.venv/bin/python}"
VERSION="$("$PYTHON" -c 'import vodgui; print(vodgui.__version__)')"
ARCH="$(uname -m)"
[ -x dist/vodgui/vodgui ] && [ -d build/share/applications ] || {
    echo "build-rpm.sh: run packaging/build-linux.sh first (dist/vodgui and build/share are missing)" >&2; exit 2; }

TOP="$ROOT/build/rpm"
rm -rf "$TOP"
mkdir -p "$TOP"/{BUILD,BUILDROOT,RPMS,SOURCES,SPECS,SRPMS}
# zstd payload (rpm 4.14+, every supported Fedora and openSUSE); level 9 keeps the build quick on small runners.
rpmbuild -bb --quiet \
    --define "_topdir $TOP" \
    --define "_binary_payload w9.zstdio" \
    --define "vodgui_version $VERSION" \
    --define "vodgui_bundle $ROOT/dist/vodgui" \
    --define "vodgui_share $ROOT/build/share" \
    --target "$ARCH" \
    packaging/linux/vodgui.spec
mv "$TOP/RPMS/$ARCH/vodgui-$VERSION-1.$ARCH.rpm" dist/
ls -la "dist/vodgui-$VERSION-1.$ARCH.rpm"
