"""`selfeval readiness`: the data request checklist (what inspectors ask for on notification)."""

from __future__ import annotations

import argparse
import json

from selfeval.cli.common import EXIT_OK, open_from_args


def cmd_readiness(args: argparse.Namespace) -> int:
    from selfeval.services.data_request import add_starter_list, list_items
    from selfeval.services.vocabulary import WITHIN_NOTICE

    if args.action == "starter":
        with open_from_args(args) as workspace:
            added = add_starter_list(workspace)
        print(f"Added {added} item{'s' if added != 1 else ''} from the starter list.")
        return EXIT_OK
    with open_from_args(args) as workspace:
        items = list_items(workspace)
    not_ready = [i for i in items if not i.ready]
    if args.json:
        print(
            json.dumps(
                {
                    "items": [i.as_dict() for i in items],
                    "ready": len(items) - len(not_ready),
                    "not_ready": len(not_ready),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not items:
        print("No data request checklist yet: 'selfeval readiness starter WORKSPACE' adds one.")
        return EXIT_OK
    for item in items:
        refreshed = f"{item.refreshed_on:%Y-%m-%d}" if item.refreshed_on else "-"
        state = "ready" if item.ready else "NOT READY: " + "; ".join(item.not_ready)
        print(
            f"{item.title}\t{item.owner or '-'}\t{item.held_where or '-'}\t{refreshed}\t"
            f"within notice: {WITHIN_NOTICE[item.within_notice]}\t{state}"
        )
    print(f"{len(items) - len(not_ready)} of {len(items)} ready; {len(not_ready)} not ready.")
    return EXIT_OK


def add_readiness_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb(
        "readiness",
        cmd_readiness,
        "the data request checklist: what inspectors ask for on notification, and if it is ready",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every item: owner, where held, refreshed, ready")
    listing.add_argument("workspace")
    listing.add_argument("--json", action="store_true")
    starter = actions.add_parser("starter", help="add the starter list's items not held yet")
    starter.add_argument("workspace")
