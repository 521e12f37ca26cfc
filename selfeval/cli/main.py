"""The command-line face of selfeval: each verb is a thin call into the services.

Exit codes: 0 done, 2 bad input (a message on stderr, nothing changed), 1 an internal fault
(a one-line message; the details go to the log file, never a traceback on screen).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from selfeval import __version__
from selfeval.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAULT,
    EXIT_OK,
    open_from_args,
    run_asking_password,
    warn_of_passwords_on_the_line,
)
from selfeval.cli.contribution import add_contribution_verbs, cmd_contribution
from selfeval.cli.data_request import add_readiness_verbs
from selfeval.cli.edition_words import EditionWordsHelp
from selfeval.cli.evidence_tracker import add_evidence_import, import_tracker
from selfeval.cli.headings import add_headings_verb
from selfeval.cli.improvement import add_improvement_verbs
from selfeval.cli.priorities import add_priority_verb
from selfeval.cli.publishing import add_export_verb, add_ourarea_verb
from selfeval.cli.reading import add_reading_verbs
from selfeval.cli.sef import add_sef_import, import_sef
from selfeval.cli.server import add_server_verbs
from selfeval.cli.signoff import add_signoff_verbs
from selfeval.cli.statistics import add_statistics_verbs
from selfeval.cli.voices import add_voice_verbs
from selfeval.errors import SelfevalError
from selfeval.fault_log import log_fault
from selfeval.files.faults import describe_os_error
from selfeval.files.output import safe_output
from selfeval.services.record_fields import judgement_texts
from selfeval.store.passwords_hidden import hide_passwords
from selfeval.words import counted

VERBS = (
    "new",
    "demo",
    "frameworks",
    "import",
    "judge",
    "status",
    "dump",
    "user",
    "export",
    "contribution",
    "indicators",
    "snapshot",
    "cycle",
    "assessment",
    "mywork",
    "signoff",
    "readiness",
    "ourarea",
    "headings",
    "priority",
    "voice",
    "survey",
    "casestudy",
    "neighbours",
    "server",
    "check",
)


def cmd_new(args: argparse.Namespace) -> int:
    from selfeval.services.first_run import FirstRun, set_up_workspace, usual_partners
    from selfeval.services.frameworks import framework_library
    from selfeval.services.users import current_user

    framework = framework_library().get(args.framework)
    partners = (
        usual_partners(args.area, args.local_authority, args.icb)
        if args.local_authority or args.icb
        else []
    )
    user = current_user(args.user)
    workspace = set_up_workspace(
        FirstRun(
            address=Path(args.workspace),
            area_name=args.area,
            framework=framework,
            la_code=args.la_code,
            local_authority=args.local_authority,
            icb=args.icb,
            partners=partners,
            your_name=user.name if args.user else "",
            your_organisation=user.organisation if args.user else "",
        ),
        remember_user=False,
    )
    workspace.close()
    count = len(framework.criteria)
    made = f"; organisations: {', '.join(n for n, _ in partners)}" if partners else ""
    criteria = counted(count, "criterion", "criteria")
    print(f"Created {args.workspace} for {args.area} ({framework.label}, {criteria}){made}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from selfeval.services.demo import create_demo_workspace
    from selfeval.services.users import current_user

    workspace = create_demo_workspace(args.workspace, current_user(args.user))
    workspace.close()
    print(f"Created the Anyshire demo workspace at {args.workspace}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    if args.what == "sef":
        return import_sef(args)
    if args.what == "statistics":
        from selfeval.cli.statistics import import_statistics

        return import_statistics(args)
    if args.what == "indicators":
        from selfeval.services.improvement.indicators import import_indicator_values

        with open_from_args(args) as workspace:
            count = import_indicator_values(workspace, Path(args.file))
        print(f"Imported {counted(count, 'indicator value')}")
        return EXIT_OK

    return import_tracker(args)


def cmd_judge(args: argparse.Namespace) -> int:
    from selfeval.services.judgements import set_judgement

    with open_from_args(args) as workspace:
        view = set_judgement(
            workspace,
            args.criterion,
            args.bullet or "",
            rating=args.rating,
            **{text.name: getattr(args, text.name) for text in judgement_texts()},
        )
        label = workspace.framework.rating_scale.level(view.rating).label
    print(f"{args.bullet or args.criterion}: {label}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from selfeval.services.readiness import readiness

    with open_from_args(args) as workspace:
        summary = readiness(workspace)
        framework = workspace.framework
        title = f"{workspace.area_name}: {workspace.assessment_title}"
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2, sort_keys=True))
        return EXIT_OK
    scale = framework.rating_scale
    counts = " | ".join(f"{scale.level(k).label} {v}" for k, v in summary.counts.items())
    print(title)
    word = framework.terms.rating  # the edition's own word ("evaluation" in 2025)
    rated = (
        "rated"
        if word == "rating"
        else f"with an {word}"
        if word[:1] in "aeiou"
        else (f"with a {word}")
    )
    print(
        f"{summary.rated} of {counted(summary.total_criteria, 'criterion', 'criteria')} "
        f"{rated} ({counts})"
    )
    for label, ids in (
        ("Not rated", summary.unrated),
        ("No evidence", summary.without_evidence),
        ("No lead owner", summary.without_lead),
    ):
        print(f"{label}: {', '.join(ids) if ids else 'none'}")
    print(f"Evidence items: {summary.evidence_total} ({summary.personal_data_items} personal data)")
    print(f"Evidence older than 12 months: {summary.stale_count}")
    if summary.edition_to_confirm:
        print(f"To confirm after the new edition: {summary.edition_to_confirm}")
    return EXIT_OK


def cmd_dump(args: argparse.Namespace) -> int:
    import io

    from selfeval.services.dump import write_dump

    with open_from_args(args) as workspace:
        if not args.output:
            write_dump(workspace, sys.stdout)
            return EXIT_OK
        with safe_output(Path(args.output)) as handle:  # written as read, in place at the end
            text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
            write_dump(workspace, text)
            text.flush()
            text.detach()
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_user(args: argparse.Namespace) -> int:
    from selfeval.services.users import CurrentUser, current_user, save_user

    if args.set:
        save_user(CurrentUser.parse(args.set))
    print(current_user(args.user))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="selfeval",
        description="Area SEND self-evaluation for local area partnerships. "
        "Run 'selfeval [WORKSPACE]' to open the desktop app.",
        formatter_class=EditionWordsHelp,  # verbs' help in the edition's words
    )
    parser.add_argument("--version", action="version", version=f"selfeval {__version__}")
    parser.add_argument(
        "--user",
        help="who is making changes, e.g. 'Jo Bloggs (Anyshire ICB)'. Without it: the "
        "SELFEVAL_USER environment variable, then the saved setting ('selfeval user --set'), "
        "then your account name",
    )
    parser.add_argument(
        "--assessment", help="work on this assessment (title or id; default: the latest)"
    )
    parser.add_argument(
        "--password-file",
        dest="password_file_for_server",
        metavar="FILE",
        help="a shared workspace's password: the first line of FILE (a password in the address "
        "can be seen by others on this computer)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    def verb(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = verbs.add_parser(
            name, help=help_text, description=help_text, formatter_class=EditionWordsHelp
        )
        sub.set_defaults(handler=handler)
        return sub

    p = verb("new", cmd_new, "create an empty workspace for a partnership")
    p.add_argument("workspace")
    p.add_argument("--area", required=True, help="the local area's name, e.g. Anyshire")
    p.add_argument(
        "--framework", default="area-send-2023", help="framework id (see 'frameworks list')"
    )
    p.add_argument("--local-authority", default="", help="e.g. Anyshire County Council")
    p.add_argument("--la-code", default="", help="the local authority's code, e.g. E10000008")
    p.add_argument("--icb", default="", help="the integrated care board")

    p = verb("demo", cmd_demo, "create the fictional Anyshire demo workspace")
    p.add_argument("workspace")

    p = verb("import", cmd_import, "import an evidence tracker (.csv or .xlsx)")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    add_evidence_import(what)
    add_sef_import(what)
    ind = what.add_parser(
        "indicators",
        help="columns: indicator, period, area, statistical_neighbours, region, england",
    )
    ind.add_argument("workspace")
    ind.add_argument("file")
    add_statistics_verbs(verb, what)

    p = verb(
        "judge", cmd_judge, "set fields of one criterion's {judgement}; others stay as they are"
    )
    p.add_argument("workspace")
    p.add_argument("criterion")
    p.add_argument("--bullet", help="judge one bullet of the criterion instead")
    p.add_argument(
        "--rating",
        help="the {rating}: an id of the framework's scale, e.g. red, amber, green, not-rated",
    )
    for text in judgement_texts():  # one option per text of the declaration
        p.add_argument(f"--{text.name.replace('_', '-')}", help=text.help)

    p = verb("status", cmd_status, "the readiness summary")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true")

    p = verb("dump", cmd_dump, "the whole workspace as stable JSON (docs/formats.md)")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true", required=True, help="JSON is the only format")
    p.add_argument("-o", "--output", help="write to this file instead of the screen")

    add_export_verb(verb)

    add_contribution_verbs(
        verb("contribution", cmd_contribution, "offline contributions between partners")
    )

    add_improvement_verbs(verb)
    add_reading_verbs(verb)
    add_signoff_verbs(verb)
    add_readiness_verbs(verb)
    add_ourarea_verb(verb)
    add_headings_verb(verb)
    add_priority_verb(verb)
    add_voice_verbs(verb)
    add_server_verbs(verb)

    p = verb("user", cmd_user, "show, or --set, who is recorded as making changes")
    p.add_argument("--set", metavar="'NAME (ORGANISATION)'")
    return parser


def _open_app(workspace: str | None, user: str | None) -> int:
    from selfeval.app import run_app

    return run_app(Path(workspace) if workspace else None, user)


def _positionals(argv: list[str]) -> list[str]:
    """The words that are not options (nor the value of --user), to tell a verb from a path."""
    words, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--user", "--assessment", "--password-file"):
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
    return words


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    positional = _positionals(argv)
    try:
        if not positional or positional[0] not in VERBS:
            if any(a in ("-h", "--help", "--version") for a in argv):
                build_parser().parse_args(argv)
            if len(positional) > 1:
                build_parser().error(f"unknown verb '{positional[0]}'")
            user = argv[argv.index("--user") + 1] if "--user" in argv[:-1] else None
            return _open_app(positional[0] if positional else None, user)
        args = build_parser().parse_args(argv)
        warn_of_passwords_on_the_line(argv)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return run_asking_password(handler, args)
    except SelfevalError as err:
        print(f"selfeval: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except OSError as err:  # a fault of the machine that no service turned into words
        where = err.filename or "a file"
        print(f"selfeval: {where}: {describe_os_error(err)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("selfeval: interrupted", file=sys.stderr)
        return EXIT_FAULT
    except Exception as err:  # the last line of defence: no traceback in the user's face
        log_path = log_fault("selfeval command failed", err)
        said = hide_passwords(f"{type(err).__name__}: {err}")
        print(f"selfeval: internal error ({said}); details in {log_path}", file=sys.stderr)
        return EXIT_FAULT


if __name__ == "__main__":
    sys.exit(main())
