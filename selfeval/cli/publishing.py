"""`selfeval export` (the pack, the progress report, the summary for parents, the brief) and
`selfeval ourarea`: what the partnership publishes from one self-evaluation."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from selfeval.cli.common import EXIT_OK, open_from_args

PACK = ("pdf", "docx", "xlsx")
PACK_AND_SUMMARY = (*PACK, "summary")
EXPORT_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any], tuple[str, ...]], ...] = (
    # (flags, argparse settings, the documents the option applies to): declared once, so the
    # help and the refusal of an option a document would ignore come from the same line
    (
        ("--criteria",),
        {"help": "only these criterion ids, separated by commas"},
        PACK_AND_SUMMARY,
    ),
    (
        ("--status",),
        {
            "choices": ("draft", "final"),
            "help": "default: final once a version is signed off, else draft",
        },
        PACK_AND_SUMMARY,
    ),
    (
        ("--marking",),
        {"default": "OFFICIAL-SENSITIVE", "help": "protective marking ('' for none)"},
        PACK_AND_SUMMARY,
    ),
    (
        ("--version-label",),
        {"help": "the version printed on the cover (default: the signed version's, else 1.0)"},
        PACK_AND_SUMMARY,
    ),
    (
        ("--include-personal-data",),
        {
            "action": "store_true",
            "help": "include evidence marked as personal data (left out by default)",
        },
        (*PACK, "progress"),
    ),
    (
        ("--include-comments",),
        {
            "action": "store_true",
            "help": "the pack: add an appendix with each criterion's comment thread (off by "
            "default)",
        },
        PACK,
    ),
    (
        ("--from",),
        {
            "dest": "from_edition",
            "help": "edition-changes: the old edition's framework id (default: the "
            "assessment's own)",
        },
        ("edition-changes",),
    ),
    (
        ("--to",),
        {"dest": "to_edition", "help": "edition-changes: the new edition's id"},
        ("edition-changes",),
    ),
    (
        ("--no-context-headlines",),
        {
            "action": "store_true",
            "help": "the pack: leave out the latest published figures near the front",
        },
        PACK,
    ),
    (
        ("--fold-bullets",),
        {
            "action": "store_true",
            "help": "the pack: the framework's bullets as a short reference after each "
            "criterion's own text, instead of leading it",
        },
        PACK,
    ),
    (("--since",), {"help": "progress: the snapshot to compare with"}, ("progress",)),
    (
        ("--until",),
        {"default": "now", "help": "progress: a later snapshot (default: now)"},
        ("progress",),
    ),
    (
        ("--contact",),
        {"help": "parents: how families reach the partnership (kept for the next summary)"},
        ("parents",),
    ),
)


def _refuse_options_that_do_not_apply(args: argparse.Namespace) -> None:
    """An option the chosen document would ignore is refused, naming it: a parents' summary
    asked for with --marking must not be written as if the marking were on it."""
    from selfeval.errors import InputError

    for flags, settings, formats in EXPORT_OPTIONS:
        dest = settings.get("dest", flags[0].lstrip("-").replace("-", "_"))
        default = settings.get("default", False if settings.get("action") else None)
        if args.format not in formats and getattr(args, dest) != default:
            kinds = ", ".join(formats)
            raise InputError(
                f"{flags[0]} does not apply to 'export {args.format}' (it is for: {kinds}); "
                "nothing was written"
            )


def cmd_export(args: argparse.Namespace) -> int:
    _refuse_options_that_do_not_apply(args)
    if args.format == "progress":
        from selfeval.cli.improvement import export_progress_file

        return export_progress_file(args)
    if args.format in ("parents", "brief"):
        return export_publication(args)
    if args.format == "edition-changes":
        return _edition_changes(args)
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    criteria = None
    if args.criteria:
        criteria = tuple(c.strip() for c in args.criteria.replace(";", ",").split(",") if c.strip())
    from selfeval.services.signoff import usual_status

    with open_from_args(args) as workspace:
        status, version = usual_status(workspace)
        options = PackOptions(
            criteria=criteria,
            status="final" if (args.status or status) == "final" else "draft",
            marking=args.marking,
            include_personal_data=args.include_personal_data,
            version=args.version_label or version,
            include_comments=args.include_comments,
            include_headlines=not args.no_context_headlines,
            fold_bullets=args.fold_bullets,
        )
        if args.format == "summary":
            from selfeval.pack.builders.export import export_executive

            path = export_executive(workspace, Path(args.output), options)
        else:
            path = export_pack(workspace, args.format, Path(args.output), options)
    note = "including" if args.include_personal_data else "without"
    print(f"Wrote {path} ({options.status}, {note} personal data)")
    return EXIT_OK


def export_publication(args: argparse.Namespace) -> int:
    path = Path(args.output)
    if args.format == "parents":
        return _parents(args, path)
    from selfeval.pack.builders.brief_builder import export_brief

    with open_from_args(args) as workspace:
        written = export_brief(workspace, path)
    print(f"Wrote {written}")
    return EXIT_OK


def _edition_changes(args: argparse.Namespace) -> int:
    from selfeval.errors import InputError
    from selfeval.pack.builders.edition_changes_builder import export_edition_changes

    if not args.to_edition:
        raise InputError("say which edition to compare: --to NEW_FRAMEWORK_ID")
    with open_from_args(args) as workspace:
        old = args.from_edition or workspace.framework.id
        written = export_edition_changes(workspace, old, args.to_edition, Path(args.output))
    print(f"Wrote {written}")
    return EXIT_OK


def _parents(args: argparse.Namespace, path: Path) -> int:
    from selfeval.pack.builders.parents_builder import export_parents
    from selfeval.services.families import set_family_contact

    with open_from_args(args) as workspace:
        if args.contact is not None:
            set_family_contact(workspace, args.contact)
        result = export_parents(workspace, path)
    written = len(result.without_statement)
    print(f"Wrote {result.path} (no ratings, no evidence, no personal data)")
    if written:
        print(f"Left out, nothing written for families yet: {'; '.join(result.without_statement)}")
    for heading, ease in result.hard_to_read:
        print(f"Hard to read (reading ease {ease:.0f}, aim for 60 or more): {heading}")
    if result.long_sentences:
        print(f"Sentences over 25 words: {result.long_sentences}")
    return EXIT_OK


def _text_file(name: str) -> str:
    """A foreword or context typed in a text file (UTF-8), bounded like the app's boxes."""
    from selfeval.errors import InputError
    from selfeval.files.faults import os_fault
    from selfeval.services.our_area import TEXT_LIMIT

    path = Path(name)
    from selfeval.files.input_file import open_input

    try:
        with open_input(path, "the text file") as handle:
            data = handle.read(TEXT_LIMIT * 4 + 1)
    except OSError as err:
        raise os_fault(path, err) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: byte {err.start + 1} is not UTF-8; save it as UTF-8") from None


