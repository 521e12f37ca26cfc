"""Every way a framework file can be wrong gives `file:line: field: message`, never a traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from selfeval.framework.loader import MAX_FILE_BYTES, FrameworkError, load_framework

GOOD = """\
format: 1
id: test-framework
edition: "1"
title: "Test framework"
publisher: "Testers"
source: "Written for tests"
rating_scale: rag
groups:
  - id: g1
    title: "Group one"
    criteria:
      - id: c1
        title: "Criterion one"
        bullets:
          - id: c1.1
            text: "First bullet"
          - id: c1.2
            text: "Second bullet"
      - id: c2
        title: "Criterion two"
"""


def write(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    return caught.value.problems


def test_the_good_file_loads(tmp_path: Path) -> None:
    framework = load_framework(write(tmp_path, GOOD))
    assert [c.id for c in framework.criteria] == ["c1", "c2"]


def test_empty_text_names_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('text: "Second bullet"', 'text: "   "'))
    assert problems(path) == [
        f"{path}:18: groups[0].criteria[0].bullets[1].text: must not be empty"
    ]


def test_duplicate_criterion_id(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("- id: c2", "- id: c1"))
    assert problems(path) == [
        f"{path}:19: groups[0].criteria[1].id: duplicate criterion id 'c1' (first used at line 12)"
    ]


def test_criterion_numbers_are_kept_and_must_not_clash(tmp_path: Path) -> None:
    numbered = GOOD.replace('title: "Criterion two"', 'title: "Criterion two"\n        number: 7')
    assert load_framework(write(tmp_path, numbered)).numbers == {"c1": 1, "c2": 7}
    path = write(
        tmp_path,
        GOOD.replace('title: "Criterion two"', 'title: "Criterion two"\n        number: 1'),
    )
    assert problems(path) == [
        f"{path}:21: groups[0].criteria[1].number: number 1 is already used at line 12 "
        "(without a number, a criterion is numbered by its position in the file)"
    ]


def test_duplicate_bullet_id(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("- id: c1.2", "- id: c1.1"))
    assert problems(path) == [
        f"{path}:17: groups[0].criteria[0].bullets[1].id: duplicate bullet id 'c1.1' "
        "(first used at line 15)"
    ]


def test_unknown_key(tmp_path: Path) -> None:
    path = write(
        tmp_path, GOOD.replace('        title: "Criterion two"', '        titel: "Criterion two"')
    )
    assert problems(path) == [
        f"{path}:19: groups[0].criteria[1].title: is required",
        f"{path}:20: groups[0].criteria[1].titel: unknown key",
    ]


def test_unknown_rating_scale(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("rating_scale: rag", "rating_scale: traffic-lights"))
    assert problems(path) == [
        f"{path}:7: rating_scale: unknown rating scale 'traffic-lights' (built in: developmental, "
        "rag; or define one with id, label and levels)"
    ]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "#" * MAX_FILE_BYTES)
    size = path.stat().st_size
    assert problems(path) == [f"{path}:1: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"]


def test_yaml_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- just\n- a list\n")
    assert problems(path) == [
        f"{path}:1: the file must be a YAML mapping (keys such as id, title, groups)"
    ]


def test_non_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('"Group one"', '"Gr\xf6up"').encode("latin-1"))
    assert problems(path) == [
        f"{path}:10: not UTF-8 text (byte {GOOD.index('Group one') + 2}); save the file as UTF-8"
    ]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('title: "Group one"', 'title: "Group one'))
    (message,) = problems(path)
    assert message.startswith(f"{path}:")
    assert "not valid YAML" in message


def test_aliases_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD.replace('title: "Test framework"', "title: &t Test").replace(
            'publisher: "Testers"', "publisher: *t"
        ),
    )
    assert problems(path) == [f"{path}:5: publisher: anchors and aliases (&, *) are not allowed"]


def test_duplicate_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('edition: "1"\n', 'edition: "1"\nedition: "2"\n'))
    assert problems(path) == [f"{path}:4: edition: duplicate key (already given above)"]


def test_wrong_type_and_bad_id(tmp_path: Path) -> None:
    path = write(
        tmp_path, GOOD.replace('edition: "1"', "edition: 1").replace("- id: c2", "- id: C 2")
    )
    assert problems(path) == [
        f"{path}:3: edition: must be text (put it in quotes)",
        f"{path}:19: groups[0].criteria[1].id: 'C 2' is not a valid id: use 1-80 lower-case letters, "
        "digits, '.', '-' or '_', starting with a letter or digit",
    ]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file"]
    assert problems(tmp_path) == [f"{tmp_path}: is a folder, not a framework file"]


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    assert problems(path) == [
        f"{path}:1: the file must be a YAML mapping (keys such as id, title, groups)"
    ]


def test_unsupported_format_version(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("format: 1", "format: 2"))
    assert problems(path) == [
        f"{path}:1: format: format 2 is not supported (this version of selfeval reads format 1)"
    ]


def test_custom_scale_may_not_redefine_not_rated(tmp_path: Path) -> None:
    scale = "rating_scale:\n  id: mine\n  levels:\n    - {id: not-rated, label: Nope}\n"
    path = write(tmp_path, GOOD.replace("rating_scale: rag\n", scale))
    assert problems(path) == [
        f"{path}:9: rating_scale.levels: 'not-rated' is added to every scale by selfeval; remove it"
    ]


def test_many_problems_are_all_reported(tmp_path: Path) -> None:
    text = GOOD.replace('title: "Criterion one"', 'title: ""').replace('"First bullet"', '""')
    path = write(tmp_path, text)
    assert problems(path) == [
        f"{path}:13: groups[0].criteria[0].title: must not be empty",
        f"{path}:16: groups[0].criteria[0].bullets[0].text: must not be empty",
    ]


HOSTILE_SHAPES = [
    ("a tag on a mapping", GOOD.replace("groups:\n", "groups: !!python/object:x\n"), "tags"),
    ("a tag on a sequence", GOOD.replace("groups:\n", "groups: !custom\n"), "tags"),
    ("a tag on a string", GOOD.replace('title: "Test framework"', 'title: !!str "T"'), "tags"),
    ("deep nesting", GOOD + "scope_notes: " + "[" * 200 + "]" * 200 + "\n", "nested more"),
    ("a huge integer", GOOD.replace("format: 1", "format: 1" + "0" * 5000), "a number longer"),
    ("an infinite number", GOOD.replace("format: 1", "format: .inf"), "finite"),
]


@pytest.mark.parametrize(("shape", "text", "said"), HOSTILE_SHAPES)
def test_hostile_yaml_shapes_are_refused_with_their_line(
    tmp_path: Path, shape: str, text: str, said: str
) -> None:
    (problem,) = problems(write(tmp_path, text))
    assert said in problem, shape
    assert re.match(rf"{re.escape(str(tmp_path / 'x.yaml'))}:\d+: ", problem), problem


def test_one_broken_file_never_breaks_the_library_or_a_new_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main
    from selfeval.locations import user_frameworks_dir

    monkeypatch.setenv("SELFEVAL_HOME", str(tmp_path / "home"))
    folder = user_frameworks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for shape, text, _ in HOSTILE_SHAPES:
        (folder / f"{shape.replace(' ', '-')}.yaml").write_text(text, encoding="utf-8")
    os.mkfifo(folder / "a-pipe.yaml")
    (folder / "a-folder.yaml").mkdir()
    assert main(["frameworks", "list"]) == 0
    assert "area-send-2023" in capsys.readouterr().out
    assert main(["new", str(tmp_path / "w.selfeval"), "--area", "Anyshire"]) == 0
