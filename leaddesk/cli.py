"""Placeholder."""


def main() -> int:
    """Entry point."""
    return 0
