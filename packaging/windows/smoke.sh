#!/usr/bin/env bash
# The installed Windows app tried as a user would, under wine (called by build.sh with VERSION and
# CACHE): the MSI installed silently into a fresh prefix, the command line end to end in a folder
# whose name has a space and non-ASCII letters (demo, status, a judgement in Welsh and Urdu, the
# three exports with the PDF's text checked, an evidence import, a request, a return and a merge,
# a refused overwrite of the workspace), the window under Xvfb found and photographed, then the
# MSI uninstalled (the workspaces stay); then the per-user installer installed, run and removed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEPREFIX="$CACHE/prefix-smoke"
MSI="$ROOT/dist-windows/selfeval-$VERSION.msi"
USER_EXE="$ROOT/dist-windows/selfeval-$VERSION-user.exe"
WORK="$CACHE/smoke/Dossiers partagés ñ"
fail() { echo "smoke: $*" >&2; exit 1; }
trap 'echo "smoke: stopped at line $LINENO: $BASH_COMMAND" >&2' ERR
wine_run() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
# msiexec under wine: its exit code is said, and what it did is checked by what follows (the
# files, the registry, the Start menu), not taken from the code: wine's installer service has
# ended an upgrade that was complete with a code other than 0 (3010, "restart", when a file was
# still in use, is one Windows gives too).
msi() {
    local code=0
    wine msiexec "$@" 2>&1 | cat || code="${PIPESTATUS[0]}"
    wineserver -w
    [ "$code" = 0 ] || echo "note: msiexec $1 ended with $code; what it did is checked next"
}

rm -rf "$WINEPREFIX" "$CACHE/smoke"
mkdir -p "$WORK"
# A virtual screen of a laptop's size (Xvfb picks a free display and says which), before any wine
# program starts: wine's desktop process is made once per prefix, with the display it is given.
Xvfb -displayfd 3 -screen 0 1366x768x24 3> "$CACHE/smoke/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$CACHE/smoke/display" ] && break; sleep 0.1; done
[ -s "$CACHE/smoke/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -1 "$CACHE/smoke/display")"
wineboot -i 2>&1 | cat
wineserver -w
cp "$CACHE/standins/icuuc.dll" "$CACHE/standins/bcryptprimitives.dll" \
    "$WINEPREFIX/drive_c/windows/system32/"  # wine's gaps, in the test prefix only

msi /i "$(winepath -w "$MSI")" /qn
INSTALLED="$WINEPREFIX/drive_c/Program Files/selfeval"
[ -f "$INSTALLED/selfeval.exe" ] || fail "the MSI put no selfeval.exe in Program Files"
# per machine by its properties (wine has no UAC to prove it: its shortcut may land in the user's
# Start menu rather than everyone's, so either is accepted here)
case "$(msiinfo export "$MSI" Property)" in *"ALLUSERS	1"*) ;; *) fail "the MSI is not per machine" ;; esac
[ -n "$(find "$WINEPREFIX/drive_c" -path "*Start Menu/Programs/selfeval/selfeval.lnk")" ] \
    || fail "no Start menu shortcut"
# (read whole, then searched: `grep -q` on a live pipe ends it early, and pipefail says so)
for kind in Workspace Package; do
    opens="$(wine reg query "HKLM\\Software\\Classes\\selfeval.$kind\\shell\\open\\command" 2>&1 | cat || true)"
    case "$opens" in *'selfeval.exe" "%1"'*) ;; *) fail "a selfeval.$kind does not open with selfeval: $opens" ;; esac
done

export SELFEVAL_HOME="$(winepath -w "$CACHE/smoke/home")"
cli() { (cd "$WORK" && wine "$INSTALLED/selfeval-cli.exe" --user "Lead (Anyshire)" "$@" 2>&1 | cat; \
         exit "${PIPESTATUS[0]}"); }
version="$(cli --version)"
case "$version" in *"$VERSION"*) ;; *) fail "--version said: $version" ;; esac
cli demo "demo.selfeval"
cli status "demo.selfeval" > "$CACHE/smoke/status.txt"
grep "Anyshire" "$CACHE/smoke/status.txt" >/dev/null || fail "status did not name the area"
WELSH="Mae'r teuluoedd yn dweud bod y cynllun yn glir"
URDU="خاندانوں کو اردو میں معلومات ملی"
cli judge "demo.selfeval" participation --strengths "$WELSH. $URDU"
for format in pdf docx xlsx; do cli export "$format" "demo.selfeval" -o "pack.$format"; done
case "$(pdftotext "$WORK/pack.pdf" - | tr '\n' ' ')" in *"teuluoedd yn dweud"*) ;;
    *) fail "the Welsh judgement is not in the PDF" ;; esac
printf 'title,kind,criteria\nSmoke audit,audit,right-help\n' > "$WORK/tracker.csv"
cli import evidence "demo.selfeval" "tracker.csv"
cli contribution request "demo.selfeval" --to "NHS Anyshire and Wessex ICB" --criteria right-help \
    -o "request.sefpack"
