; Inno Setup 6 script for LinkFace Desk. build_scripts/build.py compiles it after PyInstaller:
;   iscc /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 /DSourceDir=...\dist\linkface-desk
;        /DOutputDir=...\dist /DIconFile=...\build\icons\app.ico build_scripts\installer.iss
; Output: dist\LinkFaceDesk-<version>-setup.exe
;
; Per-user install without administrator rights (%LOCALAPPDATA%\Programs\LinkFace Desk), Start-menu
; entry, uninstaller. Upgrading installs over the previous version in place (same AppId); settings
; and history are not in the install folder but in the user's AppData (platformdirs), so an upgrade
; or an uninstall never touches them. IT can install for all users with /ALLUSERS (needs admin).
; Silent: LinkFaceDesk-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef NumericVersion
  #define NumericVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\linkface-desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\build\icons\app.ico"
#endif
#define AppName "LinkFace Desk"
#define AppExe "linkface-desk.exe"

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy (and its uninstaller).
AppId={{D0554591-09EC-4CF5-9BE1-1DF7309B5146}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=LinkFace
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoDescription={#AppName} Setup
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=LinkFaceDesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy is closed before its files are replaced, and restarted afterwards.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese (Simplified) is an unofficial Inno Setup translation: used when the compiler has it.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's bundle goes first, so no stale library of an older release is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] is deliberately absent: settings, history and logs in AppData survive an uninstall
; (a reinstall finds them again; history is the branch's record). Remove them by hand if needed:
; %LOCALAPPDATA%\LinkFaceDesk (settings, history, logs). Secrets are in Credential Manager.
