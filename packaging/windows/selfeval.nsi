; The per-user installer (NSIS, 64-bit stub) for people without administrator rights: it installs
; into %LOCALAPPDATA%\Programs\selfeval, adds a Start menu shortcut and the double-click on a
; .selfeval (the workspace) and a .sefpack (the request), for this user only. Installing over an
; older version replaces the program in place; the user's settings and workspaces live elsewhere
; and are never touched, by the installer or the uninstaller. Silent: selfeval-VERSION-user.exe /S
Unicode true
Target amd64-unicode
Name "selfeval ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\selfeval"
SetCompressor /SOLID lzma
Icon "${ICON}"
UninstallIcon "${ICON}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "selfeval"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "selfeval installer (this user)"
VIAddVersionKey "LegalCopyright" "${PUBLISHER}"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\selfeval"

Section "selfeval"
  ; an older version's program files go first, so nothing of it is left beside the new one
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\selfeval"
  CreateShortcut "$SMPROGRAMS\selfeval\selfeval.lnk" "$INSTDIR\selfeval.exe"
  WriteRegStr HKCU "Software\Classes\.selfeval" "" "selfeval.Workspace"
  WriteRegStr HKCU "Software\Classes\selfeval.Workspace" "" "selfeval workspace"
  WriteRegStr HKCU "Software\Classes\selfeval.Workspace\DefaultIcon" "" "$INSTDIR\selfeval.exe,0"
  WriteRegStr HKCU "Software\Classes\selfeval.Workspace\shell\open\command" "" '"$INSTDIR\selfeval.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.sefpack" "" "selfeval.Package"
  WriteRegStr HKCU "Software\Classes\selfeval.Package" "" "selfeval contribution package"
  WriteRegStr HKCU "Software\Classes\selfeval.Package\DefaultIcon" "" "$INSTDIR\selfeval.exe,0"
  WriteRegStr HKCU "Software\Classes\selfeval.Package\shell\open\command" "" '"$INSTDIR\selfeval.exe" "%1"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "selfeval"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\selfeval.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
SectionEnd

Section "Uninstall"
  ; the program only: what the user keeps in this folder stays, and the folder with it
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\selfeval.exe"
  Delete "$INSTDIR\selfeval-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\selfeval\selfeval.lnk"
  RMDir "$SMPROGRAMS\selfeval"
  DeleteRegKey HKCU "Software\Classes\selfeval.Workspace"
  DeleteRegKey HKCU "Software\Classes\selfeval.Package"
  DeleteRegKey HKCU "Software\Classes\.selfeval"
  DeleteRegKey HKCU "Software\Classes\.sefpack"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
