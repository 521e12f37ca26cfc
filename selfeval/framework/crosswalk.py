"""Crosswalks: how a new edition of the criteria maps the one it supersedes, id by id.

A framework file that says `supersedes: <id>` carries a `crosswalk` whose entries each say what
became of one old criterion or bullet (same, reworded, split, merged, removed) or which ids are
new. Checked in two steps, both with `file:line` messages: what the file alone can show
(`problems_in_file`, at load), and what needs the old edition (`problems_against`, once the
library knows every file; again when an assessment is carried). `edition_map` then answers, for
each id on either side, where it went or where it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from selfeval.framework.model import CrosswalkEntry, Framework, Relationship
from selfeval.framework.yaml_lines import Path_, format_path, line_for

ONE_TARGET = ("same", "reworded", "merged")


def _kinds(framework: Framework) -> dict[str, str]:
    """Every criterion and bullet id of an edition: "criterion" or "bullet"."""
    kinds: dict[str, str] = {}
    for criterion in framework.criteria:
        kinds[criterion.id] = "criterion"
        for bullet in criterion.bullets:
            kinds[bullet.id] = "bullet"
    return kinds


def _texts(framework: Framework) -> dict[str, str]:
    texts: dict[str, str] = {}
    for criterion in framework.criteria:
        texts[criterion.id] = criterion.title
        for bullet in criterion.bullets:
            texts[bullet.id] = bullet.text
    return texts


Say = Callable[[Path_, str], None]


def problems_in_file(framework: Framework, lines: dict[Path_, int], source: str) -> list[str]:
    """What is wrong with a file's crosswalk that the file alone shows."""
    problems: list[str] = []

    def say(path: Path_, message: str) -> None:
        problems.append(f"{source}:{line_for(path, lines)}: {format_path(path)}: {message}")

    if not _has_a_crosswalk(framework, say):
        return problems
    kinds = _kinds(framework)
    first_from: dict[str, int] = {}
    targets: dict[str, list[int]] = {}
    for i, entry in enumerate(framework.crosswalk):
        _entry_shape(("crosswalk", i), entry, say)
        if entry.from_ is not None:
            earlier = first_from.setdefault(entry.from_, i)
            if earlier != i:
                at = line_for(("crosswalk", earlier), lines)
                say(
                    ("crosswalk", i, "from"),
                    f"'{entry.from_}' is mapped twice (first at line {at})",
                )
        _entry_targets(("crosswalk", i), entry, kinds, targets, say)
    _targets_shared(framework, targets, lines, say)
    for path, new_id in _id_paths(framework):
        if new_id not in targets:
            say(
                path,
                f"'{new_id}' is not in the crosswalk: map it from the old edition, or "
                "list it as new",
            )
    return problems


def _has_a_crosswalk(framework: Framework, say: Say) -> bool:
    """Whether the file supersedes another with a crosswalk to check (said when half there)."""
    if framework.crosswalk and framework.supersedes is None:
        say(("crosswalk",), "a crosswalk needs 'supersedes: <id of the framework it replaces>'")
        return False
    if framework.supersedes is None:
        return False
    if framework.supersedes == framework.id:
        say(("supersedes",), "a framework cannot supersede itself")
    if not framework.crosswalk:
        say(("supersedes",), "a file that supersedes another needs a crosswalk mapping its ids")
        return False
    return True


def _entry_shape(path: Path_, entry: CrosswalkEntry, say: Say) -> None:
    """An entry's 'from' and the number of its 'to' ids, as its relationship asks."""
    kind = entry.relationship
    if kind == "new":
        if entry.from_ is not None:
            say((*path, "from"), "a 'new' entry has no 'from'")
    elif entry.from_ is None:
        say(path, f"a '{kind}' entry needs 'from' (the old id)")
    if kind == "removed" and entry.to:
        say((*path, "to"), "a 'removed' entry has an empty 'to'")
    if kind in ONE_TARGET and len(entry.to) != 1:
        say((*path, "to"), f"a '{kind}' entry maps to exactly one new id")
    if kind == "split" and len(entry.to) < 2:
        say((*path, "to"), "a 'split' entry maps to two or more new ids")
    if kind == "new" and not entry.to:
        say((*path, "to"), "a 'new' entry lists the new ids")


def _entry_targets(
    path: Path_,
    entry: CrosswalkEntry,
    kinds: dict[str, str],
    targets: dict[str, list[int]],
    say: Say,
) -> None:
    """Each new id an entry maps to is of this file, listed once, and of one kind."""
    to_kinds = set()
    for j, new_id in enumerate(entry.to):
        if new_id not in kinds:
            say((*path, "to", j), f"'{new_id}' is not a criterion or bullet of this file")
            continue
        to_kinds.add(kinds[new_id])
        if new_id in entry.to[:j]:
            say((*path, "to", j), f"'{new_id}' is listed twice")
            continue
        targets.setdefault(new_id, []).append(int(path[1]))
    if len(to_kinds) > 1 and entry.from_ is not None:
        say(
            (*path, "to"),
            "maps to criteria and bullets at once; a criterion maps to "
            "criteria, a bullet to bullets",
        )


