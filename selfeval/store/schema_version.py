"""The schema revisions this version of selfeval knows, oldest first.

Kept as plain data so that opening an up-to-date workspace never imports Alembic (it costs start-up
time); a test checks this list against the migration scripts.
"""

REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
)
HEAD = REVISIONS[-1]
