"""The state of a few criteria, taken out of a workspace or put into one, with ids kept.

Keeping the lead's ids (people, organisations, evidence, comments) in partner copies is what lets
the lead recognise, on merging, what is the same thing and what is new.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from selfeval.files.names import safe_filename
from selfeval.services.contributions.package_files import FileSet
from selfeval.services.contributions.package_format import (
    PAttachment,
    PComment,
    PEvidence,
    PJudgement,
    POrganisation,
    POwner,
    PPerson,
    ScopedState,
)
from selfeval.services.contributions.stored_files import StoredFiles, store_file
from selfeval.services.record_fields import JUDGEMENT, Path
from selfeval.services.workspace import Workspace
from selfeval.store.chunks import chunked
from selfeval.store.models import (
    Attachment,
    Blob,
    Comment,
    EvidenceItem,
    EvidenceLink,
    Judgement,
    Organisation,
    Ownership,
    Person,
)
from selfeval.store.types import utc_now


def extract_state(
    workspace: Workspace,
    criteria: list[str],
    include_personal_data: bool,
    with_files: bool = True,
    only_evidence: set[str] | None = None,
    with_comments: bool = True,
    files_held: set[str] | None = None,
) -> tuple[ScopedState, StoredFiles]:
    """Judgements, owners, evidence (links limited to `criteria`), comments, and file bytes
    (unless `with_files` is False: planning a merge needs the state, not the bytes).
    `only_evidence` and `with_comments=False`: a merge's plan reads only the items the return
    and its request know of, so its cost does not grow with everything merged before.
    `files_held`: SHA-256s whose bytes the receiver holds already (not read, not returned)."""
    scope = set(criteria)
    assessment = workspace.assessment_id
    with workspace.transaction(read_only=True) as session:
        judgements = [
            PJudgement(**{name: getattr(j, name) for name in JUDGEMENT.carried(Path.PACKAGE)})
            for j in session.scalars(
                select(Judgement)
                .where(Judgement.assessment_id == assessment, Judgement.criterion_id.in_(scope))
                .order_by(Judgement.criterion_id, Judgement.bullet_id)
            )
        ]
        owners = [
            POwner(criterion_id=o.criterion_id, person_id=o.person_id, role=o.role)
            for o in session.scalars(
                select(Ownership)
                .where(Ownership.assessment_id == assessment, Ownership.criterion_id.in_(scope))
                .order_by(Ownership.criterion_id, Ownership.person_id)
            )
        ]
        # Plain rows and model_construct below: this state comes from our own database, and a
        # lead's merge reads thousands of items (ORM objects and validation cost 5x as much).
        links: dict[str, list[tuple[str, str]]] = {}
        linked = select(
            EvidenceLink.evidence_id, EvidenceLink.criterion_id, EvidenceLink.bullet_id
        ).where(EvidenceLink.assessment_id == assessment, EvidenceLink.criterion_id.in_(scope))
        statements = (
            [linked]
            if only_evidence is None
            else [
                linked.where(EvidenceLink.evidence_id.in_(piece))
                for piece in chunked(sorted(only_evidence))
            ]
        )
        for statement in statements:
            for evidence_id, criterion_id, bullet_id in session.execute(statement):
                links.setdefault(evidence_id, []).append((criterion_id, bullet_id))
        evidence = []
        blobs: dict[str, int] = {}
        held = files_held or set()
        people_ids = {o.person_id for o in owners}
        organisation_ids: set[str] = set()
        files: dict[str, list[PAttachment]] = {}
        for piece in chunked(sorted(links)):
            for owner_id, file_id, filename, sha256, size in session.execute(
                select(
                    Attachment.evidence_id,
                    Attachment.id,
                    Attachment.filename,
                    Attachment.sha256,
                    Attachment.size,
                )
                .where(Attachment.evidence_id.in_(piece))
                .order_by(Attachment.id)
            ):
                files.setdefault(owner_id, []).append(
                    PAttachment.model_construct(
                        id=file_id, filename=filename, sha256=sha256, size=size
                    )
                )
        columns = (
            EvidenceItem.id,
            EvidenceItem.title,
            EvidenceItem.description,
            EvidenceItem.kind,
            EvidenceItem.organisation_id,
            EvidenceItem.evidence_date,
            EvidenceItem.link,
            EvidenceItem.personal_data,
        )
        rows = [
            row
            for piece in chunked(sorted(links))
            for row in session.execute(
                select(*columns).where(EvidenceItem.id.in_(piece)).order_by(EvidenceItem.id)
            )
        ]
        for item in rows:
            if item.personal_data and not include_personal_data:
                continue
            attachments = files.get(item.id, [])
            if with_files:
                for attachment in attachments:
                    if attachment.sha256 not in held:
                        blobs[attachment.sha256] = attachment.size
            if item.organisation_id:
                organisation_ids.add(item.organisation_id)
            evidence.append(
                PEvidence.model_construct(
                    id=item.id,
                    title=item.title,
                    description=item.description,
                    kind=item.kind,
                    organisation_id=item.organisation_id,
                    evidence_date=item.evidence_date,
                    link=item.link,
                    personal_data=bool(item.personal_data),
                    links=sorted(links[item.id]),
                    attachments=attachments,
                )
            )
        people = []
        for person in session.scalars(select(Person).where(Person.id.in_(people_ids))):
            people.append(
                PPerson(
                    id=person.id,
                    name=person.name,
                    role=person.role,
                    organisation_id=person.organisation_id,
                    email=person.email,
                )
            )
            if person.organisation_id:
                organisation_ids.add(person.organisation_id)
        organisations = [
            POrganisation(id=o.id, name=o.name, kind=o.kind)
            for o in session.scalars(
                select(Organisation).where(Organisation.id.in_(organisation_ids))
            )
        ]
        comments = (
            [
                PComment(
                    id=c.id,
                    criterion_id=c.criterion_id,
                    author=c.author,
                    organisation=c.organisation,
                    created_at=c.created_at,
                    text=c.text,
                )
                for c in session.scalars(
                    select(Comment)
                    .where(Comment.assessment_id == assessment, Comment.criterion_id.in_(scope))
                    .order_by(Comment.created_at, Comment.id)
                )
            ]
            if with_comments
            else []
        )
    state = ScopedState(
        judgements=judgements,
        organisations=sorted(organisations, key=lambda o: o.id),
        people=sorted(people, key=lambda p: p.id),
        owners=owners,
        evidence=evidence,
        comments=comments,
    )
    return state, StoredFiles(workspace, blobs)


def ensure_organisation(session: Session, state: ScopedState, organisation_id: str | None) -> None:
    """Add the organisation a package refers to if this workspace lacks it (same id, or the
    workspace's own organisation of the same name)."""
    if not organisation_id or session.get(Organisation, organisation_id) is not None:
        return
    source = next((o for o in state.organisations if o.id == organisation_id), None)
    if source is None:
        return
    clash = session.scalars(select(Organisation).where(Organisation.name == source.name)).first()
    if clash is None:
        session.add(Organisation(id=source.id, name=source.name, kind=source.kind))
        session.flush()


def ensure_person(session: Session, state: ScopedState, person_id: str) -> None:
    if session.get(Person, person_id) is not None:
        return
    source = next((p for p in state.people if p.id == person_id), None)
    if source is None:
        return
    ensure_organisation(session, state, source.organisation_id)
    organisation_id = source.organisation_id
    if organisation_id and session.get(Organisation, organisation_id) is None:
        organisation_id = None
    session.add(
        Person(
            id=source.id,
            name=source.name,
            role=source.role,
            organisation_id=organisation_id,
            email=source.email,
        )
    )
    session.flush()


def add_evidence_item(
    session: Session,
    state: ScopedState,
    item: PEvidence,
    assessment_id: str,
    blobs: FileSet,
    created_by: str,
) -> None:
    ensure_organisation(session, state, item.organisation_id)
    organisation_id = item.organisation_id
    if organisation_id and session.get(Organisation, organisation_id) is None:
        organisation_id = None
    session.add(
        EvidenceItem(
            id=item.id,
            title=item.title,
            description=item.description,
            kind=item.kind,
            organisation_id=organisation_id,
            evidence_date=item.evidence_date,
            link=item.link,
            personal_data=item.personal_data,
            created_by=created_by,
        )
    )
    session.flush()
    for criterion_id, bullet_id in item.links:
        session.add(
            EvidenceLink(
                evidence_id=item.id,
                assessment_id=assessment_id,
                criterion_id=criterion_id,
                bullet_id=bullet_id,
            )
        )
    for attachment in item.attachments:
        add_attachment_row(session, item.id, attachment, blobs, created_by)


def add_evidence_items(
    session: Session,
    state: ScopedState,
    items: list[PEvidence],
    assessment_id: str,
    blobs: FileSet,
    created_by: str,
) -> None:
    """Many items at once, through Core bulk inserts (GUIDE.md §5: the ORM unit of work is 40x
    slower for bulk rows); the same rows as add_evidence_item would write one by one."""
    if not items:
        return
    for organisation_id in {i.organisation_id for i in items if i.organisation_id}:
        ensure_organisation(session, state, organisation_id)
    known = set(session.scalars(select(Organisation.id)))
    connection = session.connection()  # Core executemany, not the ORM's bulk path
    now = utc_now()
    connection.execute(
        insert(EvidenceItem),
        [
            {
                "id": i.id,
                "title": i.title,
                "description": i.description,
                "kind": i.kind,
                "organisation_id": i.organisation_id if i.organisation_id in known else None,
                "evidence_date": i.evidence_date,
                "link": i.link,
                "personal_data": i.personal_data,
                "created_by": created_by,
                "created_at": now,
                "updated_at": now,
            }
            for i in items
        ],
    )
    links = [
        {"evidence_id": i.id, "assessment_id": assessment_id, "criterion_id": c, "bullet_id": b}
        for i in items
        for c, b in dict.fromkeys(i.links)
    ]
    if links:
        connection.execute(insert(EvidenceLink), links)
    attachments = [(i.id, a) for i in items for a in i.attachments]
    if attachments:
        shas = {a.sha256 for _, a in attachments}
        stored = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(shas))))
        for sha in sorted(shas - stored):  # a piece of one file in memory at a time
            store_file(session, blobs, sha)
        connection.execute(
            insert(Attachment),
            [
                {
                    "id": a.id,
                    "evidence_id": evidence_id,
                    "filename": safe_filename(a.filename),
                    "sha256": a.sha256,
                    "size": a.size,
                    "added_by": created_by,
                    "added_at": now,
                }
                for evidence_id, a in attachments
            ],
        )


