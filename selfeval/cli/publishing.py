"""`selfeval export parents|brief`: the documents written from the self-evaluation for people
other than the board (families; the inspectors at the engagement meeting)."""

from __future__ import annotations

import argparse
from pathlib import Path

from selfeval.cli.common import EXIT_OK, open_from_args


def export_publication(args: argparse.Namespace) -> int:
    path = Path(args.output)
    if args.format == "parents":
        return _parents(args, path)
    from selfeval.pack.builders.brief_builder import export_brief

    with open_from_args(args) as workspace:
        written = export_brief(workspace, path)
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
