"""What the first screen shows of a workspace: built here, and only here, for the quick first
paint and for an open workspace alike, so the two can be compared."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfeval.framework.outline import FrameworkOutline
from selfeval.store.addresses import store_for

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace


@dataclass(frozen=True)
class Overview:
    area_name: str
    assessment_title: str
    outline: FrameworkOutline
    ratings: dict[str, str]


def _overview(
    area_name: str, assessment_title: str, definition: str | dict[str, Any], ratings: dict[str, str]
) -> Overview:
    return Overview(
        area_name, assessment_title, FrameworkOutline.from_definition(definition), ratings
    )


def first_overview(address: str | Path, assessment: str | None = None) -> Overview | None:
    """From the store's quick look; None when it cannot be read this quickly (the full open then
    explains why)."""
    look = store_for(address).first_look(assessment)
    if look is None:
        return None
    try:
        return _overview(
            look.area_name, look.assessment_title, look.framework_definition, look.ratings
        )
    except (ValueError, KeyError, TypeError):
        return None


def overview_of(workspace: Workspace) -> Overview:
    """The same view of a workspace that is open."""
    from selfeval.services.judgements import list_judgements

    ratings = {c: j.rating for (c, b), j in list_judgements(workspace).items() if b == ""}
    return _overview(
        workspace.area_name,
        workspace.assessment_title,
        workspace.framework.model_dump(mode="json"),
        ratings,
    )
