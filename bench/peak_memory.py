"""A measuring process's own peak resident memory.

Linux carries `ru_maxrss` over an `exec`: a process a bench starts after building a large
workspace would report the bench's peak, not its own (the 290 MB once reported for every size).
`VmHWM` in /proc/self/status belongs to the program alone; elsewhere `ru_maxrss` is the fallback.
"""

from __future__ import annotations

import resource


def peak_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
