"""Read models: frozen snapshots the UI, CLI and reports render. Never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind, Proposer
from leaddesk.domain.focus import Principle
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind, has_clarity_gap
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.domain.trust import TrackRecord, Trend
from leaddesk.services.action_item import ActionItem as ActionItem
from leaddesk.services.action_item import ItemKind as ItemKind


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """A person as lists show them."""

    id: int
    name: str
    role: str | None
    area: str | None
    email: str | None
    in_role_since: date | None
    reports_to_id: int | None
    reports_to_name: str | None
    archived: bool

    @property
    def is_direct_report(self) -> bool:
        """Direct reports report to the leader (no reports-to); others are skip-levels."""
        return self.reports_to_id is None


@dataclass(frozen=True, slots=True)
class LevelChangeView:
    """One entry of a delegation's level history."""

    delegation_id: int
    delegation_title: str
    kind: LevelKind
    on: date
    from_level: EmpowermentLevel | None
    to_level: EmpowermentLevel | None
    reason: str

    @property
    def is_up(self) -> bool:
        """More empowerment than before."""
        return (self.from_level or 0) < (self.to_level or 0)


@dataclass(frozen=True, slots=True)
class CheckpointView:
    """A planned or completed checkpoint."""

    id: int
    delegation_id: int
    delegation_title: str
    person_id: int
    due_on: date
    outcome: CheckpointOutcome | None
    completed_on: date | None
    note: str
    evidence: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class CalibrationView:
    """A change to a success factor's definition or target."""

    on: date
    reason: str
    proposed_by: Proposer
    old_definition: str
    new_definition: str
    old_target: str | None
    new_target: str | None


@dataclass(frozen=True, slots=True)
class SuccessFactorView:
    """An agreed measure with its calibration history."""

    id: int
    delegation_id: int
    name: str
    definition: str
    target: str | None
    unit: str | None
    agreed_on: date
    calibrations: tuple[CalibrationView, ...]

    @property
    def last_calibrated_on(self) -> date:
        """The latest agreement or calibration date."""
        return max([self.agreed_on, *(c.on for c in self.calibrations)])


@dataclass(frozen=True, slots=True)
class DelegationView:
    """A delegation with everything the Delegations tab and the board show."""

    id: int
    person_id: int
    person_name: str
    title: str
    done_means: str
    my_level: EmpowermentLevel
    their_level: EmpowermentLevel | None
    target_level: EmpowermentLevel | None
    involve_me_when: str
    review_on: date | None
    state: DelegationState
    created_on: date
    next_checkpoint: CheckpointView | None
    checkpoints: tuple[CheckpointView, ...]
    factors: tuple[SuccessFactorView, ...]
    history: tuple[LevelChangeView, ...]

    @property
    def clarity_gap(self) -> bool:
        """The person believes they hold a different level than the one I gave."""
        return has_clarity_gap(self.my_level, self.their_level)


@dataclass(frozen=True, slots=True)
class BoardCard:
    """A delegation as the board shows it: levels, involve-me-when and the next checkpoint only."""

    id: int
    person_id: int
    person_name: str
    title: str
    my_level: EmpowermentLevel
    their_level: EmpowermentLevel | None
    target_level: EmpowermentLevel | None
    involve_me_when: str
    created_on: date
    next_checkpoint: CheckpointView | None

    @property
    def clarity_gap(self) -> bool:
        """The person believes they hold a different level than the one I gave."""
        return has_clarity_gap(self.my_level, self.their_level)


@dataclass(frozen=True, slots=True)
class PromiseEventView:
    """A state change of a promise (renegotiations keep the old due date)."""

    on: date
    from_state: PromiseState
    to_state: PromiseState
    old_due_on: date | None
    new_due_on: date | None
    note: str


@dataclass(frozen=True, slots=True)
class PromiseView:
    """A promise, mine or theirs, with its history."""

    id: int
    person_id: int
    person_name: str
    direction: PromiseDirection
    text: str
    made_on: date
    due_on: date | None
    state: PromiseState
    resolved_on: date | None
    on_time: bool | None
    overdue: bool
    history: tuple[PromiseEventView, ...]


