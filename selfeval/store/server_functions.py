"""The server's own objects beside the workspace tables: the grants table, the staging table a
file's pieces are written to, the functions the policies ask, and the triggers that stamp the
history, check a file's bytes against its name and announce changes.

Every function runs with `search_path` pinned to ``pg_catalog, <schema>, pg_temp`` (the
session's temporary schema last: PostgreSQL searches it first for tables unless it is named,
so a login could otherwise shadow the grants table with a temporary one and be "lead") and
names every table with its schema. Those that must see past a login's row-level policies run
as their owner (SECURITY DEFINER); the rest as the caller. `{s}` below is the quoted schema.
The values the server accepts (store/server_values.py) are checked by triggers made here too.
"""

from __future__ import annotations

from selfeval.store.server_values import check_functions, check_triggers

NOTICE_CHANNEL = "selfeval_changes"

PINNED = "SET search_path = pg_catalog, {s}, pg_temp"
"""Appended to every function here; a test reads the catalogue and fails on any without it."""

TABLES = [
    """CREATE TABLE IF NOT EXISTS {s}.selfeval_grant (
        login text PRIMARY KEY,
        person_id varchar(36),
        organisation_id varchar(36),
        role text NOT NULL CHECK (role IN ('lead', 'contributor', 'reader')),
        criteria text[] NOT NULL DEFAULT '{}'
    )""",
    # A file's bytes arrive a megabyte at a time: each piece lands here, under the login that
    # sent it and an upload id, and the server joins them into `blob` (no temporary table: no
    # login may create one).
    """CREATE TABLE IF NOT EXISTS {s}.selfeval_blob_piece (
        login text NOT NULL DEFAULT session_user,
        upload text NOT NULL,
        n integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (login, upload, n)
    )""",
    # Who has sent a file's bytes (so holds the file): only they, and those who can see it
    # already, may attach it. Knowing a file's SHA-256 is not holding the file.
    """CREATE TABLE IF NOT EXISTS {s}.selfeval_blob_holder (
        sha256 text NOT NULL,
        login text NOT NULL DEFAULT session_user,
        PRIMARY KEY (sha256, login)
    )""",
]

