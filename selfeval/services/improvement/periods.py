"""The order of reporting periods as people write them ("2024", "2024/25", "Q3 2025",
"Sep 2025", "Spring term 2026"): as text, "Q1 2025" would come before "Q4 2024"."""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_QUARTER = re.compile(r"\bQ([1-4])\b", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TERMS = {"spring": 1, "summer": 5, "autumn": 9}  # the months school terms start in
_WORD = re.compile(r"[a-z]+")


def period_key(period: str) -> tuple[int, int, str]:
    """Year first, then the quarter, month or term within it; the text breaks ties.

    A quarter counts from the start of its year as written ("Q1 2025/26" is the first quarter
    of 2025/26); a period with no year sorts before those with one, by its text.
    """
    text = period.strip()
    year = _YEAR.search(text)
    if year is None:
        return (0, 0, text.casefold())
    within = 0
    quarter = _QUARTER.search(text)
    if quarter:
        within = (int(quarter.group(1)) - 1) * 3 + 1
    else:
        for word in _WORD.findall(text.casefold()):
            if word in _MONTHS or word in _TERMS:
                within = _MONTHS.get(word) or _TERMS[word]
                break
    return (int(year.group(1)), within, text.casefold())
