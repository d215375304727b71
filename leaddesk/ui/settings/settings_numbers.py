"""The numeric settings as the Settings page shows them, and the groups the page is made of.

A table rather than code: a new number is one entry here (its name is the Settings field's),
and the page builds its spin box, caption, explanation and saving from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NumberSetting:
    """How one numeric setting is shown: label, unit, whether it is whole, what it means."""

    name: str
    label: str
    prefix: str
    suffix: str
    whole: bool
    step: float
    explanation: str
    never: str = ""  # shown for 0, when 0 means "off"


NUMBERS = (
    NumberSetting(
        "half_life_days",
        "Evidence half-&life",
        "",
        " days",
        True,
        30,
        "How fast evidence fades in the track record: a kept promise or a checkpoint counts "
        "half as much after this many days. Shorter reacts faster to what happened lately.",
    ),
    NumberSetting(
        "high_trust_factor",
        "Hi&gh-trust cadence",
        "× ",
        "",
        False,
        0.1,
        "When someone's track record is 0.8 or better with enough evidence, the time to the "
        "next suggested checkpoint is multiplied by this: trust earned, less checking.",
    ),
    NumberSetting(
        "low_trust_factor",
        "Lo&w-trust cadence",
        "× ",
        "",
        False,
        0.1,
        "When the track record is below 0.5, the time to the next suggested checkpoint is "
        "multiplied by this, so you check sooner.",
    ),
    NumberSetting(
        "one_on_one_interval_days",
        "1:1 &interval",
        "",
        " days",
        True,
        1,
        "A direct report shows under Needs attention when your last 1:1 with them is older than "
        "this, unless they have a 1:1 rhythm of their own (Edit person).",
    ),
    NumberSetting(
        "auto_lock_minutes",
        "&Auto-lock after",
        "",
        " minutes",
        True,
        1,
        "Hide everything after this many minutes without using LeadDesk, so nobody passing by "
        "reads your notes. 0 means never.",
        never="Never",
    ),
    NumberSetting(
        "backup_keep_daily",
        "Keep &daily",
        "",
        " days",
        True,
        1,
        "Of the daily and manual backups, keep the newest of each of the last this many days.",
    ),
    NumberSetting(
        "backup_keep_weekly",
        "Keep w&eekly",
        "",
        " weeks",
        True,
        1,
        "…and the newest of each of the last this many weeks.",
        never="None",
    ),
    NumberSetting(
        "backup_keep_monthly",
        "Keep &monthly",
        "",
        " months",
        True,
        1,
        "…and the newest of each of the last this many months. Older backups are deleted "
        "when a new one is made.",
        never="None",
    ),
    NumberSetting(
        "ics_alarm_lead_minutes",
        "Ala&rms",
        "",
        " minutes before",
        True,
        30,
        "In the calendar export, checkpoints and your own promises remind you this long "
        "before their day begins (at midnight). 0 means no alarms.",
        never="Off",
    ),
    NumberSetting(
        "feedback_chase_days",
        "&Chase feedback after",
        "",
        " days",
        True,
        1,
        "Feedback you asked for and have not had after this many days falls due: it shows in "
        "the tray, the morning digest and ‘leaddesk due’ in a terminal.",
    ),
    NumberSetting(
        "skip_level_interval_days",
        "S&kip-level 1:1 interval",
        "",
        " days",
        True,
        1,
        "The same for skip-levels (who report to one of your direct reports), who are met less "
        "often: they show under Needs attention once this has passed.",
    ),
)
GROUPS = (
    ("Appearance", ()),
    ("Trust over time", ("half_life_days",)),
    (
        "Checkpoints and 1:1s",
        (
            "high_trust_factor",
            "low_trust_factor",
            "one_on_one_interval_days",
            "skip_level_interval_days",
        ),
    ),
    ("Privacy and safety", ("auto_lock_minutes",)),
    ("Backups", ("backup_keep_daily", "backup_keep_weekly", "backup_keep_monthly")),
    ("One-pagers (PDF)", ()),
    ("Calendar export (ICS)", ("ics_alarm_lead_minutes",)),
    ("Tray and notifications", ("feedback_chase_days",)),
)
