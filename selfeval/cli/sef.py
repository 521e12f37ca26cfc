"""`selfeval import sef`: the Word self-evaluation a partnership already has, brought into the
criteria. --preview (or --json) shows where every piece would go and what it replaces, and every
piece not placed with where it is; the import itself needs an answer for those (--unplaced)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from selfeval.cli.common import EXIT_OK, open_from_args
from selfeval.errors import InputError
from selfeval.words import counted

if TYPE_CHECKING:
    from selfeval.services.sef_import.importing import Decision
    from selfeval.services.sef_import.sef_plan import SefPlan

UNPLACED_CHOICES = ("suggested", "notes", "leave-out")


def add_sef_import(what: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from selfeval.services.sef_import.field_words import TARGETS

    sef = what.add_parser(
        "sef", help="a Word self-evaluation (.docx): each criterion's text into its fields"
    )
    sef.add_argument("workspace")
    sef.add_argument("file")
    sef.add_argument("--preview", action="store_true", help="say where everything would go")
    sef.add_argument("--json", action="store_true", help="the preview as JSON")
    sef.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help=f"a heading of the document is this field ({', '.join(TARGETS)}); remembered",
    )
    sef.add_argument(
        "--criterion",
        action="append",
        default=[],
        metavar="HEADING=CRITERION",
        help="a heading of the document is this criterion (its id), or 'none'",
    )
    sef.add_argument(
        "--unplaced",
        choices=UNPLACED_CHOICES,
        help="what becomes of pieces not placed: their suggestion (a picture as evidence, else "
        "a note), a note on the criterion they sit in, or left out; pieces outside any criterion "
        "are left out, and the output says how many",
    )
    sef.add_argument(
        "--place",
        action="append",
        default=[],
        metavar="WHERE=CRITERION:FIELD",
        help="a piece not placed (as --preview names it: 'paragraph 12', 'table 2, row 3, "
        "column 2') goes to this criterion and field (or 'note', or 'evidence' for a picture); "
        "WHERE=leave-out leaves it out",
    )
    sef.add_argument(
        "--evidence",
        action="store_true",
        help="add an evidence item for each document the text points to (links, files)",
    )


def _pairs(given: list[str], option: str) -> dict[str, str]:
    pairs = {}
    for text in given:
        heading, sep, value = text.rpartition("=")
        if not sep or not heading.strip() or not value.strip():
            raise InputError(f"{option} '{text}': give it as \"HEADING=VALUE\"")
        pairs[heading.strip()] = value.strip()
    return pairs


def _placed(plan: SefPlan, given: list[str]) -> dict[str, Decision]:
    """--place answers, each naming a piece the plan left unplaced."""
    from selfeval.services.sef_import.importing import LEAVE_OUT, Decision

    waiting = {u.piece.where for u in plan.unplaced}
    answers: dict[str, Decision] = {}
    for text in given:
        where, sep, answer = text.rpartition("=")
        where = where.strip()
        if not sep or where not in waiting:
            raise InputError(
                f"--place '{text}': '{where}' is not a piece left unplaced (see --preview)"
            )
        criterion_id, colon, target = answer.strip().partition(":")
        if answer.strip() == LEAVE_OUT:
            answers[where] = Decision(None, LEAVE_OUT)
        elif colon and criterion_id and target:
            answers[where] = Decision(criterion_id, target)
        else:
            raise InputError(f"--place '{text}': give CRITERION:FIELD, or leave-out")
    return answers


def import_sef(args: argparse.Namespace) -> int:
    from selfeval.services.sef_import.importing import apply_sef, decide_all, plan_sef

    maps, criteria = _pairs(args.map, "--map"), _pairs(args.criterion, "--criterion")
    with open_from_args(args) as workspace:
        plan = plan_sef(workspace, Path(args.file), maps, criteria)
        if args.preview or args.json:
            shown = preview(workspace, plan)
            print(json.dumps(shown, indent=2) if args.json else _as_text(shown))
            return EXIT_OK
        placed = _placed(plan, args.place)
        waiting = [u for u in plan.unplaced if u.piece.where not in placed]
        if waiting and args.unplaced is None:
            raise InputError(
                f"{args.file}: {counted(len(waiting), 'piece')} of the document "
                "could not be placed; see them with --preview, then say what becomes of them "
                f"with --unplaced ({' | '.join(UNPLACED_CHOICES)}), or place them with --map "
                "and --criterion. Nothing was imported"
            )
        decisions = {**decide_all(plan, args.unplaced or "leave-out"), **placed}
        imported = apply_sef(workspace, plan, decisions, args.evidence)
    print(f"Imported {imported.summary()} from {Path(args.file).name}.")
    return EXIT_OK


def preview(workspace: object, plan: object) -> dict[str, object]:
    """What the import would do, as data: the CLI prints it, --json gives it whole."""
    from selfeval.services.sef_import.field_words import NOTE, TARGETS
    from selfeval.services.sef_import.importing import current_texts
    from selfeval.services.sef_import.references import references
    from selfeval.services.sef_import.sef_plan import SefPlan
    from selfeval.services.workspace import Workspace

    assert isinstance(workspace, Workspace) and isinstance(plan, SefPlan)
    now = current_texts(workspace)
    numbers = workspace.framework.numbers
    fields = [
        {
            "criterion": criterion_id,
            "number": numbers.get(criterion_id),
            "field": target,
            "text": plan.text_of(criterion_id, target),
            # a note is added beside the criterion's other notes: it replaces nothing
            "replaces": "" if target == NOTE else now.get((criterion_id, target), ""),
        }
        for criterion_id, target in sorted(
            plan.placed, key=lambda key: (numbers.get(key[0], 0), TARGETS.index(key[1]))
        )
    ]
    return {
        "file": str(plan.path),
        "sections": [
            {"criterion": s.criterion_id, "heading": s.heading, "where": s.where,
             "sure": s.sure, "how": s.how}
            for s in plan.sections
        ],
        "fields": fields,
        "ratings": [
            {"criterion": c, "rating": level, "where": where, "read": text}
            for c, (level, where, text) in plan.ratings.items()
        ],
        "headings": dict(plan.headings),
        "unplaced": [
            {"where": u.piece.where, "text": u.piece.text, "criterion": u.criterion_id,
             "heading": u.piece.heading, "suggested": u.suggested,
             "picture": u.piece.picture.name if u.piece.picture else None}
            for u in plan.unplaced
        ],
        "references": [
            {"title": r.title, "link": r.link, "criterion": r.criterion_id, "where": r.where}
            for r in references(plan)
        ],
    }  # fmt: skip


def _as_text(shown: dict[str, object]) -> str:
    lines = [f"Would import from {shown['file']}:"]
    for section in shown["sections"]:  # type: ignore[attr-defined]
        lines.append(
            f"  {section['where']}: '{section['heading'][:70]}' is {section['criterion']} "
            f"({round(section['sure'] * 100)}% sure, by {section['how']})"
        )
    for entry in shown["fields"]:  # type: ignore[attr-defined]
        replaces = f"replaces {len(entry['replaces']):,} characters" if entry["replaces"] else "new"
        lines.append(
            f"  {entry['number']}. {entry['criterion']} / {entry['field']}: "
            f"{len(entry['text']):,} characters ({replaces}): {entry['text'][:60]!r}"
        )
    for rating in shown["ratings"]:  # type: ignore[attr-defined]
        lines.append(f"  {rating['criterion']} / rating: {rating['rating']} ({rating['where']})")
    unplaced = shown["unplaced"]
    lines.append(f"Not placed ({len(unplaced)}):")  # type: ignore[arg-type]
    for item in unplaced:  # type: ignore[attr-defined]
        inside = f" in {item['criterion']}" if item["criterion"] else " in no criterion"
        what = f"picture {item['picture']}" if item["picture"] else repr(item["text"][:70])
        suggested = f" (suggested: {item['suggested']})" if item["suggested"] else ""
        lines.append(f"  {item['where']}{inside}: {what}{suggested}")
    for reference in shown["references"]:  # type: ignore[attr-defined]
        lines.append(f"  Document referred to ({reference['criterion']}): {reference['title']}")
    return "\n".join(lines)
