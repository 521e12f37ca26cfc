"""Mutated packages, workbooks and CSV files: each is accepted exactly or refused with a message,
the workspace unchanged, and reading one never takes more than 300 MB.

Derandomised so that CI sees the same cases every run (a fuzz test that fails one run in five
would be a flaky test); the seeds still reach every reader's error paths.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from selfeval.errors import SelfevalError
from selfeval.services import contributions
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import Manifest, read_package, signature_of
from selfeval.services.dump import dump_json
from selfeval.services.evidence import list_evidence
from selfeval.services.evidence_import import import_evidence
from selfeval.services.judgements import list_judgements, set_judgement
from selfeval.services.readiness import readiness
from selfeval.services.users import CurrentUser
from selfeval.services.vocabulary import EVIDENCE_KINDS
from selfeval.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_USER
from tests.test_evidence_import import GOOD_ROWS, write_csv
from tests.test_import_bounds import workbook

LIMIT = 300 * 1024 * 1024
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Return:
    """A good return, the lead's workspace it answers (as a template to copy), and its key."""

    def __init__(self, folder: Path, demo_template: Path) -> None:
        self.lead = folder / "lead.selfeval"
        shutil.copyfile(demo_template, self.lead)
        with open_workspace(self.lead, TEST_USER) as lead:
            request = folder / "request.sefpack"
            contributions.create_request(lead, "ICB", ["right-help", "participation"], request)
        partner = contributions.open_request(
            request, folder / "partner.selfeval", CurrentUser("Amara Okafor", "ICB")
        )
        set_judgement(partner, "right-help", rating="green", rationale="Waits fell to 28 weeks.")
        found = contributions.request_of(partner)
        assert found is not None and found[0].request_secret
        self.secret = found[0].request_secret
        self.path = folder / "return.sefpack"
        contributions.create_return(partner, self.path)
        partner.close()
        self.bytes = self.path.read_bytes()