# name -> (arguments and result, volatility and security, body). Kept as data so the
# privileges below name each one exactly and a test can compare them with the catalogue.
FUNCTIONS: dict[str, tuple[str, str, str]] = {
    "selfeval_role": (
        "() RETURNS text",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        "SELECT g.role FROM {s}.selfeval_grant g WHERE g.login = session_user",
    ),
    "selfeval_org": (
        "() RETURNS text",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        "SELECT g.organisation_id FROM {s}.selfeval_grant g WHERE g.login = session_user",
    ),
    "selfeval_may_edit": (
        "(criterion text) RETURNS boolean",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        """SELECT EXISTS (
            SELECT 1 FROM {s}.selfeval_grant g WHERE g.login = session_user
            AND (g.role = 'lead' OR (g.role = 'contributor' AND criterion = ANY (g.criteria))))""",
    ),
    # An evidence item a contributor may change or delete: one they can see (not another
    # organisation's personal data) and linked to no criterion outside their grant, so that
    # neither an edit nor the cascade of a delete reaches a criterion they may not change.
    "selfeval_may_change_evidence": (
        "(evidence text) RETURNS boolean",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        """SELECT CASE {s}.selfeval_role()
            WHEN 'lead' THEN true
            WHEN 'contributor' THEN
                EXISTS (SELECT 1 FROM {s}.evidence_item e WHERE e.id = evidence
                        AND (NOT e.personal_data
                             OR e.organisation_id IS NOT DISTINCT FROM {s}.selfeval_org()))
                AND NOT EXISTS (SELECT 1 FROM {s}.evidence_link l WHERE l.evidence_id = evidence
                                AND NOT {s}.selfeval_may_edit(l.criterion_id))
            ELSE false END""",
    ),
    # Likewise an action: none of its criteria outside the grant (its criteria and notes go
    # with it when it is deleted).
    "selfeval_may_change_action": (
        "(action text) RETURNS boolean",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        """SELECT CASE {s}.selfeval_role()
            WHEN 'lead' THEN true
            WHEN 'contributor' THEN
                EXISTS (SELECT 1 FROM {s}.action a WHERE a.id = action)
                AND NOT EXISTS (SELECT 1 FROM {s}.action_criterion c WHERE c.action_id = action
                                AND NOT {s}.selfeval_may_edit(c.criterion_id))
            ELSE false END""",
    ),
    # A file no attachment names any more (whoever's it was): removing it shows nothing.
    "selfeval_blob_unused": (
        "(sha text) RETURNS boolean",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        "SELECT NOT EXISTS (SELECT 1 FROM {s}.attachment a WHERE a.sha256 = sha)",
    ),
    # The pieces a login sent, joined, checked against the SHA-256 and size they are stored
    # under, kept (once: the same bytes may be there already, whoever's), and the login
    # recorded as holding the file; the pieces go.
    "selfeval_store_blob": (
        "(p_upload text, p_sha text, p_size bigint) RETURNS void",
        "LANGUAGE plpgsql VOLATILE SECURITY DEFINER",
        """DECLARE joined bytea;
        BEGIN
            IF coalesce({s}.selfeval_role(), '') NOT IN ('lead', 'contributor')
               AND session_user <> current_user THEN
                RAISE EXCEPTION 'this login may not store files'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            SELECT coalesce(pg_catalog.string_agg(p.data, ''::bytea ORDER BY p.n), ''::bytea)
              INTO joined FROM {s}.selfeval_blob_piece p
             WHERE p.upload = p_upload AND p.login = session_user;
            IF pg_catalog.encode(pg_catalog.sha256(joined), 'hex') <> p_sha
               OR pg_catalog.length(joined) <> p_size THEN
                RAISE EXCEPTION 'the bytes sent are not the file %...', pg_catalog.left(p_sha, 12)
                    USING ERRCODE = 'check_violation';
            END IF;
            INSERT INTO {s}.blob (sha256, size, data) VALUES (p_sha, p_size, joined)
                ON CONFLICT (sha256) DO NOTHING;
            INSERT INTO {s}.selfeval_blob_holder (sha256, login) VALUES (p_sha, session_user)
                ON CONFLICT DO NOTHING;
            DELETE FROM {s}.selfeval_blob_piece
             WHERE upload = p_upload AND login = session_user;
        END""",
    ),
    # A file a login may attach: one it sent itself, or one it can see attached already.
    "selfeval_may_attach": (
        "(sha text) RETURNS boolean",
        "LANGUAGE sql STABLE SECURITY DEFINER",
        """SELECT {s}.selfeval_role() = 'lead'
            OR EXISTS (SELECT 1 FROM {s}.selfeval_blob_holder h
                       WHERE h.sha256 = sha AND h.login = session_user)
            OR EXISTS (SELECT 1 FROM {s}.attachment a
                       JOIN {s}.evidence_item e ON e.id = a.evidence_id
                       WHERE a.sha256 = sha AND (NOT e.personal_data
                             OR e.organisation_id IS NOT DISTINCT FROM {s}.selfeval_org()))""",
    ),
    # The evidence ids a snapshot names as personal data; NULL when its content is not JSON
    # (then only a lead sees it). Runs as the caller.
    "selfeval_snapshot_personal": (
        "(content text) RETURNS text[]",
        "LANGUAGE plpgsql IMMUTABLE",
        """DECLARE found jsonb;
        BEGIN
            found := content::jsonb -> 'personal_data';
            IF found IS NULL OR jsonb_typeof(found) <> 'array' THEN
                RETURN '{}'::text[];
            END IF;
            RETURN ARRAY(SELECT jsonb_array_elements_text(found));
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END""",
    ),
    # The history's "who", "where" and "when" come from the login, whatever the client sent.
    "selfeval_stamp_change": (
        "() RETURNS trigger",
        "LANGUAGE plpgsql SECURITY DEFINER",
        """DECLARE who text; place text;
        BEGIN
            SELECT p.name, o.name INTO who, place
              FROM {s}.selfeval_grant g
              LEFT JOIN {s}.person p ON p.id = g.person_id
              LEFT JOIN {s}.organisation o ON o.id = g.organisation_id
             WHERE g.login = session_user;
            IF FOUND THEN
                NEW.changed_by := coalesce(who, session_user);
                NEW.organisation := coalesce(place, '');
                NEW.changed_at := clock_timestamp();  -- when written, not when begun
            END IF;
            RETURN NEW;
        END""",
    ),
    # The one way a contributor writes the history: a line about something they may change,
    # stamped by the trigger above (the who, where and when given are kept only for the
    # workspace's owner, who has no grant: publishing a file's history, for one). A reader
    # writes none.
    "selfeval_record_change": (
        """(p_id text, p_changed_at timestamptz, p_who text, p_place text, p_origin text,
            p_entity text, p_entity_id text, p_field text, p_old text, p_new text,
            p_assessment text, p_criterion text) RETURNS void""",
        "LANGUAGE plpgsql VOLATILE SECURITY DEFINER",
        """DECLARE mine text := {s}.selfeval_role();
        BEGIN
            IF mine IS NULL AND session_user <> current_user AND NOT coalesce(
                (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user),
                false) THEN
                RAISE EXCEPTION 'this login may not write the history'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF mine = 'reader' OR (mine = 'contributor' AND NOT (
                (p_criterion IS NOT NULL AND {s}.selfeval_may_edit(p_criterion))
                OR (p_entity IN ('evidence', 'evidence_link')
                    AND {s}.selfeval_may_change_evidence(p_entity_id))
                OR (p_entity = 'evidence' AND p_field = 'imported')
                OR (p_entity = 'action' AND {s}.selfeval_may_change_action(p_entity_id))
            )) THEN
                RAISE EXCEPTION 'this login may not record a change to % %', p_entity, p_entity_id
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            INSERT INTO {s}.change_record (id, changed_at, changed_by, organisation, origin,
                entity, entity_id, field, old_value, new_value, assessment_id, criterion_id)
            VALUES (p_id, p_changed_at, p_who, p_place, p_origin, p_entity, p_entity_id,
                p_field, p_old, p_new, p_assessment, p_criterion);
        END""",
    ),
    # A notice names only the history row: a window reads it through the policies, so a
    # forged notice shows nothing its reader may not see, and says nothing by itself.
    "selfeval_announce": (
        "() RETURNS trigger",
        "LANGUAGE plpgsql",
        f"""BEGIN
            PERFORM pg_catalog.pg_notify('{NOTICE_CHANNEL}', NEW.id::text);
            RETURN NEW;
        END""",
    ),
    # A file's bytes are the file its name (the SHA-256) and size promise, or nothing is kept.
    "selfeval_check_blob": (
        "() RETURNS trigger",
        "LANGUAGE plpgsql",
        """BEGIN
            IF NEW.data IS NULL
               OR pg_catalog.encode(pg_catalog.sha256(NEW.data), 'hex') <> NEW.sha256
               OR pg_catalog.length(NEW.data) <> NEW.size THEN
                RAISE EXCEPTION 'the bytes of file %... are not the file its SHA-256 names',
                    pg_catalog.left(NEW.sha256, 12) USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END""",
    ),
}

