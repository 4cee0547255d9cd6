#!/usr/bin/env bash
# Build vodgui for macOS: dist/vodgui.app (PyInstaller BUNDLE) and a .dmg with an Applications link.
# Requirements: Python 3.11 from python.org (universal2 or the build machine's arch), Xcode command line tools.
#   bash packaging/macos/build.sh
# Signing (without it Gatekeeper refuses the app): set VODGUI_CODESIGN_IDENTITY to a "Developer ID Application: ..."
# identity in the keychain, and VODGUI_NOTARY_PROFILE to a `xcrun notarytool store-credentials` profile; the .app
# is signed with the hardened runtime, the .dmg signed, notarized and stapled. Build once per architecture (arm64
# and x86_64): the .dmg is named after the machine's.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d .venv ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[package]'
VERSION="$(.venv/bin/python -c 'import vodgui; print(vodgui.__version__)')"

# Icon: render the SVG at the sizes iconutil wants, then pack them into an .icns.
ICONSET="build/vodgui.iconset"
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for size in 16 32 128 256 512; do
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/linux/render_icon.py vodgui/resources/icons/vodgui.svg \
        "$size" "$ICONSET/icon_${size}x${size}.png"
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/linux/render_icon.py vodgui/resources/icons/vodgui.svg \
        "$((size * 2))" "$ICONSET/icon_${size}x${size}@2x.png"
done
iconutil -c icns "$ICONSET" -o packaging/macos/vodgui.icns

.venv/bin/python -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/pyinstaller/vodgui.spec
dist/vodgui/vodgui --version
dist/vodgui.app/Contents/MacOS/vodgui --smoke
if [ -n "${VODGUI_CODESIGN_IDENTITY:-}" ]; then
    # --deep signs the bundled Qt frameworks and Python extension modules too; the hardened runtime is required
    # for notarization.
    codesign --force --deep --options runtime --timestamp --sign "$VODGUI_CODESIGN_IDENTITY" dist/vodgui.app
    codesign --verify --deep --strict dist/vodgui.app
fi
DMG="dist/vodgui-$VERSION-macos-$(uname -m).dmg"

# The .dmg: the app plus a link to /Applications, compressed (UDZO).
STAGE="build/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R dist/vodgui.app "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "vodgui $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
if [ -n "${VODGUI_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$VODGUI_CODESIGN_IDENTITY" "$DMG"
    if [ -n "${VODGUI_NOTARY_PROFILE:-}" ]; then
        xcrun notarytool submit "$DMG" --keychain-profile "$VODGUI_NOTARY_PROFILE" --wait
        xcrun stapler staple "$DMG"
        spctl --assess --type open --context context:primary-signature -v "$DMG"
    fi
fi
ls -la "$DMG"