def _targets_shared(
    framework: Framework, targets: dict[str, list[int]], lines: dict[Path_, int], say: Say
) -> None:
    """A new id several entries map to is 'merged' from all of them, and 'merged' needs two."""
    for new_id, entries in targets.items():
        relationships = {framework.crosswalk[i].relationship for i in entries}
        if len(entries) > 1 and relationships != {"merged"}:
            say(
                ("crosswalk", entries[1]),
                f"'{new_id}' is the target of several entries (lines "
                f"{', '.join(str(line_for(('crosswalk', i), lines)) for i in entries)}): "
                "mark them all 'merged'",
            )
        if relationships == {"merged"} and len(entries) < 2:
            say(
                ("crosswalk", entries[0]),
                f"'{new_id}' is 'merged' from only one old id; use 'same' or 'reworded'",
            )


def problems_against(
    new: Framework, old: Framework, lines: dict[Path_, int], source: str
) -> list[str]:
    """What is wrong with `new`'s crosswalk given the edition it supersedes."""
    problems: list[str] = []

    def say(path: Path_, message: str) -> None:
        problems.append(f"{source}:{line_for(path, lines)}: {format_path(path)}: {message}")

    old_kinds, new_kinds = _kinds(old), _kinds(new)
    old_texts, new_texts = _texts(old), _texts(new)
    mapped: set[str] = set()
    for i, entry in enumerate(new.crosswalk):
        if entry.from_ is None:
            continue
        path: Path_ = ("crosswalk", i, "from")
        if entry.from_ not in old_kinds:
            say(path, f"'{entry.from_}' is not a criterion or bullet of {old.id}")
            continue
        mapped.add(entry.from_)
        for new_id in entry.to:
            if new_id in new_kinds and new_kinds[new_id] != old_kinds[entry.from_]:
                say(
                    ("crosswalk", i, "to"),
                    f"'{entry.from_}' is a {old_kinds[entry.from_]} of {old.id} but "
                    f"'{new_id}' is a {new_kinds[new_id]}; a criterion maps to criteria, a "
                    "bullet to bullets",
                )
        kept = entry.to[0] if entry.relationship == "same" and entry.to else None
        if kept in new_texts and old_texts[entry.from_] != new_texts[kept]:
            say(
                ("crosswalk", i, "relationship"),
                f"'{entry.from_}' is marked 'same' but its words changed; mark it 'reworded'",
            )
    unmapped = [old_id for old_id in old_kinds if old_id not in mapped]
    if unmapped:
        shown = ", ".join(f"'{i}'" for i in unmapped[:8])
        more = f" and {len(unmapped) - 8} more" if len(unmapped) > 8 else ""
        say(
            ("supersedes",),
            f"{len(unmapped)} id{'s' if len(unmapped) != 1 else ''} of {old.id} "
            f"{'are' if len(unmapped) != 1 else 'is'} not in the crosswalk: {shown}{more} "
            "(map each one, or list it as removed)",
        )
    return problems


def supersession_cycles(supersedes: dict[str, str]) -> list[list[str]]:
    """Chains of `supersedes` that come back to where they started (a -> b -> a)."""
    cycles: list[list[str]] = []
    seen: set[str] = set()
    for start in supersedes:
        chain: list[str] = []
        here: str | None = start
        while here is not None and here not in chain and here not in seen:
            chain.append(here)
            here = supersedes.get(here)
        if here is not None and here in chain:
            cycle = chain[chain.index(here) :]
            if not any(set(cycle) == set(c) for c in cycles):
                cycles.append(cycle)
        seen.update(chain)
    return cycles


@dataclass(frozen=True)
class EditionMap:
    """Where each id went (old -> new) and where each came from (new <- old)."""

    old: Framework
    new: Framework
    targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    relationship: dict[str, Relationship] = field(default_factory=dict)
    """By old id; for ids that are new, by new id."""
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    arrival: dict[str, Relationship] = field(default_factory=dict)
    """How each new id came to be: same, reworded, split (one of several), merged, new."""
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        """What the history says of a value carried across (at most 80 characters)."""
        return f"edition:{self.old.id}->{self.new.id}"[:80]


def edition_map(old: Framework, new: Framework) -> EditionMap:
    result = EditionMap(old, new)
    for entry in new.crosswalk:
        if entry.from_ is not None:
            result.targets[entry.from_] = tuple(entry.to)
            result.relationship[entry.from_] = entry.relationship
            if entry.note:
                result.notes[entry.from_] = entry.note
        for new_id in entry.to:
            if entry.from_ is not None:
                result.sources[new_id] = (*result.sources.get(new_id, ()), entry.from_)
            else:
                result.sources.setdefault(new_id, ())
            result.arrival[new_id] = entry.relationship
            if entry.note:
                result.notes.setdefault(new_id, entry.note)
    return result


def _id_paths(framework: Framework) -> Iterable[tuple[Path_, str]]:
    for gi, group in enumerate(framework.groups):
        for ci, criterion in enumerate(group.criteria):
            cpath: Path_ = ("groups", gi, "criteria", ci)
            yield (*cpath, "id"), criterion.id
            for bi, bullet in enumerate(criterion.bullets):
                yield (*cpath, "bullets", bi, "id"), bullet.id
