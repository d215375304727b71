"""Exports and imports: PDF one-pagers, JSON exchange, CSV roster, ICS calendar."""
