"""Exports and imports: the File menu's PDFs, ICS, JSON, CSV and the roster import."""
