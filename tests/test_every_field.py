"""Every field of every record, through every path, on both stores (issue 23).

The declaration (services/record_fields.py) says, for each field, which paths it takes and why
it does not take the others. Each test here fills every declared field with a value found
nowhere else, sends the workspace down one path, and fails on any field that should have
arrived and did not; the columns of every table must be declared, so a column added without a
declaration fails too, and a field added to the declaration is looked for on every path.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path as FilePath
from typing import Any

import pytest
from sqlalchemy import and_, select, update

from selfeval.framework.model import Framework
from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.record_fields import (
    NOT_RECORDS,
    RECORDS,
    SETTINGS,
    Field,
    Kind,
    Path,
    Record,
)
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace
from selfeval.store.model_base import Base
from tests.conftest import TEST_USER
from tests.every_field import NOT_FILLED, Filled, example, missing_from_text, rows_of
from tests.every_field import fill as fill_rows

ON_BOTH_STORES = True
CHANGEABLE = (Kind.TEXT, Kind.CHOICE, Kind.RATING, Kind.DATE, Kind.FLAG, Kind.FIGURE)
"""What a partner changes in the test of their return (which row and criterion stay put)."""


@pytest.fixture
def ready(workspace: Workspace) -> Iterator[tuple[Filled, Workspace]]:
    """Every field filled, and the workspace opened again as the app would open it."""
    values = fill_rows(workspace)
    with open_workspace(workspace.address, TEST_USER) as opened:
        yield values, opened


def _none(missing: list[str]) -> None:
    assert not missing, "did not arrive: " + ", ".join(missing)


def _records(path: Path) -> list[Record]:
    return [r for r in RECORDS if r.table != "workspace_setting" and r.carried(path)]


def missing_rows(filled: Filled, found: dict[str, list[dict[str, Any]]], path: Path) -> list[str]:
    """Each field declared to take `path` whose value is in no row of its table after it."""
    missing = []
    for record in _records(path):
        for name in record.carried(path):
            value = filled.values[(record.table, name)]
            if not any(row.get(name) == value for row in found.get(record.table, [])):
                missing.append(f"{record.table}.{name}")
    return missing


def missing_settings(filled: Filled, settings: dict[str, str], path: Path) -> list[str]:
    return [
        f"setting {s.key}"
        for s in SETTINGS
        if s.goes(path) and s.key not in NOT_FILLED
        if settings.get(s.key) != filled.values[("workspace_setting", s.key)]
    ]


def _read(workspace: Workspace, assessment_id: str | None) -> dict[str, list[dict[str, Any]]]:
    with workspace.transaction(read_only=True) as session:
        return {r.table: rows_of(session, r.table, assessment_id) for r in RECORDS}


def _settings(workspace: Workspace) -> dict[str, str]:
    return {row["key"]: row["value"] for row in _read(workspace, None)["workspace_setting"]}


# --- the declaration covers the schema -----------------------------------------------------


def test_every_column_of_every_table_is_declared() -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_RECORDS:
            continue
        declared: set[str] = set()
        for record in (r for r in RECORDS if r.table == table.name):
            declared |= {f.name for f in record.fields} | set(record.kept)
        assert declared == {c.name for c in table.columns}, table.name


def test_every_path_a_field_does_not_take_has_its_reason() -> None:
    for record in RECORDS:
        for field in record.fields:
            for path in Path:
                reason = record.why_not(field.name, path)
                assert reason is None or len(reason) > 10, (record.table, field.name, path)


def test_every_text_limit_is_the_columns_own() -> None:
    for record in RECORDS:
        table = Base.metadata.tables[record.table]
        for field in record.fields:
            length = getattr(table.c[field.name].type, "length", None)
            if length is not None and field.kind in (Kind.TEXT, Kind.CHOICE, Kind.RATING):
                assert field.limit == length, (record.table, field.name)


def test_every_setting_the_code_writes_is_declared() -> None:
    import importlib
    import re

    import selfeval

    root = FilePath(selfeval.__file__).parent
    declared = {s.key for s in SETTINGS}
    written = set()
    for source in root.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        names = re.findall(r"(?:write_setting\(\w+, |WorkspaceSetting\(key=)([A-Z_]+)", text)
        if names:
            module = ".".join(source.relative_to(root.parent).with_suffix("").parts)
            written |= {getattr(importlib.import_module(module), name) for name in names}
    assert len(written) >= 9 and written <= declared, written - declared


def test_a_field_a_path_ignores_is_found_missing() -> None:
    """The check itself can fail: a stamp declared as travelling is reported missing."""
    from dataclasses import replace

    from selfeval.services import record_fields

    judgement = record_fields.JUDGEMENT
    liar = replace(judgement, fields=(*judgement.fields, record_fields.Field("updated_by")))
    filled = Filled({(judgement.table, f.name): "x" for f in liar.fields}, {}, {})
    found = {judgement.table: [{f.name: "x" for f in judgement.fields}]}
    original = record_fields.RECORDS
    try:
        record_fields.RECORDS = (liar,)  # type: ignore[misc]
        globals()["RECORDS"] = (liar,)
        assert missing_rows(filled, found, Path.NEW_CYCLE) == ["judgement.updated_by"]
    finally:
        record_fields.RECORDS = original  # type: ignore[misc]
        globals()["RECORDS"] = original


# --- the paths ------------------------------------------------------------------------------


def test_a_new_cycle_carries_every_field_it_declares(ready: tuple[Filled, Workspace]) -> None:
    from selfeval.services.improvement.assessments import start_new_cycle

    filled, workspace = ready
    new = start_new_cycle(workspace, "Self-evaluation 2031")
    _none(missing_rows(filled, _read(workspace, new), Path.NEW_CYCLE))
    _none(missing_settings(filled, _settings(workspace), Path.NEW_CYCLE))


def test_a_new_edition_carries_every_field_it_declares(ready: tuple[Filled, Workspace]) -> None:
    from selfeval.locations import user_frameworks_dir
    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.edition_carry import carry_to_edition
    from tests.next_edition import NEXT_ID, write_next_edition

    write_next_edition(user_frameworks_dir())
    next_edition: Framework = framework_library().get(NEXT_ID)
    filled, workspace = ready
    carried = carry_to_edition(workspace, next_edition)
    _none(missing_rows(filled, _read(workspace, carried.assessment_id), Path.EDITION))
    _none(missing_settings(filled, _settings(workspace), Path.EDITION))


def test_a_partner_gets_and_returns_every_field_it_declares(
    ready: tuple[Filled, Workspace], tmp_path: FilePath
) -> None:
    from selfeval.services import contributions
    from selfeval.services.contributions import merge
    from selfeval.services.contributions.package_format import read_package

    filled, workspace = ready
    request = tmp_path / "request.sefpack"
    contributions.create_request(
        workspace, "Forum", ["right-help"], request, include_personal_data=True
    )
    partner = contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Lisa Wynne", "Forum")
    )
    _none(missing_rows(filled, _read(partner, partner.assessment_id), Path.PACKAGE))
    theirs = _partner_changes(partner)
    back = tmp_path / "return.sefpack"
    contributions.create_return(partner, back, include_personal_data=True)
    partner.close()
    with read_package(back) as package:
        plan = merge.plan_merge(workspace, package)
        lead_agrees = {c.key: "theirs" for c in plan.conflicts}  # personal data unmarked
        merge.apply_merge(workspace, package, plan, resolutions=lead_agrees)
    _none(missing_rows(theirs, _read(workspace, workspace.assessment_id), Path.RETURN))


def _partner_changes(partner: Workspace) -> Filled:
    """Every field a partner can change, changed in their copy, as their page would."""
    theirs = Filled({}, {}, {})
    with partner.transaction() as session:
        for number, record in enumerate(_records(Path.RETURN)):
            table = Base.metadata.tables[record.table]
            current = rows_of(session, record.table, partner.assessment_id)
            for name in record.carried(Path.RETURN):
                field = record.field(name)
                kept = field.kind not in CHANGEABLE or record.table == "comment"
                theirs.values[(record.table, name)] = (
                    current[0][name]
                    if kept
                    else example(number * 20 + len(theirs.values), "Pz", record, field, {})
                )
            changes = {
                n: theirs.values[(record.table, n)]
                for n in record.carried(Path.RETURN)
                if record.field(n).kind in CHANGEABLE
            }
            if record.table == "comment":
                from sqlalchemy import insert

                from selfeval.store.types import new_id, utc_now

                changes = {n: f"Pz{number}{n[:3]}" for n in ("author", "organisation", "text")}
                theirs.values.update({(record.table, n): v for n, v in changes.items()})
                session.execute(
                    insert(table).values(
                        id=new_id(), assessment_id=partner.assessment_id, criterion_id="right-help",
                        created_at=utc_now(), **changes,
                    )
                )  # fmt: skip
            elif changes:
                session.execute(update(table).values(**changes))
    return theirs


def test_a_server_copy_and_a_checkout_keep_every_field(
    ready: tuple[Filled, Workspace],
    store_kind: str,
    tmp_path: FilePath,
    request: pytest.FixtureRequest,
) -> None:
    from selfeval.services.server_admin import server_checkout, server_init

    if store_kind == "server":
        pytest.skip("one round trip, file to server to file, covers both directions")
    filled, workspace = ready
    url = request.getfixturevalue("pg_server").new_database()
    server_init(url, "Testshire", workspace.framework, TEST_USER, str(workspace.address))
    with open_workspace(url, TEST_USER) as published:
        _none(missing_rows(filled, _read(published, filled.ids["assessment"]), Path.SERVER))
    copy = tmp_path / "back.selfeval"
    server_checkout(url, copy)
    with open_workspace(copy, TEST_USER) as back:
        _none(missing_rows(filled, _read(back, filled.ids["assessment"]), Path.SERVER))
        _none(missing_settings(filled, _settings(back), Path.SERVER))
        assert _file_bytes(back) == filled.files


def _file_bytes(workspace: Workspace) -> dict[str, bytes]:
    from sqlalchemy import select

    from selfeval.store.models import Blob

    with workspace.transaction(read_only=True) as session:
        return {sha: data for sha, data in session.execute(select(Blob.sha256, Blob.data))}


def _dumped_forms(filled: Filled, path: Path) -> dict[str, list[str]]:
    """Each field's value as JSON writes it (the dump, a snapshot's content)."""
    wanted = {}
    for record in _records(path):
        for name in record.carried(path):
            value = filled.values[(record.table, name)]
            text = json.dumps(value.isoformat() if hasattr(value, "isoformat") else value)
            wanted[f"{record.table}.{name}"] = [text, text.strip('"')]
            if record.field(name).kind is Kind.FLAG:  # kept as the list of the rows flagged
                wanted[f"{record.table}.{name}"].append(filled.ids[record.table])
    for setting in SETTINGS:
        if setting.goes(path) and setting.key not in NOT_FILLED:
            wanted[f"setting {setting.key}"] = [filled.values[("workspace_setting", setting.key)]]
    return wanted


def test_the_dump_holds_every_field_it_declares(ready: tuple[Filled, Workspace]) -> None:
    from selfeval.services.dump import dump_json

    filled, workspace = ready
    _none(missing_from_text(dump_json(workspace), _dumped_forms(filled, Path.DUMP)))


def test_a_snapshot_keeps_every_field_it_declares(ready: tuple[Filled, Workspace]) -> None:
    from selfeval.services.improvement.snapshots import capture

    filled, workspace = ready
    kept = json.dumps(capture(workspace))
    _none(missing_from_text(kept, _dumped_forms(filled, Path.SNAPSHOT)))


def _printed_forms(filled: Filled, path: Path) -> dict[str, list[str]]:
    names = {
        filled.ids["person"]: filled.values[("person", "name")],
        filled.ids["organisation"]: filled.values[("organisation", "name")],
    }
    wanted = {}
    for record in _records(path):
        for name in record.carried(path):
            field = record.field(name)
            if field.kind in (
                Kind.CRITERION,
                Kind.CRITERIA,
                Kind.PRIORITIES,
                Kind.BULLET,
                Kind.FLAG,
            ):
                continue  # printed as the section it is in, or as a mark: nothing to find
            wanted[f"{record.table}.{name}"] = filled.printed(record.table, field, names)
    for setting in SETTINGS:
        if setting.goes(path) and setting.key not in NOT_FILLED and setting.kind is Kind.TEXT:
            wanted[f"setting {setting.key}"] = [filled.values[("workspace_setting", setting.key)]]
    return wanted


def _text_of(path: FilePath) -> str:
    from tests.test_personal_data_canary import text_of

    return text_of(path)


def _has_picture(path: FilePath) -> bool:
    if path.suffix == ".pdf":
        return b"/Subtype /Image" in path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return any(n.startswith(("word/media/", "xl/media/")) for n in archive.namelist())


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_pack_prints_every_field_it_declares(
    ready: tuple[Filled, Workspace], tmp_path: FilePath, fmt: str, store_kind: str
) -> None:
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    if store_kind == "server" and fmt != "pdf":
        pytest.skip("the documents read the same views on both stores: one format is enough")
    filled, workspace = ready
    options = PackOptions(include_personal_data=True, include_comments=True)
    written = export_pack(workspace, fmt, tmp_path / f"pack.{fmt}", options)
    path = Path.WORKBOOK if fmt == "xlsx" else Path.PACK
    _none(missing_from_text(_text_of(written), _printed_forms(filled, path)))
    logo = next(s for s in SETTINGS if s.key == "our_area_logo")
    assert _has_picture(written) == logo.goes(path)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_summary_for_parents_prints_every_field_it_declares(
    ready: tuple[Filled, Workspace], tmp_path: FilePath, fmt: str
) -> None:
    from selfeval.pack.builders.parents_builder import export_parents

    filled, workspace = ready
    written = export_parents(workspace, tmp_path / f"parents.{fmt}").path
    wanted = _printed_forms(filled, Path.PARENTS)
    assert wanted
    _none(missing_from_text(_text_of(written), wanted))


def test_the_signature_covers_every_field_it_declares_and_nothing_else(
    ready: tuple[Filled, Workspace],
) -> None:
    from selfeval.services.signoff import content_hash

    filled, workspace = ready
    wrong = []
    for record in RECORDS:
        if record.table == "workspace_setting":
            continue
        for field in record.fields:
            before = content_hash(workspace)
            put_back = _change(workspace, filled, record, field.name)
            changed = content_hash(workspace) != before
            put_back()
            if changed != record.goes(field.name, Path.SIGNOFF):
                wrong.append(f"{record.table}.{field.name} {'counts' if changed else 'does not'}")
    for setting in SETTINGS:
        if setting.key in NOT_FILLED:
            continue
        before = content_hash(workspace)
        with workspace.transaction() as session:
            from tests.every_field import _put_setting, _setting_value

            _put_setting(session, setting.key, _setting_value(setting.key, 999, "Pz", filled))
        if (content_hash(workspace) != before) != setting.goes(Path.SIGNOFF):
            wrong.append(f"setting {setting.key}")
    assert not wrong, "; ".join(wrong)


def _other(workspace: Workspace, filled: Filled, field: Field, current: Any) -> Any:
    """A value for the field that differs from the one it holds, of the same kind."""
    if field.kind is Kind.FILE:
        from tests.every_field import _blob

        with workspace.transaction() as session:
            _blob(session, filled, b"another file")
        return filled.ids["blob"]
    if field.kind is Kind.PERSON:
        from selfeval.store.models import Person

        with workspace.transaction() as session:
            someone = Person(name="Someone Else")
            session.add(someone)
            session.flush()
            return someone.id
    if field.kind is Kind.CHOICE:
        choices = field.choices or tuple(indicator_library())
        return next(c for c in choices if c != current)
    others: dict[Kind, Any] = {
        Kind.CRITERION: "needs-identified",
        Kind.CRITERIA: "needs-identified",
        Kind.PRIORITIES: "",
        Kind.BULLET: "right-help.3",
        Kind.ORGANISATION: None,
        Kind.EVIDENCE: "",
        Kind.RATING: "green" if current != "green" else "red",
        Kind.WHOLE: 2 if current != 2 else 3,
        Kind.FLAG: not current,
        Kind.TEXT: json.dumps({"was": current}) if str(current).startswith("{") else f"{current}x",
    }
    if field.kind in others:
        return others[field.kind]
    return current + (timedelta(days=1) if isinstance(current, date) else 1)


def _change(workspace: Workspace, filled: Filled, record: Record, name: str) -> Callable[[], None]:
    """Another value in this field of a row of the record; what puts it back."""
    table = Base.metadata.tables[record.table]
    keys = list(table.primary_key.columns)
    with workspace.transaction(read_only=True) as session:
        held = session.execute(select(*keys, table.c[name])).all()[:1]  # one row is enough
    other = _other(workspace, filled, record.field(name), held[0][-1])
    with workspace.transaction() as session:
        for *key, _value in held:
            at = and_(*(column == value for column, value in zip(keys, key, strict=True)))
            session.execute(update(table).where(at).values(**{name: other}))

    def put_back() -> None:
        with workspace.transaction() as session:
            for *key, value in held:
                at = and_(*(column == k for column, k in zip(keys, key, strict=True)))
                session.execute(update(table).where(at).values(**{name: value}))

    return put_back


def test_the_package_shapes_are_the_declarations() -> None:
    """What a package carries of each record, and each text's limit, is the declaration's."""
    from pydantic import BaseModel

    from selfeval.services.contributions import package_shapes as shapes
    from selfeval.services.record_fields import record

    carried: list[tuple[type[BaseModel], str, set[str]]] = [
        (shapes.PJudgement, "judgement", set()),
        (shapes.PEvidence, "evidence_item", {"id", "links", "attachments"}),
        (shapes.POwner, "ownership", set()),
        (shapes.PPerson, "person", {"id"}),
        (shapes.POrganisation, "organisation", {"id"}),
        (shapes.PAttachment, "attachment", {"id", "size"}),
        (shapes.PComment, "comment", {"id", "created_at"}),
    ]
    for shape, table, structure in carried:
        declared = record(table)
        assert set(shape.model_fields) - structure == set(declared.carried(Path.PACKAGE)), table
        for name in declared.carried(Path.PACKAGE):
            field = declared.field(name)
            limits = [
                m.max_length for m in shape.model_fields[name].metadata if hasattr(m, "max_length")
            ]
            if (table, name) == ("attachment", "filename"):  # shortened as it is stored
                assert limits == [1000] and field.limit == 255
            elif field.kind is Kind.TEXT and field.limit:
                assert limits[-1:] == [field.limit], (table, name, limits)


def test_the_service_views_show_every_field() -> None:
    """What the app and the documents read of a judgement and an evidence item holds every
    declared field (an organisation is shown by its name)."""
    from dataclasses import fields

    from selfeval.services.evidence import EvidenceView
    from selfeval.services.judgements import JudgementView
    from selfeval.services.record_fields import EVIDENCE, JUDGEMENT

    judgement = {f.name for f in fields(JudgementView)}
    assert {f.name for f in JUDGEMENT.fields} <= judgement
    evidence = {f.name for f in fields(EvidenceView)} | {"organisation_id"}
    assert {f.name for f in EVIDENCE.fields} <= evidence
