"""Per company function (engineering, finance, ...): roles, work, measures, words, promises.

Each area is one block of text so a whole function of the company reads (and is edited) at once;
direct reports take the areas in turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from leaddesk.demo.pools import fields, lines, pairs


@dataclass(frozen=True)
class Area:
    """What a function of the company talks about: roles, work, measures, words, promises."""

    name: str
    roles: tuple[str, ...]
    skip_roles: tuple[str, ...]
    teams: tuple[str, ...]
    work: tuple[tuple[str, str], ...]  # delegation title, what done means
    factors: tuple[tuple[str, str, tuple[str, ...], str], ...]  # name, definition, targets, unit
    terms: tuple[tuple[str, str], ...]
    asks: tuple[str, ...]  # what people in this area promise me


def _area(text: str) -> Area:
    """An area from its sections: name, roles, skip-level roles, teams; then the blocks."""
    head, work, factors, terms, asks = text.strip().split("\n\n")
    name, roles, skip_roles, teams = (
        tuple(s.strip() for s in line.split(";")) for line in lines(head)
    )
    return Area(
        name[0],
        roles,
        skip_roles,
        teams,
        pairs(work),
        tuple((n, d, tuple(t.split("; ")), u) for n, d, t, u in fields(factors, 4)),
        pairs(terms),
        lines(asks),
    )


AREAS: tuple[Area, ...] = tuple(
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
