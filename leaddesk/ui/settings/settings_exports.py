"""The Settings group for one-pagers: the leader's own name and the paper size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from leaddesk.services.readmodels import Settings

PAGE_SIZES = (("A4", "A4 (210 × 297 mm)"), ("Letter", "Letter (8.5 × 11 in)"))
Field = Callable[[QFormLayout, str, QWidget, str], None]
Save = Callable[[str, object, str], None]


class ExportSettings:
    """Your name (on the shareable agreement sheet) and the one-pagers' page size."""

    def __init__(self, form: QFormLayout, field: Field, save: Save) -> None:
        self._save = save
        self.your_name = QLineEdit()
        self.your_name.setObjectName("your_name")
        self.your_name.setPlaceholderText("e.g. Dana Whitfield")
        self.your_name.setMinimumWidth(260)
        self.your_name.editingFinished.connect(self._save_name)
        field(
            form,
            "Your &name",
            self.your_name,
            "Shown on the shareable agreement sheet, beside the person's name. Optional.",
        )
        self.page_size = QComboBox()
        self.page_size.setObjectName("page_size")
        for value, label in PAGE_SIZES:
            self.page_size.addItem(label, value)
        self.page_size.activated.connect(self._save_page_size)
        field(form, "&Paper size", self.page_size, "For the person and team one-pagers (PDF).")
        self._shown_name = ""

    def show(self, settings: Settings) -> None:
        """Show the stored values (without saving them again)."""
        self._shown_name = settings.your_name
        self.your_name.setText(settings.your_name)
        self.page_size.setCurrentIndex(self.page_size.findData(settings.page_size))

    def _save_name(self) -> None:
        name = self.your_name.text().strip()
        if name != self._shown_name:
            done = f"Your name on agreement sheets: {name}." if name else "Your name removed."
            self._save("your_name", name, done)

    def _save_page_size(self) -> None:
        value = self.page_size.currentData()
        self._save("page_size", value, f"One-pagers now print on {value} paper.")
