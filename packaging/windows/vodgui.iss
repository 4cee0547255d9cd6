; Inno Setup script for the vodgui onedir bundle (per-user install, no admin rights).
; Build: packaging\windows\build.ps1 (runs PyInstaller, then ISCC on this file).
#define AppVersion GetEnv("VODGUI_VERSION")
#if AppVersion == ""
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C7F3E1A-6A4B-4D2B-9C1E-5B0F0D9A7E21}
AppName=vodgui
AppVersion={#AppVersion}
AppPublisher=vodgui developers
AppPublisherURL=https://github.com/vodgui/vodgui
DefaultDirName={localappdata}\Programs\vodgui
DefaultGroupName=vodgui
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=vodgui-{#AppVersion}-windows-x64-setup
SetupIconFile=vodgui.ico
UninstallDisplayIcon={app}\vodgui.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\vodgui\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\vodgui"; Filename: "{app}\vodgui.exe"
Name: "{group}\{cm:UninstallProgram,vodgui}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\vodgui"; Filename: "{app}\vodgui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\vodgui.exe"; Description: "{cm:LaunchProgram,vodgui}"; Flags: nowait postinstall skipifsilent
