"""The `selfeval signoff` verbs: record who agreed a version, and list who has."""

from __future__ import annotations

import argparse
import json
import sys

from selfeval.cli.common import EXIT_OK, open_from_args, option_date


def cmd_signoff(args: argparse.Namespace) -> int:
    from selfeval.services.signoff import (
        list_signatures,
        sign_off,
        signoff_state,
        unrated_warning,
    )

    if args.action == "add":
        signed_on = option_date(args.date, "--date")
        with open_from_args(args) as workspace:
            warning = unrated_warning(workspace)
            if warning:
                print(f"Warning: {warning}", file=sys.stderr)
            signature = sign_off(
                workspace,
                args.name,
                args.role,
                args.organisation,
                signed_on=signed_on,
                version_label=args.version_label,
            )
        print(
            f"Signed off version {signature.version_label}: {signature.name}, {signature.role}, "
            f"{signature.organisation}, {signature.signed_on:%d %B %Y}\n"
            f"Content SHA-256 {signature.content_hash}"
        )
        return EXIT_OK
    with open_from_args(args) as workspace:
        signatures = list_signatures(workspace)
        state = signoff_state(workspace)
    if args.json:
        print(
            json.dumps(
                {
                    "signatures": [s.as_dict() for s in signatures],
                    "latest_version": state.version_label if state else None,
                    "changed_since_signed_off": state.changed_since if state else None,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not signatures:
        print("Not signed off yet.")
        return EXIT_OK
    for s in signatures:
        print(
            f"{s.version_label}\t{s.signed_on:%Y-%m-%d}\t{s.name}\t{s.role}\t{s.organisation}\t"
            f"{s.content_hash}"
        )
    if state is not None and state.changed_since:
        print(f"Changed since version {state.version_label} was signed off.")
    return EXIT_OK


def add_signoff_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("signoff", cmd_signoff, "record and list who signed off the self-evaluation")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="one signatory agrees the self-evaluation as it is now")
    add.add_argument("workspace")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, help="e.g. Director of Children's Services")
    add.add_argument("--organisation", required=True)
    add.add_argument("--date", help="when they signed, YYYY-MM-DD (default: today)")
    add.add_argument(
        "--version-label",
        help="the version agreed (default: the last signed one while nothing has changed, "
        "else the next)",
    )
    listing = actions.add_parser("list", help="every signature, with the content hash")
    listing.add_argument("workspace")
    listing.add_argument("--json", action="store_true")
