"""File > Open shared workspace: a workspace on the partnership's PostgreSQL server.

Host, database, login and password; TLS is required unless the server is on this computer. The
password goes to the server and nowhere else: never to the recent list, a setting or a log; it is
kept in the operating system's keyring only when "remember" is ticked (and forgotten from there
when it is not). The same dialog, filled in, asks again when a server wants a password that was
not given or refused the one given.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from selfeval.store.addresses import server_url
from selfeval.store.server_passwords import forget, login_of, remember, remembered
from selfeval.ui.dialogs.checked_dialog import CheckedDialog

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class ServerDialog(CheckedDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a shared workspace")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)
        self.host = QLineEdit()
        self.host.setAccessibleName("Server (host name)")
        self.host.setPlaceholderText("e.g. selfeval.anyshire.gov.example")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.port.setAccessibleName("Port")
        self.database = QLineEdit("selfeval")
        self.database.setAccessibleName("Database")
        self.login = QLineEdit()
        self.login.setAccessibleName("Your login")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.tls = QCheckBox("Require an encrypted connection (&TLS)")
        self.tls.setChecked(True)
        self.tls.setAccessibleName("Require an encrypted connection")
        self.keep = QCheckBox("&Remember the password on this computer (in its keyring)")
        self.keep.setAccessibleName("Remember the password in this computer's keyring")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Why the password is asked for")
        self.problem.setStyleSheet("QLabel { font-weight: bold; }")
        self.problem.hide()
        note = QLabel(
            "Your login decides what you may change: the server checks every change. The "
            "password is sent to the server only; it is kept only if you tick Remember."
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.problem)
        form.addRow(note)
        form.addRow("&Server:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Login:", self.login)
        form.addRow("&Password:", self.password)
        form.addRow("", self.tls)
        form.addRow("", self.keep)
        self.finish_form(form)
        self.host.textChanged.connect(self._local_or_not)
        self.url = ""

    def fill_from(self, address: str, problem: str) -> None:
        """Asked again: everything but the password as it was, and why it is asked."""
        parts = urlsplit(address.strip())
        query = parse_qs(parts.query)
        self.host.setText(parts.hostname or query.get("host", [""])[0])
        self.port.setValue(parts.port or 5432)
        self.database.setText(unquote(parts.path.lstrip("/")))
        self.login.setText(login_of(address))
        self.tls.setChecked(query.get("sslmode", ["disable"])[0] not in ("disable", "allow"))
        self.keep.setChecked(remembered(address) is not None)
        self.problem.setText(problem)
        self.problem.show()
        self.password.setFocus()

    def keep_or_forget(self) -> None:
        """After the workspace opened with this password: keep it if asked, else make sure no
        old one stays; a computer without a keyring is told, not refused."""
        if not self.url:
            return
        if self.keep.isChecked() and self.password.text():
            problem = remember(self.url, self.password.text())
            if problem:
                QMessageBox.information(self.parentWidget(), "selfeval", problem)
        elif not self.keep.isChecked():
            forget(self.url)

    def _local_or_not(self, host: str) -> None:
        """TLS stays required for any other computer; on this one it may be turned off."""
        local = host.strip() in LOCAL_HOSTS or host.strip().startswith("/")
        self.tls.setEnabled(local)
        if not local:
            self.tls.setChecked(True)

    def check(self) -> None:
        self.url = server_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.login.text(),
            self.password.text(),
            self.tls.isChecked(),
        )
