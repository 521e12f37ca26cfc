"""ready for the data request: what inspectors will ask for on notification, who holds it

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_request_item",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("owner_person_id", sa.String(length=36), nullable=True),
        sa.Column("held_where", sa.Text(), nullable=False),
        sa.Column("refreshed_on", sa.Date(), nullable=True),
        sa.Column("within_notice", sa.String(length=10), nullable=False),
        sa.Column("evidence_ids", sa.Text(), nullable=False),
        sa.Column("ours", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["owner_person_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_data_request_item_assessment_id", "data_request_item", ["assessment_id"])


def downgrade() -> None:
    op.drop_index("ix_data_request_item_assessment_id", table_name="data_request_item")
    op.drop_table("data_request_item")
