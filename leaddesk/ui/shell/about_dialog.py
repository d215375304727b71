"""Help > About: the version, the privacy promise, LeadDesk's licence and its libraries' licences.

It shows nothing from the store, so it is as safe on a shared screen as the agreement sheet.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk import __version__, licences
from leaddesk.ui import theme
from leaddesk.ui.common.action_slots import on_clicked

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)

TAGLINE = "A private, offline, encrypted dashboard for a leader who leads other leaders."

LGPL_URL = "https://www.gnu.org/licenses/lgpl-3.0.html"


def libraries_line() -> str:
    """Which Qt and PySide6 this installation runs on, and under which licence."""
    return f"Uses Qt {qVersion()} and PySide6 {PySide6.__version__} under the LGPL-3.0."


def notices_line() -> str:
    """Where the licences of the bundled libraries are, in this kind of installation."""
    path = licences.notices_path()
    if path is not None:
        return str(path)
    folder = licences.bundle_licences_dir()
    if folder is not None:
        return f"Missing: they should be in {folder}."
    return (
        "Installed with pip or from source: each library names its licence in its package "
        "metadata and most ship the text with it (pip show -f PACKAGE lists the files).\n"
        f"Qt and PySide6 ship none; the LGPL-3.0 is at\n{LGPL_URL}"
    )


class AboutDialog(QDialog):
    """What LeadDesk is, its promise, its version and the licences it ships with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About LeadDesk")
        self.setAccessibleName("About LeadDesk")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 96)  # wrapped text needs it
        self._layout = layout = QVBoxLayout(self)
        # Wrapped labels make Qt's own minimum the height at the narrowest width: far too tall.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setSpacing(12)
        layout.addLayout(self._heading())
        layout.addWidget(
            self._text(
                "aboutPrivacy",
                "Your notes stay on this computer, encrypted. No account, no server, no telemetry.",
            )
        )
        self.licence_button = self._button(
            "aboutShowLicence", "Show licence", "Show the full text of LeadDesk's licence"
        )
        self.licence_button.setEnabled(bool(licences.licence_text()))
        on_clicked(self.licence_button, self.toggle_licence)
        self.notices_button = self._button(
            "aboutOpenNotices",
            "Open licence notices",
            "Open THIRD-PARTY-NOTICES.txt in your text viewer",
        )
        on_clicked(self.notices_button, self.open_notices)
        self.notices_button.setVisible(licences.notices_path() is not None)
        facts = QGridLayout()
        facts.setHorizontalSpacing(16)
        facts.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget]] = [
            (
                "Licence:",
                self._cell(
                    self._text("aboutLicence", f"{licences.LICENCE} · {licences.COPYRIGHT}"),
                    self.licence_button,
                ),
            ),
            ("Libraries:", self._text("aboutLibraries", libraries_line())),
            (
                "Third-party licences:",
                self._cell(self._text("aboutNotices", notices_line()), self.notices_button),
            ),
            ("Python:", self._text("aboutPython", platform.python_version())),
        ]
        for row, (caption, value) in enumerate(rows):
            label = self._text(f"aboutCaption{row}", caption)
            label.setWordWrap(False)
            facts.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            facts.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(facts)
        self.licence_view = QPlainTextEdit(licences.licence_text())
        self.licence_view.setObjectName("aboutLicenceText")
        self.licence_view.setAccessibleName("LeadDesk licence text")
        self.licence_view.setReadOnly(True)
        self.licence_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = self.licence_view.fontMetrics()
        self.licence_view.setMinimumSize(mono.horizontalAdvance("M" * 82), mono.lineSpacing() * 16)
        self.licence_view.hide()
        layout.addWidget(self.licence_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("aboutButtons")
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._fit()

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        logo = QLabel()
        logo.setObjectName("aboutIcon")
        logo.setAccessibleName("LeadDesk icon")
        logo.setPixmap(theme.app_icon().pixmap(QSize(64, 64)))
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(theme.emphasize(self._text("aboutTitle", f"LeadDesk {__version__}"), 1.6))
        words.addWidget(self._text("aboutTagline", TAGLINE))
        row.addLayout(words, 1)
        return row

    @staticmethod
    def _cell(text: QLabel, button: QPushButton) -> QWidget:
        """A form value: a text with its button under it, left-aligned."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(text)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return cell

    @staticmethod
    def _button(name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)  # Enter closes the dialog, it does not open the licence
        return button

    @staticmethod
    def _text(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(SELECTABLE)
        return label

    def _fit(self) -> None:
        """As tall as the texts need at the dialog's width, no taller."""
        width = max(self.minimumWidth(), self._layout.sizeHint().width())
        height = self._layout.totalHeightForWidth(width)
        self.setMinimumHeight(height)
        self.resize(width, height)

    def toggle_licence(self) -> None:
        """Show or hide the full MIT text under the licence line."""
        showing = not self.licence_view.isVisible()
        self.licence_view.setVisible(showing)
        self.licence_button.setText("Hide licence" if showing else "Show licence")
        self._fit()

    def open_notices(self) -> None:
        """Open THIRD-PARTY-NOTICES.txt with the desktop's viewer for text files."""
        path = licences.notices_path()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
