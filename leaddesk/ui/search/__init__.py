"""Search (Ctrl+K): one box for people, screens and every text the user wrote."""
