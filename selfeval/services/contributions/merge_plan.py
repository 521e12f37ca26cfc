"""What a merge would do, and what it did: the plan the lead reviews and the report file.

Plain data (no database): built by services/merge.py, shown by the merge review, written as JSON
by `selfeval contribution merge --report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selfeval.services.contributions.package_format import PAttachment, PComment, PEvidence
from selfeval.services.contributions.return_checks import OutsideChange


@dataclass(frozen=True)
class FieldChange:
    key: str
    criterion_id: str
    label: str
    base: Any
    ours: Any
    theirs: Any


@dataclass
class MergePlan:
    package_id: str
    from_who: str
    request_id: str = ""
    clean: list[FieldChange] = field(default_factory=list)
    conflicts: list[FieldChange] = field(default_factory=list)
    new_evidence: list[PEvidence] = field(default_factory=list)
    new_files: list[tuple[str, PAttachment]] = field(default_factory=list)
    """Files the partner attached to items that were sent: (evidence id, file)."""
    new_comments: list[PComment] = field(default_factory=list)
    outside: list[OutsideChange] = field(default_factory=list)
    """What the return carried beyond its request: listed, never applied."""
    already_merged: bool = False

    personal_ids: set[str] = field(default_factory=set)
    """Evidence marked as personal data on either side: not named in a report file unless the
    user includes personal data for it."""

    def report(self, include_personal_data: bool = False) -> dict[str, Any]:
        """The plan as plain data for a report file; personal-data evidence appears only as a
        count of what changed, without its title, text or files, unless asked for."""

        def hidden(evidence_id: str) -> bool:
            return not include_personal_data and evidence_id in self.personal_ids

        def row(change: FieldChange) -> dict[str, Any]:
            kind, subject, *rest = change.key.split("|")
            if kind in ("evidence", "link") and hidden(subject):
                what = rest[-1] if kind == "evidence" else "link"
                return {
                    "key": change.key,
                    "criterion": change.criterion_id,
                    "what": f"evidence marked as personal data: {what.replace('_', ' ')}",
                    "base": PERSONAL,
                    "ours": PERSONAL,
                    "theirs": PERSONAL,
                }
            return {
                "key": change.key,
                "criterion": change.criterion_id,
                "what": change.label,
                "base": _plain(change.base),
                "ours": _plain(change.ours),
                "theirs": _plain(change.theirs),
            }

        return {
            "package": self.package_id,
            "from": self.from_who,
            "already_merged": self.already_merged,
            "includes_personal_data": include_personal_data,
            "clean": [row(c) for c in self.clean],
            "conflicts": [row(c) for c in self.conflicts],
            "new_evidence": [
                {"id": e.id, "title": PERSONAL if hidden(e.id) else e.title}
                for e in self.new_evidence
            ],
            "new_files": [
                {"evidence": e, "file": PERSONAL if hidden(e) else a.filename}
                for e, a in self.new_files
            ],
            "new_comments": len(self.new_comments),
            "outside_request": [
                {"what": "evidence marked as personal data", "why": o.why}
                if hidden(o.evidence_id)
                else {"what": o.what, "why": o.why}
                for o in self.outside
            ],
            "outside_request_count": len(self.outside),
        }


PERSONAL = "(personal data)"


@dataclass
class MergeResult:
    applied: list[FieldChange]
    conflicts_left: list[FieldChange]
    evidence_added: list[str]
    comments_added: int
    already_merged: bool = False

    def report(self, plan: MergePlan, include_personal_data: bool = False) -> dict[str, Any]:
        data = plan.report(include_personal_data)
        data["applied"] = [c.key for c in self.applied]
        data["conflicts_left"] = [c.key for c in self.conflicts_left]
        data["evidence_added"] = self.evidence_added
        data["comments_added"] = self.comments_added
        return data


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
