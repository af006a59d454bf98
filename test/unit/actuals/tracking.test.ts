import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, linkedFilesOf, paceAt, referencedFiles, resolveReference, type Analysis } from '../../../server/src/core/index.js';

// Money and pace as of a date: the numbers the rules, the hover, the timeline and the review
// pack all read.

const PLAN_URI = 'file:///work/plans/q3.plan.yaml';
const CSV_URI = 'file:///work/plans/q3.actuals.csv';

function plan(extra: { root?: string; channel?: string; measure?: string; kpi?: string } = {}): string {
  return `plan: Q3
${extra.root ?? ''}objective: { id: q3, target: 4000, deadline: 2026-09-30 }
budget: { total: 200000, currency: GBP }
channels:
  paid-search:
    type: paid
    mode: outbound
    start: 2026-07-01
    end: 2026-09-30
    budget: 180000
${extra.channel ?? ''}    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: q3
    measure: { baseline: 0, target: 2600, cadence: weekly${extra.measure ?? ''} }
${extra.kpi ?? ''}`;
}

function analyze(text: string, csv?: string, options: { asOf?: string; tolerance?: number } = {}): Analysis {
  const files = linkedFilesOf(new Map(csv === undefined ? [] : [[CSV_URI, { text: csv }]]));
  return analyzeText(text, { planUri: PLAN_URI, files, asOf: options.asOf, pacing: { tolerance: options.tolerance } });
}

describe('tracking: money', () => {
  it('money out is per month the larger of committed and actual; inline and CSV rows of a month add up', () => {
    const text = plan({
      root: 'as_of: 2026-08-15\nactuals_file: ./q3.actuals.csv\n',
      channel:
        '    phasing: { 2026-07: 60000, 2026-08: 60000, 2026-09: 60000 }\n    spend: { 2026-07: { committed: 58000, actual: 55000 }, 2026-08: { committed: 30000 } }\n',
    });
    const csv = 'date,id,field,value\n2026-08-05,paid-search,actual,20000\n2026-08-19,paid-search,actual,15000\n';
    const money = analyze(text, csv).tracking.channels.get('paid-search')!;
    assert.deepEqual(
      money.months.map(({ month, planned, committed, actual, out }) => [month, planned, committed, actual, out]),
      [
        ['2026-07', 60000, 58000, 55000, 58000],
        ['2026-08', 60000, 30000, 35000, 35000],
        ['2026-09', 60000, 0, 0, 0],
      ],
    );
    assert.deepEqual([money.planned, money.committed, money.actual, money.out], [180000, 88000, 90000, 93000]);
  });

  it('the same month and field in the plan and the CSV is a conflict; the plan wins', () => {
    const text = plan({ root: 'actuals_file: q3.actuals.csv\n', channel: '    spend: { 2026-07: { committed: 58000 } }\n' });
    const analysis = analyze(text, 'date,id,field,value\n2026-07-20,paid-search,committed,99999\n');
    assert.equal(analysis.tracking.channels.get('paid-search')!.committed, 58000);
    assert.deepEqual(
      analysis.diagnostics.filter((d) => d.code === 'actuals-file').map((d) => d.message),
      ["The committed money of `paid-search` in 2026-07 is given here and on line 2 of `q3.actuals.csv`; the plan's value is used. Keep one of them."],
    );
  });
});

