"""Verbs that read and report: the frameworks selfeval knows, and one person's work."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from selfeval.cli.common import EXIT_BAD_INPUT, EXIT_OK, open_from_args
from selfeval.words import counted


def cmd_frameworks(args: argparse.Namespace) -> int:
    from selfeval.framework.loader import FrameworkError, load_framework
    from selfeval.services.frameworks import framework_library

    if args.action == "validate":
        failed = 0
        for name in args.files:
            try:
                framework = load_framework(Path(name))
            except FrameworkError as err:
                failed += 1
                print(str(err), file=sys.stderr)
                continue
            if framework.supersedes is not None:  # checked against the edition it replaces
                others = [
                    p for p in framework_library([Path(name)]).problems if str(Path(name)) in p
                ]
                if others:
                    failed += 1
                    print("\n".join(others), file=sys.stderr)
                    continue
            criteria = counted(len(framework.criteria), "criterion", "criteria")
            print(f"{name}: ok ({framework.id}, {criteria})")
        return EXIT_BAD_INPUT if failed else EXIT_OK
    library = framework_library()
    for problem in library.problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.action == "list":
        for entry in library.entries.values():
            fw = entry.framework
            criteria = counted(len(fw.criteria), "criterion", "criteria")
            print(f"{fw.id}\t{fw.edition}\t{criteria}\t{fw.title}")
        return EXIT_OK
    framework = library.get(args.id)
    if args.json:
        print(json.dumps(framework.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{framework.title} ({framework.edition})\n{framework.publisher}\n")
    for group in framework.groups:
        print(group.title)
        for criterion in group.criteria:
            print(f"  {criterion.id}: {criterion.title}")
            for bullet in criterion.bullets:
                print(f"    {bullet.id}: {bullet.text}")
    return EXIT_OK


def cmd_mywork(args: argparse.Namespace) -> int:
    from selfeval.services.my_work import my_work

    with open_from_args(args) as workspace:
        work = my_work(workspace, args.person)
    if args.json:
        print(json.dumps(work.as_dict(), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"My work: {work.person}" + (f" ({work.organisation})" if work.organisation else ""))
    for line in work.criteria:
        missing = "; ".join(line.missing) or "nothing missing"
        print(f"  {line.role} of {line.criterion_id}: {line.rating}, {missing}")
    for label, actions in (
        ("Overdue", work.overdue),
        ("Due within 14 days", work.due_soon),
        ("Later", work.later),
    ):
        for action in actions:
            due = f" (due {action.due_date:%d %b %Y})" if action.due_date else ""
            print(f"  {label}: {action.title}{due}")
    for request in work.requests:
        due = f", due {request.due_date:%d %b %Y}" if request.due_date else ""
        print(
            f"  Request {request.direction} {request.counterpart}: "
            f"{', '.join(request.criteria)} ({request.status}{due})"
        )
    for comment in work.new_comments:
        print(f"  New comment on {comment.criterion_id} by {comment.author}: {comment.text}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """The full integrity check, on demand: says which check it did and what it found."""
    from selfeval.services.integrity import full_check

    with open_from_args(args) as workspace:
        problems = full_check(workspace)
        name = workspace.name
    if problems:
        print(
            f"{name}: is damaged (full check: {'; '.join(problems)}); restore a backup",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    print(f"{name}: full check: every page and every attached file is sound.")
    return EXIT_OK


def add_reading_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("frameworks", cmd_frameworks, "list, show or validate framework files")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the frameworks selfeval knows")
    show = actions.add_parser("show", help="one framework's criteria")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    validate = actions.add_parser(
        "validate", help="check framework files, naming file:line of each problem"
    )
    validate.add_argument("files", nargs="+", metavar="FILE")

    p = verb(
        "mywork", cmd_mywork, "what one person has to do: criteria, actions, requests, comments"
    )
    p.add_argument("workspace")
    p.add_argument("--person", help="a person's name (default: who you are, see 'selfeval user')")
    p.add_argument("--json", action="store_true")

    p = verb(
        "check",
        cmd_check,
        "read every page and attached file of a workspace (opening checks all but the files)",
    )
    p.add_argument("workspace")
