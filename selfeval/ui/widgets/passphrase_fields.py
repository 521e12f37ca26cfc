"""A passphrase typed twice. A package sealed with a mistyped passphrase cannot be opened by
anyone, and the lead only finds out when the partner writes back days later."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit

from selfeval.errors import InputError


class PassphraseFields:
    def __init__(self, form: QFormLayout, purpose: str) -> None:
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName("Passphrase (optional)")
        self.first.setPlaceholderText(f"optional: {purpose}")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Passphrase again")
        self.again.setPlaceholderText("type it again")
        form.addRow("P&assphrase:", self.first)
        form.addRow("Passphrase a&gain:", self.again)

    def passphrase(self) -> str | None:
        """None when none is wanted; refused when the two do not match."""
        first, again = self.first.text(), self.again.text()
        if first != again:
            raise InputError("Passphrase: the two passphrases are not the same; type them again")
        return first or None