@dataclass(frozen=True, slots=True)
class OneOnOneView:
    """A 1:1 that took place."""

    id: int
    person_id: int
    held_on: date
    shared_notes: str
    private_notes: str
    energy: int | None
    discussed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OneOnOneDraftView:
    """A 1:1 in progress as last saved while typing: what to restore after a crash or restart."""

    person_id: int
    started_on: date
    shared_notes: str
    private_notes: str
    energy: int | None
    discussed_topic_ids: tuple[int, ...]
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class TopicView:
    """An open agenda topic; `carried` counts the 1:1s that ended without discussing it."""

    id: int
    person_id: int
    text: str
    created_on: date
    carried: int


@dataclass(frozen=True, slots=True)
class RelationshipNoteView:
    """Something the leader knows about the person."""

    id: int
    person_id: int
    on: date
    topic: str
    text: str


@dataclass(frozen=True, slots=True)
class FeedbackView:
    """Feedback given, received or solicited."""

    id: int
    person_id: int
    person_name: str
    direction: FeedbackDirection
    kind: FeedbackKind | None
    text: str
    on: date
    answer: str | None
    answered_on: date | None
    follow_up: str

    @property
    def is_open(self) -> bool:
        """A solicitation not answered yet."""
        return self.direction is FeedbackDirection.SOLICITED and self.answered_on is None


@dataclass(frozen=True, slots=True)
class AssessmentView:
    """A trust assessment on the four cores (1-5) and its 0-1 score."""

    id: int
    person_id: int
    on: date
    integrity: int
    intent: int
    capabilities: int
    results: int
    note: str
    score: float


@dataclass(frozen=True, slots=True)
class TermView:
    """A glossary entry, for one person or (person_id None) the whole team."""

    id: int
    person_id: int | None
    term: str
    meaning: str
    agreed_on: date


@dataclass(frozen=True, slots=True)
class TrustPoint:
    """The track record on one day."""

    on: date
    expectation: float
    belief: float
    plausibility: float


@dataclass(frozen=True, slots=True)
class TrustSeries:
    """Everything the trust-over-time chart draws for one person."""

    person_id: int
    track: tuple[TrustPoint, ...]
    mine: tuple[TrustPoint, ...]
    assessments: tuple[AssessmentView, ...]
    events: tuple[LevelChangeView, ...]
    current: TrackRecord
    my_current: TrackRecord
    trend: Trend
    half_life_days: float


@dataclass(frozen=True, slots=True)
class PersonOverview:
    """The header and Overview tab of a person page."""

    person: PersonSummary
    current: TrackRecord
    trend: Trend
    my_record: TrackRecord
    last_one_on_one: date | None
    open_promises_mine: int
    open_promises_theirs: int
    active_delegations: int
    clarity_gaps: int
    next_checkpoint: CheckpointView | None
    latest_assessment: AssessmentView | None
    reports: tuple[PersonSummary, ...]


@dataclass(frozen=True, slots=True)
class TeamMember:
    """One row of the team grid."""

    person: PersonSummary
    score: float
    trend: Trend
    sparkline: tuple[float, ...]
    open_promises: int
    overdue_items: int
    last_one_on_one: date | None


@dataclass(frozen=True, slots=True)
class TeamOverview:
    """The team grid: every active direct report."""

    members: tuple[TeamMember, ...]
    sparkline_dates: tuple[date, ...]


@dataclass(frozen=True, slots=True)
class WeekFocus:
    """This week's principle with its prompts, the reflection so far and the items it points at."""

    week_start: date
    principle: Principle
    title: str
    intent: str
    prompts: tuple[str, str, str]
    points_at: str
    reflection: str
    items: tuple[ActionItem, ...]


@dataclass(frozen=True, slots=True)
class ReflectionView:
    """A past week's reflection."""

    week_start: date
    principle: Principle
    text: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Agenda:
    """What is open between the leader and one person, overdue first, then carried topics."""

    person: PersonSummary
    items: tuple[ActionItem, ...]
    topics: tuple[TopicView, ...]
    last_one_on_one: date | None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated thing that happened with a person, for the Timeline tab."""

    on: date
    kind: ItemKind
    ref_id: int
    text: str
    private: bool  # nothing of it is shown while presenting
    shared: str = ""  # what presenting shows of it, when its text holds a private part


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


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How many rows of each kind a store holds (for `leaddesk check`)."""

    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class OpenItemCounts:
    """What is open with one person, for the team one-pager: levels and open/overdue items."""

    person_id: int
    levels: tuple[int, ...]  # active delegations at my level 1..7 (index 0 is Tell)
    open_promises: int  # both directions
    overdue_promises: int
    open_checkpoints: int  # of active delegations
    overdue_checkpoints: int
