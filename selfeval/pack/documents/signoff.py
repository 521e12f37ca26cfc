"""The sign-off page: who agreed which version, the content hash they agreed, and whether the
content this document was made from has changed since."""

from __future__ import annotations

from datetime import date

from selfeval.pack.blocks import Block, Heading, KeyValues, Para, SignatureLines, Table
from selfeval.pack.model import SignOffSummary


def _day(day: date) -> str:
    return day.strftime("%d %B %Y").lstrip("0")


def signoff_blocks(summary: SignOffSummary | None, content_hash: str) -> list[Block]:
    blocks: list[Block] = [Heading("Sign-off", 1, in_contents=False)]
    if summary is None:
        blocks += [
            Para(
                "This version has not been signed off yet. The partnership records each "
                "signatory in selfeval (File > Sign off this version, or 'selfeval signoff "
                "add'); their names, roles and the date then appear here."
            ),
            KeyValues((("Content SHA-256", content_hash),)),
            SignatureLines(
                (
                    "for the local authority",
                    "for the integrated care board",
                    "for the parent carer forum",
                )
            ),
        ]
        return blocks
    blocks.append(
        Para(
            f"Version {summary.version_label} of this self-evaluation was agreed by the "
            "partnership's signatories below."
        )
    )
    blocks.append(
        Table(
            ("Name", "Role", "Organisation", "Date"),
            tuple((s.name, s.role, s.organisation, _day(s.signed_on)) for s in summary.signatories),
            (3, 3.6, 3.6, 2.4),
        )
    )
    rows = [
        ("Version signed off", summary.version_label),
        ("Content SHA-256 signed", summary.content_hash),
    ]
    if summary.changed_since:
        rows.append(("Content SHA-256 of this document", content_hash))
    blocks.append(KeyValues(tuple(rows)))
    if summary.changed_since:
        blocks.append(
            Para(
                f"Changed since signed off on {_day(summary.signed_on)}: this document was made "
                f"from content that differs from version {summary.version_label} as it was "
                "signed off. Sign off the new version before it is published."
            )
        )
    else:
        blocks.append(
            Para(
                "The content this document was made from is the content that was signed off "
                "(the two hashes are the same).",
                style="muted",
            )
        )
    return blocks
