"""Every record a workspace holds, its fields declared once, and where each field goes.

Why: the fields of a judgement were once restated by hand in seventeen places, and the copies
drifted into lost work (a new cycle dropped what families read; a partner's text for families
never came back). Here each record names its fields with their kind and limit, and every path a
field can take (a partner's package, a new cycle, a new edition, the server copy, a snapshot,
the dump, the pack, the workbook, the sign-off hash) is either taken or refused with the reason
written beside it. The copiers read their fields from here (`carried`), and
tests/test_every_field.py fills every field of every record and sends the workspace down every
path, so a field added here and ignored by one path fails a test. Adding a field is one line
here and a migration.

Columns that are not the partnership's content (ids, the links between rows, who and when
stamps) are `kept` with why; every column of every table is one or the other (a test).
Imports nothing from selfeval but the fixed lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from selfeval.services.vocabulary import (
    ACTION_PRIORITIES,
    ACTION_STATUSES,
    EVIDENCE_KINDS,
    ORGANISATION_KINDS,
    OWNER_ROLES,
    REQUEST_KINDS,
    RISK_STATUSES,
    SPEAKER_KINDS,
    WITHIN_NOTICE,
)


class Path(StrEnum):
    """Where a record's words can go."""

    PACKAGE = "a request to a partner"
    RETURN = "a partner's change, in their return, merged"
    NEW_CYCLE = "a new cycle"
    EDITION = "a new edition of the criteria"
    SERVER = "a server and back"
    SNAPSHOT = "a snapshot"
    DUMP = "the dump"
    PACK = "the pack"
    WORKBOOK = "the workbook"
    SIGNOFF = "the sign-off hash"
    PARENTS = "the summary for parents"


class Kind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    RATING = "a level of the framework's scale"
    DATE = "date"
    WHOLE = "whole number"
    FIGURE = "figure"
    FLAG = "yes or no"
    PERSON = "a person"
    ORGANISATION = "an organisation"
    CRITERION = "a criterion"
    CRITERIA = "criteria, comma-separated"
    PRIORITIES = "strategic priorities, comma-separated"
    BULLET = "a bullet of the criterion"
    EVIDENCE = "evidence items, comma-separated"
    FILE = "a file's SHA-256"


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind = Kind.TEXT
    limit: int | None = None
    """The most characters (text) or the highest value (a whole number)."""
    choices: tuple[str, ...] = ()
    left_out: Mapping[Path, str] = field(default_factory=dict)
    """The paths this field does not take although its record does, each with why."""
    also: tuple[Path, ...] = ()
    """Paths this field takes although its record does not (what families read)."""
    help: str = ""
    """What the field is, in the words of the command line's help."""


@dataclass(frozen=True)
class Record:
    name: str
    table: str
    fields: tuple[Field, ...]
    kept: Mapping[str, str] = field(default_factory=dict)
    """Columns that are not content: ids, links between rows, stamps (name -> why)."""
    left_out: Mapping[Path, str] = field(default_factory=dict)
    """The paths no field of this record takes, each with why."""

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def goes(self, name: str, path: Path) -> bool:
        return self.why_not(name, path) is None

    def why_not(self, name: str, path: Path) -> str | None:
        """Why this field does not take `path` (None: it does)."""
        declared = self.field(name)
        if path is Path.RETURN and (never_sent := self.why_not(name, Path.PACKAGE)):
            return never_sent
        if path in declared.also:
            return None
        return declared.left_out.get(path) or self.left_out.get(path) or _BY_DEFAULT.get(path)

    def carried(self, path: Path) -> tuple[str, ...]:
        """The names of the fields a copier copies along `path`."""
        return tuple(f.name for f in self.fields if self.goes(f.name, path))


MAX_TEXT = 100_000
"""A judgement's texts, an action's or a risk's description: about forty pages each."""
MAX_DESCRIPTION = 1_048_576
"""An evidence item's description: long imported tracker notes fit."""
NAME = 200
TITLE = 500

_BY_DEFAULT = {Path.PARENTS: "the summary for parents prints only what was written for families"}
ID = "its identity"
OF_ASSESSMENT = "the cycle it belongs to"
WHEN = "a stamp of when, set by whoever writes the row"
WHO = "a stamp of who, set by whoever writes the row (on a server, by the server)"

