"""Help text in the words of the edition in use: "evaluation" once a partnership has added the
June 2025 handbook, "rating" with the 2023 criteria (framework `terms`).

Help is printed before any workspace is named, so the edition in use is the library's newest
edition of the default framework (the one nothing else supersedes); it is looked up only when
help is printed, so an ordinary command pays nothing for it.
"""

from __future__ import annotations

import argparse


def edition_terms() -> tuple[str, str]:
    """(rating word, judgement word) of the newest edition of the default framework."""
    try:
        from selfeval.services.frameworks import DEFAULT_FRAMEWORK, framework_library

        library = framework_library()
        framework = library.get(DEFAULT_FRAMEWORK)
        seen = {framework.id}
        while True:
            newer = [
                e.framework
                for e in library.entries.values()
                if e.framework.supersedes == framework.id and e.framework.id not in seen
            ]
            if not newer:
                break
            framework = newer[0]
            seen.add(framework.id)
        return framework.terms.rating, framework.terms.judgement
    except Exception:  # help must always print: the plain words then
        return "rating", "judgement"


class EditionWordsHelp(argparse.HelpFormatter):
    """Replaces {rating} and {judgement} in a verb's help with the edition's words."""

    def _words(self, text: str) -> str:
        if "{" not in text:
            return text
        rating, judgement = edition_terms()
        return text.replace("{rating}", rating).replace("{judgement}", judgement)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        return self._words(text) if text else text

    def _format_text(self, text: str) -> str:
        return super()._format_text(self._words(text))
