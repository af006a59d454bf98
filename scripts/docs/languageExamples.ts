import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, parseDocument, type Pair, type ParsedNode } from 'yaml';

// The examples of the language reference are cut from the clean example plan, which
// `npm run check:examples` keeps free of problems, so they cannot drift from the language.

export const EXAMPLE_PLAN = 'examples/clean/q3-acquisition.plan.yaml';

/** Sections the example plan does not use; test/unit/ruleDocs.test.ts checks they are valid. */
export const extraExamples: Readonly<Record<string, string>> = {
  milestones: [
    'milestones:',
    '  price-change: { date: 2026-07-15, label: Competitor price rise expected }',
    '  board-review: { date: 2026-08-31, label: Half-way review with the board }',
  ].join('\n'),
  calendar: [
    'calendar:',
    '  excludes: [weekends, 2026-12-25, 2026-12-26]       # non-working days',
    '  blackouts:',
    '    - { from: 2026-11-23, to: 2026-11-30, why: Black Friday freeze, applies_to: [email, sms] }',
  ].join('\n'),
  as_of: 'as_of: 2026-08-15   # actuals are read as of this day (`throughline check --as-of` wins; without either, today)',
  imports: 'imports: [./shared/kpis.plan-library.yaml]   # libraries whose KPIs, journey, owners and media this plan uses (see docs/portfolio.md)',
  actuals_file: "actuals_file: ./q3.actuals.csv   # date,id,field,value rows, merged with the plan's own actuals and spend",
};

/** A shortened plan with no problems, at the top of the reference; test/unit/ruleDocs.test.ts checks it stays so. */
export const PLAN_AT_A_GLANCE = `plan: Q3 new-customer acquisition
owner: Head of Growth
period: { start: 2026-05-01, end: 2026-09-30 }

objective:                        # exactly one commercial objective
  id: q3-acquisition
  statement: Acquire 4,000 new customers in Q3 at a blended CPA under £85
  target: 4000
  deadline: 2026-09-30

proposition: Switch in five minutes and keep a month's fees
budget: { total: 270000, currency: GBP }

journey:
  - { stage: aware,   need: Know we exist and what we solve }
  - { stage: convert, need: Feel safe to buy today }

channels:                         # keyed by id
  seo:
    type: owned                   # paid | owned | earned
    mode: inbound                 # inbound | outbound
    owner: SEO lead
    stages: [aware]
    start: 2026-05-01
    end: 2026-09-30
    budget: 90000
    kpis: [organic-sessions]
  paid-search:
    type: paid
    mode: outbound
    owner: Paid media lead
    stages: [convert]
    start: 2026-07-01
    end: 2026-09-30
    budget: 180000
    kpis: [paid-conversions]
    depends_on:
      - { on: seo, kind: start-to-start, lag: 8w, why: Organic base lowers paid CPA }

kpis:                             # keyed by id
  organic-sessions:
    traces_to: paid-conversions   # the objective's id, or a KPI that reaches it
    owner: SEO lead
    measure: { definition: Organic sessions on /switch, source: GA4, baseline: 3000, target: 5000, ready_by: 2026-04-24 }
  paid-conversions:
    traces_to: q3-acquisition
    owner: Paid media lead
    measure: { definition: New customers from paid search, source: Google Ads + CRM, baseline: 0, target: 2600, ready_by: 2026-06-24 }

attribution: { model: data-driven, lookback: 30d }
reviews:
  weekly:    { owner: Channel leads,  focus: Blockers and dependencies at risk }
  monthly:   { owner: Head of Growth, focus: Tracking to the objective }
  quarterly: { owner: CMO,            focus: Budget reallocation }
`;

/** Top-level key → its YAML in the example plan; id-keyed maps keep only the entries that show a key not shown before. */
export function exampleSections(path = EXAMPLE_PLAN): Map<string, string> {
  const text = readFileSync(path, 'utf8');
  const document = parseDocument(text, { keepSourceTokens: false });
  const sections = new Map<string, string>();
  if (!isMap(document.contents)) return sections;
  for (const pair of document.contents.items as Pair<ParsedNode, ParsedNode | null>[]) {
    if (!isScalar(pair.key) || !pair.value) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    const entries =
      isMap(value) && (key === 'channels' || key === 'kpis') ? distinctEntries(text, value.items as Pair<ParsedNode, ParsedNode | null>[]) : undefined;
    sections.set(key, entries ? `${key}:\n${entries.join('\n')}` : text.slice(pair.key.range[0], value.range[1]));
  }
  for (const [key, example] of Object.entries(extraExamples)) if (!sections.has(key)) sections.set(key, example);
  return sections;
}

/** The entries (with their indentation) that each use a key no earlier entry used. */
function distinctEntries(text: string, items: readonly Pair<ParsedNode, ParsedNode | null>[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key) || !item.value || !isMap(item.value)) continue;
    const keys = item.value.items.flatMap((entry) => (isScalar(entry.key) ? [String(entry.key.value)] : []));
    if (kept.length > 0 && keys.every((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    const start = item.key.range[0];
    const column = start - (text.lastIndexOf('\n', start - 1) + 1);
    kept.push(`${' '.repeat(column)}${text.slice(start, item.value.range[1]).trimEnd()}`);
  }
  return kept;
}
