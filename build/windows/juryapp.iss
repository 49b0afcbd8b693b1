; Inno Setup 6 script for juryapp; build/build.py passes the defines below (see README.md).
; Per-user install by default (no administrator needed on a school or clinic PC); the
; database is never written here: it lives in %LOCALAPPDATA%\juryapp (or --db).

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (build/build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\work\dist\juryapp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputName
  #define OutputName "juryapp-" + AppVersion + "-windows-x86_64-setup"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\work\juryapp.ico"
#endif

[Setup]
AppId={{6F3C0D55-8E0B-4C1A-9A53-2B7C4E1D9A10}
AppName=juryapp
AppVersion={#AppVersion}
AppVerName=juryapp {#AppVersion}
AppPublisher=juryapp developers
DefaultDirName={autopf}\juryapp
DefaultGroupName=juryapp
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\juryapp-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The uninstaller removes the program folder only; conventions stay in the user's data folder.

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\juryapp"; Filename: "{app}\juryapp-gui.exe"
Name: "{autoprograms}\juryapp (demo)"; Filename: "{app}\juryapp-gui.exe"; Parameters: "--demo"
Name: "{autoprograms}\juryapp self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\juryapp.exe"" --self-test"
Name: "{autodesktop}\juryapp"; Filename: "{app}\juryapp-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\juryapp-gui.exe"; Description: "{cm:LaunchProgram,juryapp}"; Flags: nowait postinstall skipifsilent
