"""Settings: preferences, backups, the store key and the unlock PIN."""
