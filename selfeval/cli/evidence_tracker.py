"""`selfeval import evidence`: a council's evidence tracker, its columns as the council keeps
them. Each column the importer does not know by name is given a use with --map (a field, a
note, or ignore) or ignored with --ignore-unknown-columns; a name nearly an organisation the
workspace has is answered with --organisation or --new-organisation; --preview writes nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from selfeval.cli.common import EXIT_OK, open_from_args
from selfeval.errors import InputError
from selfeval.words import counted


def add_evidence_import(what: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from selfeval.services.tracker_columns import FIELDS, USES

    ev = what.add_parser(
        "evidence",
        help=f"columns: {', '.join(FIELDS)}, and any of the council's own (see --map)",
    )
    ev.add_argument("workspace")
    ev.add_argument("file")
    ev.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=USE",
        help=f"what a column of the file is; USE is one of: {', '.join(USES)} (a note is kept "
        "in the item's description as 'Column: value')",
    )
    ev.add_argument(
        "--ignore-unknown-columns",
        action="store_true",
        help="ignore every column not named as a field and not given with --map",
    )
    ev.add_argument(
        "--organisation",
        action="append",
        default=[],
        metavar="NAME IN FILE=EXISTING NAME",
        help="a name in the file is this organisation of the workspace",
    )
    ev.add_argument(
        "--new-organisation",
        action="append",
        default=[],
        metavar="NAME IN FILE",
        help="a name in the file that is nearly an existing organisation is a new one",
    )
    ev.add_argument(
        "--preview", action="store_true", help="say what would be imported; write nothing"
    )


def _answers(args: argparse.Namespace) -> dict[str, str]:
    answers = {name.strip(): "" for name in args.new_organisation}
    for text in args.organisation:
        name, sep, existing = text.partition("=")
        if not sep or not name.strip() or not existing.strip():
            raise InputError(f"--organisation '{text}': give it as \"NAME IN FILE=EXISTING NAME\"")
        answers[name.strip()] = existing.strip()
    return answers


def import_tracker(args: argparse.Namespace) -> int:
    from selfeval.services.evidence_import import apply_tracker, plan_tracker
    from selfeval.services.tracker_columns import uses_from_arguments
    from selfeval.services.tracker_file import read_table

    path = Path(args.file)
    table = read_table(path)
    try:
        uses = uses_from_arguments(table.header, args.map, args.ignore_unknown_columns)
    except InputError as err:
        raise InputError(f"{path}: row 1: {err}") from None
    with open_from_args(args) as workspace:
        plan = plan_tracker(workspace, path, uses, table)
        if args.preview:
            _say_preview(plan)
            return EXIT_OK
        result = apply_tracker(workspace, plan, _answers(args))
    print(
        f"Imported {counted(result.imported, 'evidence item')} with "
        f"{counted(result.links, 'link')} to criteria"
        + (
            f"; added {counted(result.organisations_created, 'organisation')}"
            if result.organisations_created
            else ""
        )
    )
    for line in plan.near_duplicates:
        print(f"Check: {line}")
    return EXIT_OK


def _say_preview(plan: object) -> None:
    from selfeval.services.evidence_import import TrackerPlan
    from selfeval.services.tracker_columns import FIELD_LABELS

    assert isinstance(plan, TrackerPlan)
    print(
        f"Would import {counted(len(plan.items), 'evidence item')} with "
        f"{counted(plan.links, 'link')} to criteria."
    )
    for column in plan.header:
        if column.strip():
            print(f"Column '{column}': {FIELD_LABELS[plan.uses.uses[column]].lower()}")
    for problem in plan.problems:
        print(f"Problem: {problem}")
    for match in plan.organisations:
        if match.near:
            print(
                f"Ask: '{match.name}' ({counted(len(match.rows), 'row')}) is nearly "
                + " or ".join(f"'{n}'" for n in match.near)
                + ": answer with --organisation or --new-organisation"
            )
        else:
            print(f"New organisation: '{match.name}'")
    for line in plan.near_duplicates:
        print(f"Check: {line}")
