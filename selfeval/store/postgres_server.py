"""The PostgreSQL adapter of the storage seam: one database on a server per shared workspace.

The same models and migrations as the file; the address is a libpq URL
(``postgresql://login@host:5432/database?sslmode=require``, or ``?host=/socket/folder``). A
password in the URL is accepted for scripts and never shown: the store's name is the database
and host. The schema is made by ``create`` (``selfeval server init``) and upgraded only on
purpose; a client of another schema version refuses to open the workspace and says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.exc import ArgumentError

from selfeval.errors import ConnectionLost, InputError, PasswordNeeded, SelfevalError
from selfeval.files.output import CancelCheck, Progress
from selfeval.store.passwords_hidden import without_password
from selfeval.store.quick_look import FirstLook
from selfeval.store.workspace_store import SERVER

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from selfeval.store.workspace_store import WorkspaceStore

SCHEMES = ("postgresql://", "postgres://")
PASSWORD_REFUSED = re.compile(r"password authentication failed|no password supplied")
NO_SUCH_LOGIN = re.compile(r'role ".*" does not exist')


def is_server_address(address: str) -> bool:
    return address.strip().lower().startswith(SCHEMES)


def display_name(url: str) -> str:
    """ "selfeval on db.council.example" (never the login's password)."""
    parts = urlsplit(url)
    database = parts.path.lstrip("/") or "postgres"
    host = parts.hostname or parse_qs(parts.query).get("host", ["this computer"])[0]
    return f"{database} on {host}"


def sqlalchemy_url(url: str) -> str:
    scheme, rest = url.strip().split("://", 1)
    return f"postgresql+psycopg://{rest}"


class PostgresStore:
    capabilities = SERVER

    def __init__(self, url: str) -> None:
        if not is_server_address(url):
            raise InputError(f"{url}: is not a postgresql:// address")
        self.url = url.strip()
        self.address = self.url
        try:  # a bad host or port is said now, not as an error deep in the driver
            parts = urlsplit(self.url)
            _ = (parts.hostname, parts.port)
            from sqlalchemy.engine import make_url

            make_url(sqlalchemy_url(self.url))
        except (ValueError, ArgumentError):
            # The parser's own words may quote a piece of the password: not repeated here.
            raise InputError(
                f"'{without_password(self.url)}': is not a valid server address (its host or "
                "port cannot be read; a password holding @ # / or : must be percent-encoded, or "
                "given with --password-file); it looks like postgresql://login@host:5432/database"
            ) from None
        self.name = display_name(self.url)
        self._engine: Engine | None = None

    def make_engine(self) -> Engine:
        from sqlalchemy import create_engine

        if self._engine is None:
            from selfeval.store.server_passwords import connection_password

            connect_args: dict[str, object] = {"connect_timeout": 10}
            kept = connection_password(self.url)
            if kept is not None:
                connect_args["password"] = kept
            self._engine = create_engine(
                sqlalchemy_url(self.url), pool_pre_ping=True, connect_args=connect_args
            )
        return self._engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError(f"{self.name}: the store is not open")
        return self._engine

    @property
    def read_engine(self) -> Engine:
        """PostgreSQL's reads never wait for writes (MVCC): the one engine serves both."""
        return self.engine

    def revision(self) -> str | None:
        from sqlalchemy import inspect, text

        engine = self.make_engine()
        try:
            with engine.connect() as connection:
                if not inspect(connection).has_table("alembic_version"):
                    return None
                return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception as err:
            fault = self.fault(err)
            if fault is not None:
                raise fault from None
            raise

    def exists(self) -> bool:
        try:
            return self.revision() is not None
        except SelfevalError:
            return False

    def open(self, backups: Path) -> None:
        """Check the schema; an older or newer one is refused (upgrades are a lead's act)."""
        from selfeval.store.schema_version import HEAD, REVISIONS

        revision = self.revision()
        if revision is None:
            self.close()
            raise InputError(
                f"{self.name}: holds no selfeval workspace yet; a lead creates it with "
                "'selfeval server init'"
            )
        if revision != HEAD:
            self.close()
            newer = revision not in REVISIONS
            raise InputError(
                f"{self.name}: its workspace is at schema {revision}, this selfeval reads "
                f"{HEAD}; "
                + (
                    "install the latest selfeval"
                    if newer
                    else "a lead upgrades it with 'selfeval server upgrade'"
                )
            )

    def create(self, build: Callable[[WorkspaceStore], None]) -> None:
        """The schema, then `build` fills it; a failure removes what was made."""
        from selfeval.store import migrate

        if self.revision() is not None:
            raise InputError(f"{self.name}: already holds a selfeval workspace")
        engine = self.make_engine()
        try:
            migrate.upgrade(engine)
            from selfeval.store.server_security import install_server_objects

            install_server_objects(engine)
            build(self)
        except BaseException as err:
            self._drop_everything()
            fault = self.fault(err)
            if fault is not None:
                raise fault from None
            raise

    def _drop_everything(self) -> None:
        from sqlalchemy import text

        from selfeval.store.model_base import Base

        try:
            engine = self.make_engine()
            Base.metadata.drop_all(engine)
            with engine.begin() as connection:
                connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        except Exception:  # the server went away: nothing more can be tidied from here
            pass

    def first_look(self, wanted: str | None = None) -> FirstLook | None:
        return None  # the full open is quick on a server; there is no file to peek into

    def before_transaction(self) -> None:
        return None

    def after_write(self) -> None:
        return None  # the server keeps what it committed

    def fault(self, err: BaseException) -> SelfevalError | None:
        """The server unreachable, the login refused, the connection lost: in plain words."""
        import psycopg
        from sqlalchemy.exc import DBAPIError, OperationalError
        from sqlalchemy.orm.exc import StaleDataError

        original = err.orig if isinstance(err, DBAPIError) else err
        if isinstance(original, psycopg.errors.InsufficientPrivilege) or isinstance(
            err, StaleDataError
        ):
            return InputError(
                f"{self.name}: your login may not make this change (a contributor changes only "
                "the criteria granted to them, a reader changes nothing); nothing was saved"
            )
        refused_value = (
            psycopg.errors.CheckViolation,
            psycopg.errors.StringDataRightTruncation,
            psycopg.errors.NumericValueOutOfRange,
        )
        if isinstance(original, refused_value):
            said = original.diag.message_primary or str(original).splitlines()[0]
            return InputError(
                f"{self.name}: the server refused a value ({said}); nothing was saved"
            )
        if isinstance(original, psycopg.OperationalError) or isinstance(err, OperationalError):
            reason = str(original).strip().splitlines()[0] if str(original).strip() else ""
            if PASSWORD_REFUSED.search(reason):
                from selfeval.store.server_passwords import login_of

                given = "was refused" if "authentication failed" in reason else "was not given"
                return PasswordNeeded(
                    f"{self.name}: the password of login '{login_of(self.url)}' {given}"
                )
            if NO_SUCH_LOGIN.search(reason):
                return InputError(f"{self.name}: the server has no such login ({reason})")
            return ConnectionLost(
                f"{self.name}: the server cannot be reached ({reason}); nothing was saved"
            )
        return None

    def full_check(
        self, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> list[str]:
        """Every file this login may read, a megabyte at a time, against its SHA-256 and size
        (the server keeps its own pages; its administrator, the backups)."""
        import hashlib

        from sqlalchemy import text
        from sqlalchemy.orm import Session

        from selfeval.store.blob_pieces import read_blob

        problems: list[str] = []
        try:
            with Session(self.engine) as session:
                stored = session.execute(
                    text("SELECT sha256, size FROM blob ORDER BY sha256")
                ).all()
                for done, (sha256, size) in enumerate(stored, start=1):
                    if cancelled is not None and cancelled():
                        break
                    if progress is not None:
                        progress(done, len(stored))
                    digest, length = hashlib.sha256(), 0
                    for piece in read_blob(session, sha256):
                        digest.update(piece)
                        length += len(piece)
                    if digest.hexdigest() != sha256 or length != size:
                        problems.append(
                            f"an attached file's bytes do not match its SHA-256 {sha256[:12]}"
                        )
                    if len(problems) >= 5:
                        break
        except Exception as err:
            fault = self.fault(err)
            if fault is None:
                raise
            return [str(fault)]
        return problems

    def release_connections(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def same_place(self, other: str) -> bool:
        if not is_server_address(other):
            return False
        mine, theirs = urlsplit(self.url), urlsplit(other.strip())
        return (mine.hostname, mine.port, mine.path, mine.username) == (
            theirs.hostname,
            theirs.port,
            theirs.path,
            theirs.username,
        ) and parse_qs(mine.query).get("host") == parse_qs(theirs.query).get("host")

    def close(self) -> None:
        self.release_connections()
