"""Which criterion a heading of a partnership's document means: by its number ("3.", "Criterion
3:"), by its title (reworded, any case, any punctuation) and by its words, weighed by how rare
each word is among the framework's criteria ("children" is in every title and says little;
"commission" says a lot). Works for any framework in the workspace, and for a document written
against another one (the 2016 framework's three questions): the closest criterion, with how
sure the match is."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from selfeval.framework.model import Framework

_WORDS = re.compile(r"[a-z]+")
_STOP_WORDS = """a an and are as at be by for from has have how in is it its of on or our that
the their them they this to was we well what when where which who with do does did local area
areas there these those into than through about all any can"""
STOP = frozenset(_STOP_WORDS.split())
_SUFFIXES = (
    "ations", "ities", "ively", "ments", "ings", "ation", "ness", "ment", "ions", "ing", "ies",
    "ied", "ive", "ion", "ed", "ly", "es", "al", "s", "e",
)  # fmt: skip
_NUMBERED = re.compile(
    r"^\s*(?:(?:criterion|criteria|area|section|question|key\s+area|part)\s*)?"
    r"(\d{1,3})(?:\s*[.:)\-\u2013\u2014]|\s|$)\s*",
    re.IGNORECASE,
)
TITLE_WEIGHT = 3.0
BULLET_WEIGHT = 0.5
SURE = 0.45
"""A heading this close to a criterion's words is taken to be it."""
NEAR = 0.25
"""Below SURE and at least this: taken only for a heading that looks like a criterion's (a
heading style, bold, or numbered), and shown as unsure."""


def stem(word: str) -> str:
    """A crude English stem, enough to meet "identified" with "identify", "assessed" with
    "assessment", "outcomes" with "outcome": one suffix off, "ion" after it, a final y as i."""
    for whole, short in (("ification", "ifi"), ("ified", "ifi"), ("ify", "ifi")):
        if word.endswith(whole):
            return word[: -len(whole)] + short
    for suffix in _SUFFIXES:
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 4
            and not (suffix == "s" and word.endswith("ss"))
        ):
            word = word[: -len(suffix)]
            break
    if word.endswith("ion") and len(word) >= 7:  # "commissioning" and "commission" meet
        word = word[:-3]
    return word[:-1] + "i" if word.endswith("y") else word


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORDS.findall(text.lower().replace("\u2019", "'")) if w not in STOP]


@dataclass(frozen=True)
class Match:
    criterion_id: str
    sure: float
    """0 to 1: how close the heading is to the criterion."""
    how: str
    """"number", "title" or "words"."""


class CriterionMatcher:
    """The framework's criteria as weighted words, built once per import."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        texts: dict[str, dict[str, float]] = {}
        for criterion in framework.criteria:
            words: dict[str, float] = {}
            for word in stems(criterion.title):
                words[word] = words.get(word, 0.0) + TITLE_WEIGHT
            for word in stems(criterion.plain_title or ""):
                words[word] = words.get(word, 0.0) + 1
            for bullet in criterion.bullets:
                for word in stems(bullet.text):
                    words[word] = words.get(word, 0.0) + BULLET_WEIGHT
            texts[criterion.id] = words
        count = len(texts)
        seen: Counter[str] = Counter(w for words in texts.values() for w in words)
        # a word in every criterion weighs nothing; one in a single criterion weighs most
        self.idf = {w: math.log(count / n) for w, n in seen.items()}
        self.vectors = {c: self._weighed(words) for c, words in texts.items()}
        self.titles = {c.id: set(stems(c.title)) for c in framework.criteria}
        self.title_weight = {
            c: sum(self.idf.get(w, 0.0) for w in words) or 1.0 for c, words in self.titles.items()
        }
        self.by_number = {str(n): c for c, n in framework.numbers.items()}

    def _weighed(self, words: dict[str, float]) -> dict[str, float]:
        vector = {w: n * self.idf.get(w, 0.0) for w, n in words.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items()}

    def closest(self, text: str, common: frozenset[str] = frozenset()) -> list[Match]:
        """Every criterion with how close `text` is to it, the closest first; `common` are the
        words every heading of the document shares ("How effectively does the local area ..."),
        which tell its headings apart no better than "children" tells criteria apart."""
        words = Counter(w for w in stems(text) if w not in common)
        if not words:
            return []
        vector = self._weighed(dict(words))
        scores = []
        for criterion_id, theirs in self.vectors.items():
            cosine = sum(v * theirs.get(w, 0.0) for w, v in vector.items())
            # how much of the title's weight the heading carries ("children" weighs nothing)
            both = self.titles[criterion_id] & set(words)
            shared = sum(self.idf.get(w, 0.0) for w in both) / self.title_weight[criterion_id]
            sure = max(cosine, shared * 0.9)
            how = "title" if shared >= 0.6 else "words"
            scores.append(Match(criterion_id, round(sure, 2), how))
        scores.sort(key=lambda m: -m.sure)
        return scores

    def criterion_of(
        self, heading: str, looks_like_heading: bool, common: frozenset[str] = frozenset()
    ) -> Match | None:
        """The criterion a heading names, or None: by number and words first, then by words."""
        numbered = _NUMBERED.match(heading)
        rest = heading[numbered.end() :] if numbered else heading
        ranked = self.closest(rest, common)
        best = ranked[0] if ranked else None
        if numbered and numbered.group(1) in self.by_number:
            criterion_id = self.by_number[numbered.group(1)]
            own = next((m for m in ranked if m.criterion_id == criterion_id), None)
            # the number and some of its words, or a bare number ("Criterion 3") styled as a heading
            if (own is not None and own.sure >= NEAR) or (looks_like_heading and not stems(rest)):
                return Match(criterion_id, max(own.sure if own else 0.0, 0.9), "number")
        if best is None:
            return None
        runner_up = ranked[1].sure if len(ranked) > 1 else 0.0
        clear = best.sure - runner_up >= 0.05
        if best.sure >= SURE and clear:
            return best
        if looks_like_heading and best.sure >= NEAR and clear:
            return best
        return None


def shared_words(headings: list[str]) -> frozenset[str]:
    """The words at least half of a document's headings share, when it has three or more."""
    if len(headings) < 3:
        return frozenset()
    counts: Counter[str] = Counter(w for h in headings for w in set(stems(h)))
    return frozenset(w for w, n in counts.items() if n * 2 >= len(headings))
