"""Setting up a partnership's own workspace the first time: the area, its local authority code,
the partner organisations and who is working in it.

The local authority code (``E10000008`` for Devon) is what the published statistics use for the
area; it is kept as a workspace setting. The organisations typed here become real organisations,
so owners, evidence and packs can name them at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.services.data_request import add_starter_list
from selfeval.services.people import add_organisation, add_person
from selfeval.services.users import CurrentUser, current_user, save_user
from selfeval.services.vocabulary import ORGANISATION_KINDS
from selfeval.services.workspace import Workspace, create_workspace
from selfeval.store.models import WorkspaceSetting

LA_CODE_SETTING = "la_code"
# ONS GSS codes of English upper-tier areas (E06 unitary, E08 metropolitan, E09 London borough,
# E10 county) and Welsh principal areas (W06): a letter, two digits of kind, six more digits.
_LA_CODE = re.compile(r"^(E06|E08|E09|E10|W06)\d{6}$")


def check_la_code(text: str) -> str:
    """The code in capitals, or InputError saying what one looks like."""
    code = text.strip().upper()
    if not code:
        return ""
    if not _LA_CODE.match(code):
        raise InputError(
            f"'{text.strip()}' is not a local authority code: it looks like E10000008 (a county), "
            "E06000052 (a unitary), E08000025 or E09000033"
        )
    return code


def usual_partners(area: str, local_authority: str, icb: str) -> list[tuple[str, str]]:
    """The organisations of a typical local area partnership, as (name, kind), to edit."""
    council = local_authority.strip() or f"{area.strip()} Council"
    partners = [
        (f"{council} - Education and SEND", "la-education"),
        (f"{council} - Children's Social Care", "la-social-care"),
    ]
    if icb.strip():
        partners.append((icb.strip(), "health"))
    partners.append((f"{area.strip()} Parent Carer Forum", "pcf"))
    return partners


@dataclass
class FirstRun:
    address: str | Path
    area_name: str
    framework: Framework
    la_code: str = ""
    local_authority: str = ""
    icb: str = ""
    partners: list[tuple[str, str]] = field(default_factory=list)
    your_name: str = ""
    your_organisation: str = ""
    your_role: str = ""


def set_up_workspace(answers: FirstRun, remember_user: bool = True) -> Workspace:
    """Create the workspace with its organisations and its first person, all or nothing; the
    person becomes who is recorded against changes (and printed on packs)."""
    code = check_la_code(answers.la_code)
    if remember_user and not answers.your_name.strip():
        raise InputError("say who you are: your name is recorded against every change")
    for name, kind in answers.partners:
        if kind not in ORGANISATION_KINDS:
            raise InputError(f"'{kind}' is not a type of organisation ({name})")
    user = (
        CurrentUser(answers.your_name.strip(), answers.your_organisation.strip())
        if answers.your_name.strip()
        else current_user()
    )

    def fill(workspace: Workspace) -> None:
        seen: set[str] = set()
        for name, kind in answers.partners:
            if name.strip() and name.strip() not in seen:
                add_organisation(workspace, name.strip(), kind)
                seen.add(name.strip())
        organisation = answers.your_organisation.strip()
        if answers.your_name.strip():
            if organisation and organisation not in seen:
                add_organisation(workspace, organisation, "other")
            add_person(workspace, user.name, answers.your_role.strip(), organisation)
        if code:
            with workspace.transaction() as session:
                session.add(WorkspaceSetting(key=LA_CODE_SETTING, value=code))
        add_starter_list(workspace)  # what inspectors will ask for: ours, for the area to edit

    workspace = create_workspace(
        answers.address,
        answers.area_name,
        answers.framework,
        user,
        local_authority=answers.local_authority.strip(),
        icb=answers.icb.strip(),
        fill=fill,
    )
    if remember_user:
        save_user(user)
    return workspace


def la_code(workspace: Workspace) -> str:
    with workspace.transaction(read_only=True) as session:
        row = session.get(WorkspaceSetting, LA_CODE_SETTING)
        return row.value if row is not None else ""
