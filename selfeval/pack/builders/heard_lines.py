"""What the pack prints of what children, young people and families said, the surveys and the
case studies, chosen here once for every document: a voice only with consent to quote it, and
personal data (a voice so marked, a case study not de-identified) only when the user included
it. Only those that speak to the criteria chosen (or to none, when the whole framework is)."""

from __future__ import annotations

from dataclasses import dataclass

from selfeval.pack.model_heard import CaseStudyLine, SurveyLine, VoiceLine
from selfeval.services.improvement.priorities import list_priorities
from selfeval.services.vocabulary import SPEAKER_KINDS
from selfeval.services.voices.case_studies import PARTS, list_case_studies
from selfeval.services.voices.surveys import list_survey_results
from selfeval.services.voices.voices import list_voices
from selfeval.services.workspace import Workspace


@dataclass(frozen=True)
class Heard:
    voices: tuple[VoiceLine, ...]
    surveys: tuple[SurveyLine, ...]
    case_studies: tuple[CaseStudyLine, ...]
    left_out: int
    """Personal voices and case studies left out because personal data was not included."""


def _speaks_to(criteria: tuple[str, ...], chosen: set[str], whole: bool) -> bool:
    return bool(set(criteria) & chosen) or (whole and not criteria)


def heard_lines(
    workspace: Workspace, chosen: set[str], whole: bool, include_personal_data: bool
) -> Heard:
    voices: list[VoiceLine] = []
    left_out = 0
    for v in list_voices(workspace):
        if not v.consent or not _speaks_to(v.criteria, chosen, whole):
            continue
        if v.personal_data and not include_personal_data:
            left_out += 1
            continue
        kind = SPEAKER_KINDS.get(v.speaker_kind, v.speaker_kind)
        voices.append(VoiceLine(v.words, kind, v.speaker, v.source, v.said_on, v.criteria))
    surveys = tuple(
        SurveyLine(s.survey, s.question, s.responses, s.agree_percent, s.surveyed_on, s.criteria)
        for s in list_survey_results(workspace)
        if _speaks_to(s.criteria, chosen, whole)
    )
    titles = {p.id: f"{p.number}. {p.title}" for p in list_priorities(workspace)}
    studies: list[CaseStudyLine] = []
    for study in list_case_studies(workspace):
        if not _speaks_to(study.criteria, chosen, whole):
            continue
        if not study.de_identified and not include_personal_data:
            left_out += 1
            continue
        parts = tuple(
            (heading, getattr(study, name))
            for name, heading in PARTS.items()
            if getattr(study, name).strip()
        )
        studies.append(
            CaseStudyLine(
                f"CS{len(studies) + 1}",
                study.title,
                parts,
                study.criteria,
                tuple(titles[p] for p in study.priorities if p in titles),
                not study.de_identified,
            )
        )
    return Heard(tuple(voices), surveys, tuple(studies), left_out)