@pytest.fixture(scope="module")
def a_return(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Return:
    return Return(tmp_path_factory.mktemp("fuzz-return"), demo_template)


def lead_copy(template: Path) -> Iterator[Workspace]:
    folder = Path(tempfile.mkdtemp())
    path = folder / "lead.selfeval"
    shutil.copyfile(template, path)
    workspace = open_workspace(path, TEST_USER)
    try:
        yield workspace
    finally:
        workspace.close()
        shutil.rmtree(folder)


def merge_or_refuse(template: Path, package_bytes: bytes) -> None:
    """Merge the bytes as a return: either it is refused (a SelfevalError, nothing changed) or it
    merges and the workspace is still one every screen and export can read."""
    for workspace in lead_copy(template):
        before = dump_json(workspace)
        path = Path(workspace.address).parent / "mutated.sefpack"
        path.write_bytes(package_bytes)
        tracemalloc.start()
        try:
            package = read_package(path)
            plan = merge.plan_merge(workspace, package, path.name)
            merge.apply_merge(workspace, package, plan)
        except SelfevalError as err:
            event("refused")
            assert str(err) and "\n" not in str(err)
            assert dump_json(workspace) == before
        else:
            event("merged")
            scale = {level.id for level in workspace.framework.rating_scale.choices}
            assert {j.rating for j in list_judgements(workspace).values()} <= scale
            assert {e.kind for e in list_evidence(workspace)} <= set(EVIDENCE_KINDS)
            readiness(workspace)
        finally:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        assert peak < LIMIT


mutations = st.lists(
    st.tuples(
        st.sampled_from(["flip", "cut", "insert", "zero"]),
        st.integers(min_value=0, max_value=10**9),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
)


def mutate_bytes(data: bytes, steps: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, chunk in steps:
        if not out:
            break
        at = where % len(out)
        if kind == "flip":
            out[at] ^= chunk[0] or 0xFF
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = chunk
        else:
            out[at : at + len(chunk)] = bytes(len(chunk))
    return bytes(out)


@FUZZ
@given(steps=mutations)
def test_mutated_package_bytes(a_return: Return, steps: list[tuple[str, int, bytes]]) -> None:
    merge_or_refuse(a_return.lead, mutate_bytes(a_return.bytes, steps))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "",
            "red",
            "green",
            "purple",
            "right-help",
            "right-help.1",
            "x" * 600,
            "1066-10-14",
            "2026-11-20T09:00:00",
            "../../x",
            "\u202e",
            "00000000-0000-4000-8000-000000000001",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


@FUZZ
@given(data=st.data())
def test_mutated_return_content_signed_by_the_partner(
    a_return: Return, data: st.DataObject
) -> None:
    """The partner holds the key, so these pass the signature: the value checks must hold."""
    with zipfile.ZipFile(io.BytesIO(a_return.bytes)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    content = json.loads(files["content.json"])
    target = data.draw(st.sampled_from(_paths(content["current"], ("current",))))
    replacement = data.draw(json_values)
    if len(target) == 1:
        content["current"] = replacement
    else:
        holder = content
        for step in target[:-1]:
            holder = holder[step]
        if data.draw(st.booleans()) and isinstance(holder, dict):
            holder.pop(target[-1], None)
        else:
            holder[target[-1]] = replacement
    files["content.json"] = json.dumps(content).encode()
    manifest = json.loads(files["manifest.json"])
    manifest["members"]["content.json"] = hashlib.sha256(files["content.json"]).hexdigest()
    manifest["signature"] = signature_of(Manifest.model_validate(manifest), a_return.secret)
    files["manifest.json"] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, member in files.items():
            archive.writestr(name, member)
    merge_or_refuse(a_return.lead, out.getvalue())


def import_or_refuse(workspace: Workspace, path: Path) -> None:
    before = dump_json(workspace)
    count = len(list_evidence(workspace))
    tracemalloc.start()
    try:
        result = import_evidence(workspace, path)
    except SelfevalError as err:
        event("refused")
        assert str(err)
        assert dump_json(workspace) == before
    else:
        event("imported")
        assert len(list_evidence(workspace)) == count + result.imported
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < LIMIT


@pytest.fixture(scope="module")
def tracker_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("trackers")
    csv_bytes = write_csv(folder / "t.csv", GOOD_ROWS).read_bytes()
    xlsx_bytes = workbook(folder / "t.xlsx", [list(r) for r in GOOD_ROWS]).read_bytes()
    return csv_bytes, xlsx_bytes


@FUZZ
@given(steps=mutations)
def test_mutated_csv(
    workspace: Workspace, tracker_files: tuple[bytes, bytes], steps: list[tuple[str, int, bytes]]
) -> None:
    path = Path(workspace.address).parent / "mutated.csv"
    path.write_bytes(mutate_bytes(tracker_files[0], steps))
    import_or_refuse(workspace, path)


@FUZZ
@given(steps=mutations)
def test_mutated_xlsx_bytes(
    workspace: Workspace, tracker_files: tuple[bytes, bytes], steps: list[tuple[str, int, bytes]]
) -> None:
    path = Path(workspace.address).parent / "mutated.xlsx"
    path.write_bytes(mutate_bytes(tracker_files[1], steps))
    import_or_refuse(workspace, path)


@FUZZ
@given(data=st.data())
def test_mutated_xlsx_parts(
    workspace: Workspace, tracker_files: tuple[bytes, bytes], data: st.DataObject
) -> None:
    """Each part of the workbook edited as text and zipped again (the zip itself sound)."""
    with zipfile.ZipFile(io.BytesIO(tracker_files[1])) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(files)))
    text = files[name]
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=min(len(text), start + 40)))
    filler = data.draw(
        st.sampled_from(
            [b"", b"<", b"&x;", b'<c r="A9" t="s"><v>99</v></c>', b"\xff\xfe", b"<!DOCTYPE x>"]
        )
    )
    files[name] = text[:start] + filler + text[end:]
    out = Path(workspace.address).parent / "parts.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in files.items():
            archive.writestr(member, content)
    import_or_refuse(workspace, out)
