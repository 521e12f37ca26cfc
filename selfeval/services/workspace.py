"""Opening, creating and closing a workspace: the handle every other service takes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.locations import backups_dir
from selfeval.services.users import CurrentUser, current_user
from selfeval.store.engine import make_engine
from selfeval.store.faults import database_fault
from selfeval.store.models import Assessment, FrameworkEdition, Partnership, WorkspaceSetting
from selfeval.store.workspace_file import (
    check_still_there,
    create_workspace_file,
    file_identity,
    open_workspace_file,
)

CURRENT_ASSESSMENT = "current_assessment"


class Workspace:
    """An open workspace file, the assessment being worked on, and who is working on it."""

    def __init__(
        self, path: Path, engine: Engine, user: CurrentUser, assessment: str | None = None
    ) -> None:
        self.path = path
        self.engine = engine
        self.user = user
        self._identity = file_identity(path)
        with self.transaction() as session:
            partnership = session.scalars(select(Partnership)).first()
            if partnership is None:
                raise InputError(f"{path}: has no partnership; it is incomplete")
            self.area_name = partnership.area_name
            self.partnership_id = partnership.id
        self.use_assessment(assessment)

    def use_assessment(self, wanted: str | None = None) -> None:
        """Work on one assessment (by id or title); when not said, the workspace's current one
        (set by starting a new cycle), else the most recent."""
        with self.transaction() as session:
            rows = session.scalars(select(Assessment).order_by(Assessment.created_at.desc())).all()
            if not rows:
                raise InputError(f"{self.path}: has no assessment; it is incomplete")
            chosen = rows[0]
            current = session.get(WorkspaceSetting, CURRENT_ASSESSMENT)
            if current is not None:
                chosen = next((a for a in rows if a.id == current.value), chosen)
            if wanted:
                matches = [a for a in rows if wanted in (a.id, a.title)]
                if not matches:
                    titles = "; ".join(a.title for a in rows)
                    raise InputError(f"no assessment '{wanted}' here (assessments: {titles})")
                chosen = matches[0]
            self.assessment_id = chosen.id
            self.assessment_title = chosen.title
            edition = session.get_one(FrameworkEdition, chosen.framework_edition_id)
            self.framework = Framework.model_validate_json(edition.definition)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error.

        A fault of the machine (read-only, disk full, locked, file gone) comes out as a
        MachineFault naming the workspace, so no face shows the user a database's own words.
        """
        check_still_there(self.path, self._identity)
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except DBAPIError as err:
            fault = database_fault(self.path, err)
            if fault is None:
                raise
            raise fault from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_workspace(
    path: Path, user: CurrentUser | None = None, assessment: str | None = None
) -> Workspace:
    engine = open_workspace_file(path, backups_dir())
    try:
        return Workspace(path, engine, user or current_user(), assessment)
    except Exception:
        engine.dispose()
        raise


def create_workspace(
    path: Path,
    area_name: str,
    framework: Framework,
    user: CurrentUser | None = None,
    local_authority: str = "",
    icb: str = "",
) -> Workspace:
    """A new workspace with one partnership and a first assessment against `framework`."""
    if not area_name.strip():
        raise InputError("the area name must not be empty")
    area = area_name.strip()

    def populate(engine: Engine) -> None:
        with Session(engine) as session, session.begin():
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
                Assessment(
                    partnership_id=partnership.id, framework_edition_id=edition.id, title=title
                )
            )

    create_workspace_file(path, populate)
    return Workspace(path, make_engine(path), user or current_user())
