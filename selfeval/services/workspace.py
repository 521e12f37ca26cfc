"""Opening, creating and closing a workspace: the handle every other service takes.

A Workspace is a store (services never see what kind: store/workspace_store.py), the assessment
being worked on and who is working on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.locations import backups_dir
from selfeval.services.users import CurrentUser, current_user
from selfeval.store.addresses import store_for
from selfeval.store.assessment_choice import (
    CURRENT_ASSESSMENT,
    AssessmentRow,
    NoSuchAssessment,
    choose_assessment,
)
from selfeval.store.models import Assessment, FrameworkEdition, Partnership, WorkspaceSetting
from selfeval.store.workspace_store import Address, Capabilities, WorkspaceStore

__all__ = ["CURRENT_ASSESSMENT", "Workspace", "create_workspace", "open_workspace"]


class Workspace:
    """An open workspace, the assessment being worked on, and who is working on it."""

    def __init__(
        self, store: WorkspaceStore, user: CurrentUser, assessment: str | None = None
    ) -> None:
        self.store = store
        self.user = user
        self._moment: ContextVar[Session | None] = ContextVar(f"moment-{id(self)}", default=None)
        with self.transaction(read_only=True) as session:
            partnership = session.scalars(select(Partnership)).first()
            if partnership is None:
                raise InputError(f"{self.address}: has no partnership; it is incomplete")
            self.area_name = partnership.area_name
            self.partnership_id = partnership.id
        self.use_assessment(assessment)

    @property
    def address(self) -> Address:
        return self.store.address

    @property
    def capabilities(self) -> Capabilities:
        """What its store can do (shared with others, live changes): asked, never guessed."""
        return self.store.capabilities

    @property
    def name(self) -> str:
        """The workspace's short name, for messages and titles."""
        return self.store.name

    @property
    def engine(self) -> Engine:
        return self.store.engine

    def use_assessment(self, wanted: str | None = None) -> None:
        """Work on one assessment (by id or title); when not said, the workspace's current one,
        else the most recent (the rule the first paint uses too: store/assessment_choice.py)."""
        with self.transaction(read_only=True) as session:
            rows = session.scalars(select(Assessment)).all()
            current = session.get(WorkspaceSetting, CURRENT_ASSESSMENT)
            try:
                chosen_row = choose_assessment(
                    [AssessmentRow(a.id, a.title, a.created_at) for a in rows],
                    current.value if current is not None else None,
                    wanted,
                )
            except NoSuchAssessment:
                titles = "; ".join(a.title for a in rows)
                raise InputError(f"no assessment '{wanted}' here (assessments: {titles})") from None
            if chosen_row is None:
                raise InputError(f"{self.address}: has no assessment; it is incomplete")
            chosen = next(a for a in rows if a.id == chosen_row.id)
            self.assessment_id = chosen.id
            self.assessment_title = chosen.title
            edition = session.get_one(FrameworkEdition, chosen.framework_edition_id)
            self.framework = Framework.model_validate_json(edition.definition)

    @contextmanager
    def transaction(self, *, read_only: bool = False) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error.

        Writes take the store's write lock at their start (two writers wait for each other;
        neither fails). `read_only` work takes no lock. Inside ``one_moment()`` every
        transaction joins that moment's read. A fault of the machine (read-only, disk full,
        locked, moved away) comes out as a SelfevalError in plain words.
        """
        shared = self._moment.get()
        if shared is not None:
            yield shared
            return
        self.store.before_transaction()
        engine = self.store.read_engine if read_only else self.engine
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
            if not read_only:
                self.store.after_write()  # the store itself holds the change (a copy has it)
        except DBAPIError as err:
            fault = self.store.fault(err)
            if fault is None:
                raise
            raise fault from None

    @contextmanager
    def one_moment(self) -> Iterator[None]:
        """Everything read inside sees the workspace at one moment (one read transaction): a
        pack, a dump, a readiness count or a snapshot never mixes before and after an edit made
        by someone else meanwhile."""
        if self._moment.get() is not None:
            yield
            return
        with self.transaction(read_only=True) as session:
            token = self._moment.set(session)
            try:
                yield
            finally:
                self._moment.reset(token)

    def release_connections(self) -> None:
        """Opened on a worker thread, used from the GUI thread: connections are made afresh."""
        self.store.release_connections()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_workspace(
    address: Address | Path, user: CurrentUser | None = None, assessment: str | None = None
) -> Workspace:
    from selfeval.services.stored_values import refuse_bad_stored_values

    store = store_for(address)
    store.open(backups_dir())
    try:
        workspace = Workspace(store, user or current_user(), assessment)
        refuse_bad_stored_values(workspace)
        return workspace
    except Exception:
        store.close()
        raise


def new_partnership(
    session: Session, area_name: str, framework: Framework, local_authority: str, icb: str
) -> None:
    """The rows every new workspace starts with: the partnership, the framework edition and a
    first assessment against it."""
    if not area_name.strip():
        raise InputError("the area name must not be empty")
    area = area_name.strip()
    partnership = Partnership(area_name=area, local_authority=local_authority, icb=icb)
    edition = FrameworkEdition(
        framework_id=framework.id,
        edition=framework.edition,
        title=framework.title,
        content_hash=framework.content_hash,
        definition=framework.canonical_json(),
    )
    session.add_all([partnership, edition])
    session.flush()
    title = f"{framework.label} for {area}"
    session.add(
        Assessment(partnership_id=partnership.id, framework_edition_id=edition.id, title=title)
    )


def create_workspace(
    address: Address | Path,
    area_name: str,
    framework: Framework,
    user: CurrentUser | None = None,
    local_authority: str = "",
    icb: str = "",
    fill: Callable[[Workspace], None] | None = None,
) -> Workspace:
    """A new workspace with one partnership and a first assessment against `framework`.

    `fill` writes the rest (a demo, a partner's copy of a request) before the workspace appears
    under its name: a failure half-way leaves nothing behind.
    """
    if not area_name.strip():
        raise InputError("the area name must not be empty")
    store = store_for(address)
    who = user or current_user()

    def build(staging: WorkspaceStore) -> None:
        with Session(staging.engine) as session, session.begin():
            new_partnership(session, area_name, framework, local_authority, icb)
        if fill is not None:
            fill(Workspace(staging, who))

    store.create(build)
    return Workspace(store, who)
