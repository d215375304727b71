"""People: the roster of direct reports and skip-levels."""
