"""User settings kept in the store, with defaults and validation."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from leaddesk.domain.calendar_alarms import DEFAULT_LEAD_MINUTES, MAX_LEAD_MINUTES
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.focus import week_start
from leaddesk.domain.notices import DEFAULT_DIGEST_TIME, digest_time_text, parse_digest_time
from leaddesk.domain.rhythm import SKIP_LEVEL_DEFAULT_DAYS
from leaddesk.domain.validation import check_date, clean_name
from leaddesk.services.base import DeskBase
from leaddesk.services.changes import ChangeArea
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class Settings:
    """User settings kept in the store."""

    half_life_days: float
    one_on_one_interval_days: int
    focus_start: date
    high_trust_factor: float
    low_trust_factor: float
    auto_lock_minutes: int
    backup_keep_daily: int  # rotation: the newest backup of each of the last N days,
    backup_keep_weekly: int  # ... of the last N weeks
    backup_keep_monthly: int  # ... and of the last N months
    your_name: str  # on the shareable agreement sheet: "Ana Lima and <your name>"
    page_size: str  # A4 or Letter, for the one-pagers
    ics_alarm_lead_minutes: int  # calendar export: alarms this long before the due day; 0 = none
    # The tray and notifications (ui/shell/tray_icon.py, ui/shell/due_notices.py)
    digest_time: str  # "HH:MM": when the morning digest of what is due is given
    notify_details: bool  # names and texts in notifications (never while locked or presenting)
    keep_in_tray: bool  # closing the window keeps LeadDesk running in the tray
    feedback_chase_days: int  # a feedback request of mine unanswered this long falls due
    skip_level_interval_days: int  # 1:1 rhythm of skip-levels without one of their own


_BOUNDS: dict[str, tuple[float, float]] = {
    "half_life_days": (7, 3650),
    "one_on_one_interval_days": (1, 365),
    "high_trust_factor": (1.0, 4.0),
    "low_trust_factor": (0.1, 1.0),
    "auto_lock_minutes": (0, 1440),
    "backup_keep_daily": (1, 1000),
    "backup_keep_weekly": (0, 1000),
    "backup_keep_monthly": (0, 1000),
    "ics_alarm_lead_minutes": (0, MAX_LEAD_MINUTES),
    "feedback_chase_days": (1, 365),
    "skip_level_interval_days": (1, 365),
}
_LABELS = {
    "half_life_days": "Half-life (days)",
    "one_on_one_interval_days": "1:1 interval (days)",
    "high_trust_factor": "High-trust cadence factor",
    "low_trust_factor": "Low-trust cadence factor",
    "auto_lock_minutes": "Auto-lock (minutes)",
    "backup_keep_daily": "Daily backups to keep",
    "backup_keep_weekly": "Weekly backups to keep",
    "backup_keep_monthly": "Monthly backups to keep",
    "ics_alarm_lead_minutes": "Calendar alarm lead (minutes)",
    "digest_time": "Morning digest time",
    "notify_details": "Show details in notifications",
    "keep_in_tray": "Keep running in the tray",
    "feedback_chase_days": "Chase feedback requests after (days)",
    "skip_level_interval_days": "Skip-level 1:1 interval (days)",
}
PAGE_SIZES = ("A4", "Letter")


class SettingsMixin(DeskBase):
    """Read and change the settings of PRODUCT.md that live with the data."""

    def _defaults(self) -> Settings:
        return Settings(
            half_life_days=180.0,
            one_on_one_interval_days=14,
            focus_start=week_start(self.today()),
            high_trust_factor=1.5,
            low_trust_factor=0.5,
            auto_lock_minutes=10,
            backup_keep_daily=7,
            backup_keep_weekly=4,
            backup_keep_monthly=12,
            your_name="",
            page_size="A4",
            ics_alarm_lead_minutes=DEFAULT_LEAD_MINUTES,
            digest_time=DEFAULT_DIGEST_TIME,
            notify_details=False,
            keep_in_tray=True,
            feedback_chase_days=14,
            skip_level_interval_days=SKIP_LEVEL_DEFAULT_DAYS,
        )

    def _ensure_focus_start(self) -> None:
        """Fix the weekly-focus start once, on first open, so the rotation moves week by week."""
        with self._read() as session:
            stored = session.get(m.Setting, "focus_start")
        if stored is None:
            with self._write(ChangeArea.SETTINGS) as session:
                session.merge(
                    m.Setting(key="focus_start", value=week_start(self.today()).isoformat())
                )

    def settings(self) -> Settings:
        """The current settings (defaults for anything never set)."""
        return self._cached(("settings",), self._load_settings)  # type: ignore[no-any-return]

    def _load_settings(self) -> Settings:
        with self._read() as session:
            stored = {s.key: s.value for s in session.scalars(select(m.Setting))}
        values: dict[str, Any] = {}
        defaults = self._defaults()
        for f in fields(Settings):
            raw = stored.get(f.name)
            if raw is None:
                continue
            current = getattr(defaults, f.name)
            if isinstance(current, date):
                values[f.name] = date.fromisoformat(raw)
            elif isinstance(current, bool):
                values[f.name] = raw == "True"
            else:
                values[f.name] = type(current)(float(raw) if isinstance(current, int) else raw)
        return replace(defaults, **values)

    def update_settings(self, **changes: Any) -> Settings:
        """Change some settings; each value is checked against its range."""
        current = self.settings()
        names = {f.name for f in fields(Settings)}
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in names:
                raise ValidationError(f"There is no setting called '{name}'.")
            kind = type(getattr(current, name))
            if kind is date:
                if not isinstance(value, date):
                    raise ValidationError("The weekly focus start must be a date.")
                # A datetime is a date too, but would be stored with its time and fail to load.
                day = value.date() if isinstance(value, datetime) else value
                clean[name] = self._day(day, "Weekly focus start")
                continue
            if kind is str:
                clean[name] = _text_setting(name, value)
                continue
            if kind is bool:
                if not isinstance(value, bool):
                    raise ValidationError(f"{_LABELS[name]} is either on or off.")
                clean[name] = value
                continue
            if isinstance(value, bool):
                raise ValidationError(f"{_LABELS[name]} must be a number.")
            try:
                number = kind(value)
            except (TypeError, ValueError):
                raise ValidationError(f"{_LABELS[name]} must be a number.") from None
            low, high = _BOUNDS[name]
            if not low <= number <= high:
                raise ValidationError(f"{_LABELS[name]} must be between {low:g} and {high:g}.")
            clean[name] = number
        with self._write(ChangeArea.SETTINGS) as session:
            for name, value in clean.items():
                text = value.isoformat() if isinstance(value, date) else str(value)
                session.merge(m.Setting(key=name, value=text))
        return self.settings()


def _text_setting(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"The setting '{name}' must be text.")
    if name == "page_size":
        if value not in PAGE_SIZES:
            raise ValidationError("The page size must be A4 or Letter.")
        return value
    if name == "digest_time":
        return digest_time_text(parse_digest_time(value))
    return clean_name(value, "Your name", 80) if value.strip() else ""


def check_stored_setting(name: str, raw: str) -> None:
    """A setting as stored (text) must read back and be allowed, as `update_settings` would
    require; an imported file is held to the same rules as the Settings screen."""
    kinds = {f.name: f.type for f in fields(Settings)}
    kind = kinds.get(name)
    if kind is None:
        return  # not a user setting (bookkeeping the app keeps for itself)
    label = _LABELS.get(name, name)
    # The value is shown as Python writes it when it holds a line break or a lone surrogate:
    # the message must stay one printable line.
    shown = raw[:40] if raw[:40].isprintable() else ascii(raw[:40])[1:-1]
    try:
        if kind == "date":
            check_date(date.fromisoformat(raw), label)  # the weekly cycle counts from it
            return
        if kind == "str":
            _text_setting(name, raw)
            return
        if kind == "bool":
            if raw not in ("True", "False"):
                raise ValueError(raw)
            return
        number = float(raw)
    except ValidationError:
        raise
    except ValueError:
        raise ValidationError(f"{label} cannot be '{shown}'.") from None
    low, high = _BOUNDS[name]
    if not low <= number <= high or (kind == "int" and number != int(number)):
        raise ValidationError(f"{label} must be between {low:g} and {high:g}, not {shown}.")
