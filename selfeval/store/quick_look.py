"""A fast, read-only first look at a workspace file, with nothing but the standard library.

Used only to paint the first screen while the full open (integrity check, migrations, SQLAlchemy)
runs in the background. It picks the assessment by the same rule as the full open
(store/assessment_choice.py). Anything unexpected returns None and the caller takes the full
path, which gives the proper message for a bad file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from selfeval.files.workspace_header import APPLICATION_ID
from selfeval.store.assessment_choice import (
    CURRENT_ASSESSMENT,
    AssessmentRow,
    NoSuchAssessment,
    choose_assessment,
)


@dataclass(frozen=True)
class FirstLook:
    area_name: str
    assessment_title: str
    framework_definition: str
    ratings: dict[str, str]


def first_look(path: Path, wanted: str | None = None) -> FirstLook | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        area = connection.execute("SELECT area_name FROM partnership LIMIT 1").fetchone()
        rows = [
            AssessmentRow(str(i), str(t), str(c))
            for i, t, c in connection.execute("SELECT id, title, created_at FROM assessment")
        ]
        current = connection.execute(
            "SELECT value FROM workspace_setting WHERE key = ?", (CURRENT_ASSESSMENT,)
        ).fetchone()
        chosen = choose_assessment(rows, str(current[0]) if current else None, wanted)
        if area is None or chosen is None:
            return None
        definition = connection.execute(
            "SELECT f.definition FROM assessment a "
            "JOIN framework_edition f ON f.id = a.framework_edition_id WHERE a.id = ?",
            (chosen.id,),
        ).fetchone()
        ratings = dict(
            connection.execute(
                "SELECT criterion_id, rating FROM judgement "
                "WHERE assessment_id = ? AND bullet_id = ''",
                (chosen.id,),
            ).fetchall()
        )
        return FirstLook(str(area[0]), chosen.title, str(definition[0]), ratings)
    except (sqlite3.Error, TypeError, IndexError, NoSuchAssessment):
        return None
    finally:
        connection.close()
