"""What the partnership tells families, beyond each criterion's statements: how to reach it."""

from __future__ import annotations

from selfeval.errors import InputError
from selfeval.services.settings import read_setting, write_setting
from selfeval.services.workspace import Workspace

FAMILY_CONTACT = "family_contact"
CONTACT_LIMIT = 2_000


def family_contact(workspace: Workspace) -> str:
    return read_setting(workspace, FAMILY_CONTACT) or ""


def set_family_contact(workspace: Workspace, text: str) -> None:
    text = text.strip()
    if len(text) > CONTACT_LIMIT:
        raise InputError(f"the contact for families is limited to {CONTACT_LIMIT:,} characters")
    write_setting(workspace, FAMILY_CONTACT, text or None)
