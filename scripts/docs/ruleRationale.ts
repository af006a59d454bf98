// The hand-written part of each rule's page: why the rule exists, in the terms of the planning
// discipline (one objective, explicit sequencing, measurement before launch, compliance by
// design, a review rhythm, a budget shaped by the plan), and how to fix what it reports.
// Everything else on the page is generated from the rule's metadata and its golden fixtures.
// test/unit/ruleDocs.test.ts fails when a rule in the registry has no entry here.

export interface RuleRationale {
  /** Why the rule matters to an integrated plan (Markdown paragraph). */
  why: string;
  /** What to change in the plan when it fires (Markdown paragraph). */
  fix: string;
}

export const ruleRationale: Readonly<Record<string, RuleRationale>> = {
  'yaml-syntax': {
    why: 'A plan is a document the whole team reads, and every other check needs to understand it first. Each syntax error is reported where it is — half-typed lines included — and the rest of the plan is still checked, so one slip does not hide everything else.',
    fix: 'Finish the line as `key: value` (a colon and a space after the key), indent it under its parent, and quote values that start with `@` or `` ` ``, or that contain `: ` inside `{ }` or `[ ]`.',
  },
  schema: {
    why: 'The plan language is small on purpose, so that every key means the same thing to every team. A misspelt key is silently ignored by anything else that reads YAML, and a budget written as text or an impossible date breaks the sequencing and budget checks that depend on it.',
    fix: 'Use the key or value the message suggests (the quick fix renames a misspelt key or value), write dates as `YYYY-MM-DD`, durations as `3d`, `8w` or `48h`, numbers without units or thousands words, and give every channel its required `type`, `mode`, `start` and `end`. Every unknown key of a mapping is reported, each on its own key. A `<<` merge key must merge a mapping (`<<: *defaults`) or a list of them (`<<: [*a, *b]`). Top-level keys that start with `x-` are extension keys and are not checked (any other unknown top-level key is). One mistake, one diagnostic: a value this check rejects is reported here only — no other rule reads it as missing, counts it in a sum, or follows it in a trace (the budget sums and `kpi-unused` wait until it is fixed). A key written with nothing after it (`owner:`) is not written yet: where the key is optional this check says nothing, and the rule that needs the value reports it missing, with a quick fix that fills it in. The [language reference](../plan-language.md) lists every key.',
  },
  'import-unresolved': {
    why: 'A library is how plans share one measurement vocabulary: a KPI defined once, one customer journey, one list of owners. An import that names no readable library leaves the plan without the KPIs and stages it relies on, so every use of them looks undefined — and the teams drift back to copying definitions.',
    fix: 'Name the library relative to the file that imports it, with `/` (e.g. `./shared/kpis.plan-library.yaml` or `../shared/kpis.plan-library.yaml`). A library is named `*.plan-library.yaml` and holds only `imports`, `kpis`, `journey`, `owners`, `media` and `calendar` — no `plan` title. Absolute paths and URLs are refused, so the plan means the same files on every machine.',
  },
  'import-cycle': {
    why: 'Libraries may build on each other (a measures library on a journey library), but a circle of imports has no bottom: which definition of a KPI counts depends on where you start reading. The cycle is reported in each library on it, on the import that leads back, naming every file on the way.',
    fix: 'Decide which library is the foundation and remove its import of the other; move what both need into the foundation.',
  },
  'id-shadowed': {
    why: 'A library defines what a KPI means — its owner, and its measure’s definition, source, unit and cadence — so every plan counts it the same way; a plan decides what it is for there. A plan that redefines the meaning has a KPI with the shared name and a private definition: the silo the shared library exists to prevent, one level up.',
    fix: 'Under the plan’s own `kpis:`, keep only `traces_to` and the measure’s `baseline`, `target` and `ready_by` for an imported KPI; change the definition in the library if it is wrong for everyone. Remove a journey stage the library defines from the plan’s `journey`, or change its `need` in the library.',
  },
  'portfolio-plan-unresolved': {
    why: 'A portfolio adds up its plans: an entry that names no plan, a file that cannot be read, a library or another portfolio in `plans:`, or a plan listed twice makes the sum and the traces wrong without anyone noticing. Paths must be relative to the portfolio and end in `.plan.yaml`, so a portfolio from someone else cannot make the editor read any other file.',
    fix: 'Correct the path (relative to the portfolio, written with `/`), or the glob (`./regions/*.plan.yaml`, `**/*.plan.yaml`); remove an entry that lists a plan again, and list libraries in the plans’ `imports:` instead.',
  },
  'portfolio-budget-overallocated': {
    why: 'A portfolio is one pot of money shared by its plans: when the plans together budget more than the portfolio holds, some of them will not be funded, and nobody has decided which. Adding budgets in different currencies gives a number that means nothing, so a plan in another currency is left out of the sum and named.',
    fix: 'Cut the largest plans’ budgets or raise the portfolio’s `budget.total`; write every member plan’s budget in the portfolio’s currency.',
  },
  'portfolio-untraced': {
    why: 'The portfolio’s objective is what every plan in it exists to move. A plan whose objective does not name it in `traces_to` may be a good plan for something else: its results cannot be rolled up into the portfolio’s, and the quarterly review has a plan nobody can connect to the goal.',
    fix: 'In the member plan, write `traces_to: <the portfolio objective’s id>` under its `objective` (give it an objective if it has none), or remove the plan from the portfolio.',
  },
  'objective-missing': {
    why: 'Integration starts with one commercial objective that all activity is traceable back to. Without it, each channel optimises for its own metric — paid for CPA, SEO for visibility, content for engagement — and the plan is co-ordinated activity, not an integrated one.',
    fix: 'Add an `objective` with an `id`, a one-sentence `statement`, the `metric` it moves, a numeric `target` and a `deadline`, then point the top KPIs at it with `traces_to`.',
  },
  'objective-multiple': {
    why: 'A plan with two objectives lets every team pick the one that flatters its channel. Everyone working on the plan should give the same one-sentence answer to "what is this plan trying to achieve?".',
    fix: 'Keep the one commercial objective and turn the others into KPIs that trace to it, or split the work into separate plans.',
  },
  'objective-vague': {
    why: '"Grow the business" is not a planning objective; "acquire 4,000 new customers in Q3 at a blended CPA under £85" is. Without a number and a date nobody can tell at the monthly review whether the plan is on track.',
    fix: 'Give the objective a numeric `target` and a `deadline` (or give the plan a `period`), and add `guardrails` for limits such as a maximum CPA.',
  },
  'kpi-untraced': {
    why: 'A shared commercial objective must sit above channel KPIs, or teams optimise for their own numbers at the expense of the plan. A KPI whose `traces_to` chain stops, points at nothing, or goes round in a circle is measured for its own sake.',
    fix: 'Point the KPI (or the last KPI in its chain) at the objective id or at a KPI that reaches it; in a circle, point one of the KPIs at the objective. The quick fix traces the KPI straight to the objective.',
  },
  'kpi-undefined': {
    why: 'A channel that reports against a KPI nobody defined reports against nothing: the number has no owner, no measure and no trace to the objective, and a misspelt id quietly splits one KPI into two.',
    fix: 'Correct the id to an existing KPI, or define the KPI under `kpis` with `traces_to`, an `owner` and a `measure`. Quick fixes do either.',
  },
  'kpi-unused': {
    why: "A KPI no channel reports against is either work the plan forgot to assign or a number nobody will move. Both hide a gap between the measurement framework and the channel plan. The exact rule: a KPI is used when a channel lists it in `kpis`, or when a used KPI traces to it (the check starts at every KPI a channel lists and follows `traces_to` upward, KPI by KPI). Every other KPI is unused, including KPIs that only trace to each other in a loop no channel's KPI reaches, and a whole chain of KPIs that no channel reports against (each of them is reported; `kpi-untraced` reports the loop as well). While the schema rejects a channel's `kpis`, or the `traces_to` of a KPI on the way up, which KPIs are used is unknown, and the rule reports nothing until that is fixed.",
    fix: 'Add the KPI, or a KPI that traces to it, to the `kpis` of the channel responsible for moving it, or remove it from the plan.',
  },
  'channel-without-kpi': {
    why: 'Every channel must be accountable for something that leads back to the objective; a channel with no KPI cannot be judged at a review, so money cannot move toward or away from it on evidence.',
    fix: 'Give the channel `kpis: [<kpi id>]` with at least one KPI that traces to the objective (define the KPI first if needed).',
  },
  'measurement-missing': {
    why: 'The measurement framework must be agreed before launch, not retrofitted after results come in. A KPI without a definition invites the campaign-long argument about whose numbers are right.',
    fix: 'Add a `measure` with `definition`, `source`, `baseline`, `target`, `cadence` and `ready_by`. The quick fix inserts the skeleton with `ready_by` set to the day before the first reporting channel starts.',
  },
  'measurement-incomplete': {
    why: 'A measure with no source, owner, baseline or target is still open to argument: agreeing in advance what success looks like at each stage, and who is accountable for each metric, is the point of the framework.',
    fix: 'Fill in the keys the message names: `definition`, `source`, `baseline` and `target` under `measure`, and an `owner` on the KPI or its measure.',
  },
  'measurement-late': {
    why: 'Analytics brought in at the end leaves data collection incomplete or fragmented. If tracking goes live after the first channel reporting the KPI has launched, the first weeks of results cannot be measured the agreed way.',
    fix: 'Move `ready_by` on or before the start of the first channel reporting the KPI (the message gives the date), or start that channel later.',
  },
  'dependency-unknown': {
    why: 'Dependencies between channels have to be explicit, not assumed. A dependency on a channel that does not exist — usually a misspelt id — is a dependency nobody will honour.',
    fix: 'Correct the id to a channel defined under `channels` (the quick fix applies the suggested spelling), or add the missing channel.',
  },
  'dependency-cycle': {
    why: 'Sequencing is the logic of which activity goes live first. When channels wait for each other in a circle, no order satisfies the plan and none of them can start.',
    fix: 'Decide which channel really comes first and remove (or reverse) one dependency in the named cycle.',
  },
  'dependency-violated': {
    why: 'A dependency is only a plan if the dates honour it: paid search that launches before the content it uses is ready, or before the organic base has lowered its costs, spends money the plan said it should not yet spend.',
    fix: "Move the channel's `start` (or `end`, for finish-to-finish) to the date the message gives, or change the dependency's `kind` or `lag` if the plan has changed. Quick fixes move the date, with or without keeping the duration. Dates are whole days, so a lag in hours rounds up to whole days (`24h` is 1 day, `36h` and `48h` are 2): the message says how it counted the lag, and the date it gives, the hover and the quick fixes use the same days.",
  },
  'simultaneous-launch': {
    why: 'Good integrated plans are sequenced rather than simultaneous: inbound builds the foundation and outbound amplifies it. When everything launches on the same day, nothing builds on anything.',
    fix: 'Stagger the `start` dates in the order the customer experience needs, and record why with `depends_on`.',
  },
  'outside-period': {
    why: 'The plan period is the window the budget and the objective cover. A channel that runs outside it spends time and money the plan never accounted for, or runs past the date the result is judged.',
    fix: "Move the channel's `start` or `end` inside the `period`, or widen the `period` (foundation work often starts before the quarter).",
  },
  'launch-in-blackout': {
    why: 'A blackout is a window the business has agreed nothing new goes out in — a Black Friday freeze on email and SMS, a legal quiet period, a site migration. A channel that launches inside one either breaks the freeze or silently slips, and the channels that depend on it slip with it.',
    fix: "Move the channel's `start` to the first allowed date the message gives (the rescheduling actions do this for the channels they move), narrow the blackout's `applies_to`, or end the blackout earlier. A blackout without `applies_to` freezes every channel; one with it freezes the channels whose `medium` it names.",
  },
  'stage-unknown': {
    why: 'Channels are selected by working back from what the customer needs at each journey stage. A channel serving a stage the journey does not define has lost that link, and a misspelt stage leaves the real stage looking uncovered.',
    fix: 'Use a stage id from `journey` (the quick fix applies the suggested spelling), add the stage to the `journey`, or add a `journey` if the plan has none.',
  },
  'stage-uncovered': {
    why: 'Each channel should know what it is responsible for and what it hands off to the next. A journey stage no channel serves is where customers are dropped between teams.',
    fix: 'Add the stage to the `stages` of the channel that should carry customers through it, or add a channel for it.',
  },
  'owner-missing': {
    why: 'Integrated plans are lost at the handoff from strategy to execution. A channel, KPI or review without a named owner is one nobody is accountable for, so blockers and bad numbers go unanswered.',
    fix: 'Add an `owner` naming the person (or role) accountable. The quick fix inserts the key for you to fill in.',
  },
  'owner-unknown': {
    why: 'Accountability only works when the owner is someone the organisation recognises. When a library lists the people and teams who may own work, an owner outside that list — often a misspelling, or an agency contact — is an owner nobody can find in the review.',
    fix: 'Use a name from the imported `owners` list (the message suggests the closest one), or add the person to the library if they really own the work.',
  },
  'budget-overallocated': {
    why: 'The budget should be shaped by the plan, not by channel silos. When channel budgets add up to more than the total, some team is counting on money that does not exist, and the conflict surfaces mid-flight.',
    fix: 'Cut channel budgets to fit, or raise `total` if the extra spend is agreed. The `contingency` is held back from the total, so channels share only what remains: lower it if it is part of the overrun.',
  },
  'budget-unallocated': {
    why: 'Money left unassigned is either a forgotten channel or a reserve nobody named. Saying what it is for keeps budget decisions with the plan instead of with whoever asks first.',
    fix: 'Give the remainder to the channels that move the objective, or hold it on purpose as `budget.contingency`.',
  },
  'paid-without-budget': {
    why: 'Paid media cannot run without money. A paid channel with no budget (or a budget of zero) means the plan was built before the budget, or the allocation was left to a silo.',
    fix: 'Give the channel a `budget` from the plan total, or change its `type` if it is not paid media.',
  },
  'compliance-missing': {
    why: 'Compliance belongs at the channel design stage, not two weeks before launch. Email, SMS, CRM, retargeting and personalisation process personal data, and a channel paused mid-flight for a compliance issue disrupts the sequencing, budget and momentum of the whole plan.',
    fix: 'Add a `compliance` section with `regulations`, `lawful_basis`, `consent`, `retention` and `third_party_data` (and who reviewed it). The quick fix inserts the skeleton.',
  },
  'compliance-incomplete': {
    why: 'GDPR shapes what is permissible in personalisation, retargeting and email. Naming it without a lawful basis, consent mechanism, retention period and third-party data position leaves exactly the questions that stop campaigns late.',
    fix: 'Fill in the keys the message names under `compliance`: `lawful_basis`, `consent`, `retention` and `third_party_data` (write `none` when no third-party data is used).',
  },
  'attribution-missing': {
    why: 'Without an agreed attribution model, every channel credits conversions its own way and the reviews argue about whose numbers are right instead of what to do next.',
    fix: 'Add `attribution` with a `model` (and a `lookback`) agreed before launch. The quick fix adds `attribution: { model: data-driven, lookback: 30d }`.',
  },
  'attribution-last-click': {
    why: 'Last-click flatters whichever channel is last in the path — usually paid search. A plan judged through it systematically undervalues brand, content and upper-funnel work, and budget drifts toward what looks best in the model rather than what drives value.',
    fix: "Use `data-driven`, `position-based` or `mmm`, or keep last-click on purpose and lower the rule's severity for this plan.",
  },
  'review-cadence-missing': {
    why: 'A plan that is not actively managed is a schedule. The rhythm is weekly at execution level (blockers and dependencies at risk), monthly at strategic level (tracking to the objective) and quarterly at investment level (budget reallocation).',
    fix: 'Add the missing `weekly`, `monthly` and `quarterly` entries under `reviews`, each with an `owner` and a `focus`. The quick fix adds them.',
  },
  'proposition-missing': {
    why: 'Customers who click the paid ad, then receive the email, then see the social post should meet one value proposition, not three. Without a single proposition each channel invents its own and the plan is co-ordinated, not integrated.',
    fix: 'Add one `proposition:` — the promise every channel expresses (channels may phrase it in their `message`). If there are several, choose one.',
  },
  'mix-one-sided': {
    why: 'Inbound and outbound are complements, not alternatives: inbound builds the foundation and lowers acquisition cost; outbound accelerates and reaches people who would not find you. Either alone works less well.',
    fix: 'Add an inbound channel (SEO, content, PR) to an all-outbound plan, or an outbound one (paid, email, direct) to an all-inbound plan, and sequence them with `depends_on`.',
  },
  'phasing-mismatch': {
    why: 'Budget is shaped by the plan, month by month: `phasing` says when each channel expects to spend, and the monthly and quarterly reviews compare money out against it. A phasing that does not add up to the budget means one of the two numbers is not the plan any more, and every burn figure built on it is wrong.',
    fix: 'Make the months add up to `budget`: phase the rest, or take the excess out. The quick fixes scale the months to the budget (keeping their shape), or spread the budget evenly over the days the channel runs. Months are `YYYY-MM` keys; see [tracking a plan](../tracking.md#money-phased-committed-actual-out).',
  },
  'spend-outside-dates': {
    why: "Money planned, committed or spent in a month the channel does not run in is either a date that moved without the money, or money that is not this channel's. Either way the monthly picture of the plan is wrong where reviews read it.",
    fix: "Move the amount into a month between the channel's `start` and `end` (both months count, even partly), or change the dates. Rows of the actuals file are reported on the channel, with the CSV line.",
  },
  'spend-over-budget': {
    why: '"Money out" is what the plan has spent or is bound to spend: each month the larger of `committed` and `actual` (an invoice can exceed the order; an order not yet invoiced is still spent), summed over the months. Going over the channel\'s budget, or the plan\'s total, is a decision the governance section says who may take, not something a review should discover.',
    fix: 'Stop further commitments on the channel, or move budget to it from a channel that is under-spending (and record the decision by changing both budgets). The plan total is checked the same way against `budget.total`.',
  },
  'kpi-off-pace': {
    why: "The monthly review asks whether the plan is tracking to the objective. Each KPI with a `baseline` and a `target` has a pace line: from the baseline on the first start of a channel reporting it to the target on the objective's `deadline` (else the end of the `period`). When the latest actual on or before `as_of` is more than the tolerance below that line, the plan is not on track, and the forecast (the trend of the latest six actuals, extended to the deadline) says by how much.",
    fix: "Ask the channel owners what is holding the KPI back and decide at the review: change the plan, move money, or revise the target with the objective's owner. The tolerance is 10 % by default; set `pacing: { tolerance: 0.15 }` in `.throughline.yaml` or `throughline.pacing.tolerance` in VS Code. For a KPI whose target is below its baseline (a cost to bring down), behind means above the line. How cumulative and per-period actuals are read: [tracking a plan](../tracking.md#kpi-pace-and-forecast).",
  },
  'actuals-stale': {
    why: 'A plan nobody feeds with numbers cannot be reviewed honestly. Once a channel reporting the KPI has started, each cadence period (daily 1 day, weekly 7, fortnightly 14, monthly 31, quarterly 92) should bring an actual; when the latest is older than that, the review is working from memory. Plans that record nothing yet (no `as_of`, no actuals file, no actuals, spend or review dates) are plans before launch and are not checked.',
    fix: "Add the actuals since the date named, in the KPI's `actuals` or as rows of the `actuals_file` CSV. Change the measure's `cadence` if the KPI is really reported less often. Nothing is due after the objective's deadline (or the period's end).",
  },
  'review-overdue': {
    why: '"A plan that is not actively managed is not an integrated plan. It is a schedule." A review that lists the dates it was `held` can be checked: weekly for blockers and dependencies at risk, monthly for tracking to the objective, quarterly for moving money to what works.',
    fix: 'Hold the review and add its date to `held` (e.g. `reviews.weekly.held: [2026-08-10]`). `throughline review` prepares the pack for it. A review without `held` is not checked.',
  },
  'actuals-file': {
    why: "The actuals file is where the numbers of a running plan usually live: exported from the ad platforms, the CRM or a spreadsheet. If it cannot be read, or a value is both in the plan and in the file, every pace and burn figure is built on the wrong data without anyone noticing. The file's own problems (header, rows, dates, numbers, unknown ids) are shown in the CSV itself, under this rule.",
    fix: "Name the file relative to the plan, with `/` (e.g. `actuals_file: ./q3.actuals.csv`; absolute paths, URLs and names that do not end in `.csv` are refused). Its first line is `date,id,field,value`; each row is a KPI's `actual` on a date, or a channel's `actual` or `committed` money in the month of the date (rows of one month add up). Keep each value in one place: for a value given in both, the plan's wins. See [the actuals file](../tracking.md#the-actuals-file).",
  },
};
