"""A name with a control character (a new line, a bell, an escape, a direction override) is
refused in words wherever a name comes in: typed, on the command line, as the user, in a
package, on an evidence item, to `server grant`."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.services.evidence import EvidenceInput
from selfeval.services.people import add_organisation, add_person, update_person
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace

HOSTILE = ["Helen\nWhitfield", "Helen\x07", "Helen\x1b[31m", "Hel\u202eneleH", "Helen\u2028W"]


@pytest.mark.parametrize("name", HOSTILE)
def test_people_and_organisations_refuse_control_characters(
    workspace: Workspace, name: str
) -> None:
    with pytest.raises(InputError, match="control character"):
        add_person(workspace, name)
    with pytest.raises(InputError, match="control character"):
        add_organisation(workspace, name)
    someone = add_person(workspace, "Helen Whitfield", "SEND lead")
    with pytest.raises(InputError, match="control character"):
        update_person(workspace, someone.id, name)
    with pytest.raises(InputError, match="control character"):
        add_person(workspace, "Jo", role=name)
    with pytest.raises(ValueError, match="control character"):
        EvidenceInput(title="Audit", organisation=name)


@pytest.mark.parametrize("name", HOSTILE)
def test_the_user_and_the_command_line_refuse_them(
    name: str, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(InputError, match="control character"):
        CurrentUser.parse(name)
    with pytest.raises(InputError, match="control character"):
        CurrentUser.parse(f"Jo ({name})")
    assert main(["--user", name, "status", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert "control character" in err and "Traceback" not in err
