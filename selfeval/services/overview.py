"""What the first screen shows of a workspace, read before the workspace is fully open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from selfeval.framework.outline import FrameworkOutline
from selfeval.store.quick_look import first_look

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace


@dataclass(frozen=True)
class Overview:
    area_name: str
    assessment_title: str
    outline: FrameworkOutline
    ratings: dict[str, str]


def workspace_overview(path: Path) -> Overview | None:
    """None when the file cannot be read this quickly; the full open then explains why."""
    look = first_look(path)
    if look is None:
        return None
    try:
        outline = FrameworkOutline.from_definition(look.framework_definition)
    except (ValueError, KeyError, TypeError):
        return None
    return Overview(look.area_name, look.assessment_title, outline, look.ratings)


def overview_of(workspace: Workspace) -> Overview:
    """The same view of a workspace that is already open."""
    from selfeval.services.judgements import list_judgements

    ratings = {c: j.rating for (c, b), j in list_judgements(workspace).items() if b == ""}
    outline = FrameworkOutline.from_definition(workspace.framework.model_dump(mode="json"))
    return Overview(workspace.area_name, workspace.assessment_title, outline, ratings)
