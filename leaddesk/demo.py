"""Realistic demo data: the seeded, scalable world of a leader of leaders.

`generate_world` is pure: it draws only from `random.Random(seed)` and dates everything from
`today`, so the same seed and day give the same rows. `build_demo` loads that world into a new
store. The reference data set (bench, `leaddesk demo`) is people=200, years=10.
"""

from __future__ import annotations

import enum
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from leaddesk.domain.cadence import next_checkpoint_interval
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind, Proposer
from leaddesk.domain.focus import Principle, principle_for, week_start
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection, PromiseState, kept_on_time
from leaddesk.domain.trust import TrackRecord, from_weights
from leaddesk.services.bulk import Row, World

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

MINE, THEIRS = PromiseDirection.MINE, PromiseDirection.THEIRS
MAX_PEOPLE = 2000
MAX_YEARS = 50.0
DAY = timedelta(days=1)


class Story(enum.Enum):
    """The trust story a direct report's data tells."""

    RISING_STAR = "rising star"
    SLIPPING = "slipping"
    STEADY_VETERAN = "steady veteran"
    NEW_HIRE = "new hire"
    RECOVERY = "recovery"


@dataclass
class DemoWorld(World):
    """A generated world plus the story behind each direct report (person id -> story)."""

    stories: dict[int, Story] = field(default_factory=dict)


def generate_world(people: int = 8, years: float = 2, seed: int = 0, *, today: date) -> DemoWorld:
    """A believable world: `people` direct reports with 1-3 skip-levels each, `years` of history."""
    if not 1 <= people <= MAX_PEOPLE:
        raise ValidationError(f"Demo data needs 1 to {MAX_PEOPLE} direct reports.")
    if not 0 < years <= MAX_YEARS:
        raise ValidationError(f"Demo data covers more than 0 and at most {MAX_YEARS:g} years.")
    return _Builder(random.Random(seed), today, years).build(people)


