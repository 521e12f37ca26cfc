"""contribution request registry; comments remember when a package brought them

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contribution_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("bullets", sa.Text(), nullable=False),
        sa.Column("evidence_ids", sa.Text(), nullable=False),
        sa.Column("includes_personal_data", sa.Boolean(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("base", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("merged_package", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("merged_package", schema=None) as batch_op:
        batch_op.drop_column("request_id")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_column("received_at")
    op.drop_table("contribution_request")
