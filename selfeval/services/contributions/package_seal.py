"""Sealing a package with a passphrase, a piece at a time.

A request for every criterion of a county's library can be gigabytes: sealing it whole (one
AES-GCM message) held it twice in memory. Version 2 seals it in pieces of 1 MiB, each its own
AES-GCM message under the scrypt-derived key, with the piece's number and whether it is the last
in its nonce: pieces cannot be reordered, dropped or cut off without the passphrase check
failing. Version 1 packages (one message) are still read.
"""

from __future__ import annotations

import os
from typing import IO, BinaryIO

from selfeval.errors import InputError

SEALED_V1 = b"SEFPACK-SEALED-1\n"
SEALED_V2 = b"SEFPACK-SEALED-2\n"
PIECE = 1024 * 1024
TAG = 16
MAX_V1_BYTES = 512 * 1024 * 1024
"""Version 1 is opened in memory, as it was written: never larger than this."""


def is_sealed(head: bytes) -> bool:
    return head.startswith((SEALED_V1, SEALED_V2))


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class SealingWriter:
    """A file-like target that seals what is written into it, a piece at a time; `close()`
    seals the last piece (so a piece is held back until the next one or the end)."""

    def __init__(self, target: BinaryIO, passphrase: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt, self.prefix = os.urandom(16), os.urandom(7)
        self.cipher = AESGCM(_key(passphrase, salt))
        self.target = target
        self.target.write(SEALED_V2 + salt + self.prefix)
        self.pending = bytearray()
        self.number = 0
        self.written = 0

    def write(self, data: bytes) -> int:
        self.pending += data
        self.written += len(data)
        while len(self.pending) > PIECE:  # more follows this piece: it is not the last
            self._seal(bytes(self.pending[:PIECE]), last=False)
            del self.pending[:PIECE]
        return len(data)

    def tell(self) -> int:
        return self.written

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._seal(bytes(self.pending), last=True)
        self.pending = bytearray()

    def _seal(self, piece: bytes, last: bool) -> None:
        self.target.write(self.cipher.encrypt(_nonce(self.prefix, self.number, last), piece, None))
        self.number += 1


def unseal_stream(
    source: IO[bytes],
    target: IO[bytes],
    passphrase: str | None,
    name: str,
    error: type[InputError] = InputError,
) -> None:
    """Open a sealed package from `source` (at its start) into `target`; raises `error`."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise error(f"{name}: is protected by a passphrase; give it with --passphrase-file")
    magic = source.read(len(SEALED_V1))
    if magic == SEALED_V1:
        body = source.read(MAX_V1_BYTES + 1)
        if len(body) > MAX_V1_BYTES:
            raise error(f"{name}: is over 512 MB; refused")
        target.write(_unseal_v1(body, passphrase, name, error))
        return
    wrong = error(f"{name}: the passphrase is wrong, or the file was changed after it was sealed")
    header = source.read(16 + 7)
    if magic != SEALED_V2 or len(header) < 23:
        raise error(f"{name}: is truncated")
    cipher = AESGCM(_key(passphrase, header[:16]))
    prefix, number = header[16:], 0
    piece = source.read(PIECE + TAG)
    while True:
        following = source.read(PIECE + TAG)
        last = not following
        try:
            target.write(cipher.decrypt(_nonce(prefix, number, last), piece, None))
        except InvalidTag:
            raise wrong from None
        if last:
            return
        if number == 2**32 - 1:
            raise wrong
        number += 1
        piece = following


def passphrase_opens(source: IO[bytes], passphrase: str) -> bool:
    """Whether `passphrase` opens a sealed package, tried on its first piece only: a wrong one
    is said at once, before a gigabyte is read or anything is saved."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    magic = source.read(len(SEALED_V1))
    if magic == SEALED_V1:
        try:
            _unseal_v1(source.read(MAX_V1_BYTES + 1), passphrase, "", InputError)
        except InputError:
            return False
        return True
    header = source.read(16 + 7)
    if magic != SEALED_V2 or len(header) < 23:
        return False
    piece = source.read(PIECE + TAG)
    last = not source.read(1)
    try:
        AESGCM(_key(passphrase, header[:16])).decrypt(_nonce(header[16:], 0, last), piece, None)
    except InvalidTag:
        return False
    return True


def _unseal_v1(body: bytes, passphrase: str, name: str, error: type[InputError]) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(body) < 16 + 12 + 16:
        raise error(f"{name}: is truncated")
    salt, nonce, sealed = body[:16], body[16:28], body[28:]
    try:
        return bytes(AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, None))
    except InvalidTag:
        raise error(
            f"{name}: the passphrase is wrong, or the file was changed after it was sealed"
        ) from None
