"""edition items: what was carried to a new edition of the criteria and is still to confirm;
each assessment remembers the one it was carried from

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "edition_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("from_assessment_id", sa.String(length=36), nullable=False),
        sa.Column("item_id", sa.String(length=80), nullable=False),
        sa.Column("criterion_id", sa.String(length=80), nullable=False),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("previous_ratings", sa.Text(), nullable=False),
        sa.Column("evidence_ids", sa.Text(), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "item_id"),
    )
    op.create_index("ix_edition_item_assessment_id", "edition_item", ["assessment_id"])
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_from_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_column("carried_from_id")
    op.drop_index("ix_edition_item_assessment_id", table_name="edition_item")
    op.drop_table("edition_item")
