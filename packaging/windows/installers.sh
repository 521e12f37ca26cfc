#!/usr/bin/env bash
# Both installers from dist-windows/selfeval-$VERSION (called by build.sh with VERSION, CACHE):
# the per-machine MSI (wixl) and the per-user installer (NSIS). Version and publisher come from
# pyproject.toml. With SELFEVAL_SIGN_PFX (a .pfx the council's IT supplies) and
# SELFEVAL_SIGN_PASSWORD_FILE, the programs and both installers are signed with osslsigncode;
# without them, nothing is signed and the build says so.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/packaging/windows"
FOLDER="dist-windows/selfeval-$VERSION"
PUBLISHER="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["authors"][0]["name"])')"
ICON="selfeval/resources/icons/selfeval.ico"  # wixl wants paths relative to here
MSI="dist-windows/selfeval-$VERSION.msi"
USER_EXE="dist-windows/selfeval-$VERSION-user.exe"

sign() {
    [ -n "${SELFEVAL_SIGN_PFX:-}" ] || return 0
    local file="$1"
    osslsigncode sign -pkcs12 "$SELFEVAL_SIGN_PFX" -readpass "$SELFEVAL_SIGN_PASSWORD_FILE" \
        -n selfeval -h sha256 -in "$file" -out "$file.signed"
    mv "$file.signed" "$file"
    osslsigncode verify -in "$file" >/dev/null 2>&1 || echo "note: $file signed (chain not verified here)"
}

if [ -n "${SELFEVAL_SIGN_PFX:-}" ]; then
    sign "$FOLDER/selfeval.exe"
    sign "$FOLDER/selfeval-cli.exe"
else
    echo "not signed: set SELFEVAL_SIGN_PFX and SELFEVAL_SIGN_PASSWORD_FILE to sign (docs/windows-build.md)"
fi

# MSI: every file of the folder, each its own component, under INSTALLDIR
(cd "$FOLDER" && find . -type f | sed 's|^\./||' | sort) \
    | sed "s|^|$FOLDER/|" \
    | wixl-heat -p "$FOLDER/" --component-group AppFiles --var var.SourceDir \
        --directory-ref INSTALLDIR --win64 > "$CACHE/files.wxs"
wixl -a x64 -D Win64=yes -D SourceDir="$FOLDER" -D Version="$VERSION" -D Publisher="$PUBLISHER" \
    -D Icon="$ICON" -o "$MSI" "$HERE/selfeval.wxs" "$CACHE/files.wxs"
sign "$MSI"
echo "wrote $MSI ($(du -h "$MSI" | cut -f1))"

# the per-user installer
makensis -V2 -DVERSION="$VERSION" -DPUBLISHER="$PUBLISHER" -DICON="$ROOT/$ICON" \
    -DSOURCE="$ROOT/$FOLDER" -DOUTFILE="$ROOT/$USER_EXE" "$HERE/selfeval.nsi"
sign "$USER_EXE"
echo "wrote $USER_EXE ($(du -h "$USER_EXE" | cut -f1))"
