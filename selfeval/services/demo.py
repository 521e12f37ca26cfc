"""The fictional Anyshire partnership: a complete demo workspace built through the services.

Dates in the demo file are moved forward so that the newest evidence is always a few weeks old,
whatever day the demo is made; the same items stay "older than 12 months" relative to the rest.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from selfeval.errors import InputError
from selfeval.locations import resource_path
from selfeval.services.attachments import add_attachment_bytes
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.families import set_family_contact
from selfeval.services.frameworks import DEFAULT_FRAMEWORK, framework_library
from selfeval.services.judgements import set_judgement
from selfeval.services.people import add_organisation, add_person, assign_owner
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, create_workspace
from selfeval.store.addresses import capabilities_of

DEMO_FILE = resource_path("resources", "demo", "anyshire.yaml")
DEMO_WRITTEN_ON = date(2026, 11, 23)
BULLET_NOTES = {
    "needs-identified.2": ("red", "Median wait for autism assessment is 58 weeks."),
    "right-help.4": ("red", "23% of annual reviews are overdue."),
    "participation.2": ("green", "SENDIASS satisfaction 88%."),
}


def create_demo_workspace(
    path: Path | str, user: CurrentUser | None = None, today: date | None = None
) -> Workspace:
    """Build the demo; it appears under its name only once it is complete."""
    is_file = not capabilities_of(path).shared  # a server refuses in store.create
    if is_file and Path(path).exists():
        raise InputError(f"{path}: already exists; choose another name for the demo workspace")
    content: dict[str, Any] = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
    shift = (today or date.today()) - DEMO_WRITTEN_ON
    framework = framework_library().get(DEFAULT_FRAMEWORK)
    return create_workspace(
        path,
        content["area_name"],
        framework,
        user or CurrentUser("Demo", content["local_authority"]),
        local_authority=content["local_authority"],
        icb=content["icb"],
        fill=lambda workspace: _fill(workspace, content, shift),
    )


# Who holds each starter item in the demo, where, days since refreshed, within the notice: a mix
# of ready items and ones that are not (no refresh, not within the notice, nobody named).
DEMO_DATA_REQUEST = (
    ("hw", "SharePoint: SEND partnership > Strategy", 40, "yes"),
    ("hw", "SharePoint: SEND partnership > Self-evaluation", 5, "yes"),
    ("sb", "ICB shared drive: Joint commissioning", 200, "yes"),
    ("lw", "www.anyshire.gov.example/localoffer", 30, "yes"),
    ("hw", "SharePoint: SEND partnership > Board", 14, "yes"),
    ("rp", "Capita One report 'EHC 20 weeks' (monthly)", 25, "yes"),
    ("rp", "Capita One report 'Annual reviews'", 25, "yes"),
    ("rp", "", None, "unknown"),
    ("ml", "DfE SEN2 and school census downloads", 150, "yes"),
    ("tc", "Inclusion team tracker", 420, "yes"),
    (None, "", None, "no"),
    ("gk", "Trust waiting list dashboard", 10, "yes"),
    ("lw", "Forum co-production log", 60, "yes"),
    ("hw", "Corporate complaints system", 90, "yes"),
    ("fa", "College destinations survey", 300, "yes"),
    ("ml", "Quality assurance framework audits", 70, "yes"),
)


def _data_request(workspace: Workspace, people: dict[str, str], shift: timedelta) -> None:
    from selfeval.services.data_request import add_starter_list, list_items, update_item

    add_starter_list(workspace)
    today = DEMO_WRITTEN_ON + shift
    for item, (owner, held, days, within) in zip(
        list_items(workspace, today), DEMO_DATA_REQUEST, strict=False
    ):
        update_item(
            workspace,
            item.id,
            item.as_input().model_copy(
                update={
                    "owner_person_id": people[owner] if owner else None,
                    "held_where": held,
                    "refreshed_on": today - timedelta(days=days) if days is not None else None,
                    "within_notice": within,
                }
            ),
        )


def _improvement(
    workspace: Workspace, content: dict[str, Any], people: dict[str, str], shift: timedelta
) -> None:
    """Actions with progress notes, the risk register and the sample indicator figures."""
    from selfeval.services.improvement.actions import add_action, add_progress_note, parse_action
    from selfeval.services.improvement.indicators import import_indicator_values, set_target
    from selfeval.services.improvement.risks import add_risk, parse_risk

    for title, criteria, owner, due, status, priority, note in content["actions"]:
        action_id = add_action(
            workspace,
            parse_action(
                title=title,
                criteria=criteria,
                owner_person_id=people[owner],
                due_date=due + shift,
                status=status,
                priority=priority,
            ),
        )
        if note:
            add_progress_note(workspace, action_id, note, DEMO_WRITTEN_ON + shift)
    for title, description, mitigation, owner, impact, likelihood, review, criteria in content[
        "risks"
    ]:
        add_risk(
            workspace,
            parse_risk(
                title=title,
                description=description,
                mitigation=mitigation,
                owner_person_id=people[owner],
                impact=impact,
                likelihood=likelihood,
                review_date=review + shift,
                criteria=criteria,
            ),
        )
    import_indicator_values(workspace, resource_path("resources", "samples", "indicators.csv"))
    set_target(workspace, "ehcp-20-weeks", 60.0)


def _fill(workspace: Workspace, content: dict[str, Any], shift: timedelta) -> None:
    organisations = {}
    set_family_contact(workspace, content.get("family_contact", ""))
    if content.get("executive_summary"):
        from selfeval.services.our_area import set_our_area

        set_our_area(workspace, summary=content["executive_summary"])
    for org in content["organisations"]:
        organisations[org["key"]] = add_organisation(workspace, org["name"], org["kind"]).name
    people = {}
    for person in content["people"]:
        people[person["key"]] = add_person(
            workspace, person["name"], person["role"], organisations[person["org"]], person["email"]
        ).id
    _priorities(workspace, content.get("priorities", []))
    for criterion_id, judgement in content["judgements"].items():
        set_judgement(
            workspace,
            criterion_id,
            rating=judgement["rating"],
            rationale=judgement["rationale"],
            strengths=judgement["strengths"],
            areas_for_development=judgement["areas_for_development"],
            impact=judgement["impact"],
            family_statement=judgement.get("family_statement", ""),
            family_going_well=judgement.get("family_going_well", ""),
            family_working_on=judgement.get("family_working_on", ""),
        )
        assign_owner(workspace, criterion_id, people[judgement["lead"]], "lead")
        for key in judgement["contributors"]:
            assign_owner(workspace, criterion_id, people[key], "contributor")
    for bullet_id, (rating, note) in BULLET_NOTES.items():
        set_judgement(workspace, bullet_id.split(".")[0], bullet_id, rating=rating, note=note)
    evidence_ids = {}
    for title, kind, org, when, targets, *personal in content["evidence"]:
        item = EvidenceInput(
            title=title,
            kind=kind,
            organisation=organisations[org],
            evidence_date=when + shift,
            description=f"{title}. Provided by {organisations[org]}.",
            personal_data=bool(personal and personal[0]),
        )
        evidence_ids[title] = add_evidence(workspace, item, targets)
    _improvement(workspace, content, people, shift)
    _heard(workspace, content, organisations, shift)
    _data_request(workspace, people, shift)
    for title, files in content["attachments"].items():
        for file in files:
            add_attachment_bytes(
                workspace, evidence_ids[title], file["name"], file["text"].encode("utf-8")
            )


def _heard(
    workspace: Workspace, content: dict[str, Any], organisations: dict[str, str], shift: timedelta
) -> None:
    """What Anyshire's children, young people and families said, its surveys and two case
    studies, each linked to the criteria (and priorities) it speaks to."""
    from selfeval.services.improvement.priorities import priority_numbered
    from selfeval.services.voices.case_studies import add_case_study, parse_case_study
    from selfeval.services.voices.surveys import add_survey_result, parse_survey
    from selfeval.services.voices.voices import add_voice, parse_voice

    for entry in content.get("voices", []):
        add_voice(
            workspace,
            parse_voice(
                words=entry["words"],
                speaker_kind=entry["who"],
                speaker=entry["speaker"],
                source=entry["source"],
                said_on=entry["date"] + shift,
                consent=True,
                organisation=organisations[entry["org"]],
                criteria=entry["criteria"],
            ),
        )
    for survey, question, responses, agree, closed, criteria in content.get("surveys", []):
        add_survey_result(
            workspace,
            parse_survey(survey=survey, question=question, responses=responses,
                         agree_percent=agree, surveyed_on=closed + shift, criteria=criteria),
        )  # fmt: skip
    for entry in content.get("case_studies", []):
        numbers = entry.get("priorities", [])
        add_case_study(
            workspace,
            parse_case_study(
                **{
                    part: entry[part]
                    for part in ("title", "needed", "did", "difference", "learned")
                },
                organisation=organisations[entry["org"]],
                criteria=entry["criteria"],
                priorities=[priority_numbered(workspace, n).id for n in numbers],
            ),
        )


def _priorities(workspace: Workspace, priorities: list[dict[str, Any]]) -> None:
    """The demo partnership's strategic priorities, owners found by name."""
    from selfeval.services.improvement.priorities import add_priority, parse_priority
    from selfeval.services.people import list_people

    people = {p.name: p.id for p in list_people(workspace)}
    for entry in priorities:
        add_priority(
            workspace,
            parse_priority(
                number=entry["number"],
                title=entry["title"],
                description=entry.get("description", ""),
                owner_person_id=people.get(entry.get("owner", "")),
                board=entry.get("board", ""),
                criteria=entry.get("criteria", []),
                indicators=entry.get("indicators", []),
            ),
        )
