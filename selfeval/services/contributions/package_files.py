"""The files a package carries, read a piece at a time when they are needed.

A request for every criterion of a large library carries gigabytes of attachments. Holding them
all (in a dictionary) before writing the package, or after reading one, cost more memory than a
council laptop has; here a file is read from where it lives (the workspace, or the package) only
when it is written out or stored, a megabyte at a time (`pieces`). Indexing a set (`files[sha]`)
still gives the whole file, for the few callers that want one small file whole.
"""

from __future__ import annotations

import hashlib
import weakref
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import IO

from selfeval.errors import InputError
from selfeval.files.zip_limits import MEMBER_FAULTS, read_member

MB = 1024 * 1024


class FileSet(Mapping[str, bytes]):
    """Attachment bytes by SHA-256; each read when asked for, never kept."""

    def size_of(self, sha256: str) -> int:
        return len(self[sha256])

    def pieces(self, sha256: str) -> Iterator[bytes]:
        """The file a megabyte or so at a time (where it lives allows it)."""
        yield self[sha256]

    def __contains__(self, sha256: object) -> bool:
        """Without reading the file (Mapping's own `in` would): each kind says how."""
        raise NotImplementedError


class PackageFiles(FileSet):
    """A checked package's attachments, read from its zip (each checked again against its
    SHA-256 as it is read: the file on disk may have changed since it was opened)."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        members: dict[str, zipfile.ZipInfo],
        name: str,
        source: IO[bytes],
        error: type[InputError],
    ) -> None:
        self.archive, self.members, self.name, self.error = archive, members, name, error
        self._finalizer = weakref.finalize(self, _close, archive, source)

    def __getitem__(self, sha256: str) -> bytes:
        info = self.members[sha256]
        data = read_member(self.archive, info, self.name, self.error)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise self.error(
                f"{self.name}: member '{info.filename}' does not match its SHA-256 in the manifest"
            )
        return data

    def size_of(self, sha256: str) -> int:
        return int(self.members[sha256].file_size)

    def pieces(self, sha256: str) -> Iterator[bytes]:
        """Read as it is used; the SHA-256 is checked when the last piece has gone (the store
        checks it too, before anything is kept)."""
        info = self.members[sha256]
        digest = hashlib.sha256()
        left = info.file_size + 1
        try:
            with self.archive.open(info) as handle:
                while left > 0 and (piece := handle.read(min(MB, left))):
                    digest.update(piece)
                    left -= len(piece)
                    yield piece
        except MEMBER_FAULTS as err:
            raise self.error(f"{self.name}: member '{info.filename}' is damaged ({err})") from None
        if left <= 0 or digest.hexdigest() != sha256:
            raise self.error(
                f"{self.name}: member '{info.filename}' does not match its SHA-256 in the manifest"
            )

    def __iter__(self) -> Iterator[str]:
        return iter(self.members)

    def __contains__(self, sha256: object) -> bool:
        return sha256 in self.members

    def __len__(self) -> int:
        return len(self.members)

    def close(self) -> None:
        self._finalizer()


def _close(archive: zipfile.ZipFile, source: IO[bytes]) -> None:
    archive.close()
    source.close()


def member_digest(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, error: type[InputError]
) -> str:
    """A member's SHA-256, read a megabyte at a time (never more than it declares)."""
    digest = hashlib.sha256()
    left = info.file_size + 1  # one byte more catches a member larger than it says
    try:
        with archive.open(info) as handle:
            while left > 0 and (piece := handle.read(min(MB, left))):
                digest.update(piece)
                left -= len(piece)
    except MEMBER_FAULTS as err:
        raise error(f"{name}: member '{info.filename}' is damaged ({err})") from None
    if left <= 0:
        raise error(f"{name}: member '{info.filename}' is larger than it says; refused")
    return digest.hexdigest()


class WatchedFiles(FileSet):
    """Files handed out one at a time, with how far through (in KiB: a progress bar counts in
    32-bit numbers) and a stop at the next file once the user cancels."""

    def __init__(
        self,
        files: FileSet,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
        when_cancelled: str,
    ) -> None:
        self.files, self.progress, self.cancelled = files, progress, cancelled
        self.when_cancelled = when_cancelled
        self.total = sum(files.size_of(sha) for sha in files) // 1024 + 1
        self.done = 0

    def __getitem__(self, sha256: str) -> bytes:
        return b"".join(self.pieces(sha256))

    def pieces(self, sha256: str) -> Iterator[bytes]:
        if self.cancelled is not None and self.cancelled():
            raise InputError(self.when_cancelled)
        for piece in self.files.pieces(sha256):
            self.done += len(piece)
            yield piece
        if self.progress is not None:
            self.progress(min(self.done // 1024, self.total), self.total)

    def size_of(self, sha256: str) -> int:
        return self.files.size_of(sha256)

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def __contains__(self, sha256: object) -> bool:
        return sha256 in self.files
