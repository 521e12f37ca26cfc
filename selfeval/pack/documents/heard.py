"""What children, young people and families tell us, in each criterion's section (their words,
the surveys' results, the case studies in short), and the case studies whole in an appendix.

The words are printed as said, with who said them in general terms and where: the builder has
already left out any voice without consent and personal data the user did not include."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Bullets, Heading, PageBreak, Para, Table
from selfeval.pack.documents.brief import first_sentence
from selfeval.pack.documents.narrative import narrative
from selfeval.pack.model import Pack
from selfeval.pack.model_heard import CaseStudyLine, SurveyLine, said_on

VOICES_HEADING = "What children, young people and families tell us"


def _percent(value: float) -> str:
    return f"{value:.0f}%" if value == round(value) else f"{value:.1f}%"


def _asked(line: SurveyLine) -> str:
    when = said_on(line.surveyed_on)
    return f"{line.question} ({line.survey}{', ' + when if when else ''})"


def heard_in(pack: Pack, criterion_id: str) -> list[Block]:
    """A criterion's voices, survey results and case studies (short), or nothing."""
    voices = [v for v in pack.voices if criterion_id in v.criteria]
    surveys = [s for s in pack.surveys if criterion_id in s.criteria]
    studies = [c for c in pack.case_studies if criterion_id in c.criteria]
    blocks: list[Block] = []
    if voices or surveys:
        blocks.append(Heading(VOICES_HEADING, 3))
    for voice in voices:
        blocks += [
            Para(f"\u201c{voice.words}\u201d", italic=True),
            Para(voice.attribution, "muted"),
        ]
    if surveys:
        blocks.append(
            Table(
                ("Survey question", "Responses", "Agree"),
                tuple((_asked(s), f"{s.responses:,}", _percent(s.agree_percent)) for s in surveys),
                (120, 25, 20),
            )
        )
    if studies:
        blocks.append(Heading("Case studies", 3))
        blocks.append(Bullets(tuple(_short(study) for study in studies)))
    return blocks


def _short(study: CaseStudyLine) -> str:
    """The title and the difference it made in a sentence, pointing to the whole."""
    difference = next(
        (text for heading, text in study.parts if heading.startswith("What diff")), ""
    )
    said = f"{study.ref}. {study.title}"
    if difference.strip():
        said += f": {first_sentence(difference, 300).rstrip('.')}"
    return said + "; in full in the appendix."


def case_studies_appendix(pack: Pack) -> list[Block]:
    if not pack.case_studies:
        return []
    numbers = {s.id: s.number for s in pack.sections}
    blocks: list[Block] = [PageBreak(), Heading("Appendix: case studies", 1, key="case-studies")]
    for study in pack.case_studies:
        blocks.append(Heading(f"{study.ref}. {study.title}", 2, in_contents=False))
        about = []
        shown = sorted(numbers[c] for c in study.criteria if c in numbers)
        if shown:
            about.append("Criteria " + ", ".join(str(n) for n in shown))
        if study.priorities:
            about.append("our priorities " + "; ".join(study.priorities))
        if study.personal_data:
            about.append("personal data: not de-identified")
        if about:
            blocks.append(Para("; ".join(about) + ".", "muted"))
        for heading, text in study.parts:
            blocks += [Heading(heading, 3, in_contents=False), *narrative(text)]
    return blocks
