#!/usr/bin/env bash
# Qt (PySide6) needs a few system libraries even offscreen. Install the missing ones on Debian or
# Ubuntu when we may (root, apt-get present); otherwise say exactly what to install.
set -u
needed=(libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
        libxkbcommon.so.0:libxkbcommon0 libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0
        libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-cursor.so.0:libxcb-cursor0
        libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1)
missing=()
for pair in "${needed[@]}"; do
  lib=${pair%%:*}; pkg=${pair##*:}
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system libraries Qt needs: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Qt needs these system packages; please install them: ${missing[*]}" >&2
  exit 1
fi