PLAN = "the lead's improvement plan: a partner contributes to criteria, never to the plan"
SETTLED = "a partner's package carries criteria and their evidence, not this"
NOT_PRINTED_HERE = "not printed in the pack"
NEXT_CYCLE_AFRESH = "a new cycle is rated afresh: the rating is kept beside it as previous_rating"
SNAPSHOT_KEEPS = "a snapshot keeps the facts a progress report compares (ratings, titles, figures)"
DIRECTORY = (
    "the lead keeps the partnership's list of people and organisations: a partner's new ones "
    "come back with what they own or wrote, a change to one the lead has is made by the lead"
)
OWN_FIGURE = "a progress report compares the area's own figure over time"
LEAD_ONLY = "the lead's own record: a partner's package never carries it"

_JUDGEMENT_TEXT = {Path.SNAPSHOT: SNAPSHOT_KEEPS}
_THREAD = {
    Path.SNAPSHOT: SNAPSHOT_KEEPS,
    Path.WORKBOOK: "printed under each priority in the pack's 'Our priorities'",
}
_FOR_FAMILIES = "written for families: printed in the summary for parents, not the pack"
_FAMILY_TEXT = {
    Path.SNAPSHOT: SNAPSHOT_KEEPS,
    Path.PACK: _FOR_FAMILIES,
    Path.WORKBOOK: _FOR_FAMILIES,
}


def _for_families(name: str, what: str) -> Field:
    return Field(
        name,
        limit=MAX_TEXT,
        left_out=_FAMILY_TEXT,
        also=(Path.PARENTS,),
        help=f"for families: {what}",
    )


JUDGEMENT = Record(
    "judgement",
    "judgement",
    (
        Field("criterion_id", Kind.CRITERION),
        Field(
            "bullet_id",
            Kind.BULLET,
            left_out={Path.SNAPSHOT: "a progress report compares the criteria's own ratings"},
        ),
        Field(
            "rating",
            Kind.RATING,
            80,
            left_out={
                Path.NEW_CYCLE: NEXT_CYCLE_AFRESH,
                Path.EDITION: "carried as it was only where the crosswalk says `same`; "
                "elsewhere kept as the previous rating, to confirm",
            },
        ),
        Field("rationale", limit=MAX_TEXT, left_out=_JUDGEMENT_TEXT, help="how we know"),
        Field("strengths", limit=MAX_TEXT, left_out=_JUDGEMENT_TEXT, help="what is working well"),
        Field(
            "areas_for_development",
            limit=MAX_TEXT,
            left_out=_JUDGEMENT_TEXT,
            help="what we need to improve",
        ),
        Field(
            "impact",
            limit=MAX_TEXT,
            left_out=_JUDGEMENT_TEXT,
            help="impact on children and young people",
        ),
        Field(
            "note",
            limit=MAX_TEXT,
            help="a note (used for bullets: the pack prints it under the bullet)",
            left_out={
                Path.SNAPSHOT: SNAPSHOT_KEEPS,
                Path.WORKBOOK: "a bullet's note is printed in the pack; the workbook has a "
                "row per criterion",
            },
        ),
        Field(
            "previous_rating",
            Kind.RATING,
            80,
            left_out={
                Path.PACKAGE: "the lead's record of the cycle before: a partner cannot change it",
                Path.NEW_CYCLE: "a new cycle keeps this cycle's rating here instead",
                Path.EDITION: "the crosswalk's previous ratings go to the list to confirm",
                Path.SNAPSHOT: SNAPSHOT_KEEPS,
                Path.PACK: "the progress report compares ratings, from snapshots",
                Path.WORKBOOK: "the progress report compares ratings, from snapshots",
                Path.SIGNOFF: "not printed in what is signed",
            },
        ),
        _for_families("family_statement", "what we want families to know"),
        _for_families("family_going_well", "what is going well"),
        _for_families("family_working_on", "what we are working on"),
        Field(
            "what_good_looks_like",
            limit=MAX_TEXT,
            left_out=_JUDGEMENT_TEXT,
            help="the partnership's own statement of what good looks like, printed before "
            "its self-evaluation",
        ),
    ),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT, "updated_by": WHO, "updated_at": WHEN},
)

