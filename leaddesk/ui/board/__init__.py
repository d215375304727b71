"""The delegation board: lanes by empowerment level, cards, drag to change level."""
