"""How easy a statement for families is to read: Flesch reading ease and Flesch-Kincaid grade.

Computed here (a few lines, no dependency): words, sentences and an English syllable estimate
(vowel groups, a silent final "e", at least one a word). Good enough to tell "a page for
parents" from "a page for inspectors"; plain-English guidance asks for a reading ease of 60 or
more and sentences of 25 words or fewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EASY_ENOUGH = 60.0
LONGEST_SENTENCE = 25

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?|\d+(?:[.,]\d+)*")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.lower().replace("\u2019", "'")
    if word.isdigit():
        return max(1, len(word) // 2)
    if len(word) <= 3:
        return 1
    word = re.sub(r"'s$", "", word)
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(_VOWELS.findall(word)))


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    long_sentences: tuple[str, ...]
    """Sentences over LONGEST_SENTENCE words, as written."""

    @property
    def ease(self) -> float:
        """Flesch reading ease: 100 very easy, 60-70 plain English, below 30 very hard."""
        if not self.words:
            return 100.0
        return (
            206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words)
        )

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade: roughly the US school grade (add 5 for a reading age)."""
        if not self.words:
            return 0.0
        return 0.39 * (self.words / self.sentences) + 11.8 * (self.syllables / self.words) - 15.59

    @property
    def easy_enough(self) -> bool:
        return self.ease >= EASY_ENOUGH and not self.long_sentences

    def summary(self) -> str:
        if not self.words:
            return "Nothing written yet."
        verdict = "plain English" if self.ease >= EASY_ENOUGH else "hard for many families"
        text = (
            f"Reading ease {self.ease:.0f} ({verdict}; 60 or more is the aim), grade "
            f"{max(self.grade, 0):.1f}."
        )
        if self.long_sentences:
            count = len(self.long_sentences)
            text += f" {count} sentence{'s' if count != 1 else ''} over {LONGEST_SENTENCE} words."
        return text


def readability(text: str) -> Readability:
    sentences = [s for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]
    words = _WORD.findall(text)
    long = tuple(s.strip() for s in sentences if len(_WORD.findall(s)) > LONGEST_SENTENCE)
    return Readability(
        words=len(words),
        sentences=max(1, len(sentences)),
        syllables=sum(syllables(w) for w in words),
        long_sentences=long,
    )