EVIDENCE = Record(
    "evidence item",
    "evidence_item",
    (
        Field("title", limit=TITLE, left_out={}),
        Field(
            "description",
            limit=MAX_DESCRIPTION,
            left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS},
        ),
        Field(
            "kind", Kind.CHOICE, 40, tuple(EVIDENCE_KINDS), left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}
        ),
        Field("organisation_id", Kind.ORGANISATION, left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}),
        Field("evidence_date", Kind.DATE, left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}),
        Field("link", limit=2000, left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}),
        Field(
            "personal_data",
            Kind.FLAG,
            left_out={
                Path.PACK: "printed as a mark beside the item, not as a value",
                Path.WORKBOOK: "printed as a mark beside the item, not as a value",
            },
        ),
    ),
    kept={"id": ID, "created_by": WHO, "created_at": WHEN, "updated_at": WHEN},
)

EVIDENCE_LINK = Record(
    "evidence link",
    "evidence_link",
    (Field("criterion_id", Kind.CRITERION), Field("bullet_id", Kind.BULLET)),
    kept={"evidence_id": "the item it cites", "assessment_id": OF_ASSESSMENT},
    left_out={
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.PACK: "printed as the item's reference in the criterion's section",
        Path.WORKBOOK: "printed as the item's reference in the criterion's row",
    },
)

ATTACHMENT = Record(
    "evidence file",
    "attachment",
    (
        Field(
            "filename",
            limit=255,
            left_out={
                Path.SIGNOFF: "the file's bytes are signed",
                Path.RETURN: "a partner adds files; naming one again is the lead's",
            },
        ),
        Field("sha256", Kind.FILE, left_out={Path.PACK: "the file's name is printed"}),
    ),
    kept={
        "id": ID,
        "evidence_id": "the item it belongs to",
        "size": "worked out from the bytes",
        "added_by": WHO,
        "added_at": WHEN,
    },
    left_out={
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.WORKBOOK: "the workbook lists items; their files are in the pack",
    },
)

ORGANISATION = Record(
    "organisation",
    "organisation",
    (
        Field("name", limit=NAME),
        Field(
            "kind",
            Kind.CHOICE,
            40,
            tuple(ORGANISATION_KINDS),
            left_out={
                Path.PACK: "the organisation is printed by name",
                Path.WORKBOOK: "the organisation is printed by name",
                Path.SIGNOFF: "the organisation is signed by name",
            },
        ),
    ),
    kept={"id": ID},
    left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS, Path.RETURN: DIRECTORY},
)

PERSON = Record(
    "person",
    "person",
    (
        Field("name", limit=NAME),
        Field("role", limit=NAME, left_out={Path.PACK: "the pack prints a name and organisation",
                                            Path.WORKBOOK: "the workbook prints a name",
                                            Path.SIGNOFF: "not printed in what is signed"}),
        Field("organisation_id", Kind.ORGANISATION, left_out={
            Path.WORKBOOK: "the workbook prints a name",
            Path.SIGNOFF: "not printed in what is signed"}),
        Field("email", limit=320, left_out={
            Path.PACK: "contact details stay out of what is published",
            Path.WORKBOOK: "contact details stay out of what is published",
            Path.SIGNOFF: "not printed in what is signed"}),
    ),
    kept={"id": ID},
    left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS, Path.RETURN: DIRECTORY},
)  # fmt: skip

OWNER = Record(
    "owner",
    "ownership",
    (
        Field("criterion_id", Kind.CRITERION),
        Field("person_id", Kind.PERSON),
        Field("role", Kind.CHOICE, 20, OWNER_ROLES),
    ),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT},
    left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS},
)

COMMENT = Record(
    "comment",
    "comment",
    (
        Field("criterion_id", Kind.CRITERION),
        Field("author", limit=NAME),
        Field("organisation", limit=NAME),
        Field("text", limit=10_000),
    ),
    kept={
        "id": ID,
        "assessment_id": OF_ASSESSMENT,
        "created_at": WHEN,
        "origin": "where it came from: here or a partner's package",
        "received_at": WHEN,
    },
    left_out={
        Path.NEW_CYCLE: "a review conversation about that cycle's draft: it stays with that "
        "cycle, which is kept whole",
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.PACK: "printed only when the pack is asked for its comments (tested there)",
        Path.WORKBOOK: "printed only when the pack is asked for its comments (tested there)",
        Path.SIGNOFF: "a conversation about the draft, not what is signed",
    },
)