def add_attachment_row(
    session: Session,
    evidence_id: str,
    attachment: PAttachment,
    blobs: FileSet,
    added_by: str,
) -> None:
    if session.get(Attachment, attachment.id) is not None:
        return
    if session.scalar(select(Blob.sha256).where(Blob.sha256 == attachment.sha256)) is None:
        store_file(session, blobs, attachment.sha256)
    session.add(
        Attachment(
            id=attachment.id,
            evidence_id=evidence_id,
            filename=safe_filename(attachment.filename),
            sha256=attachment.sha256,
            size=attachment.size,
            added_by=added_by,
        )
    )


def install_state(
    session: Session, assessment_id: str, state: ScopedState, blobs: FileSet, who: str
) -> None:
    """Put a package's state into an empty (partner) workspace, ids and all."""
    for organisation in state.organisations:
        ensure_organisation(session, state, organisation.id)
    for person in state.people:
        ensure_person(session, state, person.id)
    for judgement in state.judgements:
        session.add(
            Judgement(assessment_id=assessment_id, updated_by=who, **judgement.model_dump())
        )
    for owner in state.owners:
        session.add(Ownership(assessment_id=assessment_id, **owner.model_dump()))
    add_evidence_items(session, state, list(state.evidence), assessment_id, blobs, who)
    for comment in state.comments:
        session.add(Comment(assessment_id=assessment_id, origin="package", **comment.model_dump()))
