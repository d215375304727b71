"""The text pools every area shares: notes, topics, promises, reasons, feedback, reflections."""

from leaddesk.demo.pools import lines, pairs
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackKind
from leaddesk.domain.focus import Principle
from leaddesk.domain.promises import PromiseState

COMMON_WORK = pairs("""
Hiring plan {year} | Approved headcount filled or in final stage by year end.
Team budget {year} | Spend within budget; variances explained monthly.
Quarterly OKRs | OKRs drafted with the team and agreed with me before the quarter starts.
Onboarding of new team members | Every new hire has a buddy and a 30-60-90 plan.
Team offsite | Agenda, venue and outcomes written up and shared.
""")
COMMON_ASKS = lines("""
Send the hiring plan
Share the team's OKR draft
Send me the offsite agenda
Write the promotion case for {team}
""")
MY_PROMISES = lines("""
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
SHARED_NOTES = lines("""
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
SKIP_NOTES = lines("""
Skip-level: how the team sees the strategy.
Skip-level: career goals and what would help.
Skip-level: what slows {team} down.
Asked what they would change if they ran {team}.
Talked about the last reorg and how it landed.
""")
PRIVATE_HIGH = lines("""
Clearly enjoying the work; ready for more scope.
Confident and crisp. Could take {work} on fully.
Great energy; the team follows them.
""")
PRIVATE_MID = lines("""
Fine overall; a bit stretched by {work}.
Steady. Wants more clarity on priorities.
Some frustration with the budget process.
""")
PRIVATE_LOW = lines("""
Seemed tired; two deadlines slipped this month.
Defensive when we talked about {work}. Follow up.
Distracted. Ask gently about how things are at home.
Not themselves; I should offer help before it gets worse.
""")
TOPICS = lines("""
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
RENEGOTIATE = lines("""
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
    *lines("""
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
UP_REASONS = lines("""
Three on-track checkpoints in a row
Handled the last two escalations without me
The budget came in on target
Ready for more; agreed in our 1:1
Strong results this quarter
Involves me at exactly the right moments
""")
DOWN_REASONS = lines("""
Missed the last deadline; checking in more closely for a while
Off track at the checkpoint; pulling back one level
New customer risk; I want to be closer to it
Scope grew a lot; stepping back in for now
Two surprises this month; agreed to consult me first
""")
CHECKPOINT_NOTES: dict[CheckpointOutcome, tuple[str, ...]] = {
    CheckpointOutcome.ON_TRACK: lines("""
Milestones met; no surprises.
Ahead of plan; nothing needed from me.
On track and the metrics are green.
Good progress on {work}.
"""),
    CheckpointOutcome.CONCERNS: lines("""
Timeline at risk; agreed on a mitigation.
Quality fine but scope creeping.
Dependency on {team} is slowing things down.
"""),
    CheckpointOutcome.OFF_TRACK: lines("""
Missed the milestone; root cause unclear.
Over budget by 15%; a recovery plan is due Friday.
No progress since last time; we need to talk.
"""),
    CheckpointOutcome.SKIPPED: ("Skipped: travel.", "Skipped; covered in the 1:1 instead."),
}
EVIDENCE = (
    *lines("""
Weekly status report
Dashboard review
Demo of the working build
Budget vs actuals
Customer feedback summary
Retro notes
"""),
    "",
)
REFINEMENTS = lines("""
Excluding planned maintenance.
Measured on a 30-day rolling average.
Counted per team, not per person.
Only customer-facing work counts.
Reported in the first week of each month.
""")
CALIBRATION_REASONS = lines("""
The old target was too easy after the tooling change.
The definition double-counted some cases.
Agreed to measure per team, not per person.
The market changed; the target was no longer realistic.
Found a better proxy for what we care about.
""")
RELATIONSHIP_NOTES: dict[str, tuple[str, ...]] = {
    "motivation": lines("""
Motivated by building teams from scratch.
Energised by hard problems; bored by status meetings.
Cares most about customer impact.
Wants visible ownership of outcomes.
Motivated by learning; takes a course every year.
"""),
    "working style": lines("""
Prefers written pre-reads over live discussion.
Thinks out loud; give room before deciding.
Likes short, frequent check-ins over long reviews.
Very direct; appreciates the same in return.
Detail-oriented: send data, not adjectives.
"""),
    "aspirations": lines("""
Wants to be a VP within three years.
Curious about a move into product management one day.
Would like to run a larger, multi-site team.
Wants to stay hands-on; not ready to manage managers.
Dreams of founding a company eventually.
"""),
    "personal context": lines("""
Two young kids; leaves at 5 on Tuesdays and Thursdays.
Training for a marathon this spring.
Caring for a parent; may need flexible hours.
Moved from Lisbon last year; still settling in.
Studying for an MBA in the evenings.
"""),
}
GIVEN: dict[FeedbackKind, tuple[str, ...]] = {
    FeedbackKind.APPRECIATION: lines("""
Thank you for how you handled the {work} escalation: calm and clear.
Great job on {work}; the exec team noticed.
Your update at the staff meeting was the clearest in months.
Thanks for saying early that the date was at risk.
"""),
    FeedbackKind.COACHING: lines("""
In the review you answered for your team; let them speak first.
Your updates are long; lead with the decision you need.
On {work}, bring me options, not just the problem.
Say no to new requests sooner; the team is overloaded.
"""),
    FeedbackKind.EVALUATION: lines("""
Mid-year review: exceeds expectations on results, meets on collaboration.
Annual review: a strong year; promotion case for the next cycle.
Annual review: meets expectations; delivery dates are the growth area.
"""),
}
GIVEN_FOLLOW_UPS = lines("""
They asked for an example; sent it the next day.
Saw the change at the next review.
""")
RECEIVED: dict[FeedbackKind, tuple[str, ...]] = {
    FeedbackKind.APPRECIATION: lines("""
Your quick decision on the budget helped a lot.
Thanks for shielding us during the reorg.
"""),
    FeedbackKind.COACHING: lines("""
You interrupted me twice in the staff meeting.
The reorg announcement came too late for my team.
I'd like more context on why priorities changed.
"""),
}
ASKED = lines("""
What should I do differently in our 1:1s?
How did my all-hands land with your team?
Am I giving you enough room on {work}?
What is one thing I could stop doing?
How clear was the strategy update?
""")
ANSWERS = lines("""
Fewer status questions; more about what is blocking me.
Good energy, but the why was missing.
Mostly yes; the check-ins on {work} feel frequent.
Stop posting in our channel late at night; people feel they must answer.
Clear on the what, not on the trade-offs.
""")
FOLLOW_UPS = lines("""
Changed the 1:1 format: blockers first.
Shared the context in writing the next day.
Moved the {work} checkpoint to monthly.
Stopped posting after 7 p.m.
Discussed at the staff meeting; agreed a new rule.
""")
ASSESS_HIGH = ("Consistently reliable; ready for more scope.", "Trust is high in every core.")
ASSESS_MID = ("Solid; a few dates slipped.", "Good intent; results uneven this quarter.")
ASSESS_LOW = ("Recent misses; we agreed a recovery plan.", "Capabilities fine, results not there.")
TEAM_TERMS = pairs("""
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
    Principle.CLARITY: lines("""
{name} and I placed the hiring decision two levels apart. Fixed it in our 1:1.
Wrote down 'involve me when' for every open delegation. Overdue.
I stepped in on a decision I had delegated to {name}. Apologised.
"""),
    Principle.SMART_TRUST: lines("""
Checking on {name} more often than the record justifies. Moving to monthly.
Two delegations had no checkpoint at all. Planned them.
{name} earned a level up; we agreed it on Thursday.
"""),
    Principle.SUCCESS_FACTORS: lines("""
{name} and I meant different things by 'launched'. Added a term.
Recalibrated two targets that no longer mattered.
Every delegation now has at least one measure we both use.
"""),
    Principle.FOUNDATION_OF_TRUST: lines("""
I owe {name} an answer on budget since last month. Sent it today.
Renegotiated two of my promises before the date instead of letting them slip.
My own record is worse than I thought. Fewer promises, kept.
"""),
    Principle.RELATIONSHIP: lines("""
Had a real conversation with {name} about what they want in two years.
Skipped two 1:1s this month. Not again.
Learned something about {name}'s family I should have known.
"""),
    Principle.FEEDBACK: lines("""
Asked {name} what I should stop doing. Useful answer.
All my feedback this month was appreciation. Need to be braver.
Acted on the feedback about late-night messages.
"""),
}
