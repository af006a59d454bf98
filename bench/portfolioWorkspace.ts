// The generated workspace of `npm run bench -- --portfolio-only` (bench/portfolio.ts): one KPI
// library of 400 KPIs, 500 plans of 40 channels that import it, and a portfolio over them all.
// Deterministic, so every run sees the same text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PLANS = 500;
export const CHANNELS = 40;
export const LIBRARY_KPIS = 400;
/** KPIs each plan's channels report (and the plan refines): the first is reported by every plan. */
const KPIS_PER_PLAN = 8;
const OWNERS = 20;
const STAGES = ['aware', 'consider', 'convert'];
export const LIBRARY_PATH = 'shared/kpis.plan-library.yaml';
/** The library KPI the edits change and references and rename are asked about: every plan reports it. */
export const SHARED_KPI = 'kpi-0';

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const owner = (i: number) => `Owner ${i % OWNERS}`;

/**
 * The library. `incomplete` leaves out the shared KPI's `source`, so every plan that refines it
 * gets `measurement-incomplete` on its refinement: an edit whose effect each plan must show.
 */
export function libraryText(incomplete = false): string {
  const lines = [
    '# What every generated plan shares: owners, the journey and 400 KPI definitions.',
    `owners: [Head of Growth, Channel leads, CMO, ${Array.from({ length: OWNERS }, (_, i) => owner(i)).join(', ')}]`,
    '',
    'journey:',
    ...STAGES.map((stage) => `  - { stage: ${stage}, need: Something at ${stage} }`),
    '',
    'kpis:',
  ];
  for (let k = 0; k < LIBRARY_KPIS; k++) {
    lines.push(
      `  kpi-${k}:`,
      `    owner: ${owner(k)}`,
      '    measure:',
      `      definition: Conversions counted the shared way, number ${k}`,
      ...(incomplete && k === 0 ? [] : ['      source: GA4']),
      '      unit: conversions',
      `      cadence: ${k % 2 ? 'weekly' : 'monthly'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The library KPIs plan `p` reports: the shared one and seven more, spread over the library. */
export function kpisOf(p: number): string[] {
  return [SHARED_KPI, ...Array.from({ length: KPIS_PER_PLAN - 1 }, (_, j) => `kpi-${1 + ((p * (KPIS_PER_PLAN - 1) + j) % (LIBRARY_KPIS - 1))}`)];
}

export function planText(p: number): string {
  const kpis = kpisOf(p);
  const lines = [
    `plan: Generated plan ${p}`,
    'owner: Head of Growth',
    `imports: [../${LIBRARY_PATH}]`,
    'period: { start: 2026-01-01, end: 2026-12-31 }',
    '',
    'objective:',
    '  id: growth',
    `  statement: Acquire 1,000 customers for product ${p} in 2026`,
    '  metric: new_customers',
    '  target: 1000',
    '  deadline: 2026-12-31',
    '',
    'proposition: One promise everywhere',
    `budget: { total: ${CHANNELS * 1000}, currency: GBP }`,
    '',
    'channels:',
  ];
  for (let i = 0; i < CHANNELS; i++) {
    const start = 10 + Math.floor((i * 300) / CHANNELS);
    lines.push(
      `  ch-${i}:`,
      `    type: ${i % 3 === 0 ? 'paid' : 'owned'}`,
      `    mode: ${i % 2 ? 'inbound' : 'outbound'}`,
      `    owner: ${owner(p + i)}`,
      `    stages: [${STAGES[i % STAGES.length]}]`,
      `    start: ${day(start)}`,
      `    end: ${day(start + 30)}`,
      '    budget: 1000',
      `    kpis: [${kpis[i % kpis.length]}]`,
    );
    const parents = [...new Set([Math.floor(i / 2), i - 1])].filter((parent) => parent >= 0 && parent < i);
    if (parents.length > 0) lines.push('    depends_on:', ...parents.map((parent) => `      - { on: ch-${parent}, kind: start-to-start }`));
  }
  lines.push('', 'kpis:');
  // Refinements: what each library KPI is for in this plan, and by how much.
  for (const id of kpis) lines.push(`  ${id}:`, '    traces_to: growth', '    measure: { baseline: 10, target: 20, ready_by: 2026-01-05 }');
  lines.push(
    '',
    'attribution: { model: data-driven, lookback: 30d }',
    '',
    'reviews:',
    '  weekly: { owner: Channel leads, focus: Blockers }',
    '  monthly: { owner: Head of Growth, focus: Tracking }',
    '  quarterly: { owner: CMO, focus: Budget }',
    '',
  );
  return lines.join('\n');
}

export function portfolioText(): string {
  return [
    'portfolio: Generated portfolio',
    'owner: Head of Growth',
    `budget: { total: ${PLANS * CHANNELS * 1000}, currency: GBP }`,
    'objective:',
    '  id: growth',
    '  statement: Acquire 500,000 customers in 2026',
    '  metric: new_customers',
    `  target: ${PLANS * 1000}`,
    '  deadline: 2026-12-31',
    "plans: ['./plans/*.plan.yaml']",
    '',
  ].join('\n');
}

export const planPath = (p: number) => `plans/plan-${String(p).padStart(3, '0')}.plan.yaml`;

/** Writes the workspace below `dir`; returns every file's relative path and text. */
export function writeWorkspace(dir: string): Map<string, string> {
  const files = new Map<string, string>([
    [LIBRARY_PATH, libraryText()],
    ['portfolio.portfolio.yaml', portfolioText()],
  ]);
  for (let p = 0; p < PLANS; p++) files.set(planPath(p), planText(p));
  mkdirSync(join(dir, 'shared'), { recursive: true });
  mkdirSync(join(dir, 'plans'), { recursive: true });
  for (const [path, text] of files) writeFileSync(join(dir, path), text);
  return files;
}
