"""Alembic environment: always run on a connection handed over by selfeval.store.migrate."""

from alembic import context

from selfeval.store.model_base import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
