"""`selfeval server`: a shared workspace on a PostgreSQL server (init, checkout, upgrade)."""

from __future__ import annotations

import argparse
from pathlib import Path

from selfeval.cli.common import EXIT_OK


def cmd_server(args: argparse.Namespace) -> int:
    from selfeval.services import server_admin
    from selfeval.store.postgres_server import display_name

    where = display_name(args.url) if "://" in args.url else args.url
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
            print(f"{where}: published {args.from_workspace} ({result.rows_copied:,} records).")
        else:
            print(f"{where}: a new workspace for {args.area}.")
        return EXIT_OK
    if args.action == "checkout":
        copied = server_admin.server_checkout(args.url, Path(args.output))
        print(f"Wrote {args.output} ({copied:,} records) from {where}.")
        return EXIT_OK
    revision = server_admin.server_upgrade(args.url)
    print(f"{where}: at schema {revision}.")
    return EXIT_OK


def add_server_verbs(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb("server", cmd_server, "a shared workspace on a PostgreSQL server")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="make the workspace on an empty database, or publish a workspace file to it"
    )
    init.add_argument("url", help="postgresql://login@host:5432/database?sslmode=require")
    init.add_argument("--area", required=True, help="the local area's name")
    init.add_argument("--framework", default="area-send-2023")
    init.add_argument(
        "--from", dest="from_workspace", help="a workspace file to publish (every record)"
    )
    checkout = actions.add_parser("checkout", help="a file copy of the server's workspace")
    checkout.add_argument("url")
    checkout.add_argument("-o", "--output", required=True, help="the .selfeval file to write")
    upgrade = actions.add_parser("upgrade", help="bring an older server schema to this version")
    upgrade.add_argument("url")
