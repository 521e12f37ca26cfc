"""What every table of the workspace schema shares: the declarative base and the id column type
(UUIDs as text, the same on SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase

ID = String(36)


class Base(DeclarativeBase):
    pass