def cmd_ourarea(args: argparse.Namespace) -> int:
    from selfeval.errors import InputError
    from selfeval.services.our_area import our_area, read_logo_file, set_our_area

    if args.logo and args.no_logo:
        raise InputError("give --logo or --no-logo, not both")
    foreword = _text_file(args.foreword_file) if args.foreword_file else None
    context = _text_file(args.context_file) if args.context_file else None
    summary = _text_file(args.summary_file) if args.summary_file else None
    logo = read_logo_file(Path(args.logo)) if args.logo else None
    with open_from_args(args) as workspace:
        set_our_area(workspace, context, foreword, logo, remove_logo=args.no_logo, summary=summary)
        now = our_area(workspace)
    print(
        f"Our area: foreword {len(now.foreword):,} characters, context {len(now.context):,} "
        f"characters, executive summary {len(now.summary):,} characters, "
        f"{'a logo' if now.logo else 'no logo'}."
    )
    return EXIT_OK


def add_ourarea_verb(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb(
        "ourarea",
        cmd_ourarea,
        "the pack's 'Our area' (foreword, context, logo) and the written executive summary",
    )
    p.add_argument("workspace")
    p.add_argument("--foreword-file", help="a UTF-8 text file with the foreword ('' file: none)")
    p.add_argument("--context-file", help="a UTF-8 text file with the area's context")
    p.add_argument(
        "--summary-file",
        help="a UTF-8 text file with the written executive summary, printed first in the pack "
        "(# headings, - bullets, 1. numbers, **bold**, *italic*: docs/formats.md)",
    )
    p.add_argument("--logo", help="a PNG or JPEG, at most 2 MB and 4,000 pixels a side")
    p.add_argument("--no-logo", action="store_true", help="remove the logo")


def add_export_verb(verb) -> None:  # type: ignore[no-untyped-def]
    p = verb(
        "export",
        cmd_export,
        "export the pack (pdf, docx, xlsx), its executive summary (summary: -o FILE.pdf or "
        ".docx), the progress report, the summary for parents, the engagement-meeting brief or "
        "what a new edition of the criteria changes",
    )
    p.add_argument(
        "format",
        choices=(
            "pdf", "docx", "xlsx", "summary", "progress", "parents", "brief", "edition-changes"
        ),
    )  # fmt: skip
    p.add_argument("workspace")
    p.add_argument("-o", "--output", required=True, help="the file to write")
    for flags, settings, _formats in EXPORT_OPTIONS:
        p.add_argument(*flags, **settings)
