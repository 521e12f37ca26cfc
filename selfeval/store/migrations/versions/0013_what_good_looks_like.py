"""each criterion can carry the partnership's own statement of what good looks like

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("judgement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("what_good_looks_like", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("judgement", schema=None) as batch_op:
        batch_op.drop_column("what_good_looks_like")
