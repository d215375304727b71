"""Quick capture's form: rows that belong to one kind of capture, radio rows that carry values."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)


class KindForm(QFormLayout):
    """A form whose rows may belong to one kind (promise, feedback, ...): `show_kind` shows only
    the rows of the chosen kind and those of none, so switching kinds never loses what was typed.
    """

    def __init__(self, kinds: list[str]) -> None:
        super().__init__()
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._kind_rows: dict[str, list[int]] = {kind: [] for kind in kinds}
        self._values: dict[QAbstractButton, object] = {}

    def row(
        self, label: str, field: QWidget | QLayout, kind: str = "", buddy: QWidget | None = None
    ) -> QLabel:
        """A labelled row whose label's buddy is the field (or, for a row of widgets, `buddy`);
        shown only for `kind` when given.

        The buddy of a row of widgets is given, not read from the layout: PySide keeps the
        wrapper of a layout item it handed out, but Qt deletes the item with no notice to it, so
        a widget made later at that address can come back as that item (CI once saw every
        top-level widget turn into a "QWidgetItem" after the quick capture dialog had run).
        """
        caption = QLabel(label)
        caption.setMinimumWidth(caption.fontMetrics().horizontalAdvance("Delegation "))
        buddy = field if isinstance(field, QWidget) else buddy
        if buddy is not None:
            caption.setBuddy(buddy.focusProxy() or buddy)
        self.addRow(caption, field)
        if kind:
            self.belongs_to(kind)
        return caption

    def belongs_to(self, kind: str) -> None:
        """The row added last is shown only for `kind`."""
        self._kind_rows[kind].append(self.rowCount() - 1)

    def radios(
        self,
        owner: QWidget,
        label: str,
        kind: str,
        prefix: str,
        options: list[tuple[str, str, enum.Enum]],
    ) -> QButtonGroup:
        """A form row of radio buttons (named prefix + value name); the first is chosen."""
        group = QButtonGroup(owner)
        row = QHBoxLayout()
        for text, tip, value in options:
            radio = QRadioButton(text)
            radio.setObjectName(prefix + value.name.title().replace("_", ""))
            radio.setAccessibleName(text.replace("&", ""))
            radio.setToolTip(tip)
            self._values[radio] = value
            group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self.row(label, row, kind, buddy=group.buttons()[0])
        group.buttons()[0].setChecked(prefix != "outcome")  # an outcome is always a choice
        return group

    def check(self, group: QButtonGroup, value: object) -> None:
        """Choose the radio of `group` that carries `value`."""
        for button in group.buttons():
            if self._values.get(button) == value:
                button.setChecked(True)

    def checked(self, group: QButtonGroup) -> object | None:
        """The value of the radio chosen in `group` (None when none is)."""
        button = group.checkedButton()
        return self._values.get(button) if button is not None else None

    def show_kind(self, kind: str) -> None:
        """Show the rows of `kind`, hide those of the other kinds."""
        for owner, rows in self._kind_rows.items():
            for row in rows:
                self.setRowVisible(row, owner == kind)


def line_edit(name: str, accessible: str, placeholder: str) -> QLineEdit:
    """A named one-line field."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


def capture_button(name: str, text: str, tip: str) -> QPushButton:
    """A button Enter never presses by default (Enter in a field must not save)."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoDefault(False)  # Enter in a field must never save or switch the kind
    return button
