"""The one error vocabulary every layer shares.

It imports nothing of ours but the password scrubber (itself importing nothing), so the
framework layer can use it without breaking the layering rule.
Only the faces (``cli.py`` and ``ui/``) turn these into exit codes or dialogs; everything below
raises them with a message written for a council user, never a traceback.
"""

from selfeval.store.passwords_hidden import hide_passwords


class SelfevalError(Exception):
    """A failure the user can understand and act on; ``str(err)`` is the message to show (never
    with a server's password, whatever address went into it)."""

    def __str__(self) -> str:
        return hide_passwords(super().__str__())


class InputError(SelfevalError):
    """Something the user gave us (a file, an argument, a field) is wrong; nothing was changed."""


class PasswordNeeded(InputError):
    """A shared workspace's server wants a password that was not given (or refused the one
    given); the face that opened it may ask the person and try once more."""


class ConnectionLost(SelfevalError):
    """The shared workspace's server cannot be reached just now; nothing was saved, and what
    was typed stays on screen until the connection is back."""
