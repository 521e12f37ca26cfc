"""`selfeval headings`: the partnership's own headings for a criterion's fields, and the fields
it does not use (services/field_headings.py)."""

from __future__ import annotations

import argparse

from selfeval.cli.common import EXIT_OK, open_from_args


def add_headings_verb(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb(
        "headings",
        cmd_headings,
        "the partnership's own headings for a criterion's fields ('What we know' ...); "
        "without an action, list them",
    )
    p.add_argument("workspace")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    put = actions.add_parser("set", help="give a field the partnership's heading ('' for ours)")
    put.add_argument("field")
    put.add_argument("text")
    for name, said in (("hide", "a field the partnership does not use"), ("show", "use it again")):
        action = actions.add_parser(name, help=said)
        action.add_argument("field")


def cmd_headings(args: argparse.Namespace) -> int:
    from selfeval.services.field_headings import (
        DEFAULT_HEADINGS,
        field_headings,
        set_heading,
        set_hidden,
    )

    with open_from_args(args) as workspace:
        if args.action == "set":
            set_heading(workspace, args.field, args.text)
        elif args.action in ("hide", "show"):
            set_hidden(workspace, args.field, args.action == "hide")
        headings = field_headings(workspace)
    if args.action is None:
        for name in DEFAULT_HEADINGS:
            hidden = " (hidden)" if name in headings.hidden else ""
            print(f"{name}: {headings.label(name)}{hidden}")
    return EXIT_OK
