"""a contribution request can be re-issued: the old one says which request replaced it

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contribution_request", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaced_by", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contribution_request", schema=None) as batch_op:
        batch_op.drop_column("replaced_by")
