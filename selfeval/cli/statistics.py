"""`selfeval import statistics` and `selfeval neighbours`: the DfE's published figures against
statistical neighbours, the region and England."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from selfeval.cli.common import EXIT_OK, open_from_args


def import_statistics(args: argparse.Namespace) -> int:
    from selfeval.services.statistics.importer import apply_statistics, plan_statistics

    with open_from_args(args) as workspace:
        plan = plan_statistics(workspace, [Path(f) for f in args.files], args.area_code)
        if not args.preview:
            apply_statistics(workspace, plan)
    verb = "Would import" if args.preview else "Imported"
    print(f"{verb} {plan.summary()}.")
    for line in plan.skipped:
        print(f"Skipped: {line}")
    if args.preview:
        for value in plan.values:
            print(
                f"{value.indicator_id}\t{value.period}\tarea {_f(value.area)}\tneighbours "
                f"{_f(value.statistical_neighbours)}\tregion {_f(value.region)}\tEngland "
                f"{_f(value.england)}"
            )
    return EXIT_OK


def _f(value: float | None) -> str:
    return "no figure" if value is None else f"{value:g}"


def cmd_neighbours(args: argparse.Namespace) -> int:
    from selfeval.services.first_run import la_code
    from selfeval.services.statistics.neighbours import (
        neighbours,
        neighbours_from_file,
        set_neighbours,
    )

    with open_from_args(args) as workspace:
        if args.action == "set":
            codes = set_neighbours(workspace, args.codes)
            print(f"{len(codes)} statistical neighbours kept; neighbour means worked out again.")
            return EXIT_OK
        if args.action == "import":
            own = la_code(workspace)
            if not own:
                from selfeval.errors import InputError

                raise InputError(
                    "this workspace has no LA code yet: import statistics once with --area-code"
                )
            codes = neighbours_from_file(workspace, Path(args.file), own)
            print(f"{len(codes)} statistical neighbours of {own} kept from {args.file}.")
            return EXIT_OK
        codes = neighbours(workspace)
        own = la_code(workspace)
    if args.json:
        print(json.dumps({"area_code": own or None, "neighbours": codes}, indent=2))
    else:
        print(f"{own or '(no LA code yet)'}: {' '.join(codes) or 'no statistical neighbours yet'}")
    return EXIT_OK


def add_statistics_verbs(verb, import_kinds) -> None:  # type: ignore[no-untyped-def]
    stats = import_kinds.add_parser(
        "statistics",
        help="the DfE's published statistics (Explore Education Statistics CSV or zip files)",
    )
    stats.add_argument("workspace")
    stats.add_argument("files", nargs="+", metavar="FILE")
    stats.add_argument(
        "--area-code", help="your area's LA code (new_la_code, e.g. E10000008); kept for next time"
    )
    stats.add_argument(
        "--preview", action="store_true", help="say what would be written; write nothing"
    )
    p = verb("neighbours", cmd_neighbours, "the area's statistical neighbours (DfE benchmarking)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    setting = actions.add_parser("set", help="the neighbours' LA codes, e.g. E10000027 ...")
    setting.add_argument("workspace")
    setting.add_argument("codes", nargs="+", metavar="CODE")
    show = actions.add_parser("show", help="the area's code and its neighbours")
    show.add_argument("workspace")
    show.add_argument("--json", action="store_true")
    from_file = actions.add_parser("import", help="from a CSV with columns la_code,neighbour_code")
    from_file.add_argument("workspace")
    from_file.add_argument("file")