ACTION = Record(
    "action",
    "action",
    (
        Field("title", limit=TITLE),
        Field("description", limit=MAX_TEXT, left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}),
        Field("owner_person_id", Kind.PERSON, left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}),
        Field("owner_organisation_id", Kind.ORGANISATION, left_out={
            Path.SNAPSHOT: SNAPSHOT_KEEPS,
            Path.PACK: "the pack prints the owner, a person or else the organisation",
            Path.WORKBOOK: "the workbook prints the owner, a person or else the organisation",
            Path.SIGNOFF: "the owner is signed as printed"}),
        Field("due_date", Kind.DATE),
        Field("status", Kind.CHOICE, 20, tuple(ACTION_STATUSES)),
        Field("priority", Kind.CHOICE, 20, tuple(ACTION_PRIORITIES),
              left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS}),
        Field("priorities", Kind.PRIORITIES, left_out=_THREAD),
    ),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT, "created_at": WHEN, "updated_at": WHEN},
    left_out={Path.PACKAGE: PLAN},
)  # fmt: skip

ACTION_CRITERION = Record(
    "action's criterion",
    "action_criterion",
    (Field("criterion_id", Kind.CRITERION),),
    kept={"action_id": "the action"},
    left_out={Path.PACKAGE: PLAN, Path.SNAPSHOT: SNAPSHOT_KEEPS,
              Path.PACK: "printed as the criterion's number beside the action",
              Path.WORKBOOK: "printed as the criterion's number beside the action"},
)  # fmt: skip

_LATEST_NOTE = {
    Path.PACK: "the pack and the workbook print the latest note's words beside its action",
    Path.WORKBOOK: "the pack and the workbook print the latest note's words beside its action",
}
ACTION_NOTE = Record(
    "progress note on an action",
    "action_note",
    (
        Field("noted_on", Kind.DATE, left_out=_LATEST_NOTE),
        Field("text", limit=10_000),
        Field("author", limit=NAME, left_out=_LATEST_NOTE),
    ),
    kept={"id": ID, "action_id": "the action"},
    left_out={
        Path.PACKAGE: PLAN,
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.SIGNOFF: "progress since the last board, not what is signed",
    },
)

RISK = Record(
    "risk",
    "risk",
    (
        Field("title", limit=TITLE),
        Field("description", limit=MAX_TEXT),
        Field("mitigation", limit=MAX_TEXT),
        Field("owner_person_id", Kind.PERSON),
        Field("impact", Kind.WHOLE, 5),
        Field("likelihood", Kind.WHOLE, 5),
        Field("review_date", Kind.DATE),
        Field("criteria", Kind.CRITERIA),
        Field("status", Kind.CHOICE, 20, RISK_STATUSES),
        Field("priorities", Kind.PRIORITIES, left_out=_THREAD),
    ),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT},
    left_out={Path.PACKAGE: PLAN, Path.SNAPSHOT: SNAPSHOT_KEEPS},
)

PRIORITY = Record(
    "strategic priority",
    "priority",
    (
        Field("number", Kind.WHOLE, 99),
        Field("title", limit=TITLE),
        Field("description", limit=MAX_TEXT),
        Field("owner_person_id", Kind.PERSON),
        Field("board", limit=NAME),
        Field("criteria", Kind.CRITERIA),
        Field("indicators", help="indicator ids, comma-separated"),
    ),
    kept={"id": ID},
    left_out={
        Path.PACKAGE: PLAN,
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.WORKBOOK: "printed in the pack's 'Our priorities'; the workbook is the criteria "
        "and the plan's rows",
    },
)

HEARD = "printed in the criteria's sections of the pack; the workbook is the criteria and the plan"
KEPT_BY_LEAD = (
    "kept by the lead for the whole partnership: a partner sends what they heard to the lead "
    "(as evidence in their return), a package carries criteria and their evidence"
)
_HEARD_PATHS = {Path.PACKAGE: KEPT_BY_LEAD, Path.SNAPSHOT: SNAPSHOT_KEEPS, Path.WORKBOOK: HEARD}
HOLDER = {Path.PACK: "who holds it, not who said it: the pack names the speaker in general terms"}

VOICE = Record(
    "voice (what a child, young person, parent or practitioner said)",
    "voice",
    (
        Field("words", limit=10_000, help="their words, as said"),
        Field("speaker_kind", Kind.CHOICE, 20, tuple(SPEAKER_KINDS)),
        Field("speaker", limit=300, help="who, in general terms (never a name)"),
        Field("source", limit=300, help="where it was heard: a survey, a forum, a visit"),
        Field("said_on", Kind.DATE),
        Field("consent", Kind.FLAG, help="consent to quote it recorded"),
        Field("personal_data", Kind.FLAG),
        Field("organisation_id", Kind.ORGANISATION, left_out=HOLDER),
        Field("criteria", Kind.CRITERIA),
    ),
    kept={"id": ID},
    left_out=_HEARD_PATHS,
)

