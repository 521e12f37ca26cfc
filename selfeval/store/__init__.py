"""The workspace store: one SQLite file per partnership, typed SQLAlchemy models, migrations."""
