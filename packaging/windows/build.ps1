# Build vodgui for Windows: the PyInstaller onedir bundle and an Inno Setup installer.
# Requirements: Python 3.11 (x64) on PATH, Inno Setup 6 (ISCC.exe) on PATH or in its default folder.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Signing (SmartScreen warns about unsigned installers): set VODGUI_SIGN_THUMBPRINT to the SHA-1 thumbprint of a
# code-signing certificate in the user's store and have signtool.exe (Windows SDK) on PATH; vodgui.exe and the
# installer are then signed with SHA-256 and an RFC 3161 timestamp (VODGUI_TIMESTAMP_URL, default DigiCert's).
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
# vodgui.exe is a GUI-subsystem program: PowerShell does not wait for it unless told to.
$smoke = Start-Process -FilePath .\dist\vodgui\vodgui.exe -ArgumentList "--smoke" -Wait -PassThru
if ($smoke.ExitCode -ne 0) { throw "vodgui --smoke failed ($($smoke.ExitCode))" }

function Sign-File([string]$path) {
    if (-not $env:VODGUI_SIGN_THUMBPRINT) { return }
    $ts = if ($env:VODGUI_TIMESTAMP_URL) { $env:VODGUI_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    & signtool.exe sign /sha1 $env:VODGUI_SIGN_THUMBPRINT /fd SHA256 /tr $ts /td SHA256 $path
    if ($LASTEXITCODE -ne 0) { throw "signtool failed on $path" }
    & signtool.exe verify /pa $path
}
Sign-File .\dist\vodgui\vodgui.exe

$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc packaging\windows\vodgui.iss
$setup = "dist\vodgui-$env:VODGUI_VERSION-windows-x64-setup.exe"
Sign-File $setup
Get-ChildItem $setup
