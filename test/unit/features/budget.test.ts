import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { codeLenses } from '../../../server/src/core/features/codeLens.js';
import { hover } from '../../../server/src/core/features/hover.js';
import { buildTimeline } from '../../../server/src/core/features/timeline/model.js';
import { renderSvg } from '../../../server/src/core/features/timeline/renderSvg.js';
import { factsOf } from '../../../server/src/core/model/planFacts.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { formatMoney, formatMoneyCompact, formatPercent } from '../../../server/src/core/text/money.js';

// The plan's budget is one fact (`factsOf(model).budget`) and amounts and shares are written by
// one module (`text/money.ts`): a diagnostic, the hover, the code lens and the timeline agree.

function documentOf(text: string): PlanDocument {
  return { uri: 'file:///budget.plan.yaml', version: 1, analysis: analyzeText(text) };
}

function plan(budget: string, channels: Record<string, number | undefined>): string {
  const lines = ['plan: Money plan', 'period: { start: 2026-01-01, end: 2026-06-30 }', ...(budget ? [`budget: ${budget}`] : []), 'channels:'];
  for (const [id, amount] of Object.entries(channels)) {
    lines.push(`  ${id}:`, '    type: paid', '    mode: outbound', '    start: 2026-01-01', '    end: 2026-03-31');
    if (amount !== undefined) lines.push(`    budget: ${amount}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What each surface says about one channel's budget. */
function surfaces(doc: PlanDocument, id: string) {
  const { model } = doc.analysis;
  const channel = model.channels.get(id)!;
  const hoverText = hover(doc, channel.keyRange.start)!.contents.value;
  const lens = codeLenses(doc).find((item) => item.range.start.line === channel.keyRange.start.line)!.command.title;
  const timeline = buildTimeline(doc, { today: '2026-01-01' });
  const svg = renderSvg(timeline, { embedStyle: false });
  const start = svg.indexOf(`data-channel="${id}"`);
  assert.ok(start >= 0, `bar of ${id}`);
  const next = svg.indexOf('data-channel=', start + 1);
  const bar = svg.slice(start, next < 0 ? undefined : next);
  return {
    hover: /^Budget .*$/m.exec(hoverText)?.[0],
    /** The lens's first part: the budget one, when there is a budget to share. */
    lens: lens.split(' · ')[0]!,
    tooltip: /^Budget [^\n<]*/m.exec(/<title>([^<]*)<\/title>/.exec(bar)![1]!)?.[0],
    barLabel: /<text class="budget"[^>]*>([^<]*)<\/text>/.exec(bar)?.[1],
    header: /<g class="header">.*?<\/g>/.exec(svg)![0],
    payload: timeline.bars.find((bar) => bar.id === id)!,
    timeline,
  };
}

describe('money and percentages', () => {
  it('write amounts with the currency’s symbol or code, grouped, pence only when there are any', () => {
    assert.equal(formatMoney(180000, 'GBP'), '£180,000');
    assert.equal(formatMoney(180000, 'gbp'), '£180,000');
    assert.equal(formatMoney(1234.5, 'EUR'), '€1,234.50');
    assert.equal(formatMoney(950, 'CHF'), 'CHF 950');
    assert.equal(formatMoney(950, undefined), '950');
    assert.equal(formatMoney(-20000, 'USD'), '-$20,000');
    assert.equal(formatMoney(0, 'GBP'), '£0');
    assert.equal(formatMoney(2e15, 'GBP'), '£2000000bn', 'too large to write out');
    assert.equal(formatMoneyCompact(180000, 'GBP'), '£180k');
    assert.equal(formatMoneyCompact(1_250_000, 'EUR'), '€1.3M');
    assert.equal(formatMoneyCompact(950, 'GBP'), '£950');
    assert.equal(formatMoneyCompact(Number.POSITIVE_INFINITY, 'GBP'), 'Infinity');
  });

  it('write shares to a tenth of a percent, and a dash when there is nothing to share', () => {
    assert.equal(formatPercent(180000, 270000), '66.7%');
    assert.equal(formatPercent(30, 40), '75%');
    assert.equal(formatPercent(1, 3000), '0%');
    assert.equal(formatPercent(1, 250), '0.4%');
    assert.equal(formatPercent(300, 100), '300%');
    assert.equal(formatPercent(12345, 1), '1,234,500%');
    assert.equal(formatPercent(5, 0), '—');
    assert.equal(formatPercent(0, 0), '—');
  });
});

describe('the plan’s budget', () => {
  it('is one fact: total, allocated, available after contingency, and the base shares are taken of', () => {
    const facts = factsOf(documentOf(plan('{ total: 300000, currency: GBP, contingency: 20000 }', { a: 100000, b: 50000 })).analysis.model).budget;
    assert.deepEqual(facts, {
      total: 300000,
      currency: 'GBP',
      contingency: 20000,
      allocated: 150000,
      available: 280000,
      base: 300000,
      baseLabel: 'the total',
    });
    const noTotal = factsOf(documentOf(plan('', { a: 30, b: 10 })).analysis.model).budget;
    assert.deepEqual(
      { ...noTotal },
      { total: undefined, currency: undefined, contingency: 0, allocated: 40, available: undefined, base: 40, baseLabel: 'channel budgets' },
    );
  });

  it('reads the same for a channel in the diagnostic, the hover, the code lens and the timeline', () => {
    const doc = documentOf(plan('{ total: 240000, currency: GBP }', { 'paid-search': 170000, social: 80000 }));
    const amount = '£170,000';
    const share = '70.8%';
    const total = '£240,000';
    const seen = surfaces(doc, 'paid-search');
    const diagnostic = doc.analysis.diagnostics.find((item) => item.code === 'budget-overallocated')!;
    assert.equal(diagnostic.message, `Channel budgets add up to £250,000, £10,000 more than the ${total} available. Cut channel budgets or raise \`total\`.`);
    assert.equal(seen.hover, `Budget ${amount} — ${share} of the total ${total}`);
    assert.equal(seen.lens, `${share} of the total (${amount})`);
    assert.equal(seen.tooltip, `Budget ${amount} (${share} of the total)`);
    assert.equal(seen.barLabel, `£170k · ${share}`, 'the bar label is the compact form of the same amount');
    assert.match(seen.header, new RegExp(`budget ${total}`));
    // The webview payload carries the numbers the texts were written from.
    assert.equal(seen.payload.budget, 170000);
    assert.equal(formatPercent(seen.payload.budgetShare!, 1), share);
    assert.equal(seen.timeline.budgetTotal, 240000);
    assert.equal(seen.timeline.budgetShareOf, 'the total');
  });

  it('names the channel sum as the base when the plan sets no total, everywhere', () => {
    const seen = surfaces(documentOf(plan('', { a: 30, b: 10 })), 'a');
    assert.equal(seen.hover, 'Budget 30 — 75% of channel budgets 40');
    assert.equal(seen.lens, '75% of channel budgets (30)');
    assert.equal(seen.tooltip, 'Budget 30 (75% of channel budgets)');
    assert.equal(seen.barLabel, '30 · 75%');
    assert.match(seen.header, /budget 40/);
  });

  it('shows no share anywhere in the zero case: a total of 0, or no total and no channel budgets', () => {
    for (const [budget, channels] of [
      ['{ total: 0, currency: GBP }', { a: 500, b: undefined }],
      ['', { a: 0, b: undefined }],
      ['', { a: undefined, b: undefined }],
    ] as const) {
      const doc = documentOf(plan(budget, channels));
      const facts = factsOf(doc.analysis.model).budget;
      assert.equal(facts.base, 0, budget);
      const seen = surfaces(doc, 'a');
      const written = channels.a === undefined ? undefined : formatMoney(channels.a, facts.currency);
      assert.equal(seen.hover, written && `Budget ${written}`, `${budget}: hover`);
      assert.ok(!seen.lens.includes('%'), `${budget}: lens ${seen.lens}`);
      assert.equal(seen.tooltip, written ? `Budget ${written}` : undefined, `${budget}: tooltip`);
      assert.equal(seen.barLabel, written && formatMoneyCompact(channels.a!, facts.currency), `${budget}: bar label`);
      assert.equal(seen.payload.budgetShare, undefined);
      assert.equal(seen.timeline.budgetTotal, undefined);
      assert.doesNotMatch(seen.header, /budget/);
    }
    const zeroTotal = documentOf(plan('{ total: 0, currency: GBP }', { a: 500 }));
    assert.deepEqual(
      zeroTotal.analysis.diagnostics.filter((item) => item.code.startsWith('budget-')).map((item) => item.message),
      ['Channel budgets add up to £500, £500 more than the £0 available. Cut channel budgets or raise `total`.'],
    );
  });
});
