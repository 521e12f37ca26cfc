"""Counts agree in number everywhere ("1 action", "2 actions"): every count the app, the command
line and the documents print before a noun goes through words.counted. This finds a count
written straight before a plural ("{n} actions" says "1 actions"); a limit (an UPPER_CASE
constant, always more than one) may stand before its plural."""

from __future__ import annotations

import re
from pathlib import Path

import selfeval

PLURALS = (
    "actions|items|requests|criteria|risks|comments|files|returns|owners|changes|values|rows|"
    "people|organisations|snapshots|assessments|signatures|sentences|pages|bullets|links|"
    "figures|members|areas|editions|records|notes|plans|statements|packages|days|weeks"
)
COUNT_BEFORE_PLURAL = re.compile(
    r"\{(?P<count>[^{}]+)\} (?:of \{[^{}]+\} )?(?:[a-z]+ )?(?:" + PLURALS + r")\b"
)
A_LIMIT = re.compile(r"^[A-Z_]+(:,)?$|^limits\.\w+(:,)?$|^n$")


def test_every_count_before_a_noun_agrees_in_number() -> None:
    root = Path(selfeval.__file__).parent
    found = []
    for path in root.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in COUNT_BEFORE_PLURAL.finditer(line):
                count = match.group("count")
                if A_LIMIT.match(count) or "counted(" in count or count.startswith("fmt"):
                    continue
                found.append(f"{path.relative_to(root)}:{number}: {match.group(0)}")
    assert not found, "\n".join(found)


def test_the_check_finds_a_count_before_a_plural() -> None:
    assert COUNT_BEFORE_PLURAL.search('f"{len(rows)} actions overdue"')
    assert not COUNT_BEFORE_PLURAL.search("f\"{counted(len(rows), 'action')} overdue\"")
