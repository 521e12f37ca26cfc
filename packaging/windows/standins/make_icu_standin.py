"""Write a stand-in for Windows' system ICU (icuuc.dll), which wine 8.0 lacks: every function
Qt6Core.dll imports from it, each failing (a converter never opens, so Qt keeps its built-in
codecs). For the test prefix only: real Windows 10/11 has ICU, and the build never contains it.

    python make_icu_standin.py QT6CORE_IMPORTS OUT_DIR

QT6CORE_IMPORTS: the output of `x86_64-w64-mingw32-objdump -p Qt6Core.dll`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

U_FILE_ACCESS_ERROR = 4


def imported_from_icu(dump: str) -> list[str]:
    names, inside = [], False
    for line in dump.splitlines():
        if line.strip().startswith("DLL Name:"):
            inside = line.split(":", 1)[1].strip().lower() == "icuuc.dll"
            continue
        found = re.match(r"\s+[0-9a-f]+\s+\d+\s+(\w+)$", line)
        if inside and found:
            names.append(found.group(1))
    return names


def main() -> None:
    dump, out = Path(sys.argv[1]).read_text(), Path(sys.argv[2])
    names = imported_from_icu(dump)
    if not names:
        raise SystemExit("Qt6Core.dll imports nothing from icuuc.dll: no stand-in needed")
    body = ["/* made by make_icu_standin.py: every function fails */", "#include <stddef.h>"]
    for name in names:
        if name == "ucnv_open":
            body.append(
                f"void *{name}(const char *n, int *status) "
                f"{{ if (status) *status = {U_FILE_ACCESS_ERROR}; return NULL; }}"
            )
        else:
            body.append(f"void *{name}(void) {{ return NULL; }}")
    (out / "icuuc.c").write_text("\n".join(body) + "\n")
    (out / "icuuc.def").write_text("LIBRARY icuuc.dll\nEXPORTS\n" + "".join(f"    {n}\n" for n in names))
    print(f"icuuc.dll stand-in: {len(names)} functions")


if __name__ == "__main__":
    main()
