"""Add or edit a person: name, role, area, email, in role since, reports to, 1:1 rhythm."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from leaddesk.services.people import PersonSummary
from leaddesk.ui.common.form_dialog import FormDialog
from leaddesk.ui.common.optional_date_edit import OptionalDateEdit
from leaddesk.ui.common.rhythm_picker import RhythmPicker
from leaddesk.ui.context import AppContext

DIRECT = "Me (direct report)"


class PersonDialog(FormDialog):
    """The person form; `create` and `edit` open it and write through the desk."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        person: PersonSummary | None = None,
        reports_to_id: int | None = None,
    ) -> None:
        editing = person is not None
        super().__init__(
            f"Edit {person.name}" if person else "Add a person",
            "Save" if editing else "Add person",
            parent,
            ctx=ctx,
        )
        self.setObjectName("personDialog")
        self.ctx = ctx
        self.person = person
        self.person_id: int | None = person.id if person else None
        self.name = QLineEdit()
        self.name.setObjectName("personName")
        self.name.setPlaceholderText("e.g. Ana Ruiz")
        self.role = QLineEdit()
        self.role.setObjectName("personRole")
        self.role.setPlaceholderText("e.g. Head of Data Science")
        self.area = QLineEdit()
        self.area.setObjectName("personArea")
        self.area.setPlaceholderText("e.g. Data")
        self.email = QLineEdit()
        self.email.setObjectName("personEmail")
        self.email.setPlaceholderText("optional")
        self.in_role_since = OptionalDateEdit("inRoleSince", today=ctx.desk.today())
        self.reports_to = QComboBox()
        self.reports_to.setObjectName("personReportsTo")
        self.add_row("&Name:", self.name, "Required: how you refer to them.")
        self.add_row("&Role:", self.role)
        self.add_row("&Area:", self.area, "The area they lead, e.g. Engineering or Finance.")
        self.add_row("&Email:", self.email)
        self.add_row(
            "In role &since:",
            self.in_role_since,
            "When they started in this role; shown as time in role on their page.",
        )
        self.add_row(
            "Reports &to:",
            self.reports_to,
            "Direct reports report to you; skip-levels report to one of your direct reports.",
        )
        self.rhythm = RhythmPicker()
        self.add_row(
            "1:1 r&hythm:",
            self.rhythm,
            "How often you meet them; past it, Needs attention reminds you. Default: the 1:1 "
            "interval of Settings (skip-levels: the skip-level interval).",
        )
        self._fill_reports_to(reports_to_id if person is None else person.reports_to_id)
        self.reports_to.currentIndexChanged.connect(self._show_default_rhythm)
        self._show_default_rhythm()
        if person is not None:
            self.name.setText(person.name)
            self.role.setText(person.role or "")
            self.area.setText(person.area or "")
            self.email.setText(person.email or "")
            self.in_role_since.set_value(person.in_role_since)
            self.rhythm.set_value(person.one_on_one_every_days)
        self.name.setFocus()

    def _show_default_rhythm(self) -> None:
        """'Default' names the rhythm of the place chosen under Reports to."""
        settings = self.ctx.desk.settings()
        boss: int | None = self.reports_to.currentData()
        if boss is None:
            self.rhythm.set_default_days(settings.one_on_one_interval_days)
        elif boss in self._direct_ids:
            self.rhythm.set_default_days(settings.skip_level_interval_days)
        else:
            self.rhythm.set_default_days(None)

    def _fill_reports_to(self, selected: int | None) -> None:
        self.reports_to.addItem(DIRECT, None)
        everyone = self.ctx.desk.people(include_archived=True)
        self._direct_ids = {p.id for p in everyone if p.is_direct_report and not p.archived}
        for other in everyone:
            if other.id == self.person_id:
                continue
            if other.archived and other.id != selected:
                continue
            role = f" · {other.role}" if other.role else ""
            self.reports_to.addItem(f"{other.name}{role}", other.id)
        index = self.reports_to.findData(selected)
        self.reports_to.setCurrentIndex(max(0, index))

    def save(self) -> None:
        desk = self.ctx.desk
        name = self.name.text()
        role, area, email = self.role.text(), self.area.text(), self.email.text()
        since = self.in_role_since.value()
        boss: int | None = self.reports_to.currentData()
        if self.person_id is None:
            self.person_id = desk.add_person(
                name, role, area, email, since, boss, one_on_one_every_days=self.rhythm.value()
            )
            self.done_message = f"Added {name.strip()}."
        else:
            desk.update_person(
                self.person_id,
                name=name,
                role=role,
                area=area,
                email=email,
                in_role_since=since,
                reports_to_id=boss,
                one_on_one_every_days=self.rhythm.value(),
            )
            self.done_message = f"Saved {name.strip()}."

    @classmethod
    def create(  # type: ignore[override]  # the dialog's entry point, not QWidget.create
        cls, ctx: AppContext, parent: QWidget | None, reports_to_id: int | None = None
    ) -> int | None:
        """Ask for a new person; their id, or None when cancelled."""
        dialog = cls(ctx, parent, reports_to_id=reports_to_id)
        return dialog.person_id if dialog.exec() == FormDialog.DialogCode.Accepted else None

    @classmethod
    def edit(cls, ctx: AppContext, parent: QWidget | None, person_id: int) -> bool:
        """Edit a person; True when saved."""
        person = ctx.result(parent, lambda: ctx.desk.person(person_id))
        if person is None:
            return False
        return cls(ctx, parent, person=person).exec() == FormDialog.DialogCode.Accepted
