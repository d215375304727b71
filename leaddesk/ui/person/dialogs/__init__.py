"""Dialogs opened from the person page's tabs."""
