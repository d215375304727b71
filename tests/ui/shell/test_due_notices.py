"""The morning digest and the notices of items falling due: when, how often, and what they say.

Time is a fixed clock the test moves; the half-minute timer's tick is its `timeout` signal.
No notification daemon runs here: a recording sender keeps what would be shown (the D-Bus
transport itself is tested in test_notification_sender.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from helpers.cli import run
from helpers.notifications import FixedClock, RecordingSender, add_ada_with_due_promises
from helpers.qt import open_main_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.shell.tray_icon import TrayShell, install_tray

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)
DAY = date(2026, 11, 25)
PRIVATE = ("Ada", "Lovelace", "salary", "offsite", "promise")


@pytest.fixture
def team(desk: Desk) -> Desk:
    add_ada_with_due_promises(desk, DAY, later=1)
    return desk


@pytest.fixture
def window(team: Desk, qtbot) -> MainWindow:
    return open_main_window(team, qtbot)


@pytest.fixture
def sender() -> RecordingSender:
    return RecordingSender()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 25, 8, 0))


@pytest.fixture
def start(window: MainWindow, sender: RecordingSender, clock: FixedClock) -> Iterator[callable]:
    started: list[TrayShell] = []

    def begin() -> TrayShell:
        shell = install_tray(
            window, tray_available=True, sender=sender, now=clock, quit_app=lambda: None
        )
        started.append(shell)
        return shell

    yield begin
    for shell in started:
        shell.close()


def tick(shell: TrayShell) -> None:
    """Half a minute passes: the timer fires."""
    shell.notices.timer.timeout.emit()


def assert_private_words_absent(texts: list[str]) -> None:
    for text in texts:
        for word in PRIVATE:
            assert word.lower() not in text.lower(), text


def test_the_digest_comes_at_its_time_and_once_a_day(start, clock, sender, window) -> None:
    shell = start()
    assert sender.sent == []  # 08:00: not yet
    clock.advance(minutes=29)
    tick(shell)
    assert sender.sent == []
    clock.advance(minutes=1)  # 08:30
    tick(shell)
    assert [n.body for n in sender.sent] == ["2 things are due today."]
    assert_private_words_absent(sender.texts)
    clock.advance(hours=3)
    tick(shell)
    assert len(sender.sent) == 1  # once a day
    assert window.ctx.desk.last_digest_on() == DAY
    clock.advance(days=1)  # the next morning, 11:30: late, so at once
    tick(shell)
    assert [n.body for n in sender.sent][-1] == "3 things are due today."


def test_starting_after_the_digest_time_gives_it_at_once(start, clock, sender) -> None:
    clock.now = datetime(2026, 11, 25, 14, 0)
    start()
    assert [n.body for n in sender.sent] == ["2 things are due today."]


def test_a_restart_the_same_day_does_not_repeat_it(start, clock, sender, window) -> None:
    window.ctx.desk.mark_digest_given(DAY)
    clock.now = datetime(2026, 11, 25, 14, 0)
    start()
    assert sender.sent == []


def test_the_time_is_the_users(start, clock, sender, window) -> None:
    window.ctx.desk.update_settings(digest_time="07:15")
    clock.now = datetime(2026, 11, 25, 7, 15)
    start()
    assert len(sender.sent) == 1


def test_details_only_when_turned_on(start, clock, sender, window) -> None:
    window.ctx.desk.update_settings(notify_details=True)
    clock.now = datetime(2026, 11, 25, 9, 0)
    start()
    [digest] = sender.sent
    assert digest.body.startswith("2 things are due today.")
    assert "Ada Lovelace — My promise: Send the salary review" in digest.body
    assert "Ada Lovelace — My promise: Book the offsite" in digest.body
    assert "Plan the quarter" not in digest.body  # tomorrow's


def test_never_details_while_presenting(start, clock, sender, window) -> None:
    window.ctx.desk.update_settings(notify_details=True)
    window.presenter_action.trigger()
    clock.now = datetime(2026, 11, 25, 9, 0)
    start()
    assert [n.body for n in sender.sent] == ["2 things are due today."]
    assert_private_words_absent(sender.texts)


def test_never_details_while_locked_and_the_day_is_remembered_on_unlock(
    start, clock, sender, window, qtbot
) -> None:
    window.ctx.desk.update_settings(notify_details=True)
    shell = start()  # 08:00: no digest yet
    window.lock_action.trigger()
    window.close()  # into the tray, locked: the store is closed
    clock.advance(minutes=30)
    tick(shell)
    assert [n.body for n in sender.sent][-1] == "2 things are due today."
    assert_private_words_absent(sender.texts)
    window.show()
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    tick(shell)
    assert window.ctx.desk.last_digest_on() == DAY  # written once the store is open again
    assert sum("due today" in n.body for n in sender.sent) == 1


def test_an_item_falling_due_after_the_digest_is_announced_once(
    start, clock, sender, window, capsys
) -> None:
    clock.now = datetime(2026, 11, 25, 9, 0)
    shell = start()
    window.close()  # LeadDesk in the tray; the user is elsewhere
    assert len(sender.sent) == 2  # the digest, and the word that LeadDesk stays in the tray
    path = str(window.ctx.desk.path)
    code, _out, err = run(
        capsys, "--db", path, "add", "promise", "--person", "ada", "--due", "today", "Call", "Bob"
    )
    assert code == 0, err
    tick(shell)
    assert sender.sent[-1].body == "Something in LeadDesk is due now."
    assert_private_words_absent(sender.texts)
    tick(shell)
    clock.advance(hours=2)
    tick(shell)
    assert len(sender.sent) == 3  # once per item per day


def test_what_the_user_adds_in_the_window_is_not_announced_to_them(
    start, clock, sender, window, qtbot
) -> None:
    clock.now = datetime(2026, 11, 25, 9, 0)
    shell = start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    [ada] = window.ctx.desk.direct_reports()
    window.ctx.desk.add_promise(ada.id, PromiseDirection.MINE, "Call Bob", due_on=DAY)
    tick(shell)
    assert len(sender.sent) == 1  # only the digest
    assert shell.tray is not None and shell.tray.icon.toolTip() == "LeadDesk — 3 due"


def test_a_busy_store_neither_repeats_the_digest_nor_breaks_the_timer(
    start, clock, sender, window
) -> None:
    desk = window.ctx.desk
    shell = start()  # 08:00: no digest yet
    window.close()  # into the tray
    key = desk._open_key()
    desk._lend_store("A backup is being restored: try again in a moment.")  # as a restore does
    clock.advance(minutes=30)
    tick(shell)  # the digest is due while the store is busy: no exception escapes the timer
    assert [n.body for n in sender.sent].count("2 things are due today.") == 1
    desk._take_back_store(key)  # the restore is over
    tick(shell)
    clock.advance(hours=1)
    tick(shell)
    assert [n.body for n in sender.sent].count("2 things are due today.") == 1  # once a day
    assert desk.last_digest_on() == DAY  # written once the store could be written again


def test_a_burst_of_writes_is_looked_at_once_after_it(start, clock, window, qtbot) -> None:
    shell = start()
    counts: list[object] = []
    shell.notices.count_changed.connect(counts.append)
    [ada] = window.ctx.desk.direct_reports()
    for text in ("Call Bob", "Call Carol", "Call Dan"):  # as an import or a quick form would
        window.ctx.desk.add_promise(ada.id, PromiseDirection.MINE, text, due_on=DAY)
    assert counts == []  # nothing read on the GUI thread per write
    qtbot.waitUntil(lambda: shell.notices.count == 5)
    assert counts == [5]  # one look for the whole burst


def test_one_look_reads_the_due_list_once_even_with_details(
    start, clock, sender, window, monkeypatch
) -> None:
    desk = window.ctx.desk
    desk.update_settings(notify_details=True)
    shell = start()  # 08:00: no digest yet
    looks: list[date] = []
    real = desk.due_items

    def counted(day=None, days=7):  # the real list, counted: what the GUI thread pays for
        looks.append(day)
        return real(day, days)

    monkeypatch.setattr(desk, "due_items", counted)
    clock.advance(minutes=30)
    tick(shell)  # the digest, with names: from the same list as the count
    assert "Ada Lovelace" in sender.sent[-1].body
    assert len(looks) == 1


def test_after_a_night_asleep_the_lock_comes_before_the_digest(
    start, clock, sender, window
) -> None:
    """The idle lock's timer and this one both fire on waking, in either order: the digest
    must find LeadDesk locked (count only), not show details the lock was about to hide."""
    window.ctx.desk.update_settings(notify_details=True)
    window.idle.minutes = 5
    shell = start()  # 08:00: no digest yet
    asleep_from = window.idle._clock()
    window.idle._clock = lambda: asleep_from + 9 * 3600  # the idle clock counts the night
    clock.advance(hours=1)  # woke at 09:00: this timer fires first
    tick(shell)
    assert window.ctx.desk.locked
    assert [n.body for n in sender.sent] == ["2 things are due today."]
    assert_private_words_absent(sender.texts)


def test_what_the_user_adds_just_before_locking_is_not_announced_after_the_unlock(
    start, clock, sender, window, qtbot
) -> None:
    """Locking saves drafts and closes the store: writes a second before it are still the
    user's own, even when their look comes after the lock."""
    clock.now = datetime(2026, 11, 25, 9, 0)
    shell = start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    [ada] = window.ctx.desk.direct_reports()
    window.ctx.desk.add_promise(ada.id, PromiseDirection.MINE, "Call Bob", due_on=DAY)
    window.lock_action.trigger()  # before the burst's look
    qtbot.waitUntil(lambda: not shell.notices.settle.isActive())  # it came while locked
    qtbot.mouseClick(
        window.lock_overlay.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not window.ctx.desk.locked)
    qtbot.waitUntil(lambda: shell.notices.count == 3)  # the unlock's recount
    tick(shell)
    assert len(sender.sent) == 1  # only the digest
