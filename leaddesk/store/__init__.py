"""Persistence: encrypted SQLite (SQLCipher) through SQLAlchemy 2, migrated by Alembic."""
