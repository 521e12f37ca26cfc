"""The values a shared workspace's server accepts, checked by the server itself.

The app checks every value before it writes; a login with psql does not go through the app. So
the server checks them too, in a trigger per table made from `CHECKS` below: a rating on the
scale of the assessment's edition, criteria and bullets of that edition, evidence kinds, dates,
statuses, ids, lengths, and names without control characters. Whatever raw SQL a login may run,
it cannot store a value that would make the lead's `status` or an export fail. The lists here
are the services' own (a test compares them), kept here because the store imports no service.
"""

from __future__ import annotations

EVIDENCE_KINDS = ("data", "audit", "survey", "case-study", "strategy", "minutes", "co-production",
                  "other")  # fmt: skip
ORGANISATION_KINDS = ("la-education", "la-social-care", "health", "school", "fe", "pcf", "other")
OWNER_ROLES = ("lead", "contributor")
ACTION_STATUSES = ("not-started", "in-progress", "complete", "blocked")
ACTION_PRIORITIES = ("priority", "improvement")
RISK_STATUSES = ("open", "closed")
REQUEST_KINDS = ("data", "document")
WITHIN_NOTICE = ("yes", "no", "unknown")
SPEAKER_KINDS = ("child", "young-person", "parent-carer", "practitioner")
MAX_TEXT = 1_048_576
"""The longest text any field may hold on a server (an evidence description's limit; the
narrative's own is lower and checked by name)."""
MAX_NARRATIVE = 100_000
EVIDENCE_YEARS_AHEAD = 5
NOT_RATED = "not-rated"

ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$"
"""Record ids (UUIDs when the app makes them) and framework ids: no spaces, no control
characters, nothing a reader would have to escape."""


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"NEW.{column} IN ({', '.join(repr(v) for v in values)})"


def _name(column: str) -> str:
    return f"(btrim(NEW.{column}) <> '' AND NEW.{column} !~ '[[:cntrl:]]')"


def _short(column: str, limit: int = MAX_TEXT) -> str:
    return f"(NEW.{column} IS NULL OR pg_catalog.length(NEW.{column}) <= {limit})"


_EDITION = "edition"
"""The assessment's edition, read once per row by the judgement check's prelude, and only
when a column it decides changed (NULL otherwise: a narrative edit parses no framework)."""
_LEVELS = f"({_EDITION} -> 'rating_scale' -> 'levels')"
_CRITERION = (
    f"{_EDITION} IS NULL OR jsonb_path_exists({_EDITION}, "
    "'$.groups[*].criteria[*] ? (@.id == $c)', jsonb_build_object('c', NEW.criterion_id))"
)
_BULLET = (
    f"({_EDITION} IS NULL OR NEW.bullet_id = '' OR jsonb_path_exists({_EDITION}, "
    "'$.groups[*].criteria[*] ? (@.id == $c).bullets[*] ? (@.id == $b)', "
    "jsonb_build_object('c', NEW.criterion_id, 'b', NEW.bullet_id)))"
)
_DECIDED_BY_THE_EDITION = (
    "assessment_id",
    "criterion_id",
    "bullet_id",
    "rating",
    "previous_rating",
)
PRELUDES = {
    "judgement": (
        "DECLARE edition jsonb; ",
        "IF TG_OP = 'INSERT' OR "
        + " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _DECIDED_BY_THE_EDITION)
        + " THEN edition := {s}.selfeval_edition_of(NEW.assessment_id); END IF; ",
    )
}
"""Per table: declarations, and statements run before the checks."""


def _on_scale(column: str, blank_allowed: bool) -> str:
    blank = f"NEW.{column} = '' OR " if blank_allowed else ""
    return (
        f"({_EDITION} IS NULL OR {blank}NEW.{column} = '{NOT_RATED}' OR "
        f"{_LEVELS} @> jsonb_build_array(jsonb_build_object('id', NEW.{column})))"
    )


