"""Review comments on a criterion: a thread that the lead and partners see and that travels in
contribution packages (comments only accumulate, so merging them never conflicts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.services.judgements import check_criterion
from selfeval.services.workspace import Workspace
from selfeval.store.models import Comment

MAX_COMMENT = 10_000


@dataclass(frozen=True)
class CommentView:
    id: str
    criterion_id: str
    author: str
    organisation: str
    created_at: datetime
    text: str
    origin: str


def add_comment(workspace: Workspace, criterion_id: str, text: str) -> CommentView:
    check_criterion(workspace, criterion_id)
    text = text.strip()
    if not text:
        raise InputError("the comment is empty")
    if len(text) > MAX_COMMENT:
        raise InputError(f"comments are limited to {MAX_COMMENT:,} characters")
    with workspace.transaction() as session:
        row = Comment(
            assessment_id=workspace.assessment_id,
            criterion_id=criterion_id,
            author=workspace.user.name,
            organisation=workspace.user.organisation,
            text=text,
        )
        session.add(row)
        session.flush()
        return _view(row)


def list_comments(workspace: Workspace, criterion_id: str | None = None) -> list[CommentView]:
    query = (
        select(Comment)
        .where(Comment.assessment_id == workspace.assessment_id)
        .order_by(Comment.created_at, Comment.id)
    )
    if criterion_id is not None:
        query = query.where(Comment.criterion_id == criterion_id)
    with workspace.transaction(read_only=True) as session:
        return [_view(row) for row in session.scalars(query)]


def _view(row: Comment) -> CommentView:
    return CommentView(
        row.id, row.criterion_id, row.author, row.organisation, row.created_at, row.text, row.origin
    )