def build_demo(
    desk: Desk,
    people: int = 8,
    years: float = 2,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[int, Story]:
    """Fill a new store with demo data ending at the desk's today; returns each story by person."""
    world = generate_world(people, years, seed, today=desk.today())
    desk.load_world(world, progress)
    return dict(world.stories)


# -- how each story behaves ---------------------------------------------------------------------
_TENURE_DAYS: dict[Story, tuple[int, int]] = {
    Story.RISING_STAR: (420, 1300),
    Story.SLIPPING: (700, 2200),
    Story.STEADY_VETERAN: (200, 2000),  # in role that long *before* the data starts
    Story.NEW_HIRE: (20, 85),
    Story.RECOVERY: (550, 1800),
}
_MIX_WEIGHTS = (3, 2, 4, 1, 2)  # after the first five, stories in this proportion
_START_LEVELS: dict[Story, tuple[int, ...]] = {
    Story.RISING_STAR: (2, 3, 4, 3),
    Story.SLIPPING: (5, 4, 6, 5),
    Story.STEADY_VETERAN: (6, 7, 6, 5, 7),
    Story.NEW_HIRE: (1, 2, 3),
    Story.RECOVERY: (4, 3, 5, 4),
}
_LEVEL_CAP = {
    Story.RISING_STAR: 6,
    Story.SLIPPING: 6,
    Story.STEADY_VETERAN: 7,
    Story.NEW_HIRE: 3,
    Story.RECOVERY: 6,
}


class _View(enum.Enum):
    """What the person believes their level is on a delegation."""

    AGREED = "agreed"  # discussed; usually the same as mine
    NOT_DISCUSSED = "not discussed"  # no level of theirs yet
    ONE_ABOVE = "one above"  # they act a level above the one I gave


@dataclass(frozen=True)
class _Arc:
    """How reliable a person is over time, and how reliable I am with them."""

    story: Story
    first: date  # their first day in the data
    today: date
    turn: date  # slipping: when it started; recovery: when the dip started
    turn_end: date  # recovery: when the dip ended
    mine: float

    def theirs(self, day: date) -> float:
        """Chance of a good outcome around `day` (kept on time, on track)."""
        story = self.story
        if story is Story.RISING_STAR:
            return 0.72 + 0.25 * _progress(self.first, day, self.today)
        if story is Story.SLIPPING:
            return 0.93 if day < self.turn else 0.3
        if story is Story.STEADY_VETERAN:
            return 0.94
        if story is Story.NEW_HIRE:
            return 0.8
        if day < self.turn:
            return 0.86
        if day <= self.turn_end:
            return 0.15
        return 0.8 + 0.17 * _progress(self.turn_end, day, self.today)


def _progress(start: date, day: date, end: date) -> float:
    return min(1.0, max(0.0, (day - start).days / max(1, (end - start).days)))


def _record(quality: float) -> TrackRecord:
    """A track record whose expectation is about `quality`, to pick checkpoint cadence."""
    return from_weights(8 * quality, 8 * (1 - quality))


def _lower_first(text: str) -> str:
    """'Month-end close' -> 'month-end close', but 'SOC 2 audit' stays."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _clamp(value: float, low: int = 1, high: int = 5) -> int:
    return int(min(high, max(low, round(value))))


def _add(rows: list[Row], **values: object) -> Row:
    """Append a row with the next id of its table (ids are explicit: children refer to them)."""
    values["id"] = len(rows) + 1
    rows.append(values)
    return values


class _Builder:
    """Builds one world; every random draw comes from `rng` in a fixed order."""

    def __init__(self, rng: random.Random, today: date, years: float) -> None:
        self.rng = rng
        self.today = today
        self.span = max(7, round(years * 365.25))
        self.start = today - timedelta(days=self.span)
        self.focus_start = week_start(self.start)
        self.world = DemoWorld(settings={"focus_start": self.focus_start.isoformat()})
        busy = today - timedelta(days=rng.randint(200, max(200, min(700, self.span))))
        self.busy = (busy, busy + timedelta(days=90))  # a rough quarter: my promises slipped
        self.used_names: set[int] = set()
        self.joined: list[tuple[date, str]] = []

    def build(self, people: int) -> DemoWorld:
        self._team_terms()
        stories = list(Story)
        for index in range(people):
            story = (
                stories[index]
                if index < len(stories)
                else self.rng.choices(stories, _MIX_WEIGHTS)[0]
            )
            area = AREAS[index % len(AREAS)]
            self._direct_report(index, story, area)
        self._reflections()
        return self.world

    # -- people ----------------------------------------------------------------------------
    def _name(self) -> tuple[str, str]:
        size = len(FIRST_NAMES) * len(LAST_NAMES)
        pick = self.rng.randrange(size)
        while pick in self.used_names:
            pick = self.rng.randrange(size)
        self.used_names.add(pick)
        first, last = FIRST_NAMES[pick % len(FIRST_NAMES)], LAST_NAMES[pick // len(FIRST_NAMES)]
        email = "".join(
            ch
            for ch in unicodedata.normalize("NFKD", f"{first}.{last}".lower())
            if ch.isascii() and (ch.isalnum() or ch == ".")
        )
        return f"{first} {last}", f"{email}@example.com"

    def _person(
        self, role: str, area: str, since: date, first: date, boss: int | None = None
    ) -> Row:
        name, email = self._name()
        return _add(
            self.world.people,
            name=name,
            role=role,
            area=area,
            email=email,
            in_role_since=since,
            reports_to_id=boss,
            archived=False,
            created_at=datetime.combine(first, time(9, 0)),
            deleted_at=None,
        )

    def _direct_report(self, index: int, story: Story, area: _Area) -> None:
        rng, today = self.rng, self.today
        tenure = rng.randint(*_TENURE_DAYS[story])
        if story is Story.STEADY_VETERAN:
            tenure += self.span
        since = today - timedelta(days=tenure)
        first = max(since, self.start)
        days = (today - first).days
        turn = turn_end = today
        if story is Story.SLIPPING:
            turn = today - timedelta(days=min(100, int(days * 0.35)))
        elif story is Story.RECOVERY:
            turn_end = today - timedelta(days=max(30, min(210, int(days * 0.45))))
            turn = turn_end - timedelta(days=max(14, min(100, int(days * 0.2))))
        arc = _Arc(story, first, today, turn, turn_end, rng.uniform(0.72, 0.95))
        rank = index // len(AREAS)
        role = area.roles[rank % len(area.roles)]
        if rank:
            role = f"{role}, {area.teams[rank % len(area.teams)]}"
        person = self._person(role, area.name, since, first)
        pid: int = person["id"]
        self.world.stories[pid] = story
        self.joined.append((first, str(person["name"]).split()[0]))
        weekly_until = first + timedelta(days=56) if story is Story.NEW_HIRE else first
        meetings = self._one_on_ones(pid, arc, area, 14, weekly_until, SHARED_NOTES)
        self._topics(pid, area, first, meetings, leave_open=index % 3 == 0)
        self._promises(pid, arc, area, meetings, 0.55, 0.4)
        self._delegations(pid, arc, area)
        self._relationship_notes(pid, first, (100, 250))
        self._feedback(pid, arc, area, first, meetings, leave_open=index % 2 == 0)
        self._assessments(pid, arc, first)
        for term, meaning in rng.sample(area.terms, rng.randint(1, min(2, len(area.terms)))):
            self._term(pid, term, meaning, first + timedelta(days=rng.randint(0, days)))
        for _ in range(rng.randint(1, 3)):
            self._skip_level(pid, area)

    def _skip_level(self, boss: int, area: _Area) -> None:
        rng, today = self.rng, self.today
        since = today - timedelta(days=rng.randint(60, 3000))
        first = max(since, self.start)
        role = f"{rng.choice(area.skip_roles)}, {rng.choice(area.teams)}"
        pid: int = self._person(role, area.name, since, first, boss)["id"]
        story = rng.choice((Story.RISING_STAR, Story.STEADY_VETERAN))
        arc = _Arc(story, first, today, today, today, rng.uniform(0.75, 0.95))
        meetings = self._one_on_ones(pid, arc, area, 70, first, SKIP_NOTES)
        self._promises(pid, arc, area, meetings, 0.25, 0.35, outside=False)
        self._relationship_notes(pid, first + timedelta(days=30), (300, 600))
        for mid, held in meetings:
            if rng.random() < 0.4:
                answered = rng.random() < 0.8 or (today - held).days > 30
                self._solicit(pid, area, held, mid, held if answered else None)

    # -- 1:1s, topics, promises ---------------------------------------------------------------
    def _one_on_ones(
        self,
        pid: int,
        arc: _Arc,
        area: _Area,
        every: int,
        weekly_until: date,
        notes: tuple[str, ...],
    ) -> list[tuple[int, date]]:
        rng, today = self.rng, self.today
        out: list[tuple[int, date]] = []
        day = arc.first + timedelta(days=rng.randint(2, 6))
        while day <= today:
            held = day - timedelta(days=max(0, day.weekday() - 4))  # weekends move to Friday
            quality = arc.theirs(held)
            mood = (
                PRIVATE_HIGH if quality >= 0.75 else PRIVATE_LOW if quality < 0.5 else PRIVATE_MID
            )
            row = _add(
                self.world.one_on_ones,
                person_id=pid,
                held_on=held,
                shared_notes=" ".join(self._text(t, area, held) for t in rng.sample(notes, 2)),
                private_notes=self._text(rng.choice(mood), area, held)
                if rng.random() < 0.55
                else "",
                energy=_clamp(1.4 + 3.6 * quality + rng.gauss(0, 0.6)),
                deleted_at=None,
            )
            out.append((int(row["id"]), held))
            step = 7 if held < weekly_until else every
            roll = rng.random()
            step += every if roll < 0.05 else 7 if roll < 0.12 else 0  # holidays, travel
            day = held + timedelta(days=max(3, step + rng.randint(-2, 2)))
        return out

    def _topics(
        self, pid: int, area: _Area, first: date, meetings: list[tuple[int, date]], leave_open: bool
    ) -> None:
        rng, rows = self.rng, self.world.agenda_topics

        def topic(created: date, carried: int = 0) -> Row:
            text = self._text(rng.choice(TOPICS), area, created)
            return _add(
                rows,
                person_id=pid,
                text=text,
                created_on=created,
                carried=carried,
                discussed_in_id=None,
                deleted_at=None,
            )

        pending: list[Row] = []
        previous = first
        for mid, held in meetings:
            for _ in range(rng.choice((0, 1, 1, 2))):
                pending.append(
                    topic(previous + timedelta(days=rng.randint(0, (held - previous).days)))
                )
            still_open = []
            for row in pending:
                if row["carried"] >= 3 or rng.random() < 0.8:
                    row["discussed_in_id"] = mid
                else:
                    row["carried"] += 1
                    still_open.append(row)
            pending = still_open
            previous = held
        for _ in range(rng.choice((0, 1, 2))):  # for the next 1:1
            topic(previous + timedelta(days=rng.randint(0, (self.today - previous).days)))
        if leave_open and meetings and not pending:
            topic(max(first, meetings[-1][1] - 3 * DAY), carried=1)

    def _promises(
        self,
        pid: int,
        arc: _Arc,
        area: _Area,
        meetings: list[tuple[int, date]],
        theirs_rate: float,
        mine_rate: float,
        outside: bool = True,
    ) -> None:
        rng = self.rng
        for mid, held in meetings:
            if rng.random() < theirs_rate:
                text = self._text(rng.choice(area.asks + COMMON_ASKS), area, held)
                self._promise(pid, THEIRS, text, held, arc.theirs(held), mid)
            if rng.random() < mine_rate:
                text = self._text(rng.choice(MY_PROMISES), area, held)
                self._promise(pid, MINE, text, held, self._mine(arc, held), mid)
        if not outside:
            return
        day = arc.first + timedelta(days=rng.randint(10, 60))
        while day <= self.today:
            if rng.random() < 0.6:
                text = self._text(rng.choice(area.asks), area, day)
                self._promise(pid, THEIRS, text, day, arc.theirs(day), None)
            else:
                text = self._text(rng.choice(MY_PROMISES), area, day)
                self._promise(pid, MINE, text, day, self._mine(arc, day), None)
            day += timedelta(days=rng.randint(30, 90))
        # Story beats: the recovery's broken promise; loose ends at the end of a slide or a start.
        if arc.story is Story.RECOVERY and arc.turn - 10 * DAY >= arc.first:
            text = self._text("Deliver the {work} plan to the exec team", area, arc.turn)
            self._promise(pid, THEIRS, text, arc.turn - 10 * DAY, 0, None, PromiseState.BROKEN, 14)
        if arc.story is Story.SLIPPING:
            made = max(arc.first, self.today - timedelta(days=rng.randint(20, 30)))
            text = self._text(rng.choice(area.asks), area, made)
            late = (self.today - made).days - rng.randint(3, 8)
            self._promise(pid, THEIRS, text, made, 0, None, PromiseState.OPEN, late)
        if arc.story is Story.NEW_HIRE:
            made = arc.first + 2 * DAY
            late = min(21, (self.today - made).days - 2)
            text = "Find you a mentor outside the company"
            self._promise(pid, MINE, text, made, 0, None, PromiseState.OPEN, late)

    def _mine(self, arc: _Arc, day: date) -> float:
        return arc.mine - (0.35 if self.busy[0] <= day <= self.busy[1] else 0.0)

    def _promise(
        self,
        pid: int,
        direction: PromiseDirection,
        text: str,
        made: date,
        quality: float,
        meeting: int | None,
        fate: PromiseState | None = None,
        due_in: int | None = None,
    ) -> None:
        """A promise and its history; `fate` (broken, or open) and `due_in` force a story beat."""
        rng, today = self.rng, self.today
        if due_in is None:
            due_in = None if rng.random() < 0.06 else rng.choice(DUE_DAYS)
        due = made + timedelta(days=due_in) if due_in is not None else None
        row = _add(
            self.world.promises,
            person_id=pid,
            direction=direction.value,
            text=text,
            made_on=made,
            due_on=due,
            state=PromiseState.OPEN.value,
            resolved_on=None,
            on_time=None,
            one_on_one_id=meeting,
            deleted_at=None,
        )
        state, since = PromiseState.OPEN, made
        if fate is None and due is not None and due > made and rng.random() < 0.09:
            on = made + timedelta(days=rng.randint(1, (due - made).days))
            if on <= today:  # renegotiated before the due date: honest, not broken
                new_due = due + timedelta(days=rng.randint(5, 21))
                note = rng.choice(RENEGOTIATE)
                self._event(row, on, state, PromiseState.RENEGOTIATED, due, new_due, note)
                state, since, due = PromiseState.RENEGOTIATED, on, new_due
                row["state"], row["due_on"] = state.value, due
        deadline = due or made + timedelta(days=14)
        if fate is not None:
            target, on = fate, deadline + timedelta(days=rng.randint(3, 10))
        elif rng.random() < 0.04:
            target, on = PromiseState.RELEASED, since + timedelta(days=rng.randint(1, 20))
        elif rng.random() < quality:  # kept on time, mostly close to the date
            target = PromiseState.KEPT
            on = deadline - timedelta(days=rng.randint(0, min(10, (deadline - since).days)))
        elif due is not None and rng.random() < 0.55:
            target, on = PromiseState.KEPT, due + timedelta(days=rng.randint(1, 21))
        else:
            target, on = PromiseState.BROKEN, deadline + timedelta(days=rng.randint(3, 25))
        # Some recently overdue promises are simply not closed yet: loose ends to pick up.
        loose = due is not None and 0 < (today - due).days <= 75 and rng.random() < 0.2
        if target is PromiseState.OPEN or on > today or loose:
            if state is PromiseState.OPEN and due is not None and due > made:
                asked = max(made + DAY, today - timedelta(days=rng.randint(0, 5)))
                if fate is None and asked <= min(due, today) and rng.random() < 0.3:
                    new_due = max(due, today) + timedelta(days=rng.randint(5, 21))
                    note = rng.choice(RENEGOTIATE)  # more time, asked for in time
                    self._event(row, asked, state, PromiseState.RENEGOTIATED, due, new_due, note)
                    row["state"], row["due_on"] = PromiseState.RENEGOTIATED.value, new_due
            return
        notes = KEPT_NOTES if target is PromiseState.KEPT else OTHER_NOTES[target]
        self._event(row, on, state, target, due, due, rng.choice(notes))
        row["state"], row["resolved_on"] = target.value, on
        if target is PromiseState.KEPT:
            row["on_time"] = kept_on_time(due, on)

    def _event(
        self,
        promise: Row,
        on: date,
        old: PromiseState,
        new: PromiseState,
        old_due: date | None,
        new_due: date | None,
        note: str,
    ) -> None:
        _add(
            self.world.promise_events,
            promise_id=promise["id"],
            on=on,
            from_state=old.value,
            to_state=new.value,
            old_due_on=old_due,
            new_due_on=new_due,
            note=note,
        )

    # -- delegations ------------------------------------------------------------------------
    def _delegations(self, pid: int, arc: _Arc, area: _Area) -> None:
        rng, today = self.rng, self.today
        schedule: list[date] = []
        if arc.story is Story.NEW_HIRE:  # handed over bit by bit in the first weeks
            offsets = (rng.randint(3, 8), rng.randint(10, 18), rng.randint(30, 60))
            schedule = [arc.first + timedelta(days=d) for d in offsets]
            schedule = [day for day in schedule if day <= today]
        day = arc.first + timedelta(days=rng.randint(0, 10))
        batch = 4 if arc.story is Story.STEADY_VETERAN else 3
        while day <= today and arc.story is not Story.NEW_HIRE:
            schedule += [day] * batch
            batch = 1
            day += timedelta(days=rng.randint(80, 170))
        starts = _START_LEVELS[arc.story]
        titles: set[str] = set()
        for count, day in enumerate(schedule):
            level = starts[count % len(starts)]
            if arc.story is Story.RISING_STAR:
                level = min(6, level + int(2 * _progress(arc.first, day, today)))
            title, done = rng.choice(area.work + COMMON_WORK)
            title = title.format(team=rng.choice(area.teams), year=day.year)
            if title in titles:
                title = f"{title} ({day:%b %Y})"
            titles.add(title)
            end = day + timedelta(days=rng.randint(150, 1000))
            view = _View.AGREED
            if count == len(schedule) - 1:  # the latest is still running, and tells the story
                end = max(end, today + timedelta(days=rng.randint(30, 200)))
                if arc.story is Story.NEW_HIRE:
                    view = _View.NOT_DISCUSSED
                elif arc.story is Story.RISING_STAR:
                    view = _View.ONE_ABOVE
            self._delegation(pid, arc, area, title, done, day, level, end, view)

    def _delegation(
        self,
        pid: int,
        arc: _Arc,
        area: _Area,
        title: str,
        done: str,
        created: date,
        level: int,
        end: date,
        view: _View,
    ) -> None:
        rng, today = self.rng, self.today
        ended = end <= today
        state = DelegationState.ACTIVE
        if ended:
            state = DelegationState.WITHDRAWN if rng.random() < 0.15 else DelegationState.COMPLETED
        review = created + timedelta(days=180) if rng.random() < 0.4 else None
        row = _add(
            self.world.delegations,
            person_id=pid,
            title=title,
            done_means=done,
            my_level=level,
            their_level=None,
            target_level=None,
            involve_me_when=rng.choice(INVOLVE_ME),
            review_on=review,
            state=state.value,
            created_on=created,
            deleted_at=None,
        )
        did = int(row["id"])
        if ended:
            _add(
                self.world.state_changes,
                delegation_id=did,
                on=end,
                from_state=DelegationState.ACTIVE.value,
                to_state=state.value,
            )
        cap = _LEVEL_CAP[arc.story]
        self._level(did, LevelKind.MINE, created, None, level, "Delegated")
        target: int | None = None
        if level < cap and rng.random() < 0.5:
            target = min(7, level + rng.randint(1, 2))
            self._level(did, LevelKind.TARGET, created, None, target, rng.choice(TARGET_REASONS))
        theirs: int | None = None
        agreed = created + timedelta(days=rng.randint(0, 12))
        discussed = view is not _View.NOT_DISCUSSED
        if discussed and agreed <= today and rng.random() < 0.9:
            theirs = level if rng.random() > 0.15 else max(1, min(7, level + rng.choice((-1, 1))))
            self._level(did, LevelKind.THEIRS, agreed, None, theirs, "Agreed in 1:1")
        day, last, streak, changed = created, None, 0, created
        while True:
            interval = next_checkpoint_interval(
                EmpowermentLevel(level), _record(arc.theirs(day)), last
            )
            due = day + timedelta(days=interval)
            if due > end and ended:
                break
            if due > today:
                if rng.random() > 0.05:  # a few active delegations have no checkpoint planned
                    self._checkpoint(did, due)
                break
            done_on = max(day + DAY, due + timedelta(days=rng.choice(LATENESS)))
            if done_on > today or ((today - due).days < 30 and rng.random() < 0.12):
                self._checkpoint(did, due)  # overdue
                break
            outcome = self._outcome(arc.theirs(done_on))
            self._checkpoint(did, due, (outcome, done_on, area, title))
            if outcome is CheckpointOutcome.ON_TRACK:
                streak += 1
            elif outcome is not CheckpointOutcome.SKIPPED:
                streak = 0
            new = None
            if (done_on - changed).days >= 90:
                ceiling = target if target is not None else cap
                if streak >= 3 and level < ceiling and rng.random() < 0.35:
                    new, reason = level + 1, rng.choice(UP_REASONS)
                elif outcome is CheckpointOutcome.OFF_TRACK and level > 1 and rng.random() < 0.5:
                    new, reason = level - 1, rng.choice(DOWN_REASONS)
            if new is not None:
                self._level(did, LevelKind.MINE, done_on, level, new, reason)
                follow = 0.35 if new < level and arc.story is Story.SLIPPING else 0.8
                level, changed, streak = new, done_on, 0
                if theirs is not None and theirs != level and rng.random() < follow:
                    self._level(did, LevelKind.THEIRS, done_on, theirs, level, "Agreed in 1:1")
                    theirs = level
                if target is not None and level >= target and level < cap and rng.random() < 0.5:
                    self._level(did, LevelKind.TARGET, done_on, target, level + 1, "Next step")
                    target = level + 1
            elif discussed and theirs != level and rng.random() < (0.3 if theirs is None else 0.05):
                self._level(did, LevelKind.THEIRS, done_on, theirs, level, "Said at a checkpoint")
                theirs = level
            day, last = done_on, outcome
        if view is _View.ONE_ABOVE:  # acting a level above the one I gave: a clarity gap
            believed = level + 1 if level < 7 else level - 1
            if theirs != believed:
                on = max(changed, today - timedelta(days=rng.randint(3, 20)))
                self._level(did, LevelKind.THEIRS, on, theirs, believed, "Said in our last 1:1")
                theirs = believed
        row["my_level"], row["their_level"], row["target_level"] = level, theirs, target
        self._factors(did, area, created, min(end, today))

    def _outcome(self, quality: float) -> CheckpointOutcome:
        rng = self.rng
        if rng.random() < 0.04:
            return CheckpointOutcome.SKIPPED
        if rng.random() < quality:
            return CheckpointOutcome.ON_TRACK
        return CheckpointOutcome.CONCERNS if rng.random() < 0.55 else CheckpointOutcome.OFF_TRACK

    def _checkpoint(
        self,
        did: int,
        due: date,
        done: tuple[CheckpointOutcome, date, _Area, str] | None = None,
    ) -> None:
        """A checkpoint, open or `done` as (outcome, on, area, delegation title)."""
        note = evidence = ""
        outcome = done_on = None
        if done is not None:
            outcome, done_on, area, title = done
            note = self._text(self.rng.choice(CHECKPOINT_NOTES[outcome]), area, done_on, title)
            evidence = self.rng.choice(EVIDENCE)
        _add(
            self.world.checkpoints,
            delegation_id=did,
            due_on=due,
            outcome=outcome.value if outcome else None,
            completed_on=done_on,
            note=note,
            evidence=evidence,
            deleted_at=None,
        )

    def _level(
        self, did: int, kind: LevelKind, on: date, old: int | None, new: int | None, reason: str
    ) -> None:
        _add(
            self.world.level_changes,
            delegation_id=did,
            kind=kind.value,
            on=on,
            from_level=old,
            to_level=new,
            reason=reason,
        )

    def _factors(self, did: int, area: _Area, created: date, until: date) -> None:
        rng = self.rng
        count = min(rng.choice((0, 1, 1, 2, 2, 3)), len(area.factors))
        for name, definition, targets, unit in rng.sample(area.factors, count):
            agreed = min(self.today, created + timedelta(days=rng.randint(0, 14)))
            target = rng.choice(targets)
            row = _add(
                self.world.success_factors,
                delegation_id=did,
                name=name,
                definition=definition,
                target=target,
                unit=unit,
                agreed_on=agreed,
                deleted_at=None,
            )
            day = agreed + timedelta(days=rng.randint(60, 200))
            while day <= until:
                new_definition, new_target = definition, target
                others = [t for t in targets if t != target]
                refinements = [r for r in REFINEMENTS if r not in definition]
                if others and (rng.random() < 0.5 or not refinements):
                    new_target = rng.choice(others)
                elif refinements:
                    new_definition = f"{definition} {rng.choice(refinements)}"
                else:
                    break
                _add(
                    self.world.calibrations,
                    factor_id=row["id"],
                    on=day,
                    reason=rng.choice(CALIBRATION_REASONS),
                    proposed_by=rng.choices(list(Proposer), (3, 4, 3))[0].value,
                    old_definition=definition,
                    new_definition=new_definition,
                    old_target=target,
                    new_target=new_target,
                )
                definition, target = new_definition, new_target
                day += timedelta(days=rng.randint(90, 300))
            row["definition"], row["target"] = definition, target

    # -- knowing the person ---------------------------------------------------------------------
    def _relationship_notes(self, pid: int, first: date, gap: tuple[int, int]) -> None:
        rng = self.rng
        day, order = first + timedelta(days=rng.randint(3, 30)), list(RELATIONSHIP_NOTES)
        while day <= self.today:
            topic = order.pop(0) if order else rng.choice(list(RELATIONSHIP_NOTES))
            text = rng.choice(RELATIONSHIP_NOTES[topic])
            _add(
                self.world.relationship_notes,
                person_id=pid,
                on=day,
                topic=topic,
                text=text,
                deleted_at=None,
            )
            day += timedelta(days=rng.randint(*gap))

    def _feedback(
        self,
        pid: int,
        arc: _Arc,
        area: _Area,
        first: date,
        meetings: list[tuple[int, date]],
        leave_open: bool,
    ) -> None:
        rng, today = self.rng, self.today
        for mid, held in meetings:
            if rng.random() < 0.2:
                self._give(pid, arc, area, held, mid)
            if rng.random() < 0.05:
                kind = rng.choice((FeedbackKind.APPRECIATION, FeedbackKind.COACHING))
                follow = (
                    self._text(rng.choice(FOLLOW_UPS), area, held) if rng.random() < 0.7 else ""
                )
                self._feedback_row(
                    pid, FeedbackDirection.RECEIVED, kind, rng.choice(RECEIVED[kind]), held, mid,
                    follow_up=follow,
                )  # fmt: skip
        day = first + timedelta(days=rng.randint(10, 40))
        while day <= today:
            self._give(pid, arc, area, day, None)
            day += timedelta(days=rng.randint(30, 75))
        day = first + timedelta(days=rng.randint(20, 60))
        while day <= today:
            answered = day + timedelta(days=rng.randint(2, 21))
            self._solicit(pid, area, day, None, answered if answered <= today else None)
            day += timedelta(days=rng.randint(40, 100))
        if leave_open:
            self._solicit(
                pid, area, max(first, today - timedelta(days=rng.randint(1, 10))), None, None
            )

    def _give(self, pid: int, arc: _Arc, area: _Area, day: date, meeting: int | None) -> None:
        rng = self.rng
        weights = (6, 3, 1) if arc.theirs(day) >= 0.7 else (2, 6, 2)
        kind = rng.choices(list(FeedbackKind), weights)[0]
        follow = self._text(rng.choice(GIVEN_FOLLOW_UPS), area, day) if rng.random() < 0.3 else ""
        text = self._text(rng.choice(GIVEN[kind]), area, day)
        self._feedback_row(pid, FeedbackDirection.GIVEN, kind, text, day, meeting, follow_up=follow)

    def _solicit(
        self, pid: int, area: _Area, day: date, meeting: int | None, answered: date | None
    ) -> None:
        rng = self.rng
        question = self._text(rng.choice(ASKED), area, day)
        answer = follow = None
        if answered is not None:
            answer = self._text(rng.choice(ANSWERS), area, answered)
            follow = (
                self._text(rng.choice(FOLLOW_UPS), area, answered) if rng.random() < 0.7 else ""
            )
        self._feedback_row(
            pid, FeedbackDirection.SOLICITED, None, question, day, meeting, answer, answered,
            follow or "",
        )  # fmt: skip

    def _feedback_row(
        self,
        pid: int,
        direction: FeedbackDirection,
        kind: FeedbackKind | None,
        text: str,
        on: date,
        meeting: int | None,
        answer: str | None = None,
        answered_on: date | None = None,
        follow_up: str = "",
    ) -> None:
        _add(
            self.world.feedback,
            person_id=pid,
            direction=direction.value,
            kind=kind.value if kind else None,
            text=text,
            on=on,
            answer=answer,
            answered_on=answered_on,
            follow_up=follow_up,
            one_on_one_id=meeting,
            deleted_at=None,
        )

    def _assessments(self, pid: int, arc: _Arc, first: date) -> None:
        rng = self.rng
        day = first + timedelta(days=rng.randint(25, 60))
        while day <= self.today:
            center = 1 + 4 * arc.theirs(day)
            cores = [_clamp(center + bias + rng.gauss(0, 0.45)) for bias in (0.4, 0.3, 0.0, -0.2)]
            mean = sum(cores) / 4
            note = rng.choice(ASSESS_HIGH if mean >= 4 else ASSESS_LOW if mean < 3 else ASSESS_MID)
            _add(
                self.world.trust_assessments,
                person_id=pid,
                on=day,
                integrity=cores[0],
                intent=cores[1],
                capabilities=cores[2],
                results=cores[3],
                note=note,
                deleted_at=None,
            )
            day += timedelta(days=rng.randint(80, 100))

    # -- the leader's own -----------------------------------------------------------------------
    def _term(self, pid: int | None, term: str, meaning: str, on: date) -> None:
        _add(
            self.world.terms,
            person_id=pid,
            term=term,
            meaning=meaning,
            agreed_on=on,
            deleted_at=None,
        )

    def _team_terms(self) -> None:
        rng = self.rng
        picks = rng.sample(TEAM_TERMS, rng.randint(6, len(TEAM_TERMS)))
        days = sorted(rng.randint(0, self.span) for _ in picks)
        for (term, meaning), offset in zip(picks, days, strict=True):
            self._term(None, term, meaning, self.start + timedelta(days=offset))

    def _reflections(self) -> None:
        rng = self.rng
        joined = sorted(self.joined)
        monday, this_week, known = self.focus_start, week_start(self.today), 0
        while monday < this_week:
            while known < len(joined) and joined[known][0] <= monday:
                known += 1
            if rng.random() < 0.85:
                principle = principle_for(monday, self.focus_start)
                name = joined[rng.randrange(known)][1] if known else "the team"
                _add(
                    self.world.reflections,
                    week_start=monday,
                    principle=int(principle),
                    text=rng.choice(REFLECTIONS[principle]).format(name=name),
                    updated_at=datetime.combine(monday + timedelta(days=4), time(17, 30)),
                )
            monday += timedelta(days=7)

    def _text(self, template: str, area: _Area, day: date, work: str | None = None) -> str:
        """Fill {work}, {team}, {year} and {q} in a template from the person's area."""
        if "{" not in template:
            return template
        fields: dict[str, object] = {
            "team": self.rng.choice(area.teams),
            "year": day.year,
            "q": (day.month - 1) // 3 + 1,
        }
        if "{work}" in template:
            work = work or self.rng.choice(area.work)[0].format(**fields)
            fields["work"] = _lower_first(work)
        return template.format(**fields)


# -- content: one item per line, fields separated by " | " -------------------------------------
def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _fields(text: str, count: int) -> tuple[tuple[str, ...], ...]:
    rows = tuple(tuple(f.strip() for f in line.split("|")) for line in _lines(text))
    assert all(len(row) == count for row in rows), rows
    return rows


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in _fields(text, 2))


