"""Pure rules of LeadDesk: no Qt, no SQLAlchemy, stdlib only."""
