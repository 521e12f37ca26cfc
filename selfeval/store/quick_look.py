"""A fast, read-only first look at a workspace file, with nothing but the standard library.

Used only to paint the first screen while the full open (integrity check, migrations, SQLAlchemy)
runs in the background. Anything unexpected returns None and the caller takes the full path,
which gives the proper message for a bad file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from selfeval.files.workspace_header import APPLICATION_ID


@dataclass(frozen=True)
class FirstLook:
    area_name: str
    assessment_title: str
    framework_definition: str
    ratings: dict[str, str]


def first_look(path: Path) -> FirstLook | None:
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
        row = connection.execute(
            "SELECT a.id, a.title, f.definition FROM assessment a "
            "JOIN framework_edition f ON f.id = a.framework_edition_id "
            "ORDER BY a.created_at DESC LIMIT 1"
        ).fetchone()
        if area is None or row is None:
            return None
        ratings = dict(
            connection.execute(
                "SELECT criterion_id, rating FROM judgement "
                "WHERE assessment_id = ? AND bullet_id = ''",
                (row[0],),
            ).fetchall()
        )
        return FirstLook(str(area[0]), str(row[1]), str(row[2]), ratings)
    except (sqlite3.Error, TypeError, IndexError):
        return None
    finally:
        connection.close()