SURVEY_RESULT = Record(
    "survey result",
    "survey_result",
    (
        Field("survey", limit=300),
        Field("question", limit=1000),
        Field("responses", Kind.WHOLE),
        Field("agree_percent", Kind.FIGURE, 100),
        Field("surveyed_on", Kind.DATE),
        Field("criteria", Kind.CRITERIA),
    ),
    kept={"id": ID},
    left_out=_HEARD_PATHS,
)

CASE_STUDY = Record(
    "case study",
    "case_study",
    (
        Field("title", limit=TITLE),
        Field("needed", limit=MAX_TEXT, help="what the child or young person needed"),
        Field("did", limit=MAX_TEXT, help="what the partnership did"),
        Field("difference", limit=MAX_TEXT, help="what difference it made"),
        Field("learned", limit=MAX_TEXT, help="what we learned"),
        Field("de_identified", Kind.FLAG),
        Field("organisation_id", Kind.ORGANISATION, left_out=HOLDER),
        Field("criteria", Kind.CRITERIA),
        Field("priorities", Kind.PRIORITIES),
    ),
    kept={"id": ID},
    left_out=_HEARD_PATHS,
)

INDICATOR_VALUE = Record(
    "indicator figure",
    "indicator_value",
    (
        Field("indicator_id", Kind.CHOICE, 80),
        Field("period", limit=40),
        Field("area", Kind.FIGURE),
        Field("statistical_neighbours", Kind.FIGURE, left_out={Path.SNAPSHOT: OWN_FIGURE}),
        Field("region", Kind.FIGURE, left_out={Path.SNAPSHOT: OWN_FIGURE}),
        Field("england", Kind.FIGURE, left_out={Path.SNAPSHOT: OWN_FIGURE}),
        Field("source", left_out={Path.SNAPSHOT: OWN_FIGURE}),
    ),
    kept={"id": ID},
    left_out={Path.PACKAGE: SETTLED},
)

INDICATOR_TARGET = Record(
    "indicator target",
    "indicator_target",
    (Field("indicator_id", Kind.CHOICE, 80), Field("target", Kind.FIGURE)),
    left_out={
        Path.PACKAGE: SETTLED,
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.SIGNOFF: "a target the partnership set itself, shown in the app",
        Path.PACK: "a target the partnership set itself, shown in the app",
        Path.WORKBOOK: "a target the partnership set itself, shown in the app",
    },
)

PUBLISHED_FIGURE = Record(
    "published figure",
    "published_figure",
    (
        Field("indicator_id", Kind.CHOICE, 80),
        Field("period", limit=40),
        Field("level", limit=20),
        Field("code", limit=20),
        Field("name", limit=NAME),
        Field("region_code", limit=20),
        Field("value", Kind.FIGURE),
        Field("status", limit=10),
        Field("source"),
    ),
    kept={"id": ID},
    left_out={
        Path.PACKAGE: SETTLED,
        Path.SNAPSHOT: "every area's published figure: the area's own is in the indicator figures",
        Path.PACK: "every area's published figure: the area's own is in the indicator figures",
        Path.WORKBOOK: "every area's published figure: the area's own is in the figures",
        Path.SIGNOFF: "every area's published figure: the area's own is in the figures",
    },
)

DATA_REQUEST_ITEM = Record(
    "data request item",
    "data_request_item",
    (
        Field("position", Kind.WHOLE, left_out={Path.WORKBOOK: "printed in order"}),
        Field("title", limit=TITLE),
        Field("kind", Kind.CHOICE, 20, tuple(REQUEST_KINDS)),
        Field("owner_person_id", Kind.PERSON),
        Field("held_where"),
        Field("refreshed_on", Kind.DATE),
        Field("within_notice", Kind.CHOICE, 10, tuple(WITHIN_NOTICE)),
        Field("evidence_ids", Kind.EVIDENCE, left_out={
            Path.WORKBOOK: "printed as the evidence's references"}),
        Field("ours", Kind.FLAG, left_out={Path.WORKBOOK: "whose list it came from: not printed"}),
    ),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT},
    left_out={
        Path.PACKAGE: LEAD_ONLY,
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.PACK: "a working list for the notification call: the workbook's sheet, not the "
        "published self-evaluation",
        Path.SIGNOFF: "getting ready for the notification call, not the self-evaluation",
    },
)  # fmt: skip

