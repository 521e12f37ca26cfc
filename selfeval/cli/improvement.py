"""Command-line verbs of the improvement plan: indicators, snapshots, cycles, assessments."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from selfeval.cli.common import EXIT_OK, open_from_args


def cmd_indicators(args: argparse.Namespace) -> int:
    from selfeval.services.improvement.indicators import indicator_library

    library = indicator_library()
    if args.json:
        print(json.dumps([i.model_dump(mode="json") for i in library.values()], indent=2))
        return EXIT_OK
    for indicator in library.values():
        print(f"{indicator.id}\t{indicator.unit}\t{indicator.better}\t{indicator.name}")
    return EXIT_OK


def cmd_snapshot(args: argparse.Namespace) -> int:
    from selfeval.services.improvement.snapshots import take_snapshot

    with open_from_args(args) as workspace:
        take_snapshot(workspace, args.name)
    print(f"Snapshot '{args.name}' taken")
    return EXIT_OK


def cmd_cycle(args: argparse.Namespace) -> int:
    from selfeval.services.improvement.assessments import start_new_cycle

    with open_from_args(args) as workspace:
        start_new_cycle(workspace, args.title)
    print(f"Started '{args.title}': ratings reset to not rated, narrative and evidence carried")
    return EXIT_OK


def cmd_assessment(args: argparse.Namespace) -> int:
    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.assessments import add_assessment, list_assessments

    if args.action in ("carry", "to-confirm", "acknowledge"):
        return _edition(args)
    with open_from_args(args) as workspace:
        if args.action == "add":
            add_assessment(workspace, framework_library().get(args.framework), args.title)
        for info in list_assessments(workspace):
            print(f"{info.title}\t{info.framework}\t{info.created_at:%d %b %Y}")
    return EXIT_OK


def _edition(args: argparse.Namespace) -> int:
    """A new edition of the criteria: carry the assessment across, then see what to confirm."""
    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.edition_carry import carry_to_edition
    from selfeval.services.improvement.edition_review import acknowledge_removed, items_to_confirm

    with open_from_args(args) as workspace:
        if args.action == "carry":
            result = carry_to_edition(workspace, framework_library().get(args.to), args.title or "")
            counts = ", ".join(f"{n} {kind}" for kind, n in sorted(result.carried.items()))
            print(f"Made '{result.title}' on {args.to} ({counts}); the old assessment is kept.")
            print(
                f"{result.to_confirm} item{'s' if result.to_confirm != 1 else ''} to confirm: "
                f"'selfeval assessment to-confirm {args.workspace}' lists them."
            )
            return EXIT_OK
        if args.action == "acknowledge":
            acknowledge_removed(workspace, args.item)
            print(f"{args.item}: acknowledged as removed in the new edition.")
            return EXIT_OK
        items = items_to_confirm(workspace)
    if args.json:
        print(json.dumps([item.__dict__ for item in items], indent=2, ensure_ascii=False))
        return EXIT_OK
    for item in items:
        was = "; ".join(f"{label}: {text}" for _i, label, text in item.old_texts)
        rated = ", ".join(f"{s} was {r}" for s, r in item.previous_ratings)
        print(f"{item.label}\t{item.relationship}\t{item.new_text or was}")
        if item.relationship != "new" and was and item.new_text:
            print(f"\twas ({item.old_edition}): {was}")
        if rated:
            print(f"\tprevious, to confirm: {rated}")
        if item.evidence_ids:
            print(f"\tevidence: {len(item.evidence_ids)} item(s) linked to it")
    if not items:
        print("Nothing to confirm after the new edition.")
    return EXIT_OK


def export_progress_file(args: argparse.Namespace) -> int:
    from selfeval.errors import InputError
    from selfeval.pack.builders.progress_builder import export_progress

    if not args.since:
        raise InputError("say which snapshot to compare with: --since NAME")
    with open_from_args(args) as workspace:
        path = export_progress(
            workspace,
            args.since,
            Path(args.output),
            args.until,
            include_personal_data=args.include_personal_data,
        )
    print(f"Wrote {path}")
    return EXIT_OK


def add_improvement_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("indicators", cmd_indicators, "the SEND indicators selfeval knows")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="id, unit, polarity and name of each indicator")
    listing.add_argument("--json", action="store_true")

    p = verb("snapshot", cmd_snapshot, "freeze the assessment as it is now, e.g. before a board")
    p.add_argument("workspace")
    p.add_argument("--name", required=True, help="e.g. 'Board, 14 March'")

    p = verb("cycle", cmd_cycle, "start a new self-evaluation cycle from the current one")
    cycle = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = cycle.add_parser("new", help="narrative and evidence carried, ratings reset")
    new.add_argument("workspace")
    new.add_argument("--title", required=True)

    p = verb("assessment", cmd_assessment, "list assessments, or add one against another framework")
    kinds = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    kinds.add_parser("list").add_argument("workspace")
    add = kinds.add_parser("add", help="e.g. a written statement of action judged alongside")
    add.add_argument("workspace")
    add.add_argument("--framework", required=True)
    add.add_argument("--title", required=True)
    carry = kinds.add_parser(
        "carry", help="move the assessment to a new edition of its criteria, through the crosswalk"
    )
    carry.add_argument("workspace")
    carry.add_argument("--to", required=True, help="the new edition's framework id")
    carry.add_argument("--title", help="the new assessment's title (default: old title + edition)")
    confirm = kinds.add_parser("to-confirm", help="what to look at after a new edition")
    confirm.add_argument("workspace")
    confirm.add_argument("--json", action="store_true")
    ack = kinds.add_parser("acknowledge", help="mark an item removed by the new edition as seen")
    ack.add_argument("workspace")
    ack.add_argument("item", help="the removed criterion or bullet id")
