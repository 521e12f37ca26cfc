"""What a criterion's page says of what was heard about it: how many voices, survey results and
case studies speak to it, with the first words of the latest voice. Qt-free, so the page only
shows it."""

from __future__ import annotations

from selfeval.services.voices.case_studies import list_case_studies
from selfeval.services.voices.surveys import list_survey_results
from selfeval.services.voices.voices import list_voices
from selfeval.services.workspace import Workspace
from selfeval.words import counted


def heard_about(workspace: Workspace, criterion_id: str) -> str:
    """One line, or "" when nothing heard speaks to the criterion."""
    voices = [v for v in list_voices(workspace) if criterion_id in v.criteria]
    surveys = [s for s in list_survey_results(workspace) if criterion_id in s.criteria]
    studies = [c for c in list_case_studies(workspace) if criterion_id in c.criteria]
    parts = []
    if voices:
        latest = voices[0].words
        quoted = latest if len(latest) <= 90 else latest[:90].rsplit(" ", 1)[0] + "\u2026"
        parts.append(f"{counted(len(voices), 'voice')} (latest: \u201c{quoted}\u201d)")
    if surveys:
        parts.append(counted(len(surveys), "survey result"))
    if studies:
        titles = "; ".join(c.title for c in studies)
        parts.append(f"{counted(len(studies), 'case study', 'case studies')} ({titles})")
    return "What children and families tell us: " + ", ".join(parts) + "." if parts else ""
