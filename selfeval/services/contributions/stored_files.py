"""Files between the store and packages: the workspace's attachments a package will carry, read
from the store a piece at a time, and a package's files stored the same way."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.services.contributions.package_files import FileSet
from selfeval.services.workspace import Workspace
from selfeval.store.blob_pieces import BlobMismatch, read_blob, write_blob
from selfeval.store.models import Blob


class StoredFiles(FileSet):
    def __init__(self, workspace: Workspace, sizes: dict[str, int]) -> None:
        """`sizes`: the files to carry, by SHA-256, with their sizes as recorded."""
        self.workspace, self.sizes = workspace, sizes

    def __getitem__(self, sha256: str) -> bytes:
        if sha256 not in self.sizes:
            raise KeyError(sha256)
        with self.workspace.transaction(read_only=True) as session:
            blob = session.get(Blob, sha256)
            if blob is None:
                raise InputError(
                    f"an attached file ({sha256[:12]}...) is missing from the workspace"
                )
            return blob.data

    def pieces(self, sha256: str) -> Iterator[bytes]:
        if sha256 not in self.sizes:
            raise KeyError(sha256)
        with self.workspace.transaction(read_only=True) as session:
            try:
                yield from read_blob(session, sha256)
            except KeyError:
                raise InputError(
                    f"an attached file ({sha256[:12]}...) is missing from the workspace"
                ) from None

    def size_of(self, sha256: str) -> int:
        return self.sizes[sha256]

    def __contains__(self, sha256: object) -> bool:
        return sha256 in self.sizes

    def __iter__(self) -> Iterator[str]:
        return iter(self.sizes)

    def __len__(self) -> int:
        return len(self.sizes)


def store_file(session: Session, files: FileSet, sha256: str) -> None:
    """A package's file into the store as it is read, checked against its SHA-256 and size."""
    try:
        write_blob(session, sha256, files.size_of(sha256), files.pieces(sha256))
    except BlobMismatch as err:
        raise InputError(f"an attached file is not what its package said: {err}") from None