SIGNOFF = Record(
    "sign-off",
    "signoff",
    (
        Field("version_label", limit=80),
        Field("name", limit=NAME),
        Field("role", limit=NAME),
        Field("organisation", limit=NAME),
        Field("signed_on", Kind.DATE),
        Field("content_hash", Kind.FILE, left_out={
            Path.PACK: "the pack says whether it matches, not the hash"}),
    ),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT, "snapshot_id": "the version frozen",
          "recorded_at": WHEN, "recorded_by": WHO},
    left_out={
        Path.PACKAGE: LEAD_ONLY,
        Path.NEW_CYCLE: "a signature agrees one version of one cycle",
        Path.EDITION: "a signature agrees one version on one edition's criteria",
        Path.SNAPSHOT: "a signature freezes its own snapshot",
        Path.WORKBOOK: "the signatures are printed in the sign-off sheet of the pack",
        Path.SIGNOFF: "what is signed, not a part of it",
    },
)  # fmt: skip

SNAPSHOT = Record(
    "snapshot",
    "snapshot",
    (Field("name", limit=NAME), Field("content", limit=None)),
    kept={"id": ID, "assessment_id": OF_ASSESSMENT, "taken_at": WHEN},
    left_out={
        Path.PACKAGE: LEAD_ONLY,
        Path.NEW_CYCLE: "a snapshot is a moment of the cycle it was taken in",
        Path.EDITION: "a snapshot is a moment of the cycle it was taken in; the progress "
        "report compares across editions through the crosswalk",
        Path.SNAPSHOT: "a snapshot of a snapshot",
        Path.PACK: "compared in the progress report",
        Path.WORKBOOK: "compared in the progress report",
        Path.SIGNOFF: "a moment already past",
    },
)

PARTNERSHIP = Record(
    "partnership",
    "partnership",
    (
        Field("area_name", limit=NAME, also=(Path.PARENTS,)),
        Field("local_authority", limit=NAME),
        Field("icb", limit=NAME),
    ),
    kept={"id": ID, "created_at": WHEN},
    left_out={
        Path.PACKAGE: "a partner's copy names the lead's area; it is not theirs to change",
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.SIGNOFF: "names the area, not its self-evaluation",
        Path.WORKBOOK: "the workbook is the criteria and the plan",
    },
)

ASSESSMENT = Record(
    "cycle",
    "assessment",
    (Field("title", limit=NAME),),
    kept={
        "id": ID,
        "partnership_id": "the partnership",
        "framework_edition_id": "the criteria it is on",
        "created_at": WHEN,
        "carried_from_id": "the cycle it was carried from to a new edition",
    },
    left_out={
        Path.PACKAGE: SETTLED,
        Path.NEW_CYCLE: "a new cycle has its own title",
        Path.EDITION: "a cycle on a new edition has its own title",
        Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.PACK: "the pack prints the area and its version label",
        Path.WORKBOOK: "the workbook prints the area",
        Path.SIGNOFF: "the title of the cycle, not its content",
    },
)

SETTING = Record(
    "workspace setting ('Our area' and the rest)",
    "workspace_setting",
    (Field("value", limit=None),),
    kept={"key": "which setting (SETTINGS says what each is and where it goes)"},
)


@dataclass(frozen=True)
class Setting:
    """One workspace setting: a record of its own in a key/value table."""

    key: str
    kind: Kind = Kind.TEXT
    left_out: Mapping[Path, str] = field(default_factory=dict)
    also: tuple[Path, ...] = ()

    def goes(self, path: Path) -> bool:
        return path in self.also or (path not in self.left_out and path not in _BY_DEFAULT)


