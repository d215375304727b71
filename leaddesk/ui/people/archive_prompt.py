"""Asking before archiving a person: they leave the team views, nothing is deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_archive(parent: QWidget, name: str, reports: int) -> bool:
    """True when the user chose Archive; says what stays and how to bring them back."""
    extra = ""
    if reports == 1:
        extra = "\n\nThe person who reports to them stays as they are."
    elif reports:
        extra = f"\n\nThe {reports} people who report to them stay as they are."
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Archive person",
        f"Archive {name}?\n\nThey leave the team grid, the board and Needs attention. "
        "Nothing is deleted: tick “Show archived” to see them and bring them back." + extra,
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    archive = box.addButton("Archive", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(archive)
    box.exec()
    return box.clickedButton() is archive