describe('tracking: pace', () => {
  const actuals = '    actuals: { 2026-07-14: 260, 2026-07-28: 500, 2026-08-11: 760, 2026-09-15: 2000 }\n';

  it('reads the latest actual on or before as_of against the pace line from the first start to the deadline', () => {
    const pace = analyze(plan({ root: 'as_of: 2026-08-15\n', kpi: actuals })).tracking.kpis.get('paid-conversions')!;
    assert.deepEqual([pace.latest?.date, pace.latest?.value], ['2026-08-11', 760]);
    assert.deepEqual([pace.pace?.startDay, pace.pace?.endDay, pace.pace?.endLabel], [20635, 20726, 'deadline']);
    assert.equal(Math.round(pace.expected!), 1171);
    assert.equal(pace.status, 'behind');
    // Least squares through (07-14, 260), (07-28, 500), (08-11, 760): 17.9 a day from 506.7 on 07-28, read 64 days later.
    assert.equal(Math.round(pace.forecast!), 1650);
  });

  it('--as-of wins over the plan, and a tolerance of 40 % makes the same actual on pace', () => {
    const text = plan({ root: 'as_of: 2026-08-15\n', kpi: actuals });
    assert.equal(analyze(text, undefined, { asOf: '2026-07-20' }).tracking.kpis.get('paid-conversions')!.latest?.date, '2026-07-14');
    assert.equal(analyze(text, undefined, { tolerance: 0.4 }).tracking.kpis.get('paid-conversions')!.status, 'on-pace');
  });

  it('pace line: baseline before the start, target after the end, straight between', () => {
    const line = { startDay: 0, endDay: 100, baseline: 10, target: 110, endLabel: 'deadline' as const };
    assert.deepEqual([paceAt(line, -5), paceAt(line, 0), paceAt(line, 50), paceAt(line, 100), paceAt(line, 150)], [10, 10, 60, 110, 110]);
  });

  it('a target below the baseline is behind when above the line', () => {
    const text = plan({ root: 'as_of: 2026-08-15\n', kpi: '    actuals: { 2026-08-11: 120 }\n' }).replace(
      'baseline: 0, target: 2600',
      'baseline: 100, target: 60',
    );
    assert.equal(analyze(text).tracking.kpis.get('paid-conversions')!.status, 'behind');
  });

  it('per-period: one actual keeps its level as the forecast; cumulative keeps its rate from the first start', () => {
    const one = '    actuals: { 2026-07-31: 900 }\n';
    const perPeriod = analyze(plan({ root: 'as_of: 2026-08-15\n', measure: ', aggregation: per-period', kpi: one })).tracking.kpis.get('paid-conversions')!;
    const cumulative = analyze(plan({ root: 'as_of: 2026-08-15\n', kpi: one })).tracking.kpis.get('paid-conversions')!;
    assert.equal(perPeriod.forecast, 900);
    assert.equal(Math.round(cumulative.forecast!), Math.round((900 * 91) / 30));
  });

  it('merges the CSV actuals with the inline ones; the same date in both is reported and the plan wins', () => {
    const text = plan({ root: 'as_of: 2026-08-15\nactuals_file: ./q3.actuals.csv\n', kpi: '    actuals: { 2026-07-14: 260 }\n' });
    const csv = 'date,id,field,value\n2026-07-14,paid-conversions,actual,999\n2026-07-21,paid-conversions,actual,430\n';
    const analysis = analyze(text, csv);
    assert.deepEqual(
      analysis.tracking.kpis.get('paid-conversions')!.points.map((point) => [point.date, point.value, point.source.kind]),
      [
        ['2026-07-14', 260, 'plan'],
        ['2026-07-21', 430, 'csv'],
      ],
    );
    assert.equal(analysis.diagnostics.filter((d) => d.code === 'actuals-file').length, 1);
  });
});

describe('referenced files', () => {
  const path = (value: string) => ({ value, range: { start: { line: 0, character: 0 }, end: { line: 0, character: value.length } } });

  it('resolves relative paths against the plan, parent folders included', () => {
    assert.equal(resolveReference('actuals', path('./q3.actuals.csv'), PLAN_URI).uri, CSV_URI);
    assert.equal(resolveReference('actuals', path('data/q3 actuals.csv'), PLAN_URI).uri, 'file:///work/plans/data/q3%20actuals.csv');
    assert.equal(resolveReference('actuals', path('../shared/./q3.csv'), PLAN_URI).uri, 'file:///work/shared/q3.csv');
  });

  it('refuses absolute paths, URLs, backslashes, other file names and escapes above the root', () => {
    for (const written of ['/etc/q3.csv', 'C:/data/q3.csv', 'https://example.com/q3.csv', 'data\\q3.csv', './secrets.env', '', '../../../q3.csv']) {
      const reference = resolveReference('actuals', path(written), PLAN_URI);
      assert.equal(reference.uri, undefined, written);
      assert.match(reference.problem!, /\.$/, written);
    }
  });

  it('lists nothing without the plan URI, and the actuals file with its range otherwise', () => {
    const model = analyzeText(plan({ root: 'actuals_file: ./q3.actuals.csv\n' })).model;
    assert.deepEqual(referencedFiles(model, undefined), []);
    const [reference] = referencedFiles(model, PLAN_URI);
    assert.deepEqual([reference!.kind, reference!.uri, reference!.path.range.start.line], ['actuals', CSV_URI, 1]);
  });
});
