"""LeadDesk: a private, offline, encrypted dashboard for a leader who leads other leaders."""

__version__ = "0.1.0"
