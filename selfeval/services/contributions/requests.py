"""Working offline across agencies: the lead's request, the partner's copy, the partner's return.

Merging a return is in services/merge.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import CancelCheck, Progress, check_destination
from selfeval.framework.model import Framework
from selfeval.services.contributions.package_files import WatchedFiles
from selfeval.services.contributions.package_format import (
    FORMAT,
    SUFFIX,
    VERSION,
    Content,
    LeadWorkspace,
    Manifest,
    Package,
    PackageError,
    ScopedState,
    package_is_sealed,
    read_package,
    write_package,
)
from selfeval.services.contributions.registry import new_secret, record_request
from selfeval.services.contributions.return_checks import check_return_values
from selfeval.services.contributions.state import extract_state, install_state
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, create_workspace
from selfeval.store.models import ContributionRequest, WorkspaceSetting
from selfeval.store.types import new_id, utc_now

REQUEST_SETTING = "contribution_request"


def _criteria(workspace: Workspace, criteria: list[str]) -> list[str]:
    known = [c.id for c in workspace.framework.criteria]
    unknown = [c for c in criteria if c not in known]
    if unknown:
        raise InputError(f"'{unknown[0]}' is not a criterion of {workspace.framework.id}")
    if not criteria:
        raise InputError("choose at least one criterion for the contribution")
    return [c for c in known if c in criteria]


def create_request(
    workspace: Workspace,
    to: str,
    criteria: list[str],
    path: Path,
    *,
    due_date: date | None = None,
    message: str = "",
    include_personal_data: bool = False,
    passphrase: str | None = None,
    replaces: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Package:
    """A request package: the chosen criteria's current state (the base) and nothing else.

    The request is recorded here (what was asked, of whom, what was sent, its secret) in the
    same transaction that writes the package: either both exist or neither does. `replaces`
    names the request this one re-issues; it is marked in the same transaction.
    """
    if not to.strip():
        raise InputError("say who the request is for")
    if len(to.strip()) > 200:
        raise InputError("the name of who the request is for is limited to 200 characters")
    if len(message) > 10_000:
        raise InputError(f"the message is {len(message):,} characters; the limit is 10,000")
    scope = _criteria(workspace, criteria)
    check_destination(path)
    state, stored = extract_state(workspace, scope, include_personal_data)
    blobs = WatchedFiles(stored, progress, cancelled, f"cancelled; {path.name} was not written")
    framework = workspace.framework
    manifest = Manifest(
        format=FORMAT,
        version=VERSION,
        kind="request",
        package_id=new_id(),
        created_at=utc_now(),
        created_by=workspace.user.name[:200],
        organisation=workspace.user.organisation[:200],
        to=to.strip(),
        message=message,
        due_date=due_date,
        criteria=scope,
        lead=LeadWorkspace(
            partnership_id=workspace.partnership_id,
            assessment_id=workspace.assessment_id,
            area_name=workspace.area_name,
        ),
        framework_id=framework.id,
        framework_hash=framework.content_hash,
        includes_personal_data=include_personal_data,
        members={},
        request_secret=new_secret(),
    )
    content = Content(framework=framework.model_dump(mode="json"), base=state)
    written = False
    try:
        with workspace.transaction() as session:
            record_request(session, workspace.assessment_id, framework, manifest, state)
            if replaces is not None:
                old = session.get(ContributionRequest, replaces)
                if old is None or old.assessment_id != workspace.assessment_id:
                    raise InputError(f"no request '{replaces}' in this self-evaluation")
                old.replaced_by = manifest.package_id
            manifest = write_package(path, manifest, content, blobs, passphrase)
            written = True
    except BaseException:
        if written:  # the package exists but its record could not be kept: it must not go out
            path.unlink(missing_ok=True)
        raise
    return Package(manifest=manifest, content=content, blobs=stored)


def open_request(
    package_path: Path,
    partner_path: Path,
    user: CurrentUser | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Workspace:
    """Make a partner workspace holding only the requested criteria, as the lead sent them
    (its files stored one at a time, with `progress`; a cancel leaves no workspace)."""
    with read_package(package_path, passphrase) as package:
        return _partner_copy(package, package_path, partner_path, user, progress, cancelled)


def _partner_copy(
    package: Package,
    package_path: Path,
    partner_path: Path,
    user: CurrentUser | None,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> Workspace:
    files = WatchedFiles(
        package.blobs, progress, cancelled, "cancelled; no partner workspace was made"
    )
    manifest = package.manifest
    if manifest.kind != "request":
        raise PackageError(f"{package_path.name}: is a return, not a request; the lead merges it")
    try:
        framework = Framework.model_validate(package.content.framework)
    except (ValueError, RecursionError):
        raise PackageError(f"{package_path.name}: carries a framework that is not valid") from None
    if framework.content_hash != manifest.framework_hash:
        raise PackageError(f"{package_path.name}: its framework does not match its manifest")
    if manifest.request_secret is None:
        raise PackageError(f"{package_path.name}: has no key for its return; it is not a request")
    framework = scoped_framework(framework, manifest.criteria)
    check_return_values(package_path.name, package.content.base, framework, package.blobs)

    def fill(workspace: Workspace) -> None:
        with workspace.transaction() as session:
            install_state(
                session,
                workspace.assessment_id,
                package.content.base,
                files,
                f"{manifest.created_by} (request)",
            )
            record = {
                "manifest": json.loads(manifest.model_dump_json()),
                "base": json.loads(package.content.base.model_dump_json()),
                "sealed": package_is_sealed(package_path),
            }
            session.add(WorkspaceSetting(key=REQUEST_SETTING, value=json.dumps(record)))

    return create_workspace(
        partner_path,
        manifest.lead.area_name,
        framework,
        user,
        local_authority="",
        icb="",
        fill=fill,
    )


def scoped_framework(framework: Framework, criteria: list[str]) -> Framework:
    """The framework with only the requested criteria: the partner sees what was asked of them.

    Ids are kept, so the lead's merge lines everything up; the partner's copy is its own edition.
    """
    data = framework.model_dump(mode="json")
    groups = []
    for group in data["groups"]:
        for criterion in group["criteria"]:
            criterion["number"] = framework.numbers[criterion["id"]]
        kept = [c for c in group["criteria"] if c["id"] in criteria]
        if kept:
            groups.append({**group, "criteria": kept})
    data["groups"] = groups
    data["short_title"] = f"{framework.label}: contribution"
    return Framework.model_validate(data)


def request_of(workspace: Workspace) -> tuple[Manifest, ScopedState] | None:
    """The request a partner workspace was made from (None for an ordinary workspace)."""
    with workspace.transaction(read_only=True) as session:
        row = session.get(WorkspaceSetting, REQUEST_SETTING)
        if row is None:
            return None
        record = json.loads(row.value)
    return Manifest.model_validate(record["manifest"]), ScopedState.model_validate(record["base"])


def request_was_sealed(workspace: Workspace) -> bool:
    """Whether the request this partner workspace came from was sealed with a passphrase: its
    return is then sealed too (what the lead sealed stays sealed on the way back)."""
    with workspace.transaction(read_only=True) as session:
        row = session.get(WorkspaceSetting, REQUEST_SETTING)
    return row is not None and bool(json.loads(row.value).get("sealed", False))


def suggested_return_name(workspace: Workspace) -> str:
    """The return named after who sends it and the area that asked: "Lisa Wynne - Anyshire
    return.sefpack", never a bare "return" among a lead's forty."""
    from selfeval.files.names import safe_filename

    return safe_filename(f"{workspace.user.name} - {workspace.area_name} return") + SUFFIX


