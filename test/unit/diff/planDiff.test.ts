// The plan diff against fixture pairs covering every kind of change (test/fixtures/diff/<case>/
// before.plan.yaml → after.plan.yaml): the JSON data and the Markdown are goldens, and the
// assertions below pin what each case is about.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { diffMarkdown } from '../../../server/src/core/features/diff/diffMarkdown.js';
import { renderDiffSvg } from '../../../server/src/core/features/diff/diffPage.js';
import { buildTimeline } from '../../../server/src/core/features/timeline/model.js';
import { diffPlans, type PlanSide } from '../../../server/src/core/features/diff/planDiff.js';
import type { PlanDiff } from '../../../server/src/core/features/diff/types.js';
import { expectGolden } from '../../helpers/golden.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'diff');
const cases = readdirSync(FIXTURES).sort();

function side(name: string, file: 'before' | 'after'): PlanSide | undefined {
  const path = join(FIXTURES, name, `${file}.plan.yaml`);
  if (!existsSync(path)) return undefined;
  return { info: { path: `plans/${name}.plan.yaml`, title: null }, analysis: analyzeText(readFileSync(path, 'utf8')) };
}

function diffOf(name: string): PlanDiff {
  const [before, after] = [side(name, 'before'), side(name, 'after')];
  for (const one of [before, after]) if (one) one.info.title = one.analysis.model.title?.value ?? null;
  return diffPlans(before, after);
}

describe('plan diff goldens', () => {
  for (const name of cases) {
    it(`${name}: JSON and Markdown match the goldens`, () => {
      const diff = diffOf(name);
      expectGolden(join(FIXTURES, name, 'expected.json'), `${JSON.stringify(diff, null, 2)}\n`);
      expectGolden(join(FIXTURES, name, 'expected.md'), diffMarkdown([diff]));
    });
  }
});

describe('plan diff timeline', () => {
  for (const name of ['moved', 'channels']) {
    it(`${name}: the SVG with the old bars as outlines matches the golden`, () => {
      const [before, after] = [side(name, 'before')!, side(name, 'after')!];
      const timeline = (planSide: PlanSide) => buildTimeline({ uri: planSide.info.path, version: 0, analysis: planSide.analysis }, { today: '2026-06-15' });
      const svg = renderDiffSvg({ diff: diffPlans(before, after), after: timeline(after), before: timeline(before), baseLabel: 'main' });
      expectGolden(join(FIXTURES, name, 'expected.svg'), svg);
    });
  }
});

