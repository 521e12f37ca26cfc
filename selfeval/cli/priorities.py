"""`selfeval priority add|list|link|unlink`: the partnership's strategic priorities and the
criteria and indicators each is linked to (services/improvement/priorities.py)."""

from __future__ import annotations

import argparse
import json

from selfeval.cli.common import EXIT_OK, open_from_args
from selfeval.errors import InputError


def add_priority_verb(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("priority", cmd_priority, "the partnership's strategic priorities (the golden thread)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="a new priority")
    add.add_argument("workspace")
    add.add_argument("--title", required=True)
    add.add_argument("--number", type=int, help="as the partnership numbers it (default: next)")
    add.add_argument("--description", default="")
    add.add_argument("--owner", default="", help="a person of the workspace, by name")
    add.add_argument("--board", default="", help="the board that oversees it")
    listing = actions.add_parser("list", help="each priority with its thread")
    listing.add_argument("workspace")
    listing.add_argument("--json", action="store_true")
    for name, said in (("link", "link"), ("unlink", "unlink")):
        sub = actions.add_parser(name, help=f"{said} a criterion, an indicator, an action, a risk")
        sub.add_argument("workspace")
        sub.add_argument("number", type=int, help="the priority's number")
        sub.add_argument("--criterion", action="append", default=[], metavar="ID")
        sub.add_argument("--indicator", action="append", default=[], metavar="ID")
        sub.add_argument(
            "--action",
            dest="plan_action",
            action="append",
            default=[],
            metavar="ID_OR_TITLE",
            help="an action of this cycle, by id or title",
        )
        sub.add_argument("--risk", action="append", default=[], metavar="ID_OR_TITLE",
                         help="a risk of this cycle, by id or title")  # fmt: skip


def _owner_id(workspace: object, name: str) -> str | None:
    from selfeval.services.people import list_people
    from selfeval.services.workspace import Workspace

    assert isinstance(workspace, Workspace)
    if not name.strip():
        return None
    found = [p for p in list_people(workspace) if p.name.lower() == name.strip().lower()]
    if not found:
        raise InputError(f"--owner '{name}': no person of that name in the workspace")
    return found[0].id


def cmd_priority(args: argparse.Namespace) -> int:
    from selfeval.services.improvement.priorities import (
        add_priority,
        list_priorities,
        parse_priority,
    )

    with open_from_args(args) as workspace:
        if args.action == "add":
            taken = [p.number for p in list_priorities(workspace)]
            number = args.number if args.number is not None else max(taken, default=0) + 1
            item = parse_priority(
                number=number,
                title=args.title,
                description=args.description,
                owner_person_id=_owner_id(workspace, args.owner),
                board=args.board,
            )
            add_priority(workspace, item)
            print(f"Added priority {number}: {item.title}")
        elif args.action in ("link", "unlink"):
            _link(workspace, args)
        else:
            _list(workspace, args.json)
    return EXIT_OK


def _link(workspace: object, args: argparse.Namespace) -> None:
    from selfeval.services.improvement.priorities import (
        link_plan,
        priority_numbered,
        update_priority,
    )
    from selfeval.services.workspace import Workspace

    assert isinstance(workspace, Workspace)
    if not (args.criterion or args.indicator or args.plan_action or args.risk):
        raise InputError(
            "say what to link: --criterion ID, --indicator ID, --action ID_OR_TITLE or "
            "--risk ID_OR_TITLE"
        )
    priority = priority_numbered(workspace, args.number)
    item = priority.as_input()
    linking = args.action == "link"
    if linking:
        item.criteria = list(dict.fromkeys([*item.criteria, *args.criterion]))
        item.indicators = list(dict.fromkeys([*item.indicators, *args.indicator]))
    else:
        item.criteria = [c for c in item.criteria if c not in args.criterion]
        item.indicators = [i for i in item.indicators if i not in args.indicator]
    if args.criterion or args.indicator:
        update_priority(workspace, priority.id, item)
    named = link_plan(workspace, priority.id, args.plan_action, args.risk, linking)
    criteria = ", ".join(item.criteria) or "none"
    measures = ", ".join(item.indicators) or "none"
    said = f"Priority {priority.number}: criteria {criteria}; indicators {measures}"
    print(said + "".join(f"; {'linked' if linking else 'unlinked'} {n}" for n in named))


def _list(workspace: object, as_json: bool) -> None:
    from dataclasses import asdict

    from selfeval.services.improvement.priorities import actions_of, list_priorities
    from selfeval.services.workspace import Workspace

    assert isinstance(workspace, Workspace)
    shown = []
    for priority in list_priorities(workspace):
        actions = actions_of(workspace, priority)
        entry = {**asdict(priority), "actions": [a.title for a in actions]}
        shown.append(entry)
        if not as_json:
            print(f"{priority.number}. {priority.title}")
            criteria = ", ".join(priority.criteria) or "none"
            measures = ", ".join(priority.indicators) or "none"
            print(f"   criteria: {criteria}; indicators: {measures}; actions: {len(actions)}")
    if as_json:
        print(json.dumps(shown, indent=2, default=str))
