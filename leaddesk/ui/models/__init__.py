"""LeadDesk desktop UI (PySide6)."""