@dataclass(frozen=True)
class ReturnWritten:
    package: Package
    personal_data_left_out: int
    """Personal-data items on the requested criteria that the return does not carry."""


def create_return(
    workspace: Workspace,
    path: Path,
    *,
    include_personal_data: bool = False,
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ReturnWritten:
    """The partner's return: their current state of the requested criteria, signed with the
    request's secret. Personal data goes only when the request carried it and the partner chose
    to include it; the manifest says whether it does, exactly."""
    found = request_of(workspace)
    if found is None:
        raise InputError(
            f"{workspace.name}: is not a partner workspace (open a request package first)"
        )
    request, base = found
    if request.request_secret is None:
        raise InputError(
            f"{workspace.name}: was made from a request by an older selfeval, which the "
            "lead's workspace cannot check; ask the lead for a new request"
        )
    if not passphrase and request_was_sealed(workspace):
        raise InputError(
            "the request was sealed with a passphrase, so the return is sealed too: give one "
            "(the same as the request's, or another you tell the lead)"
        )
    check_destination(path)
    include = include_personal_data and request.includes_personal_data
    # Files that came with the request are the lead's already: named by SHA-256, not sent back.
    sent = {a.sha256 for item in base.evidence for a in item.attachments}
    current, stored = extract_state(workspace, list(request.criteria), include, files_held=sent)
    blobs = WatchedFiles(stored, progress, cancelled, f"cancelled; {path.name} was not written")
    held = sorted({a.sha256 for i in current.evidence for a in i.attachments} - set(blobs))
    everything, _ = extract_state(
        workspace, list(request.criteria), include_personal_data=True, with_files=False
    )
    left_out = len(everything.evidence) - len(current.evidence)
    manifest = request.model_copy(
        update={
            "kind": "return",
            "package_id": new_id(),
            "request_id": request.package_id,
            "created_at": utc_now(),
            "created_by": workspace.user.name[:200],
            "organisation": workspace.user.organisation[:200],
            "includes_personal_data": any(item.personal_data for item in current.evidence),
            "request_secret": None,
        }
    )
    content = Content(
        framework=workspace.framework.model_dump(mode="json"), current=current, held_by_lead=held
    )
    manifest = write_package(
        path, manifest, content, blobs, passphrase, sign_with=request.request_secret
    )
    return ReturnWritten(Package(manifest=manifest, content=content, blobs=stored), left_out)
