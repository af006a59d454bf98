import { z } from 'zod';
import { isIsoDate } from '../text/dates.js';

// The single source of truth of the plan language: types, allowed keys, enums and key docs.
// Everything is optional that a rule reports with a better message (objective-vague,
// measurement-incomplete, owner-missing …), so one mistake is never reported twice.

/**
 * Top-level keys that start with `x-` are the plan's own extensions (as in Docker Compose):
 * shared values for `<<` merges, or data for other tools. The schema and the rules ignore
 * them; they must still be valid YAML. Anywhere else an `x-` key is an unknown key.
 */
export const EXTENSION_PREFIX = 'x-';

export function isExtensionKey(key: string): boolean {
  return key.startsWith(EXTENSION_PREFIX);
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const id = z.string().regex(ID_PATTERN, { message: 'an id is letters, digits, `-`, `_` or `.`, starting with a letter or digit' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date is written YYYY-MM-DD (e.g. 2026-05-01)' })
  .refine(isIsoDate, { message: 'a date is written YYYY-MM-DD and must exist on the calendar (e.g. 2026-05-01)' });

/** A calendar month, `YYYY-MM`: the key of `phasing` and `spend`. */
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month is written YYYY-MM (e.g. 2026-07)' });

export const duration = z
  .string()
  .regex(/^\d+\s*(?:bd|[dwh])$/, { message: 'a duration is a whole number followed by d, w, h or bd (business days), e.g. 3d, 8w, 48h, 5bd' });

export const channelTypes = ['paid', 'owned', 'earned'] as const;
export const channelModes = ['inbound', 'outbound'] as const;
export const media = [
  'search',
  'social',
  'display',
  'video',
  'email',
  'sms',
  'crm',
  'retargeting',
  'personalisation',
  'content',
  'seo',
  'pr',
  'events',
  'affiliate',
  'partnerships',
  'other',
] as const;
/** Media that process personal data by their nature, so `compliance` is mandatory. */
export const personalDataMedia = ['email', 'sms', 'crm', 'retargeting', 'personalisation'] as const;
export const dependencyKinds = ['finish-to-start', 'start-to-start', 'finish-to-finish'] as const;
export const attributionModels = ['last-click', 'first-click', 'linear', 'time-decay', 'position-based', 'data-driven', 'mmm'] as const;
export const cadences = ['daily', 'weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export const reviewCadences = ['weekly', 'monthly', 'quarterly'] as const;
export const aggregations = ['cumulative', 'per-period'] as const;

export const phasingSchema = z
  .record(monthKey, z.number().nonnegative())
  .describe('Planned spend per month, `YYYY-MM: amount` (e.g. `{ 2026-07: 60000, 2026-08: 60000 }`). The months should add up to `budget`.');

export const spendMonthSchema = z
  .strictObject({
    committed: z.number().nonnegative().optional().describe('Money committed in the month (signed orders, insertion orders, contracts).'),
    actual: z.number().nonnegative().optional().describe('Money actually spent (invoiced or billed) in the month.'),
  })
  .describe("One month's committed and actual money.");

export const spendSchema = z
  .record(monthKey, spendMonthSchema)
  .describe('Committed and actual money per month, `YYYY-MM: { committed, actual }`. Money out in a month is the larger of the two.');

export const actualsSchema = z
  .record(isoDate, z.number())
  .describe("Measured values by date, `YYYY-MM-DD: value` (e.g. `{ 2026-07-07: 120 }`), read as the measure's `aggregation` says.");

export const guardrailSchema = z
  .strictObject({
    metric: z.string().describe('The metric that must stay within bounds while the objective is pursued.'),
    max: z.number().optional().describe('Upper bound for the metric.'),
    min: z.number().optional().describe('Lower bound for the metric.'),
    unit: z.string().optional().describe('Unit of the bound (e.g. GBP, %).'),
  })
  .describe('A limit the plan must respect while chasing the objective (e.g. blended CPA under £85).');

export const objectiveSchema = z
  .strictObject({
    id: id.describe("The objective's id. KPIs name it in `traces_to`."),
    statement: z.string().optional().describe('The objective in one sentence every team member can repeat.'),
    metric: z.string().optional().describe('The commercial metric the plan exists to move (e.g. new_customers).'),
    target: z.number().optional().describe('The number to reach. Without it the objective is vague.'),
    unit: z.string().optional().describe('Unit of the target.'),
    deadline: isoDate.optional().describe('The date by which the target is reached (YYYY-MM-DD).'),
    guardrails: z.array(guardrailSchema).optional().describe('Limits to respect while pursuing the target.'),
    traces_to: id.optional().describe("The id of the objective of the portfolio (`*.portfolio.yaml`) this plan belongs to: the plan's objective serves it."),
  })
  .describe('The one commercial objective that every KPI traces back to.');

export const periodSchema = z
  .strictObject({
    start: isoDate.describe('First day of the plan window, foundation work included (YYYY-MM-DD).'),
    end: isoDate.describe('Last day of the plan window (YYYY-MM-DD).'),
  })
  .describe("The plan's window. Every channel runs inside it.");

export const budgetSchema = z
  .strictObject({
    total: z.number().nonnegative().describe('The whole budget. Channel budgets should add up to it.'),
    currency: z.string().optional().describe('ISO currency code (e.g. GBP, EUR, USD); GBP, EUR, USD, JPY and INR are shown as £, €, $, ¥ and ₹.'),
    contingency: z.number().nonnegative().optional().describe('Part of the total held back on purpose (not allocated to channels).'),
  })
  .describe("The plan's budget, shaped by the plan rather than by channel silos.");

export const journeyStageSchema = z
  .strictObject({
    stage: id.describe("The stage's id. Channels name it in `stages`."),
    need: z.string().optional().describe('What the customer needs at this stage.'),
  })
  .describe('One stage of the customer journey.');

export const dependencyObjectSchema = z
  .strictObject({
    on: id.describe('The channel this one depends on.'),
    kind: z
      .enum(dependencyKinds)
      .optional()
      .describe(
        'finish-to-start (default): start after the dependency ends + lag; start-to-start: start at least lag after the dependency starts; finish-to-finish: end at least lag after the dependency ends.',
      ),
    lag: duration
      .optional()
      .describe('Extra wait after the dependency point (e.g. 1w, 3d, 48h). Default 0. The schedule counts whole days: hours round up (36h counts as 2 days).'),
    why: z.string().optional().describe('Why the dependency exists, for the people who sequence the plan.'),
  })
  .describe('A dependency with kind, lag and reason.');

export const dependencySchema = z.union([id, dependencyObjectSchema]).describe('A channel id (finish-to-start, no lag) or `{ on, kind, lag, why }`.');

export const channelSchema = z
  .strictObject({
    name: z.string().optional().describe('Display name of the channel.'),
    type: z.enum(channelTypes).describe('paid, owned or earned media.'),
    mode: z.enum(channelModes).describe('inbound (customers find you) or outbound (you reach customers).'),
    medium: z.enum(media).optional().describe('What the channel is made of. email, sms, crm, retargeting and personalisation require a `compliance` section.'),
    owner: z.string().optional().describe('The person accountable for the channel.'),
    stages: z.array(id).optional().describe('The journey stages this channel serves.'),
    start: isoDate.describe('First day the channel runs (YYYY-MM-DD).'),
    end: isoDate.describe('Last day the channel runs, included (YYYY-MM-DD).'),
    budget: z
      .number()
      .nonnegative()
      .optional()
      .describe("The channel's share of the plan budget, shown as a share of `budget.total` (or of all channel budgets without one)."),
    kpis: z.array(id).optional().describe('The KPIs this channel reports against.'),
    phasing: phasingSchema.optional(),
    spend: spendSchema.optional(),
    depends_on: z.array(dependencySchema).optional().describe('Channels that must come first, with kind and lag.'),
    personal_data: z.array(z.string()).optional().describe('Personal data the channel processes. Makes `compliance` mandatory.'),
    message: z.string().optional().describe("The channel's expression of the one value proposition."),
    notes: z.string().optional().describe('Free text.'),
  })
  .describe('A channel: who runs it, when, for which journey stages, with which KPIs and dependencies.');

export const measureSchema = z
  .strictObject({
    definition: z.string().optional().describe('Exactly what is counted.'),
    source: z.string().optional().describe('Where the number comes from (e.g. GA4, CRM).'),
    owner: z.string().optional().describe('Who is accountable for the number, if not the KPI owner.'),
    unit: z.string().optional().describe('Unit of the measure.'),
    baseline: z.number().optional().describe('Where the measure stands today.'),
    target: z.number().optional().describe('Where the measure must get to.'),
    cadence: z.enum(cadences).optional().describe('How often it is reported.'),
    aggregation: z
      .enum(aggregations)
      .optional()
      .describe('How `actuals` are read: cumulative (default; each actual is the running total to its date) or per-period (the value of its cadence period).'),
    ready_by: isoDate.optional().describe('When tracking is live and agreed: before the first channel reporting it starts.'),
  })
  .describe('The measurement definition, agreed before launch.');

export const kpiSchema = z
  .strictObject({
    name: z.string().optional().describe('Display name of the KPI.'),
    traces_to: id.optional().describe('The objective id or another KPI id. The chain must reach the objective.'),
    owner: z.string().optional().describe('The person accountable for the KPI.'),
    measure: measureSchema.optional(),
    actuals: actualsSchema.optional(),
    notes: z.string().optional().describe('Free text.'),
  })
  .describe('A KPI: what it traces to, who owns it and how it is measured.');

export const attributionSchema = z
  .strictObject({
    model: z.enum(attributionModels).describe('How credit for a conversion is shared among channels. last-click undervalues upper-funnel work.'),
    lookback: duration.optional().describe('How far back touches count (e.g. 30d).'),
  })
  .describe('The attribution model the plan is judged by.');

export const complianceSchema = z
  .strictObject({
    regulations: z.array(z.string()).optional().describe('Regulations in scope (e.g. GDPR, PECR, CCPA).'),
    lawful_basis: z.string().optional().describe('GDPR lawful basis (consent, legitimate interests, contract …).'),
    consent: z.string().optional().describe('How consent is collected and recorded.'),
    retention: z.string().optional().describe('How long personal data is kept.'),
    third_party_data: z.string().optional().describe('Third-party data used, or `none`.'),
    reviewed_by: z.string().optional().describe('Who reviewed the plan for compliance.'),
  })
  .describe('Compliance designed in: regulations, lawful basis, consent, retention, third-party data.');

export const reviewSchema = z
  .strictObject({
    owner: z.string().optional().describe('Who runs the review.'),
    focus: z.string().optional().describe('What the review decides.'),
    held: z.array(isoDate).optional().describe('The dates the review was held (YYYY-MM-DD). The latest must be within its cadence as of `as_of`.'),
  })
  .describe("A review meeting in the plan's rhythm.");

export const reviewsSchema = z
  .strictObject({
    weekly: reviewSchema.optional().describe('Execution level: blockers and dependencies at risk.'),
    monthly: reviewSchema.optional().describe('Strategic level: tracking to the objective.'),
    quarterly: reviewSchema.optional().describe('Investment level: budget reallocation.'),
  })
  .describe('The rhythm that keeps the plan alive: weekly, monthly and quarterly reviews.');

export const governanceSchema = z
  .strictObject({
    decision_rights: z.string().optional().describe('Who may move budget or change the plan, and how far.'),
    escalation: z.array(z.string()).optional().describe('The escalation path, first to last.'),
    rapid_response: z
      .strictObject({
        budget: z.number().nonnegative().optional().describe('Money held for moves that cannot wait for a review.'),
        approver: z.string().optional().describe('Who approves a rapid response.'),
        turnaround: duration.optional().describe('How fast a rapid response is decided (e.g. 48h).'),
      })
      .optional()
      .describe('Room for moves in days rather than quarters.'),
  })
  .describe('Decision rights and escalation paths.');

export const milestoneSchema = z
  .strictObject({
    date: isoDate.describe("The milestone's day (YYYY-MM-DD)."),
    label: z.string().optional().describe('What happens on that day.'),
  })
  .describe('A dated event shown on the timeline.');

/** One check with one message (a union would answer `weekend` with two date messages); the pattern is for the JSON Schema. */
export const calendarExcludeSchema = z
  .string()
  .refine((value) => value === 'weekends' || isIsoDate(value), {
    message: 'write `weekends` or a date that exists on the calendar, YYYY-MM-DD (e.g. 2026-12-25)',
  })
  .meta({ pattern: '^(weekends|\\d{4}-\\d{2}-\\d{2})$' })
  .describe('`weekends` (every Saturday and Sunday) or a date nobody works (YYYY-MM-DD).');

export const blackoutSchema = z
  .strictObject({
    from: isoDate.describe('First day of the blackout (YYYY-MM-DD).'),
    to: isoDate.describe('Last day of the blackout, included (YYYY-MM-DD).'),
    why: z.string().optional().describe('Why nothing may launch then (e.g. Black Friday freeze); named in warnings and on the timeline.'),
    applies_to: z.array(z.enum(media)).optional().describe("The media it freezes (a channel's `medium`, e.g. [email, sms]); without it, every channel."),
  })
  .describe('Days on which a channel may not start (a launch freeze); the rule launch-in-blackout warns about one that does.');

export const calendarSchema = z
  .strictObject({
    excludes: z
      .array(calendarExcludeSchema)
      .optional()
      .describe('Non-working days: `weekends` and dates (e.g. [weekends, 2026-12-25]). A lag in `bd` (business days) skips them.'),
    blackouts: z.array(blackoutSchema).optional().describe('Launch freezes: `{ from, to, why, applies_to }`.'),
  })
  .describe('The working calendar: the days nobody works (for `bd` lags and the timeline) and the launch freezes.');

export const importsSchema = z
  .array(z.string())
  .describe(
    'Libraries (`*.plan-library.yaml`) whose KPIs, journey, owners, media and calendar this file uses, relative to it (e.g. `./shared/kpis.plan-library.yaml`). Libraries may import libraries.',
  );

/** Root keys other than the two id-keyed maps, validated as one object. */
export const planRootShape = {
  imports: importsSchema.optional(),
  plan: z.string().describe("The plan's title."),
  owner: z.string().optional().describe('The person accountable for the whole plan.'),
  period: periodSchema.optional(),
  objective: z
    .union([objectiveSchema, z.array(objectiveSchema)])
    .optional()
    .describe('The one commercial objective that every KPI traces back to.'),
  proposition: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('The one value proposition every channel expresses.'),
  budget: budgetSchema.optional(),
  journey: z.array(journeyStageSchema).optional().describe('The customer experience, stage by stage, in order.'),
  channels: z.record(id, channelSchema).optional().describe('The channels, keyed by id.'),
  kpis: z.record(id, kpiSchema).optional().describe('The KPIs, keyed by id.'),
  attribution: attributionSchema.optional(),
  compliance: complianceSchema.optional(),
  reviews: reviewsSchema.optional(),
  governance: governanceSchema.optional(),
  milestones: z.record(id, milestoneSchema).optional().describe('Dated events for the timeline, keyed by id.'),
  calendar: calendarSchema.optional(),
  as_of: isoDate.optional().describe('The date actuals are read against (YYYY-MM-DD); `throughline check --as-of` overrides it; without either, today.'),
  actuals_file: z
    .string()
    .optional()
    .describe(
      'A CSV file of actuals (`date,id,field,value`), relative to the plan (e.g. `./q3.actuals.csv`); merged with the actuals and spend written in the plan.',
    ),
};

export const planSchema = z.strictObject(planRootShape).describe('An integrated marketing plan.');

/** A library: what several plans share, defined once. No title, channels or objective. */
export const libraryRootShape = {
  imports: importsSchema.optional(),
  kpis: z.record(id, kpiSchema).optional().describe('KPIs defined once for every plan that imports the library, keyed by id.'),
  journey: z.array(journeyStageSchema).optional().describe('The shared customer journey, stage by stage, in order.'),
  owners: z
    .array(z.string())
    .optional()
    .describe('The people and teams allowed as owners in the plans that import the library; an owner not listed is reported (owner-unknown).'),
  media: z.array(z.string()).optional().describe("Extra values allowed as a channel's `medium` in the plans that import the library (e.g. UTM mediums)."),
  calendar: calendarSchema
    .optional()
    .describe(
      "A working calendar shared by the plans that import the library: its `excludes` (weekends, holidays) and `blackouts` (launch freezes) are added to each plan's own `calendar`.",
    ),
};

export const librarySchema = z.strictObject(libraryRootShape).describe('A library of KPIs, journey stages, owners, media and a calendar shared by plans.');

/** A portfolio: plans gathered under one budget and one objective. */
export const portfolioRootShape = {
  portfolio: z.string().describe("The portfolio's title."),
  owner: z.string().optional().describe('The person accountable for the whole portfolio.'),
  budget: z
    .strictObject({
      total: z.number().describe("The portfolio's budget: the member plans' budget totals must fit in it."),
      currency: z.string().optional().describe("Currency of the total (e.g. EUR); every member plan's budget must be in it."),
    })
    .optional()
    .describe('The money the member plans share: `{ total, currency }`.'),
  objective: objectiveSchema
    .omit({ traces_to: true })
    .optional()
    .describe("The one commercial objective every member plan serves: each plan's objective names its id in `traces_to`."),
  plans: z
    .array(z.string())
    .optional()
    .describe('The member plans, relative to the portfolio: paths (e.g. `./emea.plan.yaml`) or globs (e.g. `./regions/*.plan.yaml`, `**/*.plan.yaml`).'),
};

export const portfolioSchema = z.strictObject(portfolioRootShape).describe('A portfolio of plans that share one budget and one objective.');

export type Plan = z.infer<typeof planSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Kpi = z.infer<typeof kpiSchema>;
export type Measure = z.infer<typeof measureSchema>;
