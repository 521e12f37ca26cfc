"""File > Open shared workspace: a workspace on the partnership's PostgreSQL server.

Host, database, login and password; TLS is required unless the server is on this computer. The
password goes to the server and nowhere else: it is never written to the recent list, a
setting or a log. (Keeping it in the operating system's keyring is not built yet.)
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from selfeval.errors import InputError
from selfeval.ui.dialogs.checked_dialog import CheckedDialog

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def server_url(
    host: str, port: int, database: str, login: str, password: str, require_tls: bool
) -> str:
    """A libpq URL; a host that is a folder (a socket) goes in the query, as libpq wants."""
    host, database, login = host.strip(), database.strip(), login.strip()
    if not host or not database or not login:
        missing = "host" if not host else "database" if not database else "login"
        raise InputError(f"{missing.capitalize()}: must be given")
    credentials = quote(login, safe="") + (":" + quote(password, safe="") if password else "")
    options = []
    if host.startswith("/"):
        location = f"/{quote(database, safe='')}"
        options.append(f"host={quote(host, safe='/')}")
    else:
        location = f"{host}:{port}/{quote(database, safe='')}"
    if require_tls:
        options.append("sslmode=require")
    query = ("?" + "&".join(options)) if options else ""
    return f"postgresql://{credentials}@{location}{query}"


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
        note = QLabel(
            "Your login decides what you may change: the server checks every change. The "
            "password is sent to the server only and never stored."
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow("&Server:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Login:", self.login)
        form.addRow("&Password:", self.password)
        form.addRow("", self.tls)
        self.finish_form(form)
        self.host.textChanged.connect(self._local_or_not)
        self.url = ""

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