@dataclass(frozen=True)
class _Area:
    """What a function of the company talks about: roles, work, measures, words, promises."""

    name: str
    roles: tuple[str, ...]
    skip_roles: tuple[str, ...]
    teams: tuple[str, ...]
    work: tuple[tuple[str, str], ...]  # delegation title, what done means
    factors: tuple[tuple[str, str, tuple[str, ...], str], ...]  # name, definition, targets, unit
    terms: tuple[tuple[str, str], ...]
    asks: tuple[str, ...]  # what people in this area promise me


def _area(text: str) -> _Area:
    """An area from its sections: name, roles, skip-level roles, teams; then the blocks."""
    head, work, factors, terms, asks = text.strip().split("\n\n")
    name, roles, skip_roles, teams = (
        tuple(s.strip() for s in line.split(";")) for line in _lines(head)
    )
    return _Area(
        name[0],
        roles,
        skip_roles,
        teams,
        _pairs(work),
        tuple((n, d, tuple(t.split("; ")), u) for n, d, t, u in _fields(factors, 4)),
        _pairs(terms),
        _lines(asks),
    )


AREAS: tuple[_Area, ...] = tuple(
    _area(text)
    for text in (
        """
Engineering
VP Engineering; Director of Engineering; Head of Platform Engineering
Engineering Manager; Staff Engineer; Principal Engineer; Tech Lead
Payments; Search; Checkout; Identity; Mobile; Core Platform; Growth

Production release process | Every release goes out through the pipeline with a rollback plan.
On-call rotation | Rotation staffed, runbooks current, pages acknowledged within 15 minutes.
Migration to the new CI system | All services build and deploy on the new CI; the old one is off.
Architecture decisions for {team} | Decisions written up as ADRs and shared with the forum.
Incident post-mortems | A blameless post-mortem within 5 working days of every Sev-1 and Sev-2.
Tech-debt budget | 20% of capacity spent on the agreed tech-debt list.
Observability vendor choice | Tool chosen, contract signed, two teams onboarded.

Deployment frequency | Production deploys per week, from the CD pipeline. | 10; 15; 20 | per week
Change failure rate | Deploys needing a rollback or hotfix within 24 hours. | < 15; < 10; < 5 | %
Time to restore | Median time from page to service restored (Sev-1, Sev-2). | < 4; < 2; < 1 | hours
Uptime | Availability of customer-facing APIs, from the external probe. | 99.5; 99.9; 99.95 | %

Done | Merged, deployed to production and behind no feature flag.
Sev-1 | Customers cannot pay or log in, or data is at risk.
Launched | Available to all paying customers, not just a beta group.

Write up the incident post-mortem
Share the architecture proposal for {team}
Get the on-call runbooks reviewed
Send the Q{q} capacity plan
Draft the migration timeline
""",
        """
Data Science
Head of Data Science; Director of Data Science; Head of Machine Learning
Data Science Manager; Senior Data Scientist; ML Engineer; Analytics Engineer
Pricing; Forecasting; Recommendations; Fraud; Experimentation

Demand forecasting model | Forecast in production, refreshed weekly, accuracy reported monthly.
Experimentation platform | Product teams run A/B tests without a data scientist in the loop.
Model risk reviews | Every model in production reviewed twice a year.
Pricing model refresh | New price elasticities live for all markets, signed off by Finance.
Fraud detection thresholds | Thresholds tuned monthly; false positives reported to Risk.
Data strategy for {team} | A one-page strategy agreed with the product leads.

Forecast accuracy | MAPE on the 4-week horizon, per region. | < 12; < 10; < 8 | % MAPE
Experiments concluded | A/B tests concluded with a written decision. | 6; 8; 12 | per quarter
Model freshness | Days since the last retrain of each production model. | < 30; < 14 | days
Fraud loss | Chargebacks as a share of gross merchandise value. | < 0.3; < 0.2 | %

Significant | p < 0.05 on the pre-registered metric, with the planned sample size reached.
In production | Scoring live traffic, with monitoring and an on-call owner.
Model owner | The person who answers when the model misbehaves at 3 a.m.

Share the model card for {team}
Send the forecast accuracy report
Write up the experiment results
Present the pricing analysis to Finance
Document the feature-store conventions
""",
        """
Finance
Finance Director; Head of FP&A; Financial Controller
FP&A Manager; Senior Financial Analyst; Accounting Manager; Treasury Analyst
EMEA; Americas; Group Reporting; Procurement

Annual budget {year} | Budget approved by the board; every cost-centre owner signed off.
Month-end close | Books closed by working day 5 with a variance commentary.
Cash forecast | 13-week cash forecast updated every Monday.
Audit preparation | Auditors get every requested item on time; no material findings.
Vendor payment terms | Top 20 vendors on 45-day terms.
Discount approvals over 20% | Every deal above 20% discount has a margin check on file.

Close speed | Working days from month end until the books are closed. | 7; 5; 4 | days
Opex forecast accuracy | Actual vs forecast opex at quarter end. | ± 5; ± 3 | %
Days sales outstanding | Average days from invoice to cash. | 50; 45; 40 | days
Audit adjustments | Audit adjustments above the materiality threshold. | 0 | adjustments

Committed spend | Signed purchase orders, not pipeline or estimates.
Run rate | Last full month times twelve, excluding one-offs.
Approved | In the budget and signed by the cost-centre owner.

Send the variance commentary
Share the updated cash forecast
Prepare the board-pack figures
Finish the audit request list
Send the headcount cost model
""",
        """
Product
Head of Product; VP Product; Group Product Manager
Senior Product Manager; Product Manager; Product Operations Lead
Payments; Onboarding; Mobile; Enterprise; Self-serve

Quarterly roadmap | Roadmap agreed with engineering and shared with sales.
Discovery for {team} | Five customer interviews and a written problem statement.
Launch of the {team} beta | Beta live for 20 design partners with a feedback loop.
Deprecation of the legacy plans | All customers migrated; legacy plans gone from billing.
Product analytics taxonomy | Every event named per the taxonomy; dashboards rebuilt.
Pricing page changes | New page live, A/B tested, conversion reported.

Activation rate | New sign-ups completing the key action within 7 days. | 35; 40; 45 | %
Roadmap predictability | Committed roadmap items delivered in the quarter. | 70; 80 | %
NPS | Net promoter score from the in-app survey, rolling 90 days. | 30; 40 | points
Feature adoption | Weekly active accounts using the new feature. | 500; 1000 | accounts

Committed | On the roadmap with a date engineering has agreed to.
Beta | Available to selected customers, without an SLA.
Active account | An account with at least one user session in the last 7 days.

Share the roadmap draft
Send the discovery notes for {team}
Write the launch brief
Review the pricing proposal with Sales
Send the customer interview summary
""",
        """
Customer Success
Director of Customer Success; Head of Customer Support; VP Customer Experience
Customer Success Manager; Support Team Lead; Support Operations Lead
Enterprise; SMB; EMEA; Americas

Renewal playbook | Every renewal above 50k has an owner and a plan 120 days ahead.
Support staffing and rota | Coverage 7am to 9pm in every region, weekends on call.
Escalation process | Every escalation owned within an hour, closed with a written summary.
Customer health score | Score live in the CRM and reviewed weekly by every CSM.
Knowledge base overhaul | Top 100 articles rewritten; search success above 70%.

Gross revenue retention | Renewed ARR over ARR up for renewal, per quarter. | 88; 90; 92 | %
First response time | Median first response on tickets, business hours. | < 4; < 2; < 1 | hours
CSAT | Share of rated tickets scored good. | 90; 93; 95 | %
Backlog | Tickets older than 7 days. | < 50; < 25 | tickets

Churned | Contract not renewed, or downgraded by more than half.
Escalation | A customer issue that needs someone outside support to resolve it.
Healthy account | Health score green for two months in a row.

Send the renewal forecast
Share the escalation summary
Draft the new support rota
Call the top three at-risk accounts
Write up the churn analysis
""",
        """
Sales
VP Sales; Director of Sales; Head of Partnerships
Sales Manager; Account Director; Sales Operations Manager; Partner Manager
EMEA; North America; DACH; Enterprise; Channel

Sales compensation plan {year} | Plan signed off by Finance and explained to every rep.
Quarterly forecast | Commit submitted every Monday; within 10% at quarter end.
Discount approvals up to 20% | Decided within a day, logged in the CRM with the reason.
Partner programme | Three partners certified and sourcing pipeline.
Territory planning {year} | Territories balanced and agreed with every manager.

Forecast accuracy | Quarter-end bookings vs the week-4 commit. | ± 15; ± 10 | %
Pipeline coverage | Qualified pipeline over remaining quota. | 3; 3.5 | x
Win rate | Closed-won over closed deals from stage 3 on. | 25; 30 | %

Qualified | Budget, authority, need and timing confirmed in writing.
Commit | Deals we would bet the quarter on.
Booking | A countersigned order form.

Send the commit forecast
Share the territory plan
Draft the comp plan proposal
Send the partner pipeline review
Loop Legal in on the MSA changes
""",
        """
People
Head of People; HR Director; Head of Talent Acquisition
People Partner; Recruiting Lead; Learning & Development Manager
Talent; People Operations; Learning

Performance review cycle | All reviews written, calibrated and delivered by the deadline.
Engagement survey follow-up | Every team has two actions and an owner for each.
Career ladder for engineering | Ladder published, managers trained, first promotions on it.
Recruiting process | Structured interviews for every role; scorecards in the ATS.
Manager training | Every new manager through the programme within 90 days.

Time to hire | Median days from opening to accepted offer. | 60; 45; 40 | days
Regretted attrition | Regretted leavers over average headcount, 12 months. | < 8; < 6 | %
Engagement score | Engagement index from the twice-yearly survey. | 70; 75 | points

Regretted leaver | Someone we would hire again tomorrow.
Offer approved | Signed off by the hiring manager and Finance.

Send the calibration schedule
Share the survey results
Draft the career ladder
Review the recruiting funnel data
""",
        """
Design
Head of Design; Design Director
Design Manager; Lead Product Designer; UX Researcher
Design System; Research; Brand

Design system roadmap | Roadmap agreed with engineering; adoption tracked monthly.
Accessibility audit | Core flows meet WCAG 2.1 AA; issues logged and scheduled.
Research operations | Recruiting, consent and storage of research sessions in one place.
Design reviews | Every major feature reviewed before build starts.

Design system adoption | Product screens built from system components. | 60; 75; 90 | %
Accessibility issues | Open WCAG AA issues in core flows. | < 20; < 10; 0 | issues
Research cadence | Customer research sessions per month. | 8; 12 | sessions

Shipped design | Built and live, not just handed off in Figma.
Accessible | Meets WCAG 2.1 AA, checked with a screen reader.

Share the accessibility audit
Send the research plan
Review the onboarding mocks
""",
        """
Marketing
Head of Marketing; Director of Growth Marketing; Head of Communications
Content Lead; Demand Generation Manager; Brand Manager
Demand Gen; Brand; Product Marketing

Annual conference presence | Booth, two talks and a follow-up sequence for every lead.
Website relaunch | New site live, redirects in place, conversion not down.
Paid acquisition budget | Spend within budget at or below the target cost per lead.
Launch messaging | Messaging agreed with Product and Sales before launch.

Marketing-qualified leads | Leads meeting the MQL definition, per month. | 400; 500; 600 | leads
Cost per lead | Paid spend over paid MQLs. | < 120; < 100 | EUR

MQL | A lead matching the customer profile that engaged twice in 30 days.
Launch | Announced publicly with press, blog and sales enablement done.

Send the campaign results
Share the messaging draft
Send the website plan
""",
        """
Security
Head of Security; CISO; Head of IT
Security Engineering Lead; IT Manager; GRC Manager
AppSec; Infrastructure; Compliance

SOC 2 audit | Type II report issued with no exceptions.
Vulnerability management | Critical findings fixed within 7 days, high within 30.
Quarterly access reviews | Every system owner signed off their user list.
Incident response plan | Plan written and tested in a tabletop exercise twice a year.

Patch latency | Median days from critical CVE to patched in production. | < 14; < 7 | days
Phishing click rate | Share of staff clicking the quarterly test. | < 10; < 5 | %
Open critical findings | Critical findings open past their deadline. | 0 | findings

Critical | CVSS 9 or above, or exploitable from the internet.
Access review done | Every system owner signed off their user list.

Send the audit evidence list
Share the pen-test results
Draft the response plan
""",
        """
Operations
Director of Operations; Head of Business Operations; Head of Supply Chain
Operations Manager; Logistics Lead; Business Analyst
Logistics; Facilities; Business Systems

Office move | Everyone moved over one weekend; no lost working day.
Supplier contracts | Top suppliers on renewed contracts with SLAs.
Quarterly business review | Pack ready two days ahead; decisions minuted.
ERP upgrade | Upgrade live; month-end close not delayed by it.

On-time delivery | Orders delivered by the promised date. | 95; 97; 98 | %
Cost per order | Fulfilment cost over orders shipped. | < 4.5; < 4 | EUR

On time | Delivered by the date shown to the customer at checkout.
Supplier approved | Passed due diligence and signed the code of conduct.

Send the supplier shortlist
Share the QBR pack
Send the SLA report
""",
        """
Legal
General Counsel; Head of Legal
Senior Counsel; Legal Operations Manager; Privacy Counsel
Commercial; Privacy; Corporate

Contract templates | Templates and fallback positions agreed with Sales.
GDPR programme | Records of processing complete; DPAs signed with every processor.
Contract review turnaround | Standard contracts reviewed within three working days.

Contract turnaround | Median working days from request to signature-ready draft. | 5; 3 | days
Privacy requests on time | Data subject requests answered within 30 days. | 100 | %

Standard terms | Our template, with no changes beyond the approved fallbacks.
Signature-ready | Redlines agreed; only signatures missing.

Send the redlined MSA
Share the privacy impact assessment
Draft the NDA template
""",
    )
)

