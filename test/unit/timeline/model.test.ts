import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planWith, readExample, timelineOf } from './helpers.js';

const clean = () => timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml'), '2026-06-15');
const problems = () => timelineOf(readExample('examples/problems/new-user.plan.yaml'), '2026-06-15');

function isPlainJson(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return typeof value !== 'number' || Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isPlainJson);
  return false;
}

test('the model is plain JSON data (no Map, Set, class instance or function)', () => {
  const timeline = clean();
  assert.ok(isPlainJson(timeline));
  assert.deepEqual(
    JSON.parse(JSON.stringify(timeline)).bars.map((bar: { id: string }) => bar.id),
    timeline.bars.map((bar) => bar.id),
  );
});

test('lanes follow the journey; a channel sits in its first stage and keeps its other stages', () => {
  const timeline = clean();
  assert.deepEqual(
    timeline.lanes.map((lane) => [lane.id, lane.bars]),
    [
      ['aware', ['seo']],
      ['consider', ['content-hub', 'email-nurture']],
      ['convert', ['paid-search']],
    ],
  );
  const seo = timeline.bars.find((bar) => bar.id === 'seo')!;
  assert.equal(seo.lane, 'aware');
  assert.deepEqual(seo.stages, ['aware', 'consider']);
  assert.equal(timeline.lanes[1]!.need, 'Believe switching is easy');
});

test('bars carry dates, budget share, critical flag, slack and earliest start', () => {
  const bars = new Map(clean().bars.map((bar) => [bar.id, bar]));
  const paid = bars.get('paid-search')!;
  assert.equal(paid.start.date, '2026-07-01');
  assert.equal(paid.end.date, '2026-09-30');
  assert.equal(paid.days, 92);
  assert.equal(paid.budget, 180000);
  assert.equal(paid.budgetShare, 180000 / 270000);
  assert.equal(paid.type, 'paid');
  assert.equal(paid.owner, 'Paid media lead');
  assert.equal(paid.critical, true);
  // seo start 2026-05-01 + 8 weeks (start-to-start) beats content-hub's end 2026-06-20 + 1 day.
  assert.equal(paid.earliestStart?.date, '2026-06-26');
  assert.equal(bars.get('content-hub')!.critical, false);
  assert.equal(bars.get('content-hub')!.slack, 10);
  assert.equal(bars.get('content-hub')!.earliestStart, undefined);
});

test('the critical path and the critical edge between its channels', () => {
  const timeline = clean();
  assert.deepEqual(timeline.criticalPath, ['paid-search', 'email-nurture']);
  assert.deepEqual(
    timeline.edges.map((edge) => [edge.from, edge.to, edge.kind, edge.lag, edge.critical, edge.violated]),
    [
      ['content-hub', 'paid-search', 'finish-to-start', 0, false, false],
      ['seo', 'paid-search', 'start-to-start', 56, false, false],
      ['paid-search', 'email-nurture', 'start-to-start', 7, true, false],
    ],
  );
  assert.equal(timeline.edges[1]!.why, 'Organic base lowers paid CPA from month four');
});

test('plan period, deadline, finish, today, span and ready_by markers', () => {
  const timeline = clean();
  assert.equal(timeline.period?.start.date, '2026-05-01');
  assert.equal(timeline.period?.end.date, '2026-09-30');
  assert.equal(timeline.deadline?.date, '2026-09-30');
  assert.equal(timeline.finish?.date, '2026-09-30');
  assert.equal(timeline.today?.date, '2026-06-15');
  // organic-sessions is ready on 2026-04-24, before the period starts: the span reaches back to it.
  assert.equal(timeline.span?.start.date, '2026-04-24');
  assert.equal(timeline.span?.end.date, '2026-09-30');
  assert.deepEqual(
    timeline.readyBy.map((marker) => [marker.kpi, marker.date.date, marker.channels, marker.late]),
    [
      ['organic-sessions', '2026-04-24', ['seo'], false],
      ['assisted-signups', '2026-05-08', ['content-hub'], false],
      ['paid-conversions', '2026-06-24', ['paid-search'], false],
      ['email-conversions', '2026-07-01', ['email-nurture'], false],
    ],
  );
  assert.equal(timelineOf(readExample('examples/clean/q3-acquisition.plan.yaml')).today, undefined);
});

test('diagnostics are attached to the channel whose entry contains them', () => {
  const timeline = problems();
  const bars = new Map(timeline.bars.map((bar) => [bar.id, bar]));
  const email = bars.get('email-nurture')!.diagnostics;
  assert.deepEqual(email.messages.map((message) => message.code).sort(), ['compliance-missing', 'dependency-violated', 'kpi-undefined']);
  assert.equal(email.errors, 3);
  assert.equal(email.warnings, 0);
  assert.deepEqual(
    bars.get('seo')!.diagnostics.messages.map((message) => message.code),
    ['outside-period'],
  );
  assert.equal(bars.get('seo')!.diagnostics.warnings, 1);
  // Plan-level problems belong to no channel, but are all listed.
  const vague = timeline.problems.find((problem) => problem.code === 'objective-vague');
  assert.equal(vague?.channel, undefined);
  const attached = timeline.bars.reduce((sum, bar) => sum + bar.diagnostics.messages.length, 0);
  assert.equal(timeline.problems.filter((problem) => problem.channel !== undefined).length, attached);
});