_ANYWHERE_BUT_DOCUMENTS = {
    Path.SNAPSHOT: SNAPSHOT_KEEPS,
    Path.PACK: NOT_PRINTED_HERE,
    Path.WORKBOOK: NOT_PRINTED_HERE,
    Path.SIGNOFF: "not printed in what is signed",
}
_OUR_AREA = {Path.SNAPSHOT: SNAPSHOT_KEEPS, Path.WORKBOOK: "the workbook is the criteria and plan"}
SETTINGS = (
    Setting("our_area_context", left_out={**_OUR_AREA, Path.PACKAGE: LEAD_ONLY}),
    Setting("our_area_foreword", left_out={**_OUR_AREA, Path.PACKAGE: LEAD_ONLY}),
    Setting("executive_summary", left_out={**_OUR_AREA, Path.PACKAGE: LEAD_ONLY}),
    Setting("our_area_logo", Kind.FILE, left_out={**_OUR_AREA, Path.PACKAGE: LEAD_ONLY,
                                                  Path.DUMP: "the picture's bytes"}),
    Setting("family_contact", also=(Path.PARENTS,), left_out={
        Path.PACKAGE: LEAD_ONLY, Path.SNAPSHOT: SNAPSHOT_KEEPS,
        Path.PACK: "printed in the summary for parents", Path.WORKBOOK: "for families",
        Path.SIGNOFF: "printed in the summary for parents"}),
    Setting("la_code", left_out={**_ANYWHERE_BUT_DOCUMENTS, Path.PACKAGE: LEAD_ONLY}),
    Setting("field_headings",  # the partnership's own headings for the fields, and those hidden
            left_out={Path.SNAPSHOT: SNAPSHOT_KEEPS, Path.PACKAGE: LEAD_ONLY,
                      Path.PACK: "printed as the sections' headings, not as a value",
                      Path.WORKBOOK: "the judgements sheet's column headings",
                      Path.SIGNOFF: "how the pack is laid out, not what is signed"}),
    Setting("sef_headings",  # the partnership's own headings, learnt from a Word import
            left_out={**_ANYWHERE_BUT_DOCUMENTS, Path.PACKAGE: LEAD_ONLY}),
    Setting("statistical_neighbours",
            left_out={**_ANYWHERE_BUT_DOCUMENTS, Path.PACKAGE: LEAD_ONLY}),
    Setting("inspection_expected_from",
            left_out={**_ANYWHERE_BUT_DOCUMENTS, Path.PACKAGE: LEAD_ONLY}),
    Setting("current_assessment", left_out={
        **_ANYWHERE_BUT_DOCUMENTS, Path.PACKAGE: "which cycle this file shows",
        Path.NEW_CYCLE: "the new cycle becomes the current one",
        Path.EDITION: "the carried cycle becomes the current one"}),
    Setting("contribution_request", left_out={
        **_ANYWHERE_BUT_DOCUMENTS, Path.PACKAGE: "set in a partner's copy: the request it answers",
        Path.NEW_CYCLE: "only in a partner's copy", Path.EDITION: "only in a partner's copy"}),
)  # fmt: skip
"""Every key a workspace keeps in its settings table (a test fails on one not named here)."""

RECORDS = (
    JUDGEMENT,
    EVIDENCE,
    EVIDENCE_LINK,
    ATTACHMENT,
    ORGANISATION,
    PERSON,
    OWNER,
    COMMENT,
    ACTION,
    ACTION_CRITERION,
    ACTION_NOTE,
    RISK,
    PRIORITY,
    VOICE,
    SURVEY_RESULT,
    CASE_STUDY,
    INDICATOR_VALUE,
    INDICATOR_TARGET,
    PUBLISHED_FIGURE,
    DATA_REQUEST_ITEM,
    SIGNOFF,
    SNAPSHOT,
    PARTNERSHIP,
    ASSESSMENT,
    SETTING,
)

NOT_RECORDS = {
    "framework_edition": "the criteria as published, stored whole and never edited",
    "blob": "the bytes of evidence files: each is an attachment's `sha256`",
    "change_record": "the history of changes to the records above, not a record itself",
    "merged_package": "which returns were merged here, so none is merged twice",
    "contribution_request": "a request this workspace issued: what its return may change",
    "edition_item": "what a move to a new edition left to confirm: the move's own to-do list",
}
"""Tables that hold no partnership content of their own, each with why."""


def judgement_texts() -> tuple[Field, ...]:
    """Every text of a judgement: the boxes of a criterion's page, the command line's options."""
    return tuple(f for f in JUDGEMENT.fields if f.kind is Kind.TEXT)


def returns(table: str) -> bool:
    """Whether a partner's work on this table comes back in their return: what a partner's copy
    offers (the rest would be typed and never arrive)."""
    return bool(record(table).carried(Path.RETURN))


def record(table: str) -> Record:
    return next(r for r in RECORDS if r.table == table)
