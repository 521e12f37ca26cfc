"""what children, young people and families say, the surveys they answered and case studies;
actions and risks name the strategic priorities they serve

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _organisation() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "organisation_id",
        sa.String(length=36),
        sa.ForeignKey("organisation.id", ondelete="SET NULL"),
        nullable=True,
    )


def upgrade() -> None:
    op.create_table(
        "voice",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("speaker_kind", sa.String(length=20), nullable=False),
        sa.Column("speaker", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        _organisation(),
        sa.Column("criteria", sa.Text(), nullable=False),
    )
    op.create_table(
        "survey_result",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("survey", sa.String(length=300), nullable=False),
        sa.Column("question", sa.String(length=1000), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.Column("agree_percent", sa.Float(), nullable=False),
        sa.Column("surveyed_on", sa.Date(), nullable=True),
        sa.Column("criteria", sa.Text(), nullable=False),
    )
    op.create_table(
        "case_study",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("needed", sa.Text(), nullable=False),
        sa.Column("did", sa.Text(), nullable=False),
        sa.Column("difference", sa.Text(), nullable=False),
        sa.Column("learned", sa.Text(), nullable=False),
        sa.Column("de_identified", sa.Boolean(), nullable=False),
        _organisation(),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("priorities", sa.Text(), nullable=False),
    )
    for table in ("action", "risk"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("priorities", sa.Text(), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in ("action", "risk"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("priorities")
    for table in ("case_study", "survey_result", "voice"):
        op.drop_table(table)