describe('plan diff', () => {
  it('moved: start and end shifts in days, the new duration, the later end date and the critical path', () => {
    const diff = diffOf('moved');
    const paid = diff.channels.changed.find((channel) => channel.id === 'paid-search')!;
    assert.deepEqual(paid.moved, { startDays: 14, endDays: 14, days: { before: 92, after: 92 } });
    const content = diff.channels.changed.find((channel) => channel.id === 'content-hub')!;
    assert.deepEqual(content.moved, { startDays: 0, endDays: 10, days: { before: 37, after: 47 } });
    assert.deepEqual(diff.schedule.end, { before: '2026-09-30', after: '2026-10-14' });
    assert.ok(diff.schedule.criticalPath.after!.includes('paid-search'));
    assert.ok(diff.problems.introduced.some((problem) => problem.rule === 'outside-period' && problem.channel === 'paid-search'));
  });

  it('channels: added, removed, renamed (same content under a new id, its references followed) and changed fields', () => {
    const diff = diffOf('channels');
    assert.deepEqual(
      diff.channels.added.map((channel) => channel.id),
      ['paid-social'],
    );
    assert.deepEqual(
      diff.channels.removed.map((channel) => channel.id),
      ['email-nurture'],
    );
    assert.deepEqual(diff.channels.renamed, [{ from: 'content-hub', to: 'content-studio' }]);
    assert.equal(
      diff.channels.changed.find((channel) => channel.id === 'paid-search'),
      undefined,
      'a dependency on the renamed channel is not a change',
    );
    assert.deepEqual(diff.channels.changed.find((channel) => channel.id === 'seo')?.fields, [
      { field: 'medium', before: 'seo', after: 'content' },
      { field: 'stages', before: ['aware', 'consider'], after: ['aware', 'consider', 'convert'] },
    ]);
  });

  it('money: totals, channel budgets, phasing by month and the share of the total by type', () => {
    const { money } = diffOf('money');
    assert.deepEqual(money.total, { before: 270000, after: 300000 });
    assert.deepEqual(money.channels, [
      { id: 'seo', before: 30000, after: 20000 },
      { id: 'paid-search', before: 180000, after: 220000 },
    ]);
    assert.deepEqual(money.phasing, [
      { channel: 'content-hub', month: '2026-05', before: null, after: 20000 },
      { channel: 'content-hub', month: '2026-06', before: null, after: 25000 },
      { channel: 'paid-search', month: '2026-08', before: 60000, after: 80000 },
      { channel: 'paid-search', month: '2026-09', before: 60000, after: 80000 },
    ]);
    assert.deepEqual(
      money.byType.find((entry) => entry.type === 'paid'),
      {
        type: 'paid',
        before: { amount: 180000, share: 0.6667 },
        after: { amount: 220000, share: 0.7333 },
      },
    );
  });

  it('kpis: targets, baselines, ready_by and traces; a KPI renamed, one added; owners of the plan, KPIs, measures and reviews', () => {
    const diff = diffOf('kpis');
    assert.deepEqual(diff.kpis.renamed, [{ from: 'email-conversions', to: 'nurture-conversions' }]);
    assert.deepEqual(
      diff.kpis.added.map((kpi) => kpi.id),
      ['branded-searches'],
    );
    assert.deepEqual(diff.kpis.changed.find((kpi) => kpi.id === 'organic-sessions')?.fields, [
      { field: 'traces_to', before: 'assisted-signups', after: 'q3-acquisition' },
      { field: 'measure.baseline', before: 3000, after: 3200 },
      { field: 'measure.target', before: 5000, after: 6000 },
    ]);
    assert.deepEqual(diff.kpis.changed.find((kpi) => kpi.id === 'paid-conversions')?.fields, [
      { field: 'measure.ready_by', before: '2026-06-24', after: '2026-06-30' },
    ]);
    assert.equal(
      diff.channels.changed.find((channel) => channel.id === 'email-nurture'),
      undefined,
      'a channel naming the renamed KPI did not change',
    );
    assert.deepEqual(
      diff.owners.map((owner) => `${owner.what} ${owner.id}: ${owner.before} → ${owner.after}`),
      [
        'plan Q3 new-customer acquisition: Head of Growth → Marketing director',
        'kpi assisted-signups: Content lead → Head of Content',
        'measure assisted-signups: null → Analytics lead',
        'review monthly: Head of Growth → Marketing director',
      ],
    );
  });

  it('problems: introduced and fixed by running the rules on both sides, with counts, whatever the lines did', () => {
    const { problems } = diffOf('problems');
    assert.deepEqual(
      problems.fixed.map((problem) => `${problem.rule} ${problem.channel ?? problem.kpi ?? ''}`.trim()),
      ['dependency-unknown paid-search', 'attribution-last-click'],
    );
    assert.deepEqual(
      problems.introduced.map((problem) => `${problem.rule} ${problem.channel ?? ''}`.trim()),
      ['proposition-missing', 'budget-unallocated'],
    );
    assert.equal(problems.before.error, 1);
    assert.equal(problems.after.error, 0);
  });

  it('a plan on one side only is added or removed; unchanged text is unchanged', () => {
    const added = diffOf('added');
    assert.equal(added.status, 'added');
    assert.equal(added.channels.added.length, 4);
    assert.equal(added.problems.introduced.length, 0, 'a clean new plan introduces no problem');
    assert.equal(diffOf('removed').status, 'removed');
    assert.equal(diffOf('removed').channels.removed.length, 4);
    assert.equal(diffOf('unchanged').status, 'changed', 'a comment changed: the text differs');
    assert.match(diffMarkdown([diffOf('unchanged')]), /^No plan changed: 1 plan\.\n$/);
  });

  it('a side that does not parse is a clear message and only problems are compared, never a crash', () => {
    const diff = diffOf('unparsable');
    assert.equal(diff.status, 'unparsable');
    assert.equal(diff.parseProblems[0]?.side, 'after');
    assert.deepEqual(diff.channels, { added: [], removed: [], renamed: [], changed: [] });
    assert.match(diffMarkdown([diff]), /The new version does not parse\*\* \(line \d+: .+\), so only its problems are compared/);
    for (const text of ['', ':', '- [', 'plan: x\n  bad: indent\n', '\u0000\u0001', 'a: &x [*x]']) {
      const analysis = analyzeText(text);
      const result = diffPlans(
        { info: { path: 'a', title: null }, analysis },
        { info: { path: 'a', title: null }, analysis: analyzeText(`${text}\n# edited`) },
      );
      assert.ok(diffMarkdown([result]).length > 0);
    }
  });

  it('Markdown: plan text cannot format, link, embed, mention or close the <details>', () => {
    const markdown = diffMarkdown([diffOf('hostile-text')]);
    assert.doesNotMatch(markdown, /(^|[^\\])<(img|script|b>)|(^|[^\\])<\/details><b>|[^\\]\]\(javascript:|[^\\]!\[t\]\(/m);
    assert.doesNotMatch(markdown, /(^|[^\u200b\\])@(everyone|octocat)/m, 'no @mention');
    assert.equal((markdown.match(/<\/details>/g) ?? []).length, 1, 'only the diff closes its details');
    assert.match(markdown, /\\<img src=x onerror=alert\\\(1\\\)\\>/, 'markup shown as text');
  });
});
