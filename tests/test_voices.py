"""Voices, survey results and case studies (issue 26 items 3 and 4): kept, checked for details
that identify a child, linked to criteria and priorities, printed in their criteria's sections
and the case studies' appendix, kept out when personal data is not included or consent is not
recorded; through the services and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.services.improvement.priorities import list_priorities
from selfeval.services.voices.case_studies import (
    add_case_study,
    delete_case_study,
    list_case_studies,
    parse_case_study,
    update_case_study,
)
from selfeval.services.voices.identifying import details_in, identifying_details
from selfeval.services.voices.surveys import add_survey_result, list_survey_results, parse_survey
from selfeval.services.voices.voices import (
    add_voice,
    delete_voice,
    list_voices,
    parse_voice,
    update_voice,
)
from selfeval.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_USER
from tests.test_personal_data_canary import text_of


def _voice(**changes: object) -> object:
    fields: dict[str, object] = {
        "words": "Since the keyworker came, I feel listened to.",
        "speaker_kind": "parent-carer",
        "speaker": "parent of a child with autism, secondary",
        "source": "Parent carer forum survey",
        "consent": True,
        "criteria": ["right-help"],
    }
    return parse_voice(**{**fields, **changes})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We met Mrs Patel at the review", "a name with a title"),
        ("a boy called Tom", 'a name ("called ...")'),
        ("DOB: 03/04/2015", "a date of birth"),
        ("she was born on 3rd March 2015", "a date of birth"),
        ("lives at 14 Mill Lane", "an address"),
        ("near SW1A 1AA", "a postcode"),
        ("write to mum.smith@example.org", "an email address"),
        ("ring 07700 900123", "a phone number"),
        ("NHS number 943 476 5919", "an NHS number"),
        ("UPN A12345678901B", "a pupil number"),
        ("Oliver started at his new school", "a first name"),
        ("Name: Tom, year 6", 'a name ("called ...")'),
        ("she lives on Mill Lane now", "an address"),
        ("lives at 4 Mill Lane", "an address"),  # said once, though two patterns find it
        ("my son Danyal waited", "a first name"),
    ],
)
def test_the_identifying_check_finds_each_kind_of_detail(text: str, kind: str) -> None:
    found = identifying_details(text, "the words")
    assert [f.what for f in found] == [kind], found


def test_the_identifying_check_leaves_ordinary_words_and_what_is_cleared() -> None:
    ordinary = (
        "In May 2026 Amber-rated plans fell. Child A waited 20 weeks; 61% of families agreed. "
        "Will the new panel in Jordan House help? Our SEND Partnership Board meets on 12 May."
    )
    assert identifying_details(ordinary, "x") == []
    assert details_in({"x": "Oliver is happier"}, frozenset({"oliver"})) == []


def test_a_voice_is_kept_changed_and_deleted(workspace: Workspace) -> None:
    made = add_voice(workspace, _voice(said_on="2026-03-03", organisation="Forum"))
    [shown] = list_voices(workspace)
    assert (shown.id, shown.organisation, shown.criteria) == (made, "Forum", ("right-help",))
    update_voice(workspace, made, _voice(words="Better now.", criteria=["needs-identified"]))
    assert list_voices(workspace)[0].words == "Better now."
    delete_voice(workspace, made)
    assert list_voices(workspace) == []


def test_a_voice_that_may_identify_is_refused_unless_personal_or_cleared(
    workspace: Workspace,
) -> None:
    with pytest.raises(InputError, match="a first name \\('Jack'\\) in their words"):
        add_voice(workspace, _voice(words="Jack waited a year for his plan."))
    assert list_voices(workspace) == []
    add_voice(workspace, _voice(words="Jack waited a year.", personal_data=True))
    add_voice(workspace, _voice(words="Jack waited."), cleared=frozenset({"Jack"}))
    assert len(list_voices(workspace)) == 2


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"speaker_kind": "neighbour"}, "speaker_kind"),
        ({"words": ""}, "words: must not be empty"),
        ({"words": "x" * 10_001}, "words"),
        ({"speaker": "a\nparent"}, "control character"),
        ({"said_on": "2999-01-01"}, "outside the dates"),
        ({"criteria": ["no-such"]}, "not a criterion"),
    ],
)
def test_a_voice_with_a_wrong_value_is_refused_in_words(
    workspace: Workspace, change: dict[str, object], said: str
) -> None:
    with pytest.raises(InputError, match=said):
        add_voice(workspace, _voice(**change))  # type: ignore[arg-type]
    assert list_voices(workspace) == []


def test_a_case_study_is_de_identified_only_when_the_check_finds_nothing(
    workspace: Workspace,
) -> None:
    named = parse_case_study(
        title="Back in school", needed="Lily, born on 3 March 2015, at 12 Acacia Avenue"
    )
    with pytest.raises(InputError) as refusal:
        add_case_study(workspace, named)
    said = str(refusal.value)
    for part in ("'Lily'", "born on 3 March 2015", "12 Acacia Avenue", "what the child"):
        assert part in said
    assert list_case_studies(workspace) == []
    personal = add_case_study(workspace, named.model_copy(update={"de_identified": False}))
    assert not list_case_studies(workspace)[0].de_identified
    with pytest.raises(InputError, match="cannot be marked de-identified"):
        update_case_study(workspace, personal, named)
    clean = named.model_copy(update={"needed": "A place that met her sensory needs."})
    update_case_study(workspace, personal, clean)
    assert list_case_studies(workspace)[0].de_identified
    delete_case_study(workspace, personal)
    assert list_case_studies(workspace) == []


def test_survey_results_refuse_impossible_figures(workspace: Workspace) -> None:
    good = {"survey": "PCF 2026", "question": "I was involved", "responses": 412}
    for agree in (-1, 101, float("nan")):
        with pytest.raises(InputError, match="agree_percent"):
            parse_survey(**good, agree_percent=agree)
    with pytest.raises(InputError, match="responses"):
        parse_survey(**{**good, "responses": 0}, agree_percent=50)
    add_survey_result(workspace, parse_survey(**good, agree_percent=61.5, criteria=["right-help"]))
    assert list_survey_results(workspace)[0].agree_percent == 61.5


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--user", "Lead (Anyshire)", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_adds_lists_and_refuses(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(demo_path)
    code, out, _ = run(capsys, "voice", "add", ws, "--words", "I was heard.", "--who",
                       "young-person", "--speaker", "young person, 17", "--consent",
                       "--criterion", "participation", "--date", "03/03/2026")  # fmt: skip
    assert code == 0 and out.startswith("Added voice")
    code, _, err = run(capsys, "voice", "add", ws, "--words", "Ask Mrs Khan", "--who", "child")
    assert code != 0 and "a name with a title ('Mrs Khan')" in err and "Traceback" not in err
    code, out, _ = run(capsys, "voice", "list", ws, "--json")
    listed = json.loads(out)
    assert any(v["words"] == "I was heard." and v["said_on"] == "2026-03-03" for v in listed)
    code, out, _ = run(capsys, "survey", "add", ws, "--survey", "Young people's survey",
                       "--question", "I know who to ask", "--responses", "88", "--agree", "70",
                       "--criterion", "participation")  # fmt: skip
    assert code == 0
    code, _, err = run(capsys, "survey", "add", ws, "--survey", "S", "--question", "Q",
                       "--responses", "10", "--agree", "170")  # fmt: skip
    assert code != 0 and "agree_percent" in err
    code, out, _ = run(capsys, "casestudy", "add", ws, "--title", "A new start",
                       "--difference", "She goes to college.", "--criterion", "participation",
                       "--priority", "1")  # fmt: skip
    assert code == 0
    code, _, err = run(capsys, "casestudy", "add", ws, "--title", "T", "--priority", "99")
    assert code != 0 and "no priority 99" in err
    code, out, _ = run(capsys, "casestudy", "list", ws)
    assert "A new start" in out
    with open_workspace(demo_path, TEST_USER) as opened:
        study = next(c for c in list_case_studies(opened) if c.title == "A new start")
        first = list_priorities(opened)[0]
    assert study.priorities == (first.id,)
    code, out, _ = run(capsys, "casestudy", "delete", ws, study.id)
    assert code == 0 and "Deleted" in out


def test_the_pack_prints_them_in_their_sections_and_the_appendix(
    workspace: Workspace, tmp_path: Path
) -> None:
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    add_voice(workspace, _voice(words="VOICE-QUOTED heard at last."))
    add_voice(workspace, _voice(words="VOICE-NO-CONSENT said.", consent=False))
    add_voice(workspace, _voice(words="VOICE-PERSONAL said.", personal_data=True))
    add_survey_result(workspace, parse_survey(survey="SURVEY-NAMED", question="I was involved",
                                              responses=412, agree_percent=61.5,
                                              criteria=["right-help"]))  # fmt: skip
    add_case_study(workspace, parse_case_study(
        title="CASE-CLEAN", difference="She is back in school. Attendance is 96%.",
        learned="LEARNED-WHOLE", criteria=["right-help"]))  # fmt: skip
    add_case_study(workspace, parse_case_study(title="CASE-PERSONAL", de_identified=False,
                                               criteria=["right-help"]))  # fmt: skip
    for fmt in ("pdf", "docx"):
        written = export_pack(workspace, fmt, tmp_path / f"pack.{fmt}", PackOptions())
        text = " ".join(text_of(written).split())
        assert "What children, young people and families tell us" in text
        for shown in ("VOICE-QUOTED", "SURVEY-NAMED", "61.5%", "CS1. CASE-CLEAN: She is back "
                      "in school; in full in the appendix", "Appendix: case studies",
                      "LEARNED-WHOLE"):  # fmt: skip
            assert shown in text, (fmt, shown)
        for hidden in ("VOICE-NO-CONSENT", "VOICE-PERSONAL", "CASE-PERSONAL"):
            assert hidden not in text, (fmt, hidden)
    full = export_pack(workspace, "pdf", tmp_path / "full.pdf",
                       PackOptions(include_personal_data=True))  # fmt: skip
    text = text_of(full)
    assert "VOICE-PERSONAL" in text and "CASE-PERSONAL" in text
    assert "VOICE-NO-CONSENT" not in text  # consent is not the user's option to override


def test_the_cover_counts_voices_and_case_studies_left_out(
    workspace: Workspace, tmp_path: Path
) -> None:
    from selfeval.pack.builders.pack_builder import build_pack
    from selfeval.pack.model import PackOptions

    add_voice(workspace, _voice(personal_data=True))
    add_case_study(workspace, parse_case_study(title="T", de_identified=False))
    pack = build_pack(workspace, PackOptions())
    assert pack.heard_left_out == 2
    said = pack.personal_data_statement
    assert (
        said == "Left out: 2 voices or case studies marked as personal data are not in this pack."
    )
