# Build vodgui for Windows: the PyInstaller onedir bundle and an Inno Setup installer.
# Requirements: Python 3.11 (x64) on PATH, Inno Setup 6 (ISCC.exe) on PATH or in its default folder.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv)) { python -m venv .venv }
.\.venv\Scripts\python -m pip install -q --upgrade pip
.\.venv\Scripts\python -m pip install -q -e ".[package]"
$env:VODGUI_VERSION = (.\.venv\Scripts\python -c "import vodgui; print(vodgui.__version__)")

# The .ico is rendered from the SVG by Qt (its ico image plugin writes multi-size icons).
$env:QT_QPA_PLATFORM = "offscreen"
.\.venv\Scripts\python packaging\linux\render_icon.py vodgui\resources\icons\vodgui.svg 256 packaging\windows\vodgui.ico

.\.venv\Scripts\python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\pyinstaller\vodgui.spec
.\dist\vodgui\vodgui.exe --version

$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc packaging\windows\vodgui.iss
Get-ChildItem dist\*.exe
