"""`selfeval voice|survey|casestudy add|list|delete`: what children, young people and families
said, the surveys they answered, and case studies (services/voices/)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from selfeval.cli.common import EXIT_OK, open_from_args, option_date
from selfeval.services.vocabulary import SPEAKER_KINDS
from selfeval.services.workspace import Workspace


def _common(actions: Any, noun: str) -> tuple[argparse.ArgumentParser, ...]:
    add = actions.add_parser("add", help=f"a new {noun}")
    add.add_argument("workspace")
    add.add_argument("--criterion", action="append", default=[], metavar="ID",
                     help="a criterion it speaks to (again for more)")  # fmt: skip
    listing = actions.add_parser("list", help=f"every {noun}")
    listing.add_argument("workspace")
    listing.add_argument("--json", action="store_true")
    delete = actions.add_parser("delete", help=f"delete a {noun} (its id, from list)")
    delete.add_argument("workspace")
    delete.add_argument("id")
    return add, listing, delete


def _cleared(add: argparse.ArgumentParser) -> None:
    add.add_argument("--cleared", action="append", default=[], metavar="WORD",
                     help="a word the identifying check flags that you have looked at and that "
                     "identifies nobody (again for more)")  # fmt: skip


def add_voice_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("voice", cmd_voice, "what children, young people, families and practitioners say")
    add, _listing, _delete = _common(
        p.add_subparsers(dest="action", metavar="ACTION", required=True), "voice"
    )
    add.add_argument("--words", required=True, help="their words, as said")
    add.add_argument("--who", required=True, choices=list(SPEAKER_KINDS), help="whose words")
    add.add_argument("--speaker", default="", help="who, in general terms (never a name)")
    add.add_argument("--source", default="", help="where it was heard: a survey, a forum, a visit")
    add.add_argument("--date", help="when (31/01/2027 or 2027-01-31)")
    add.add_argument("--consent", action="store_true", help="consent to quote it is recorded")
    add.add_argument("--personal-data", action="store_true")
    add.add_argument("--organisation", default="", help="the organisation that holds it")
    _cleared(add)

    p = verb("survey", cmd_survey, "survey results: a question, how many answered, how many agreed")
    add, _listing, _delete = _common(
        p.add_subparsers(dest="action", metavar="ACTION", required=True), "survey result"
    )
    add.add_argument("--survey", required=True, help="the survey's name")
    add.add_argument("--question", required=True)
    add.add_argument("--responses", type=int, required=True)
    add.add_argument("--agree", type=float, required=True, help="the share agreeing, 0 to 100")
    add.add_argument("--date", help="when it closed (31/01/2027 or 2027-01-31)")

    p = verb("casestudy", cmd_casestudy, "case studies: a child's journey in four parts")
    add, _listing, _delete = _common(
        p.add_subparsers(dest="action", metavar="ACTION", required=True), "case study"
    )
    add.add_argument("--title", required=True)
    add.add_argument("--needed", default="", help="what the child or young person needed")
    add.add_argument("--did", default="", help="what the partnership did")
    add.add_argument("--difference", default="", help="what difference it made")
    add.add_argument("--learned", default="", help="what we learned")
    add.add_argument(
        "--personal-data",
        action="store_true",
        help="not de-identified: printed only when personal data is included",
    )
    add.add_argument("--organisation", default="", help="the organisation that holds it")
    add.add_argument("--priority", action="append", type=int, default=[], metavar="NUMBER",
                     help="a priority it shows (again for more)")  # fmt: skip
    _cleared(add)


def _run(
    args: argparse.Namespace,
    add: Callable[[Workspace], str],
    views: Callable[[Workspace], list[Any]],
    delete: Callable[[Workspace, str], None],
    line: Callable[[Any], str],
) -> int:
    with open_from_args(args) as workspace:
        if args.action == "add":
            print(add(workspace))
        elif args.action == "delete":
            delete(workspace, args.id)
            print(f"Deleted {args.id}")
        elif args.json:
            print(json.dumps([asdict(v) for v in views(workspace)], indent=2, default=str))
        else:
            shown = views(workspace)
            for view in shown:
                print(f"{view.id}  {line(view)}")
            if not shown:
                print("None yet.")
    return EXIT_OK


def cmd_voice(args: argparse.Namespace) -> int:
    from selfeval.services.voices.voices import add_voice, delete_voice, list_voices, parse_voice

    def add(workspace: Workspace) -> str:
        item = parse_voice(
            words=args.words,
            speaker_kind=args.who,
            speaker=args.speaker,
            source=args.source,
            said_on=option_date(args.date, "--date"),
            consent=args.consent,
            personal_data=args.personal_data,
            organisation=args.organisation,
            criteria=args.criterion,
        )
        made = add_voice(workspace, item, cleared=frozenset(args.cleared))
        printed = "" if item.consent else " (not printed until consent to quote it is recorded)"
        return f"Added voice {made}{printed}"

    def line(v: Any) -> str:
        marks = [
            m for m, on in (("no consent", not v.consent), ("personal data", v.personal_data)) if on
        ]
        return f"\u201c{v.words[:80]}\u201d - {SPEAKER_KINDS[v.speaker_kind]}" + (
            f" [{', '.join(marks)}]" if marks else ""
        )

    return _run(args, add, list_voices, delete_voice, line)


def cmd_survey(args: argparse.Namespace) -> int:
    from selfeval.services.voices.surveys import (
        add_survey_result,
        delete_survey_result,
        list_survey_results,
        parse_survey,
    )

    def add(workspace: Workspace) -> str:
        item = parse_survey(
            survey=args.survey,
            question=args.question,
            responses=args.responses,
            agree_percent=args.agree,
            surveyed_on=option_date(args.date, "--date"),
            criteria=args.criterion,
        )
        return f"Added survey result {add_survey_result(workspace, item)}"

    def line(s: Any) -> str:
        return (
            f"{s.survey}: {s.question[:80]} - {s.responses:,} responses, {s.agree_percent:g}% agree"
        )

    return _run(args, add, list_survey_results, delete_survey_result, line)


def cmd_casestudy(args: argparse.Namespace) -> int:
    from selfeval.services.improvement.priorities import priority_numbered
    from selfeval.services.voices.case_studies import (
        add_case_study,
        delete_case_study,
        list_case_studies,
        parse_case_study,
    )

    def add(workspace: Workspace) -> str:
        item = parse_case_study(
            title=args.title,
            needed=args.needed,
            did=args.did,
            difference=args.difference,
            learned=args.learned,
            de_identified=not args.personal_data,
            organisation=args.organisation,
            criteria=args.criterion,
            priorities=[priority_numbered(workspace, n).id for n in args.priority],
        )
        made = add_case_study(workspace, item, cleared=frozenset(args.cleared))
        return f"Added case study {made}"

    def line(c: Any) -> str:
        return str(c.title) + ("" if c.de_identified else " [personal data: not de-identified]")

    return _run(args, add, list_case_studies, delete_case_study, line)
