"""The builder's delegations: levels, checkpoints, success factors and their calibrations."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from leaddesk.demo.builder_base import DAY, BuilderBase, add_row
from leaddesk.demo.stories import LEVEL_CAP, START_LEVELS, Arc, Story, progress
from leaddesk.demo.texts import (
    CALIBRATION_REASONS,
    CHECKPOINT_NOTES,
    COMMON_WORK,
    DOWN_REASONS,
    EVIDENCE,
    INVOLVE_ME,
    LATENESS,
    REFINEMENTS,
    TARGET_REASONS,
    UP_REASONS,
)
from leaddesk.demo.texts_areas import Area
from leaddesk.domain.cadence import next_checkpoint_interval
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import Proposer
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.trust import TrackRecord, from_weights


class _View(enum.Enum):
    """What the person believes their level is on a delegation."""

    AGREED = "agreed"  # discussed; usually the same as mine
    NOT_DISCUSSED = "not discussed"  # no level of theirs yet
    ONE_ABOVE = "one above"  # they act a level above the one I gave


def _record(quality: float) -> TrackRecord:
    """A track record whose expectation is about `quality`, to pick checkpoint cadence."""
    return from_weights(8 * quality, 8 * (1 - quality))


class DelegationsMixin(BuilderBase):
    """Delegations over the years; the latest one per person tells their story."""

    def _delegations(self, pid: int, arc: Arc, area: Area) -> None:
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
        starts = START_LEVELS[arc.story]
        titles: set[str] = set()
        for count, day in enumerate(schedule):
            level = starts[count % len(starts)]
            if arc.story is Story.RISING_STAR:
                level = min(6, level + int(2 * progress(arc.first, day, today)))
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
        arc: Arc,
        area: Area,
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
        row = add_row(
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
            add_row(
                self.world.state_changes,
                delegation_id=did,
                on=end,
                from_state=DelegationState.ACTIVE.value,
                to_state=state.value,
            )
        cap = LEVEL_CAP[arc.story]
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
        done: tuple[CheckpointOutcome, date, Area, str] | None = None,
    ) -> None:
        """A checkpoint, open or `done` as (outcome, on, area, delegation title)."""
        note = evidence = ""
        outcome = done_on = None
        if done is not None:
            outcome, done_on, area, title = done
            note = self._text(self.rng.choice(CHECKPOINT_NOTES[outcome]), area, done_on, title)
            evidence = self.rng.choice(EVIDENCE)
        add_row(
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
        add_row(
            self.world.level_changes,
            delegation_id=did,
            kind=kind.value,
            on=on,
            from_level=old,
            to_level=new,
            reason=reason,
        )

    def _factors(self, did: int, area: Area, created: date, until: date) -> None:
        rng = self.rng
        count = min(rng.choice((0, 1, 1, 2, 2, 3)), len(area.factors))
        for name, definition, targets, unit in rng.sample(area.factors, count):
            agreed = min(self.today, created + timedelta(days=rng.randint(0, 14)))
            target = rng.choice(targets)
            row = add_row(
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
                add_row(
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
