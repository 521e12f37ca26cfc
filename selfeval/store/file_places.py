"""Where a workspace file may live: not on a network file system; a cloud-sync folder is fine.

SQLite's WAL mode keeps an index in shared memory beside the file, which a network file system
(SMB/CIFS, NFS, WebDAV, sshfs) cannot share between computers: two people opening the same file
on a shared drive can corrupt it, and locks there are not to be trusted. Such a place is refused
in words, with what to do instead (keep the file on this computer and send packages, or use a
shared server).

A cloud-sync folder (OneDrive, SharePoint or Teams sync, Dropbox, Google Drive, iCloud, Box) is
a local folder that a program copies elsewhere: selfeval works there safely, because the file
alone holds every saved change after each save (a checkpoint after every write), and a sync
client that replaces the file while it is open is noticed before the next save
(`SqliteFileStore.before_transaction`) and said, never written over.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath, PureWindowsPath

from selfeval.errors import InputError

MOUNTS = Path("/proc/mounts")
"""The mount table (Linux); tests point it at a simulated one."""
NETWORK_FILE_SYSTEMS = {
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.davfs2", "davfs", "webdav", "fuse.rclone", "fuse.s3fs",
}  # fmt: skip
SYNC_FOLDER = re.compile(
    r"^(onedrive( - .+)?|sharepoint|dropbox( \(.+\))?|google ?drive|my drive|icloud ?drive"
    r"|box( sync)?)$",
    re.IGNORECASE,
)
DRIVE_REMOTE = 4  # GetDriveTypeW


def _mounted_on(path: Path) -> tuple[str, str] | None:
    """(mount point, file system type) of the mount holding `path`, from the mount table."""
    try:
        table = MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    best: tuple[str, str] | None = None
    text = str(path)
    for line in table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fields[2])
    return best


def network_drive(path: PurePath) -> str | None:
    """What kind of network place `path` is on ("a network drive (cifs at /mnt/s)"), or None."""
    if isinstance(path, PureWindowsPath):  # on Windows every Path is one
        if str(path).startswith("\\\\"):
            return "a network share"
        if os.name == "nt" and path.drive:
            import ctypes

            kind = ctypes.windll.kernel32.GetDriveTypeW(f"{path.drive}\\")  # type: ignore[attr-defined]
            if kind == DRIVE_REMOTE:
                return f"a network drive ({path.drive})"
        return None
    mounted = _mounted_on(_resolved(Path(path)))
    if mounted is not None and mounted[1].lower() in NETWORK_FILE_SYSTEMS:
        return f"a network drive ({mounted[1]} at {mounted[0]})"
    return None


def sync_folder(path: PurePath) -> str | None:
    """The cloud-sync folder `path` is in ("OneDrive - Anyshire Council"), or None."""
    for part in path.parts:
        if SYNC_FOLDER.match(part.strip()):
            return part
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def refuse_unsafe_place(path: Path) -> None:
    """InputError when a workspace file may not be kept where `path` is."""
    network = network_drive(path)
    if network is not None:
        raise InputError(
            f"{path}: is on {network}, where SQLite cannot keep a workspace safe (two people "
            "opening it at once can damage it); keep the workspace on this computer (your "
            "documents, or a folder synced by OneDrive is fine) and share it with requests and "
            "returns, or ask for a shared workspace on a server"
        )
