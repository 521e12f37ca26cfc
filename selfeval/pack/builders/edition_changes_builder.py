"""The edition-difference report, built from two editions and their crosswalk, and the ratings
of the latest assessment on the old edition (those to confirm again)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import check_destination
from selfeval.framework.crosswalk import EditionMap, edition_map, problems_against
from selfeval.framework.model import Framework
from selfeval.pack.blocks import ChangeKind
from selfeval.pack.documents.edition_changes import (
    ChangedItem,
    CriterionChanges,
    EditionChanges,
    compose_edition_changes,
)
from selfeval.pack.model import DEFAULT_MARKING
from selfeval.services.frameworks import framework_library
from selfeval.services.improvement.edition_review import (
    item_label,
    item_text,
    ratings_on_edition,
    word_changes,
)
from selfeval.services.workspace import Workspace


def _edition(workspace: Workspace, framework_id: str) -> Framework:
    if workspace.framework.id == framework_id:
        return workspace.framework
    return framework_library().get(framework_id)


def build_edition_changes(
    workspace: Workspace,
    old_id: str,
    new_id: str,
    issued: date | None = None,
    marking: str = DEFAULT_MARKING,
) -> EditionChanges:
    old, new = _edition(workspace, old_id), _edition(workspace, new_id)
    if new.supersedes != old.id:
        raise InputError(
            f"{new.id} does not supersede {old.id} (it supersedes "
            f"{new.supersedes or 'nothing'}); the report compares an edition with the one it "
            "replaces"
        )
    problems = problems_against(new, old, {}, new.id)
    if problems:
        raise InputError(f"{new.id}'s crosswalk does not fit {old.id}:\n" + "\n".join(problems))
    mapping = edition_map(old, new)
    ours = ratings_on_edition(workspace, old.id)
    scale = old.rating_scale
    counts: dict[str, int] = {}
    to_confirm = 0
    criteria: list[CriterionChanges] = []

    def rated(sources: tuple[str, ...]) -> str:
        found = []
        for source in sources:
            if source in ours:
                try:
                    label = scale.level(ours[source]).label
                except KeyError:
                    label = ours[source]
                found.append(f"{label} (as {item_label(old, source)})")
        return ", ".join(found)

    for criterion in new.criteria:
        items = []
        for key in (criterion.id, *(b.id for b in criterion.bullets)):
            kind = mapping.arrival.get(key, "new")
            counts[kind] = counts.get(kind, 0) + 1
            if kind == "same":
                continue
            item = _changed(old, new, mapping, key, kind)
            confirm = rated(mapping.sources.get(key, ())) if kind != "new" else ""
            to_confirm += bool(confirm)
            items.append(ChangedItem(item[0], kind, item[1], mapping.notes.get(key, ""), confirm))
        if items:
            heading = f"{new.numbers[criterion.id]}. {criterion.title}"
            criteria.append(CriterionChanges(heading, tuple(items)))
    removed = [k for k, kind in mapping.relationship.items() if kind == "removed"]
    if removed:
        counts["removed"] = len(removed)
        items = []
        for key in removed:
            confirm = rated((key,))
            items.append(
                ChangedItem(
                    f"{item_label(old, key)} of {old.edition}",
                    "removed",
                    (("removed", item_text(old, key)),),
                    mapping.notes.get(key, ""),
                    confirm,
                )
            )
        criteria.append(CriterionChanges(f"Removed from {new.label}", tuple(items)))
    order = ("same", "reworded", "split", "merged", "new", "removed")
    return EditionChanges(
        area_name=workspace.area_name,
        old_label=f"{old.label} ({old.edition})",
        new_label=f"{new.label} ({new.edition})",
        issued=issued or date.today(),
        prepared_by=str(workspace.user),
        marking=marking,
        counts=tuple((k, counts[k]) for k in order if counts.get(k)),
        criteria=tuple(criteria),
        ratings_to_confirm=to_confirm,
        rating_word=new.terms.rating,
    )


def _changed(
    old: Framework, new: Framework, mapping: EditionMap, key: str, kind: str
) -> tuple[str, tuple[tuple[ChangeKind, str], ...]]:
    """Where the item is (and was), and its words as runs of changes."""
    label = item_label(new, key)
    is_criterion = new.link_targets[key][1] == ""
    where = f"Criterion {label}" if is_criterion else label
    sources = mapping.sources.get(key, ())
    if not sources:
        return where, (("added", item_text(new, key)),)
    was = " and ".join(item_label(old, s) for s in sources)
    if was != label or kind in ("split", "merged"):
        where += f" (from {was} of {old.edition})"
    before = " ".join(item_text(old, s) for s in sources)
    return where, tuple(word_changes(before, item_text(new, key)))


def export_edition_changes(
    workspace: Workspace, old_id: str, new_id: str, path: Path, issued: date | None = None
) -> Path:
    from selfeval.pack.render import render_document

    check_destination(path)
    if path.suffix.lower() not in (".pdf", ".docx"):
        raise InputError(f"{path.name}: the edition-changes report is written as .pdf or .docx")
    report = build_edition_changes(workspace, old_id, new_id, issued)
    return render_document(compose_edition_changes(report), path)
