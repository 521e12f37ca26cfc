"""The `selfeval contribution` verbs: request, open, return, merge (services/contributions/:
`requests.py`, `merge.py`)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from selfeval.cli.common import EXIT_OK, first_line_of, open_from_args, option_date
from selfeval.files.output import check_destination, write_output
from selfeval.words import counted


def _passphrase(args: argparse.Namespace) -> str | None:
    if not getattr(args, "passphrase_file", None):
        return None
    return first_line_of(args.passphrase_file, "passphrase")


def cmd_contribution(args: argparse.Namespace) -> int:
    from selfeval.services import contributions
    from selfeval.services.contributions import merge
    from selfeval.services.contributions.package_format import read_package
    from selfeval.services.users import current_user

    passphrase = _passphrase(args)
    if args.action == "request":
        due = option_date(args.due, "--due")
        criteria = [c.strip() for c in args.criteria.replace(";", ",").split(",") if c.strip()]
        with open_from_args(args) as workspace:
            contributions.create_request(
                workspace,
                args.to,
                criteria,
                Path(args.output),
                message=args.message,
                due_date=due,
                include_personal_data=args.include_personal_data,
                passphrase=passphrase,
            )
        print(f"Wrote request {args.output} for {args.to}: {', '.join(criteria)}")
        return EXIT_OK
    if args.action == "list":
        return _list(args)
    if args.action == "reissue":
        from selfeval.services.contributions.reissue import reissue_request

        due = option_date(args.due, "--due")
        with open_from_args(args) as workspace:
            package = reissue_request(
                workspace, args.request, Path(args.output), due_date=due, passphrase=passphrase
            )
        manifest = package.manifest
        wanted = f", wanted by {manifest.due_date:%d %b %Y}" if manifest.due_date else ""
        print(
            f"Wrote request {args.output} for {manifest.to} again{wanted} (replaces {args.request})"
        )
        return EXIT_OK
    if args.action == "open":
        workspace = contributions.open_request(
            Path(args.file), Path(args.partner_workspace), current_user(args.user), passphrase
        )
        workspace.close()
        print(f"Created partner workspace {args.partner_workspace}")
        return EXIT_OK
    if args.action == "return":
        args.workspace = args.partner_workspace
        with open_from_args(args) as workspace:
            written = contributions.create_return(
                workspace,
                Path(args.output),
                include_personal_data=args.include_personal_data,
                passphrase=passphrase,
            )
        carries = "with" if written.package.manifest.includes_personal_data else "without"
        print(f"Wrote return {args.output} ({carries} personal data)")
        if written.personal_data_left_out:
            left_out = counted(written.personal_data_left_out, "personal-data evidence item")
            print(
                f"Left out: {left_out} (personal data goes only when the request included it "
                "and you add --include-personal-data)"
            )
        return EXIT_OK
    if args.report:  # refused before anything is merged, not after
        check_destination(Path(args.report), protect=(Path(args.file),))
    package = read_package(Path(args.file), passphrase)
    with open_from_args(args) as workspace:
        plan = merge.plan_merge(workspace, package, Path(args.file).name)
        report = plan.report(args.include_personal_data)
        if args.accept_non_conflicting:
            result = merge.apply_merge(workspace, package, plan)
            report = result.report(plan, args.include_personal_data)
    if args.report:
        write_output(
            Path(args.report),
            json.dumps(report, indent=2, ensure_ascii=False).encode("utf-8"),
            protect=(Path(args.file),),
        )
    if plan.already_merged:
        print("This return was merged already; nothing changed.")
        return EXIT_OK
    verb = "Applied" if args.accept_non_conflicting else "Would apply"
    print(
        f"{verb} {counted(len(plan.clean), 'change')} and "
        f"{counted(len(plan.new_evidence), 'new evidence item')} from {plan.from_who}; "
        f"{counted(len(plan.new_comments), 'new comment')}."
    )
    for conflict in report["conflicts"]:
        print(f"Conflict: {conflict['what']} (ours kept; resolve in the app)")
    if plan.outside:
        print(f"{counted(len(plan.outside), 'change')} outside the request not applied:")
        for change in report["outside_request"]:
            print(f"Outside the request: {change['what']}: {change['why']}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from selfeval.services.contributions.tracking import contributions_in_flight, returns_in

    folder = Path(args.folder) if args.folder else None
    with open_from_args(args) as workspace:
        rows = contributions_in_flight(workspace, folder=folder)
    skipped = returns_in(folder)[1] if folder is not None else []
    if args.json:
        print(json.dumps({"requests": [r.as_dict() for r in rows], "skipped": skipped}, indent=2))
        return EXIT_OK
    if not rows:
        print("No contribution requests sent from this assessment yet.")
    for row in rows:
        due = f", due {row.due_date:%d %b %Y}" if row.due_date else ""
        merged = f" on {row.merged_at:%d %b %Y}" if row.merged_at else ""
        waiting = f": {', '.join(row.returns_waiting)}" if row.returns_waiting else ""
        print(
            f"{row.status}{merged}{waiting}\t{row.recipient}\t{', '.join(row.criteria)}\t"
            f"sent {row.sent_at:%d %b %Y}{due}"
        )
    for line in skipped:
        print(f"Not read: {line}")
    return EXIT_OK


def add_contribution_verbs(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub = actions.add_parser(
        "list",
        help="every request sent, and where it stands (awaiting, returned, merged, overdue, "
        "reissued)",
    )
    sub.add_argument("workspace")
    sub.add_argument("--json", action="store_true")
    sub.add_argument(
        "--folder", help="a folder where returns arrive: returns there count as 'returned'"
    )
    sub = actions.add_parser("request", help="ask a partner to contribute to some criteria")
    sub.add_argument("workspace")
    sub.add_argument("--to", required=True, help="the partner organisation or person")
    sub.add_argument("--criteria", required=True, help="criterion ids, separated by commas")
    sub.add_argument("-o", "--output", required=True, help="the .sefpack file to write")
    sub.add_argument("--message", default="")
    sub.add_argument("--due", help="when the contribution is wanted, e.g. 31/01/2027")
    sub.add_argument("--include-personal-data", action="store_true")
    sub.add_argument("--passphrase-file", help="seal the package with the passphrase in this file")
    sub = actions.add_parser(
        "reissue", help="send a request again: same partner and criteria, today's state, new date"
    )
    sub.add_argument("workspace")
    sub.add_argument("request", help="the request id (from 'contribution list')")
    sub.add_argument("-o", "--output", required=True, help="the .sefpack file to write")
    sub.add_argument("--due", help="the new date it is wanted by (default: the old one if ahead)")
    sub.add_argument("--passphrase-file", help="seal the package with the passphrase in this file")
    sub = actions.add_parser("open", help="make a partner workspace from a request")
    sub.add_argument("file")
    sub.add_argument("partner_workspace")
    sub.add_argument("--passphrase-file")
    sub = actions.add_parser("return", help="write the partner's return package")
    sub.add_argument("partner_workspace")
    sub.add_argument("-o", "--output", required=True)
    sub.add_argument("--include-personal-data", action="store_true")
    sub.add_argument("--passphrase-file")
    sub = actions.add_parser("merge", help="merge a partner's return (a dry run without --accept)")
    sub.add_argument("workspace")
    sub.add_argument("file")
    sub.add_argument(
        "--accept-non-conflicting",
        action="store_true",
        help="apply every change without a conflict and accept the new evidence",
    )
    sub.add_argument("--report", help="write the merge report as JSON to this file")
    sub.add_argument(
        "--include-personal-data",
        action="store_true",
        help="name evidence marked as personal data in the report (left out by default)",
    )
    sub.add_argument("--passphrase-file")