WHO = {
    # table -> (column, "name" or "organisation" of the login's person, stamped on update too)
    "comment": (("author", "name", False), ("organisation", "organisation", False)),
    "evidence_item": (("created_by", "name", False),),
    "attachment": (("added_by", "name", False),),
    "action_note": (("author", "name", False),),
    "judgement": (("updated_by", "name", True),),
}
"""Every "who" a contributor's row carries is the server's, like the history's: a comment (or
a file, an item, a note, a judgement) cannot be made to look like someone else's. A lead's are
kept as written (merging a partner's return carries the partner's names)."""


def who_functions() -> dict[str, tuple[str, str, str]]:
    made = {}
    for table, columns in WHO.items():
        stamps = "".join(
            f"NEW.{column} := coalesce({'who' if kind == 'name' else 'place'}, "
            f"{'session_user' if kind == 'name' else chr(39) * 2}); "
            if on_update
            else f"IF TG_OP = 'INSERT' THEN NEW.{column} := coalesce("
            f"{'who' if kind == 'name' else 'place'}, "
            f"{'session_user' if kind == 'name' else chr(39) * 2}); "
            f"ELSE NEW.{column} := OLD.{column}; END IF; "
            for column, kind, on_update in columns
        )
        made[f"selfeval_who_{table}"] = (
            "() RETURNS trigger",
            "LANGUAGE plpgsql SECURITY DEFINER",
            "DECLARE who text; place text; BEGIN "
            "IF {s}.selfeval_role() = 'contributor' THEN "
            "SELECT p.name, o.name INTO who, place FROM {s}.selfeval_grant g "
            "LEFT JOIN {s}.person p ON p.id = g.person_id "
            "LEFT JOIN {s}.organisation o ON o.id = g.organisation_id "
            f"WHERE g.login = session_user; {stamps}END IF; RETURN NEW; END",
        )
    return made


TRIGGERS = {
    # name -> (table, timing and events, function)
    "selfeval_stamp_change": ("change_record", "BEFORE INSERT", "selfeval_stamp_change"),
    "selfeval_announce": ("change_record", "AFTER INSERT", "selfeval_announce"),
    "selfeval_check_blob": ("blob", "BEFORE INSERT OR UPDATE", "selfeval_check_blob"),
}

POLICY_FUNCTIONS = (
    "selfeval_role",
    "selfeval_org",
    "selfeval_may_edit",
    "selfeval_may_change_evidence",
    "selfeval_may_change_action",
    "selfeval_blob_unused",
    "selfeval_snapshot_personal",
    "selfeval_may_attach",
)
"""Asked by the policies as the caller: every group may run them (they say only what the
caller's own grant allows)."""

WRITER_FUNCTIONS = ("selfeval_record_change", "selfeval_store_blob", "selfeval_edition_of")
"""Run by the roles that write: lead and contributor."""


def all_functions() -> dict[str, tuple[str, str, str]]:
    """Every function the server holds for selfeval: those above and the value checks."""
    return {**FUNCTIONS, **who_functions(), **check_functions()}


def object_statements(schema: str) -> list[str]:
    """Create (or replace) the tables, functions and triggers above in `schema` (quoted)."""
    statements = [table.replace("{s}", schema) for table in TABLES]
    for name, (signature, kind, body) in all_functions().items():
        statements.append(
            f"CREATE OR REPLACE FUNCTION {schema}.{name}{signature} {kind} "
            f"{PINNED.replace('{s}', schema)} AS $fn$ {body.replace('{s}', schema)} $fn$"
        )
    who = {
        f"selfeval_who_{table}": (table, "BEFORE INSERT OR UPDATE", f"selfeval_who_{table}")
        for table in WHO
    }
    for name, (table, timing, function) in {**TRIGGERS, **who, **check_triggers()}.items():
        statements += [
            f"DROP TRIGGER IF EXISTS {name} ON {schema}.{table}",
            f"CREATE TRIGGER {name} {timing} ON {schema}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {schema}.{function}()",
        ]
    return statements
