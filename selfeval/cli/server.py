"""`selfeval server`: a shared workspace on a PostgreSQL server (init, checkout, upgrade, and
who may change what: grant, revoke, who)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfeval.cli.common import EXIT_OK
from selfeval.store.addresses import SERVER_EXAMPLE, capabilities_of
from selfeval.words import counted


def cmd_server(args: argparse.Namespace) -> int:
    from selfeval.services import server_admin
    from selfeval.store.postgres_server import display_name

    where = display_name(args.url) if capabilities_of(args.url).shared else args.url
    if args.action == "init":
        from selfeval.services.frameworks import framework_library
        from selfeval.services.users import current_user

        result = server_admin.server_init(
            args.url,
            args.area,
            framework_library().get(args.framework),
            current_user(args.user),
            args.from_workspace,
        )
        if not result.created:
            print(f"{where}: already holds a selfeval workspace; nothing changed.")
        elif args.from_workspace:
            records = counted(result.rows_copied, "record")
            print(f"{where}: published {args.from_workspace} ({records}).")
        else:
            print(f"{where}: a new workspace for {args.area}.")
        if result.owner_is_superuser:
            print(
                f"selfeval: warning: {where} is owned by a superuser; a superuser passes every "
                "policy, so make the owner a plain login that owns the database and is no "
                "one's everyday login (docs/server.md)",
                file=sys.stderr,
            )
        return EXIT_OK
    if args.action == "checkout" and args.criteria:
        from selfeval.services.users import current_user

        wanted = [c.strip() for c in args.criteria.replace(";", ",").split(",") if c.strip()]
        taken = server_admin.server_checkout_criteria(
            args.url, Path(args.output), wanted, current_user(args.user)
        )
        print(
            f"Wrote {args.output} with {', '.join(taken)} from {where}; when done, "
            "'selfeval contribution return' it and a lead merges the return."
        )
        return EXIT_OK
    if args.action == "checkout":
        copied = server_admin.server_checkout(args.url, Path(args.output))
        print(f"Wrote {args.output} ({counted(copied, 'record')}) from {where}.")
        return EXIT_OK
    if args.action in ("grant", "revoke", "who"):
        return _grants(args, where)
    revision = server_admin.server_upgrade(args.url)
    print(f"{where}: at schema {revision}.")
    return EXIT_OK


def _grants(args: argparse.Namespace, where: str) -> int:
    from selfeval.cli.common import first_line_of
    from selfeval.services import server_admin
    from selfeval.services.users import current_user

    user = current_user(args.user)
    if args.action == "grant":
        criteria = [c.strip() for c in (args.criteria or "").replace(";", ",").split(",")]
        grant = server_admin.server_grant(
            args.url,
            args.login,
            args.person,
            args.organisation,
            args.role,
            [c for c in criteria if c],
            first_line_of(args.password_file, "password") if args.password_file else None,
            user,
        )
        scope = f" on {', '.join(grant.criteria)}" if grant.criteria else ""
        print(f"{grant.login}: {grant.person} ({grant.organisation}), {grant.role}{scope}.")
        return EXIT_OK
    if args.action == "revoke":
        had = server_admin.server_revoke(args.url, args.login, user)
        print(
            f"{args.login}: "
            + ("no longer has access." if had else "had no grant; nothing changed.")
        )
        return EXIT_OK
    grants = server_admin.server_who(args.url, user)
    if not grants:
        print(f"{where}: nobody is granted yet (the database's owner administers it).")
    for g in grants:
        scope = ", ".join(g.criteria) if g.criteria else ("everything" if g.role == "lead" else "-")
        print(f"{g.login}\t{g.person}\t{g.organisation}\t{g.role}\t{scope}")
    return EXIT_OK


def add_server_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("server", cmd_server, "a shared workspace on a PostgreSQL server")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="make the workspace on an empty database, or publish a workspace file to it"
    )
    init.add_argument("url", help=SERVER_EXAMPLE)
    init.add_argument("--area", required=True, help="the local area's name")
    init.add_argument("--framework", default="area-send-2023")
    init.add_argument(
        "--from", dest="from_workspace", help="a workspace file to publish (every record)"
    )
    checkout = actions.add_parser("checkout", help="a file copy of the server's workspace")
    checkout.add_argument("url")
    checkout.add_argument("-o", "--output", required=True, help="the .selfeval file to write")
    checkout.add_argument(
        "--criteria",
        help="only these criteria, as a request to yourself: the return merges back",
    )
    upgrade = actions.add_parser("upgrade", help="bring an older server schema to this version")
    upgrade.add_argument("url")
    grant = actions.add_parser("grant", help="let a login in as a person, with a role")
    grant.add_argument("url")
    grant.add_argument("login")
    grant.add_argument("--person", required=True)
    grant.add_argument("--organisation", required=True)
    grant.add_argument("--role", required=True, choices=("lead", "contributor", "reader"))
    grant.add_argument("--criteria", help="a contributor's criteria, separated by commas")
    grant.add_argument("--password-file", help="the new login's password, first line of a file")
    revoke = actions.add_parser("revoke", help="take a login's access away")
    revoke.add_argument("url")
    revoke.add_argument("login")
    who = actions.add_parser("who", help="who may do what")
    who.add_argument("url")
