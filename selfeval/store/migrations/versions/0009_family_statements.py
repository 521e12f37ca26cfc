"""each judgement can carry what the partnership says to families (the summary for parents)

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

FIELDS = ("family_statement", "family_going_well", "family_working_on")


def upgrade() -> None:
    with op.batch_alter_table("judgement", schema=None) as batch_op:
        for field in FIELDS:
            batch_op.add_column(sa.Column(field, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("judgement", schema=None) as batch_op:
        for field in FIELDS:
            batch_op.drop_column(field)