COMMON_WORK = _pairs("""
Hiring plan {year} | Approved headcount filled or in final stage by year end.
Team budget {year} | Spend within budget; variances explained monthly.
Quarterly OKRs | OKRs drafted with the team and agreed with me before the quarter starts.
Onboarding of new team members | Every new hire has a buddy and a 30-60-90 plan.
Team offsite | Agenda, venue and outcomes written up and shared.
""")
COMMON_ASKS = _lines("""
Send the hiring plan
Share the team's OKR draft
Send me the offsite agenda
Write the promotion case for {team}
""")
MY_PROMISES = _lines("""
Introduce you to the CFO
Get budget approval for two more hires
Review your promotion case
Raise the tooling request with the exec team
Send feedback on your strategy doc
Unblock the vendor contract with Legal
Share the board deck before it goes out
Find you a mentor outside the company
Ask the CEO about the reorg timing
Sponsor your conference talk
Clarify the headcount freeze with Finance
Read the {work} proposal and comment
Protect {team} from the next ad-hoc request
""")
SHARED_NOTES = _lines("""
Reviewed progress on {work}.
Agreed next steps on {work}.
Went through hiring for {team}.
Walked through the roadmap for Q{q}.
Talked about workload and what to drop.
Discussed the cross-team friction with Product.
Prepared the quarterly business review.
Looked at the budget for {year}.
Talked about growing the leads in {team}.
Planned the team offsite.
""")
SKIP_NOTES = _lines("""
Skip-level: how the team sees the strategy.
Skip-level: career goals and what would help.
Skip-level: what slows {team} down.
Asked what they would change if they ran {team}.
Talked about the last reorg and how it landed.
""")
PRIVATE_HIGH = _lines("""
Clearly enjoying the work; ready for more scope.
Confident and crisp. Could take {work} on fully.
Great energy; the team follows them.
""")
PRIVATE_MID = _lines("""
Fine overall; a bit stretched by {work}.
Steady. Wants more clarity on priorities.
Some frustration with the budget process.
""")
PRIVATE_LOW = _lines("""
Seemed tired; two deadlines slipped this month.
Defensive when we talked about {work}. Follow up.
Distracted. Ask gently about how things are at home.
Not themselves; I should offer help before it gets worse.
""")
TOPICS = _lines("""
Career growth: next step
Hiring pipeline for {team}
Team morale after the reorg
Feedback on my last all-hands
Budget for Q{q}
Conference attendance
Succession plan
Workload and focus
Vacation planning
Promotion case in {team}
How escalations reach me
{work}: risks
{work}: status
""")
DUE_DAYS = (3, 7, 7, 10, 14, 14, 21, 30, 45, 60)
LATENESS = (-2, -1, 0, 0, 0, 0, 1, 1, 2, 3, 5)
RENEGOTIATE = _lines("""
Scope grew; agreed a later date.
Waiting on Legal; moved by a week.
Asked early for more time, which is fine.
Reprioritised after the launch slipped.
""")
KEPT_NOTES = ("", "", "Delivered.", "Done, and well done.")
OTHER_NOTES = {
    PromiseState.BROKEN: ("Missed, no heads-up beforehand.", "Fell through the cracks.", ""),
    PromiseState.RELEASED: (
        "No longer needed after the reprioritisation.",
        "Dropped by agreement.",
    ),
}
INVOLVE_ME = (
    *_lines("""
Spend over 50k
Anything customer-facing
A hire or a departure
A change to the public roadmap
A risk to a committed date
Anything the board will ask about
Legal or compliance exposure
Press or social media
"""),
    "",
)
TARGET_REASONS = ("Growth path agreed", "Aim agreed for the end of the year", "Where we want to be")
UP_REASONS = _lines("""
Three on-track checkpoints in a row
Handled the last two escalations without me
The budget came in on target
Ready for more; agreed in our 1:1
Strong results this quarter
Involves me at exactly the right moments
""")
DOWN_REASONS = _lines("""
Missed the last deadline; checking in more closely for a while
Off track at the checkpoint; pulling back one level
New customer risk; I want to be closer to it
Scope grew a lot; stepping back in for now
Two surprises this month; agreed to consult me first
""")
CHECKPOINT_NOTES: dict[CheckpointOutcome, tuple[str, ...]] = {
    CheckpointOutcome.ON_TRACK: _lines("""
Milestones met; no surprises.
Ahead of plan; nothing needed from me.
On track and the metrics are green.
Good progress on {work}.
"""),
    CheckpointOutcome.CONCERNS: _lines("""
Timeline at risk; agreed on a mitigation.
Quality fine but scope creeping.
Dependency on {team} is slowing things down.
"""),
    CheckpointOutcome.OFF_TRACK: _lines("""
Missed the milestone; root cause unclear.
Over budget by 15%; a recovery plan is due Friday.
No progress since last time; we need to talk.
"""),
    CheckpointOutcome.SKIPPED: ("Skipped: travel.", "Skipped; covered in the 1:1 instead."),
}
EVIDENCE = (
    *_lines("""
Weekly status report
Dashboard review
Demo of the working build
Budget vs actuals
Customer feedback summary
Retro notes
"""),
    "",
)
REFINEMENTS = _lines("""
Excluding planned maintenance.
Measured on a 30-day rolling average.
Counted per team, not per person.
Only customer-facing work counts.
Reported in the first week of each month.
""")
CALIBRATION_REASONS = _lines("""
The old target was too easy after the tooling change.
The definition double-counted some cases.
Agreed to measure per team, not per person.
The market changed; the target was no longer realistic.
Found a better proxy for what we care about.
""")
RELATIONSHIP_NOTES: dict[str, tuple[str, ...]] = {
    "motivation": _lines("""
Motivated by building teams from scratch.
Energised by hard problems; bored by status meetings.
Cares most about customer impact.
Wants visible ownership of outcomes.
Motivated by learning; takes a course every year.
"""),
    "working style": _lines("""
Prefers written pre-reads over live discussion.
Thinks out loud; give room before deciding.
Likes short, frequent check-ins over long reviews.
Very direct; appreciates the same in return.
Detail-oriented: send data, not adjectives.
"""),
    "aspirations": _lines("""
Wants to be a VP within three years.
Curious about a move into product management one day.
Would like to run a larger, multi-site team.
Wants to stay hands-on; not ready to manage managers.
Dreams of founding a company eventually.
"""),
    "personal context": _lines("""
Two young kids; leaves at 5 on Tuesdays and Thursdays.
Training for a marathon this spring.
Caring for a parent; may need flexible hours.
Moved from Lisbon last year; still settling in.
Studying for an MBA in the evenings.
"""),
}
GIVEN: dict[FeedbackKind, tuple[str, ...]] = {
    FeedbackKind.APPRECIATION: _lines("""
Thank you for how you handled the {work} escalation: calm and clear.
Great job on {work}; the exec team noticed.
Your update at the staff meeting was the clearest in months.
Thanks for saying early that the date was at risk.
"""),
    FeedbackKind.COACHING: _lines("""
In the review you answered for your team; let them speak first.
Your updates are long; lead with the decision you need.
On {work}, bring me options, not just the problem.
Say no to new requests sooner; the team is overloaded.
"""),
    FeedbackKind.EVALUATION: _lines("""
Mid-year review: exceeds expectations on results, meets on collaboration.
Annual review: a strong year; promotion case for the next cycle.
Annual review: meets expectations; delivery dates are the growth area.
"""),
}
GIVEN_FOLLOW_UPS = _lines("""
They asked for an example; sent it the next day.
Saw the change at the next review.
""")
RECEIVED: dict[FeedbackKind, tuple[str, ...]] = {
    FeedbackKind.APPRECIATION: _lines("""
Your quick decision on the budget helped a lot.
Thanks for shielding us during the reorg.
"""),
    FeedbackKind.COACHING: _lines("""
You interrupted me twice in the staff meeting.
The reorg announcement came too late for my team.
I'd like more context on why priorities changed.
"""),
}
ASKED = _lines("""
What should I do differently in our 1:1s?
How did my all-hands land with your team?
Am I giving you enough room on {work}?
What is one thing I could stop doing?
How clear was the strategy update?
""")
ANSWERS = _lines("""
Fewer status questions; more about what is blocking me.
Good energy, but the why was missing.
Mostly yes; the check-ins on {work} feel frequent.
Stop posting in our channel late at night; people feel they must answer.
Clear on the what, not on the trade-offs.
""")
FOLLOW_UPS = _lines("""
Changed the 1:1 format: blockers first.
Shared the context in writing the next day.
Moved the {work} checkpoint to monthly.
Stopped posting after 7 p.m.
Discussed at the staff meeting; agreed a new rule.
""")
ASSESS_HIGH = ("Consistently reliable; ready for more scope.", "Trust is high in every core.")
ASSESS_MID = ("Solid; a few dates slipped.", "Good intent; results uneven this quarter.")
ASSESS_LOW = ("Recent misses; we agreed a recovery plan.", "Capabilities fine, results not there.")
TEAM_TERMS = _pairs("""
Disagree and commit | Once decided, we execute as if it were our own idea, and say so if not.
Escalate | Bring it to me with your recommendation, not just the problem.
P1 | Drop other work until it is resolved.
Decision owner | The one person who makes the call after hearing the others.
Involve me | Tell me before it happens, not after.
Headcount | Approved, funded positions, not ideas for roles.
Red | Will miss the date without help; yellow means at risk but recoverable.
Quarter | Calendar quarter: Q1 starts on 1 January.
Customer-facing | Anything a customer sees, reads or is billed for.
""")
REFLECTIONS: dict[Principle, tuple[str, ...]] = {
    Principle.CLARITY: _lines("""
{name} and I placed the hiring decision two levels apart. Fixed it in our 1:1.
Wrote down 'involve me when' for every open delegation. Overdue.
I stepped in on a decision I had delegated to {name}. Apologised.
"""),
    Principle.SMART_TRUST: _lines("""
Checking on {name} more often than the record justifies. Moving to monthly.
Two delegations had no checkpoint at all. Planned them.
{name} earned a level up; we agreed it on Thursday.
"""),
    Principle.SUCCESS_FACTORS: _lines("""
{name} and I meant different things by 'launched'. Added a term.
Recalibrated two targets that no longer mattered.
Every delegation now has at least one measure we both use.
"""),
    Principle.FOUNDATION_OF_TRUST: _lines("""
I owe {name} an answer on budget since last month. Sent it today.
Renegotiated two of my promises before the date instead of letting them slip.
My own record is worse than I thought. Fewer promises, kept.
"""),
    Principle.RELATIONSHIP: _lines("""
Had a real conversation with {name} about what they want in two years.
Skipped two 1:1s this month. Not again.
Learned something about {name}'s family I should have known.
"""),
    Principle.FEEDBACK: _lines("""
Asked {name} what I should stop doing. Useful answer.
All my feedback this month was appreciation. Need to be braver.
Acted on the feedback about late-night messages.
"""),
}
FIRST_NAMES = _words(
    """
Ada Amara Anika Aisha Alejandro Ali Amelia Ananya Andrei Anna Arjun Astrid Ben Bianca Camille
Carlos Chen Chiara Chloe Daniel Dara David Diego Dmitri Elena Elif Emeka Emma Esther Fatima Felix
Fiona Francesca Gabriel Grace Hana Hannah Hassan Helena Hugo Ibrahim Ines Ingrid Isaac Ivan Jack
Jamal Javier Jia Joana Jonas José Julia Kai Karin Kavya Kenji Kofi Lars Layla Leila Leo Lena Liam
Lina Lucas Lucía Luis Maja Malik Marco Maria Marta Mateo Maya Mei Mia Mohammed Nadia Naomi Nia
Nikhil Nils Noah Nora Olga Oliver Omar Oscar Paolo Paula Pedro Priya Rafael Rahul Rania Ravi Rosa
Ruth Sakura Samir Sara Sean Sofia Søren Stefan Sunita Tariq Thandiwe Theo Tomás Uma Valentina
Victor Wei Yara Yusuf Zainab Zara Zoë
"""
)
LAST_NAMES = _words(
    """
Abara Adeyemi Ahmed Alvarez Andersen Bauer Becker Bergström Bianchi Brown Campbell Castillo
Chatterjee Chen Costa Dahl Das Dubois Eriksen Fernandes Fischer Fontaine García Gonzalez Gupta
Haddad Hansen Hartmann Hernández Hoffmann Ivanova Iyer Jansen Jensen Kapoor Kato Keller Khan Kim
Kowalski Kruger Lambert Larsen Laurent Lee Lindqvist Lopez Lund Mahlangu Martin Mendes Meyer Moreau
Müller Murphy Nakamura Nguyen Nielsen Novak Nowak Obi O'Brien Okafor Olsen Ortiz Park Patel Pereira
Petrov Popescu Quinn Rahman Ramos Rao Reyes Ricci Rossi Russo Sato Schmidt Schneider Silva Singh
Smith Sousa Suzuki Svensson Takahashi Tan Taylor Thomas Torres Umar Varga Vasquez Vogel Wagner
Walsh Wang Weber Wilson Wong Wójcik Yamamoto Yilmaz Zhang Zimmermann Zulu
"""
)
