"""The builder of one demo world: the people, in a fixed order, and the leader's own notes.

Each direct report's rows come from the mixins in the order `_direct_report` calls them; that
order is part of the data (one `rng`), so reordering calls changes every generated world.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta

from leaddesk.demo.builder_base import BuilderBase, add_row
from leaddesk.demo.delegations import DelegationsMixin
from leaddesk.demo.feedback import FeedbackMixin
from leaddesk.demo.meetings import MeetingsMixin
from leaddesk.demo.names import FIRST_NAMES, LAST_NAMES
from leaddesk.demo.promises import PromisesMixin
from leaddesk.demo.stories import MIX_WEIGHTS, TENURE_DAYS, Arc, DemoWorld, Story
from leaddesk.demo.texts import REFLECTIONS, SHARED_NOTES, SKIP_NOTES, TEAM_TERMS
from leaddesk.demo.texts_areas import AREAS, Area
from leaddesk.domain.focus import principle_for, week_start
from leaddesk.services.bulk import Row


class Builder(MeetingsMixin, PromisesMixin, DelegationsMixin, FeedbackMixin, BuilderBase):
    """Builds one world; every random draw comes from `rng` in a fixed order."""

    def build(self, people: int) -> DemoWorld:
        self._team_terms()
        stories = list(Story)
        for index in range(people):
            story = (
                stories[index]
                if index < len(stories)
                else self.rng.choices(stories, MIX_WEIGHTS)[0]
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
        return add_row(
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
            one_on_one_every_days=None,  # the default of their place, unless set below
        )

    def _direct_report(self, index: int, story: Story, area: Area) -> None:
        rng, today = self.rng, self.today
        tenure = rng.randint(*TENURE_DAYS[story])
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
        arc = Arc(story, first, today, turn, turn_end, rng.uniform(0.72, 0.95))
        rank = index // len(AREAS)
        role = area.roles[rank % len(area.roles)]
        if rank:
            role = f"{role}, {area.teams[rank % len(area.teams)]}"
        person = self._person(role, area.name, since, first)
        pid: int = person["id"]
        self.world.stories[pid] = story
        self.joined.append((first, str(person["name"]).split()[0]))
        weekly_until = first + timedelta(days=56) if story is Story.NEW_HIRE else first
        # A few people have a rhythm of their own (no random draw: the world stays the same).
        if weekly_until > today:
            person["one_on_one_every_days"] = 7  # a new hire, met weekly for the first weeks
        elif story is Story.STEADY_VETERAN:
            person["one_on_one_every_days"] = 21  # steady: every 3 weeks is enough
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

    def _skip_level(self, boss: int, area: Area) -> None:
        rng, today = self.rng, self.today
        since = today - timedelta(days=rng.randint(60, 3000))
        first = max(since, self.start)
        role = f"{rng.choice(area.skip_roles)}, {rng.choice(area.teams)}"
        pid: int = self._person(role, area.name, since, first, boss)["id"]
        story = rng.choice((Story.RISING_STAR, Story.STEADY_VETERAN))
        arc = Arc(story, first, today, today, today, rng.uniform(0.75, 0.95))
        meetings = self._one_on_ones(pid, arc, area, 70, first, SKIP_NOTES)
        self._promises(pid, arc, area, meetings, 0.25, 0.35, outside=False)
        self._relationship_notes(pid, first + timedelta(days=30), (300, 600))
        for mid, held in meetings:
            if rng.random() < 0.4:
                answered = rng.random() < 0.8 or (today - held).days > 30
                self._solicit(pid, area, held, mid, held if answered else None)

    # -- the leader's own -----------------------------------------------------------------------
    def _term(self, pid: int | None, term: str, meaning: str, on: date) -> None:
        add_row(
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
                add_row(
                    self.world.reflections,
                    week_start=monday,
                    principle=int(principle),
                    text=rng.choice(REFLECTIONS[principle]).format(name=name),
                    updated_at=datetime.combine(monday + timedelta(days=4), time(17, 30)),
                )
            monday += timedelta(days=7)