test('a violated dependency says by how many days', () => {
  const edge = problems().edges.find((candidate) => candidate.to === 'email-nurture')!;
  assert.equal(edge.violated, true);
  assert.equal(edge.violationDays, 7);
});

test('channels without a known stage go to an Unstaged lane after the journey; an uncovered stage keeps an empty lane', () => {
  const timeline = timelineOf(
    planWith(`  a: { type: owned, mode: inbound, stages: [nowhere, consider], start: 2026-02-01, end: 2026-02-10 }
  b: { type: owned, mode: inbound, stages: [typo], start: 2026-01-01, end: 2026-01-10 }
  c: { type: paid, mode: outbound, start: 2026-03-01, end: 2026-03-10 }`),
  );
  assert.deepEqual(
    timeline.lanes.map((lane) => [lane.id, lane.label, lane.bars]),
    [
      ['aware', 'aware', []],
      ['consider', 'consider', ['a']],
      ['convert', 'convert', []],
      ['', 'Unstaged', ['b', 'c']],
    ],
  );
});

test('channels with missing or broken dates are listed as undated with the reason, never dropped', () => {
  const timeline = timelineOf(
    planWith(`  ok: { type: owned, mode: inbound, stages: [aware], start: 2026-01-01, end: 2026-01-31 }
  no-end: { type: owned, mode: inbound, stages: [aware], start: 2026-01-01 }
  no-dates: { type: owned, mode: inbound }
  bad-date: { type: paid, mode: outbound, start: 2026-02-30, end: 2026-03-10, budget: 100 }
  backwards: { type: earned, mode: inbound, start: 2026-05-01, end: 2026-04-01 }
  other: { type: owned, mode: inbound, start: 2026-01-05, end: 2026-01-06, depends_on: [no-end] }`),
  );
  assert.deepEqual(
    timeline.bars.map((bar) => bar.id),
    ['ok', 'other'],
  );
  assert.deepEqual(
    timeline.undated.map((channel) => [channel.id, channel.reason]),
    [
      ['no-end', 'no end date'],
      ['no-dates', 'no start date, no end date'],
      ['bad-date', 'start "2026-02-30" is not a date'],
      ['backwards', 'ends (2026-04-01) before it starts (2026-05-01)'],
    ],
  );
  const badDate = timeline.undated.find((channel) => channel.id === 'bad-date')!;
  assert.equal(badDate.budget, 100);
  assert.ok(badDate.diagnostics.errors >= 1, 'the schema error on its date is on the entry');
  // An edge to an undated channel cannot be drawn: it is left out.
  assert.deepEqual(timeline.edges, []);
  assert.ok(timeline.lanes.every((lane) => !lane.bars.includes('no-end')));
});

test('key and entry ranges point at the channel in the text', () => {
  const text = readExample('examples/clean/q3-acquisition.plan.yaml');
  const lines = text.split('\n');
  const bar = timelineOf(text).bars.find((candidate) => candidate.id === 'content-hub')!;
  const keyLine = lines[bar.keyRange.start.line]!;
  assert.equal(keyLine.slice(bar.keyRange.start.character, bar.keyRange.end.character), 'content-hub');
  assert.ok(bar.range.end.line > bar.keyRange.start.line + 5);
  assert.match(lines[bar.range.end.line - 1] ?? '', /kpis|assisted/);
});

test('plan milestones are on the timeline; the span includes them', () => {
  const timeline = timelineOf(
    planWith(
      '  a: { type: owned, mode: inbound, start: 2026-02-01, end: 2026-02-10 }',
      `milestones:
  launch: { date: 2027-01-15, label: Public launch }
  review: { date: 2026-03-01 }
  broken: { date: someday }
`,
    ),
  );
  assert.deepEqual(
    timeline.milestones.map((milestone) => [milestone.id, milestone.label, milestone.date.date]),
    [
      ['launch', 'Public launch', '2027-01-15'],
      ['review', 'review', '2026-03-01'],
    ],
  );
  assert.equal(timeline.span?.end.date, '2027-01-15');
});

test('budget shares use the channel sum when the plan sets no total', () => {
  const timeline = timelineOf(`plan: No total
channels:
  a: { type: paid, mode: outbound, start: 2026-01-01, end: 2026-01-10, budget: 300 }
  b: { type: paid, mode: outbound, start: 2026-01-01, end: 2026-01-10, budget: 100 }
`);
  assert.equal(timeline.budgetTotal, 400);
  assert.deepEqual(
    timeline.bars.map((bar) => bar.budgetShare),
    [0.75, 0.25],
  );
});

test('a document that does not parse names the first syntax error; an empty one gives an empty timeline', () => {
  const broken = timelineOf('plan: Broken\nchannels:\n  a: { type: paid\n');
  assert.equal(broken.syntaxProblem?.code, 'yaml-syntax');
  assert.ok(broken.syntaxProblem!.message.length > 0);
  const empty = timelineOf('');
  assert.equal(empty.bars.length, 0);
  assert.equal(empty.span, undefined);
  assert.equal(empty.title, 'Untitled plan');
  assert.equal(clean().syntaxProblem, undefined);
});