cli contribution open "request.sefpack" "partner.selfeval"
cli judge "partner.selfeval" right-help --rationale "Waits fell to 14 weeks (partner)."
cli contribution return "partner.selfeval" -o "return.sefpack"
cli contribution merge "demo.selfeval" "return.sefpack" --accept-non-conflicting
before="$(sha256sum "$WORK/demo.selfeval" | cut -d' ' -f1)"
if cli export pdf "demo.selfeval" -o "demo.selfeval" >/dev/null; then
    fail "an export overwrote the workspace"
fi
[ "$before" = "$(sha256sum "$WORK/demo.selfeval" | cut -d' ' -f1)" ] || fail "the workspace changed"

# the window (wine draws on the virtual screen started first)
(cd "$WORK" && wine "$INSTALLED/selfeval.exe" "demo.selfeval" 2>&1 | cat) &
app=$!
window=""
for _ in $(seq 90); do  # up to three minutes: the first start under wine unpacks Qt's caches
    window="$(xdotool search --name " - selfeval\$" 2>/dev/null | head -1 || true)"
    [ -n "$window" ] && break
    sleep 2
done
if [ -z "$window" ]; then
    for w in $(xdotool search --name . 2>/dev/null); do xdotool getwindowname "$w"; done | sort -u >&2
    fail "no selfeval window within three minutes (the windows above were open)"
fi
sleep 3  # the window paints after it maps: the screenshot is for a person to look at
import -window root "$ROOT/dist-windows/smoke-window.png"
kill "$app" 2>/dev/null || true
wineserver -k || true
wineserver -w || true  # every program of the prefix gone before an installer replaces files
colours="$(convert "$ROOT/dist-windows/smoke-window.png" -format %k info:)"
[ "$colours" -gt 16 ] || fail "the screenshot is blank ($colours colours)"

# an upgrade replaces the older version in place and keeps the user's settings: the same folder
# as the next version's MSI (its last number one higher), installed over this one
NEXT="${VERSION%.*}.$(( ${VERSION##*.} + 1 ))"
UPGRADE="$CACHE/smoke/selfeval-$NEXT.msi"
wixl -a x64 -D Win64=yes -D SourceDir="dist-windows/selfeval-$VERSION" -D Version="$NEXT" \
    -D Publisher="upgrade test" -D Icon="selfeval/resources/icons/selfeval.ico" -o "$UPGRADE" \
    packaging/windows/selfeval.wxs "$CACHE/files.wxs" 2>&1 | grep -v GLib || true
cli user --set "Helen Whitfield (Anyshire County Council)" >/dev/null  # a setting to keep
settings_before="$(cd "$CACHE/smoke/home" && find . -type f -exec sha256sum {} + | sort)"
[ -n "$settings_before" ] || fail "no settings were written to keep"
msi /i "$(winepath -w "$UPGRADE")" /qn
installed="$(wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>&1 | cat || true)"
[ "$(grep -c "DisplayName.*selfeval" <<< "$installed")" = 1 ] || fail "the upgrade left two selfevals installed"
case "$installed" in *"$NEXT"*) ;; *) fail "the upgrade did not install $NEXT" ;; esac
[ -f "$INSTALLED/selfeval-cli.exe" ] || fail "the upgrade left no program"
[ "$settings_before" = "$(cd "$CACHE/smoke/home" && find . -type f -exec sha256sum {} + | sort)" ] \
    || fail "the upgrade touched the settings"
MSI="$UPGRADE"

# uninstalling leaves the workspaces
msi /x "$(winepath -w "$MSI")" /qn
[ ! -f "$INSTALLED/selfeval.exe" ] || fail "the MSI's uninstall left the program"
[ -f "$WORK/demo.selfeval" ] && [ -f "$WORK/partner.selfeval" ] || fail "uninstalling removed a workspace"

# the per-user installer: no administrator, this user's folder
wine_run "$USER_EXE" /S || echo "note: the per-user installer ended with $?; checked next"
wineserver -w
PER_USER="$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Local/Programs/selfeval/selfeval-cli.exe' | head -1)"
[ -n "$PER_USER" ] || fail "the per-user installer put no selfeval-cli.exe in AppData\\Local\\Programs"
(cd "$WORK" && wine "$PER_USER" status "demo.selfeval" 2>&1 | cat) > "$CACHE/smoke/status-user.txt"
grep "Anyshire" "$CACHE/smoke/status-user.txt" >/dev/null || fail "the per-user install did not run"
wine_run "$(dirname "$PER_USER")/uninstall.exe" /S || echo "note: its uninstaller ended with $?"
wineserver -w
sleep 2  # NSIS's uninstaller copies itself and returns before it finishes
wineserver -w
[ ! -f "$PER_USER" ] || fail "the per-user uninstall left the program"
[ -f "$WORK/demo.selfeval" ] || fail "uninstalling removed a workspace"
echo "Windows smoke run passed"
