"""Key management for the encrypted store: OS keychain first, passphrase where there is none."""
