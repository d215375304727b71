"""The search index's tables: an FTS5 table and its shadow tables, made by migration 0007.

They are not ORM models (SQLAlchemy cannot declare a virtual table), so schema comparisons and
autogenerate leave them out by this name rule.
"""

from __future__ import annotations

SEARCH_INDEX = "search_index"


def is_search_table(name: str | None) -> bool:
    """Whether `name` is the search index or one of the shadow tables FTS5 keeps for it."""
    return name is not None and (name == SEARCH_INDEX or name.startswith(SEARCH_INDEX + "_"))


def in_models(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's include_name hook: every table but the search index's."""
    return type_ != "table" or not is_search_table(name)