CHECKS: dict[str, list[tuple[str, str]]] = {
    "judgement": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (_CRITERION, "the criterion is not one of the assessment's edition"),
        (_BULLET, "the bullet is not one of the criterion's"),
        (_on_scale("rating", False), "the rating is not on the edition's scale"),
        (_on_scale("previous_rating", True), "the previous rating is not on the edition's scale"),
        *[
            (_short(field, MAX_NARRATIVE), f"{field} is over {MAX_NARRATIVE:,} characters")
            for field in (
                "rationale",
                "strengths",
                "areas_for_development",
                "impact",
                "note",
                "family_statement",
                "family_going_well",
                "family_working_on",
                "what_good_looks_like",
            )
        ],  # fmt: skip
    ],
    "evidence_item": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (_one_of("kind", EVIDENCE_KINDS), "the kind of evidence is not one selfeval knows"),
        ("btrim(NEW.title) <> ''", "evidence needs a title"),
        (_short("description"), f"the description is over {MAX_TEXT:,} characters"),
        (_short("link", 2000), "the link is over 2,000 characters"),
        (
            "NEW.evidence_date IS NULL OR NEW.evidence_date BETWEEN DATE '1970-01-01' AND "
            f"make_date(extract(year FROM current_date)::int + {EVIDENCE_YEARS_AHEAD}, 12, 31)",
            "the evidence date is before 1970 or more than five years ahead",
        ),
    ],
    "evidence_link": [
        (
            f"NEW.criterion_id ~ '{ID}' AND (NEW.bullet_id = '' OR NEW.bullet_id ~ '{ID}')",
            "a criterion or bullet id is letters, digits and . _ : -",
        ),
    ],  # fmt: skip
    "organisation": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (_name("name"), "an organisation's name is text with no control characters"),
        (_one_of("kind", ORGANISATION_KINDS), "the kind of organisation is not one selfeval knows"),
    ],
    "person": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (_name("name"), "a person's name is text with no control characters"),
        (
            "NEW.role !~ '[[:cntrl:]]' AND NEW.email !~ '[[:cntrl:]]'",
            "a role or e-mail address has control characters",
        ),
    ],  # fmt: skip
    "ownership": [(_one_of("role", OWNER_ROLES), "an owner is a lead or a contributor")],
    "action": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        ("btrim(NEW.title) <> ''", "an action needs a title"),
        (_one_of("status", ACTION_STATUSES), "the action's status is not one selfeval knows"),
        (_one_of("priority", ACTION_PRIORITIES), "the action's priority is not one selfeval knows"),
        (_short("description"), f"the description is over {MAX_TEXT:,} characters"),
        (_short("priorities", 4_000), "too many priorities"),
    ],
    "action_note": [(_short("text"), f"a note is over {MAX_TEXT:,} characters")],
    "risk": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (
            "NEW.impact BETWEEN 1 AND 5 AND NEW.likelihood BETWEEN 1 AND 5",
            "impact and likelihood are 1 to 5",
        ),
        (_one_of("status", RISK_STATUSES), "a risk is open or closed"),
        (_short("priorities", 4_000), "too many priorities"),
    ],  # fmt: skip
    "priority": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        ("NEW.number BETWEEN 1 AND 99", "a priority's number is 1 to 99"),
        ("btrim(NEW.title) <> ''", "a priority needs a title"),
        (_short("description"), f"the description is over {MAX_TEXT:,} characters"),
        (_short("criteria", 4_000), "too many criteria"),
        (_short("indicators", 4_000), "too many indicators"),
    ],
    "voice": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        ("btrim(NEW.words) <> ''", "a voice needs their words"),
        (_short("words", 10_000), "their words are over 10,000 characters"),
        (_one_of("speaker_kind", SPEAKER_KINDS), "whose words they are is not one selfeval knows"),
        (
            "NEW.speaker !~ '[[:cntrl:]]' AND NEW.source !~ '[[:cntrl:]]'",
            "who said it and where have no control characters",
        ),
        (_short("criteria", 4_000), "too many criteria"),
    ],
    "survey_result": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (_name("survey"), "a survey result needs the survey's name"),
        ("btrim(NEW.question) <> ''", "a survey result needs its question"),
        ("NEW.responses BETWEEN 1 AND 10000000", "responses are 1 or more"),
        ("NEW.agree_percent BETWEEN 0 AND 100", "the share agreeing is 0 to 100 per cent"),
        (_short("criteria", 4_000), "too many criteria"),
    ],
    "case_study": [
        (f"NEW.id ~ '{ID}'", "an id is letters, digits and . _ : -"),
        (_name("title"), "a case study needs a title"),
        *(
            (_short(part, MAX_NARRATIVE), f"a part is over {MAX_NARRATIVE:,} characters")
            for part in ("needed", "did", "difference", "learned")
        ),
        (_short("criteria", 4_000), "too many criteria"),
        (_short("priorities", 4_000), "too many priorities"),
    ],  # fmt: skip
    "data_request_item": [
        (_one_of("kind", REQUEST_KINDS), "an item of the data request is data or a document"),
        (_one_of("within_notice", WITHIN_NOTICE), "within the notice is yes, no or unknown"),
    ],
    "comment": [(_short("text", MAX_NARRATIVE), f"a comment is over {MAX_NARRATIVE:,} characters")],
    "attachment": [
        (
            "NEW.size >= 0 AND NEW.filename !~ '[[:cntrl:]/\\\\]' AND btrim(NEW.filename) <> ''",
            "a file's name has no slashes or control characters",
        ),
    ],  # fmt: skip
    "snapshot": [
        ("{s}.selfeval_snapshot_personal(NEW.content) IS NOT NULL", "a snapshot's content is JSON")
    ],
}


EDITION_FUNCTION = (
    "selfeval_edition_of",
    "(assessment text) RETURNS jsonb",
    "LANGUAGE sql STABLE SECURITY DEFINER",
    "SELECT f.definition::jsonb FROM {s}.assessment a "
    "JOIN {s}.framework_edition f ON f.id = a.framework_edition_id WHERE a.id = assessment",
)
"""The edition an assessment is pinned to, whoever may read it (a check needs the scale)."""


def check_functions() -> dict[str, tuple[str, str, str]]:
    """One trigger function per table of CHECKS: each condition, or the table's message."""
    made = {EDITION_FUNCTION[0]: EDITION_FUNCTION[1:]}
    for table, checks in CHECKS.items():
        body = "".join(
            f"IF NOT coalesce(({condition}), false) THEN RAISE EXCEPTION "
            f"'{table}: {message.replace(chr(39), chr(39) * 2)}' "
            "USING ERRCODE = 'check_violation'; END IF; "
            for condition, message in checks
        )
        declare, prelude = PRELUDES.get(table, ("", ""))
        made[f"selfeval_values_{table}"] = (
            "() RETURNS trigger",
            "LANGUAGE plpgsql",
            f"{declare}BEGIN {prelude}{body}RETURN NEW; END",
        )
    return made


def check_triggers() -> dict[str, tuple[str, str, str]]:
    return {
        f"selfeval_values_{table}": (table, "BEFORE INSERT OR UPDATE", f"selfeval_values_{table}")
        for table in CHECKS
    }
