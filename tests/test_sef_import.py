"""Importing a Word self-evaluation (issue 25): each shape partnerships write, every word placed
or shown, written all or nothing, undone as one step, and hostile files refused in words."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from selfeval.errors import InputError
from selfeval.services.comments import list_comments
from selfeval.services.evidence import list_evidence
from selfeval.services.judgements import get_judgement
from selfeval.services.sef_import.importing import (
    LEAVE_OUT,
    apply_sef,
    decide_all,
    plan_sef,
    remembered_headings,
    undo_sef,
)
from selfeval.services.sef_import.references import references
from selfeval.services.sef_import.sef_plan import SefPlan
from selfeval.services.workspace import Workspace
from selfeval.store.models import ChangeRecord
from tests import sef_documents as docs


def accounted(plan: SefPlan) -> str:
    """Everything the plan shows: placed text, unplaced pieces, the headings it read."""
    parts = [p.text for pieces in plan.placed.values() for p in pieces]
    parts += [f"{p.heading}: {p.text}" for pieces in plan.placed.values() for p in pieces]
    parts += [u.piece.text for u in plan.unplaced]
    parts += [s.heading for s in plan.sections]
    parts += list(plan.headings)
    parts += [text for _level, _where, text in plan.ratings.values()]
    return "\n".join(parts).lower()


def every_word_placed_or_shown(path: Path, plan: SefPlan) -> None:
    shown = accounted(plan)
    from selfeval.services.sef_import.field_words import heading_key

    missing = [
        t for t in docs.every_text(path) if t.lower() not in shown and heading_key(t) not in shown
    ]
    assert not missing, f"dropped silently: {missing[:5]}"


def test_a_section_per_criterion_lands_under_its_own_headings(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = docs.section_per_criterion(tmp_path / "sef.docx")
    plan = plan_sef(workspace, path)
    assert [s.criterion_id for s in plan.sections] == list(docs.CRITERIA)
    every_word_placed_or_shown(path, plan)
    rationale = plan.text_of("right-help", "rationale")
    assert rationale.startswith("[right-help/rationale] Across Northvale")
    # a list stays a list: one item a line, each with a bullet
    assert (
        "\n\u2022 [right-help/list] first point\n\u2022 [right-help/list] second point" in rationale
    )
    assert plan.text_of("right-help", "impact").startswith("[right-help/impact]")
    assert plan.text_of("right-help", "areas_for_development").startswith("[right-help/areas]")
    assert plan.ratings["right-help"][0] == "amber" and plan.ratings["participation"][0] == "green"
    # the partnership's "what good looks like" is a field of its own; the action plan's
    # reference a note on the criterion
    assert plan.text_of("right-help", "what_good_looks_like").startswith("[right-help/good]")
    notes = [p.text for p in plan.placed[("right-help", "note")]]
    assert len(notes) == 1 and notes[0].startswith("[right-help/note]")
    # the introduction, the picture and the appendix are shown, not dropped
    where = [u.piece.where for u in plan.unplaced]
    assert where[:3] == ["paragraph 1", "paragraph 2", "picture 1 (paragraph 3)"]
    assert plan.unplaced[2].suggested == "evidence" and plan.unplaced[2].piece.picture is not None
    assert "Appendix: glossary" in [u.piece.text for u in plan.unplaced]


def test_a_table_with_a_row_per_inspection_area(workspace: Workspace, tmp_path: Path) -> None:
    path = docs.table_per_area(tmp_path / "table.docx")
    plan = plan_sef(workspace, path)
    assert [s.criterion_id for s in plan.sections] == list(docs.CRITERIA)
    every_word_placed_or_shown(path, plan)
    assert plan.text_of("leaders-evaluate", "rationale").startswith("[leaders-evaluate/rationale]")
    assert plan.text_of("leaders-evaluate", "areas_for_development").startswith(
        "[leaders-evaluate/areas]"
    )
    # the partnership's verdict column is kept with its heading, as a note
    note = plan.placed[("leaders-evaluate", "note")][0]
    assert (note.heading, note.text) == ("Working well or area to improve", "Area to improve")


def test_questions_themes_and_sub_questions(workspace: Workspace, tmp_path: Path) -> None:
    path = docs.questions_and_themes(tmp_path / "questions.docx")
    plan = plan_sef(workspace, path)
    assert [s.criterion_id for s in plan.sections] == list(docs.QUESTIONS)
    every_word_placed_or_shown(path, plan)
    text = plan.text_of("participation", "rationale")
    # each sub-question stays with its answer, in order
    assert text.index("A2a How do we know") < text.index("[participation/answer-a]")
    assert text.index("[participation/answer-a]") < text.index("A2b How do we know")


def test_bold_headings_over_numbered_paragraphs(workspace: Workspace, tmp_path: Path) -> None:
    path = docs.numbered_paragraphs(tmp_path / "numbered.docx")
    plan = plan_sef(workspace, path)
    assert [s.criterion_id for s in plan.sections] == [
        "leaders-ambitious",
        "leaders-engage",
        "leaders-understand",
    ]
    every_word_placed_or_shown(path, plan)
    assert plan.text_of("leaders-engage", "rationale").count("[leaders-engage/para-") == 3
    assert plan.text_of("leaders-engage", "strengths") == (
        "[leaders-engage/strengths] Our board is stable."
    )


def test_the_2016_questions_are_matched_with_how_sure_and_the_rest_asked(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = docs.framework_2016(tmp_path / "2016.docx")
    plan = plan_sef(workspace, path)
    every_word_placed_or_shown(path, plan)
    matched = {s.heading: (s.criterion_id, s.sure) for s in plan.sections}
    first = matched[docs.OLD_QUESTIONS["needs-identified"]]
    assert first[0] == "needs-identified"
    assert all(0 < sure <= 1 for _c, sure in matched.values())
    # a question matched to nothing is shown with its text, for the user to choose
    third = docs.OLD_QUESTIONS["outcomes"]
    if third not in matched:
        assert third in [u.piece.text for u in plan.unplaced]
    chosen = plan_sef(workspace, path, criteria={third: "next-steps"})
    assert chosen.text_of("next-steps", "strengths").startswith("[outcomes/strengths]")


def test_the_users_own_headings_are_taken_and_remembered(
    workspace: Workspace, tmp_path: Path
) -> None:
    from docx import Document

    document = Document()
    document.add_heading(docs.CRITERIA["right-help"], 1)
    document.add_heading("Where we shine", 2)
    document.add_paragraph("[right-help/strengths] Therapy waits halved.")
    path = tmp_path / "own.docx"
    document.save(str(path))
    unknown = plan_sef(workspace, path)
    assert unknown.unknown_headings == ["Where we shine"]
    assert "[right-help/strengths] Therapy waits halved." in [
        u.piece.text for u in unknown.unplaced
    ]
    mapped = plan_sef(workspace, path, maps={"Where we shine": "strengths"})
    assert (
        mapped.text_of("right-help", "strengths") == "[right-help/strengths] Therapy waits halved."
    )
    apply_sef(workspace, mapped, decide_all(mapped, LEAVE_OUT))
    assert remembered_headings(workspace)["where we shine"] == "strengths"
    again = plan_sef(workspace, path)  # the next version of the document asks nothing
    assert again.unknown_headings == [] and again.text_of("right-help", "strengths")


def test_applied_all_at_once_with_history_and_undone_as_one_step(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = docs.section_per_criterion(tmp_path / "Northvale SEF.docx")
    plan = plan_sef(workspace, path)
    with pytest.raises(InputError, match="pieces not placed need a decision"):
        apply_sef(workspace, plan, {})
    decisions = decide_all(plan, "suggested")
    imported = apply_sef(workspace, plan, decisions, make_evidence=True)
    judgement = get_judgement(workspace, "right-help")
    assert judgement.rating == "amber"
    assert judgement.impact.startswith("[right-help/impact]")
    notes = [c.text for c in list_comments(workspace, "right-help")]
    assert notes[0].startswith("Action plan reference: [right-help/note]")
    assert judgement.what_good_looks_like.startswith("[right-help/good]")
    evidence = {e.title for e in list_evidence(workspace)}
    assert "SEND_Strategy_2026.pdf" in evidence  # a document the text points to
    assert not any(t.startswith("Picture from") for t in evidence)  # suggested, not chosen
    with workspace.transaction(read_only=True) as session:
        origins = set(session.scalars(select(ChangeRecord.origin)))
    assert "import:Northvale SEF.docx" in origins
    assert "11 criteria" in imported.summary()
    undo_sef(workspace, imported)
    assert get_judgement(workspace, "right-help").rating == "not-rated"
    assert get_judgement(workspace, "right-help").impact == ""
    assert list_comments(workspace, "right-help") == []
    assert "SEND_Strategy_2026.pdf" not in {e.title for e in list_evidence(workspace)}


def test_undo_refuses_when_someone_changed_an_imported_field_since(
    workspace: Workspace, tmp_path: Path
) -> None:
    from selfeval.services.changed_meanwhile import ChangedElsewhere
    from selfeval.services.judgements import set_judgement

    path = docs.numbered_paragraphs(tmp_path / "n.docx")
    plan = plan_sef(workspace, path)
    imported = apply_sef(workspace, plan, decide_all(plan, LEAVE_OUT))
    set_judgement(workspace, "leaders-engage", strengths="changed by hand")
    with pytest.raises(ChangedElsewhere):
        undo_sef(workspace, imported)
    assert get_judgement(workspace, "leaders-engage").strengths == "changed by hand"


def test_pictures_become_evidence_files_when_chosen(workspace: Workspace, tmp_path: Path) -> None:
    from selfeval.services.sef_import.importing import Decision

    path = docs.section_per_criterion(tmp_path / "sef.docx")
    plan = plan_sef(workspace, path)
    decisions = decide_all(plan, LEAVE_OUT)
    decisions["picture 1 (paragraph 3)"] = Decision("needs-identified", "evidence")
    apply_sef(workspace, plan, decisions)
    items = list_evidence(workspace, "needs-identified")
    assert len(items) == 1 and items[0].attachments[0].filename.endswith(".png")


def test_references_that_look_like_documents(workspace: Workspace, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(docs.CRITERIA["leaders-evaluate"], 1)
    document.add_paragraph(
        "See the QA framework (https://northvale.example/qa-framework.pdf), Board minutes March.docx, "
        "\\\\council\\send\\audits\\Q3 and appendix 3."
    )
    path = tmp_path / "refs.docx"
    document.save(str(path))
    found = {r.title for r in references(plan_sef(workspace, path))}
    assert found == {
        "https://northvale.example/qa-framework.pdf",
        "Board minutes March.docx",
        "\\\\council\\send\\audits\\Q3",
        "Appendix 3",
    }


def test_a_forty_page_document_is_read_whole(workspace: Workspace, tmp_path: Path) -> None:
    path = docs.section_per_criterion(tmp_path / "long.docx", paragraphs=40)
    plan = plan_sef(workspace, path)
    every_word_placed_or_shown(path, plan)
    words = sum(len(t.split()) for t in docs.every_text(path))
    assert words > 16_000  # about forty pages
    assert plan.text_of("leaders-environment", "rationale").count("Across Northvale") == 40


# -- hostile and damaged files -------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _many_paragraphs(count: int) -> bytes:
    import random

    rng = random.Random(5)  # words that do not compress away: the count is what is refused
    body = b"".join(
        b"<w:p><w:r><w:t>%x</w:t></w:r></w:p>" % rng.getrandbits(64) for _ in range(count)
    )
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + b"</w:body></w:document>"
    )


def _nested(depth: int) -> bytes:
    inner = b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = b"<w:tbl><w:tr><w:tc>" + inner + b"</w:tc></w:tr></w:tbl><w:p/>"
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + inner
        + b"</w:body></w:document>"
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p, good: _bytes(p, b"%PDF-1.4 not a word file"), "is not a readable Word"),
        (
            lambda p, good: _bytes(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
            "password-protected or in the old binary format",
        ),
        (
            lambda p, good: _zip(p, {**good, "word/document.xml": b"<" + b"a" * 30_000_000}),
            "expands",
        ),
        (
            lambda p, good: _zip(p, {**good, "word/document.xml": _many_paragraphs(100_000)}),
            "paragraphs and table cells",
        ),
        (
            lambda p, good: _zip(p, {**good, "word/document.xml": _nested(12)}),
            "tables nested more than",
        ),
        (
            lambda p, good: _zip(
                p,
                {
                    **good,
                    "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "b">]>'
                    + good["word/document.xml"][38:],
                },
            ),
            "declares XML entities",
        ),
        (
            lambda p, good: _zip(p, {"word/document.xml": b"<w:document/>"}),
            "is not a readable Word",
        ),
        (lambda p, good: p.mkdir() or p, "is a folder"),
    ],
)
def test_a_damaged_or_hostile_file_is_refused_in_words_with_nothing_written(
    workspace: Workspace,
    tmp_path: Path,
    make,
    said: str,  # type: ignore[no-untyped-def]
) -> None:
    good = _members_of(docs.numbered_paragraphs(tmp_path / "good.docx"))
    path = make(tmp_path / "bad.docx", good)
    with pytest.raises(InputError, match=said):
        plan_sef(workspace, path)
    with workspace.transaction(read_only=True) as session:
        assert session.scalar(select(func.count()).select_from(ChangeRecord)) == 0


def test_answers_that_name_nothing_are_refused(workspace: Workspace, tmp_path: Path) -> None:
    path = docs.numbered_paragraphs(tmp_path / "n.docx")
    with pytest.raises(InputError, match="--map 'Where=colour'"):
        plan_sef(workspace, path, maps={"Where": "colour"})
    with pytest.raises(InputError, match="not a criterion of area-send-2023"):
        plan_sef(workspace, path, criteria={"A heading": "no-such"})


def test_io_of_a_truncated_zip(workspace: Workspace, tmp_path: Path) -> None:
    data = docs.numbered_paragraphs(tmp_path / "n.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="is not a readable Word document"):
        plan_sef(workspace, path)


def test_the_command_line_previews_in_text_and_json_and_asks_about_the_unplaced(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from selfeval.cli import main

    path = docs.section_per_criterion(tmp_path / "sef.docx")
    base = ["import", "sef", str(demo_path), str(path)]
    assert main([*base, "--preview"]) == 0
    text = capsys.readouterr().out
    assert "'3. Children and young people receive the right help" in text
    assert "is right-help (92% sure, by number)" in text
    assert "Not placed (5):" in text and "paragraph 2 in no criterion: 'Introduction" in text
    assert main([*base, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    right_help = next(
        f for f in shown["fields"] if (f["criterion"], f["field"]) == ("right-help", "impact")
    )
    assert right_help["text"].startswith("[right-help/impact]") and right_help["replaces"]
    assert [u["where"] for u in shown["unplaced"]][:3] == [
        "paragraph 1",
        "paragraph 2",
        "picture 1 (paragraph 3)",
    ]
    assert main(base) == 2
    assert "5 pieces of the document could not be placed" in capsys.readouterr().err
    assert main([*base, "--unplaced", "notes", "--map", "Impact=strengths"]) == 0
    assert "Imported 55 fields of 11 criteria, 11 notes" in capsys.readouterr().out
    assert main([*base, "--map", "Impact=colour", "--preview"]) == 2
    assert "the field must be one of" in capsys.readouterr().err


def test_written_out_again_lists_stay_lists_in_the_word_pack(
    workspace: Workspace, tmp_path: Path
) -> None:
    from docx import Document

    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from tests.test_documents import pdf_text

    path = docs.section_per_criterion(tmp_path / "sef.docx")
    plan = plan_sef(workspace, path)
    apply_sef(workspace, plan, decide_all(plan, LEAVE_OUT))
    word = Document(str(export_pack(workspace, "docx", tmp_path / "p.docx", PackOptions())))
    items = [p for p in word.paragraphs if p.text == "[right-help/list] first point"]
    assert items and items[0].style.name == "List Bullet"
    assert not any("\u2022 [right-help/list]" in p.text for p in word.paragraphs)
    text = pdf_text(export_pack(workspace, "pdf", tmp_path / "p.pdf", PackOptions()))
    flat = " ".join(text.split())
    assert "[right-help/rationale] Across Northvale" in flat
    assert "[right-help/list] first point" in flat and "[right-help/impact]" in flat


def test_contents_emphasis_a_table_per_criterion_a_rated_heading_and_a_footnote(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = docs.tables_and_contents(tmp_path / "mixed.docx")
    plan = plan_sef(workspace, path)
    assert [s.criterion_id for s in plan.sections] == ["needs-identified", "leaders-evaluate"]
    # the contents repeat the headings: shown, suggested left out, never a section
    contents = [u for u in plan.unplaced if u.piece.text.startswith("1. Children")]
    assert contents and contents[0].suggested == "leave-out"
    assert plan.ratings["needs-identified"][0] == "amber"  # "... (Amber)" on the heading
    # a bold sentence is emphasis inside the text, not a sub-heading that loses what follows
    rationale = plan.text_of("needs-identified", "rationale")
    assert "[needs-identified/bold] Waiting times" in rationale
    assert "[needs-identified/after-bold]" in rationale
    # the table's first row names its criterion; its rows are labelled fields
    assert plan.text_of("leaders-evaluate", "strengths").startswith("[leaders-evaluate/strengths]")
    assert plan.text_of("leaders-evaluate", "areas_for_development").startswith(
        "[leaders-evaluate/areas]"
    )
    footnote = [u for u in plan.unplaced if u.piece.where == "footnote 1"]
    assert footnote and footnote[0].piece.text == "[footnote] Source: SEN2 2025."
    every_word_placed_or_shown(path, plan)


def test_a_partnerships_own_framework_and_its_own_scale(tmp_path: Path) -> None:
    from selfeval.services.frameworks import framework_library
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import create_workspace

    framework = framework_library().get("medway-wsoa-2018")
    path = tmp_path / "wsoa.selfeval"
    with create_workspace(path, "Medway", framework, CurrentUser("Lead")) as workspace:
        document = docs.wsoa_progress(tmp_path / "wsoa.docx")
        plan = plan_sef(workspace, document, maps={"Revisit judgement": "rating"})
        assert [s.criterion_id for s in plan.sections] == list(docs.WSOA_AREAS)
        assert plan.ratings["area-1-strategic-leadership"][0] == "sufficient-progress"
        # "not sufficient progress" holds "sufficient progress": the longer label is meant
        assert plan.ratings["area-4-accountability"][0] == "not-sufficient-progress"
        assert plan.text_of("area-4-accountability", "rationale").startswith(
            "[area-4-accountability/progress]"
        )


@pytest.mark.parametrize(
    ("place", "said"),
    [
        ("paragraph 2=bogus:strengths", "'bogus' is not a criterion of area-send-2023"),
        ("paragraph 2=right-help:colour", "'colour' is not a field"),
        ("paragraph 99=right-help:strengths", "'paragraph 99' is not a piece left unplaced"),
        ("paragraph 2=right-help", "give CRITERION:FIELD, or leave-out"),
    ],
)
def test_a_piece_placed_by_hand_on_the_command_line_is_checked(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], place: str, said: str
) -> None:
    from selfeval.cli import main

    path = docs.section_per_criterion(tmp_path / "sef.docx")
    base = ["import", "sef", str(demo_path), str(path), "--unplaced", "leave-out"]
    assert main([*base, "--place", place]) == 2
    assert said in capsys.readouterr().err


def test_pieces_placed_by_hand_go_where_they_are_told(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main
    from selfeval.services.workspace import open_workspace

    path = docs.section_per_criterion(tmp_path / "sef.docx")
    placed = ["--place", "paragraph 2=right-help:strengths", "--place", "paragraph 1=leave-out"]
    extra = ["--place", "picture 1 (paragraph 3)=right-help:evidence"]
    base = ["import", "sef", str(demo_path), str(path), *placed, *extra]
    assert main(base) == 2  # two more (the appendix) still wait
    assert "2 pieces of the document could not be placed" in capsys.readouterr().err
    rest = ["--place", "paragraph 169=leave-out", "--place", "paragraph 170=leave-out"]
    assert main([*base, *rest]) == 0
    with open_workspace(demo_path) as workspace:
        strengths = get_judgement(workspace, "right-help").strengths
        assert strengths == "Introduction: this document was written with all our partners."
        titles = [e.title for e in list_evidence(workspace, "right-help")]
        assert "Picture from sef.docx (picture 1 (paragraph 3))" in titles


def test_the_partnerships_own_headings_name_their_fields_in_an_import(
    workspace: Workspace, tmp_path: Path
) -> None:
    from docx import Document

    from selfeval.services.field_headings import set_heading

    set_heading(workspace, "areas_for_development", "What we are doing about it")
    document = Document()
    document.add_heading(docs.CRITERIA["right-help"], 1)
    document.add_heading("What we are doing about it", 2)
    document.add_paragraph("Recruiting two speech and language therapists.")
    path = tmp_path / "theirs.docx"
    document.save(str(path))
    plan = plan_sef(workspace, path)
    assert plan.text_of("right-help", "areas_for_development") == (
        "Recruiting two speech and language therapists."
    )
