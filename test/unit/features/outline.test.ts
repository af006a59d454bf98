import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { CLIENT_COMMANDS, codeLenses } from '../../../server/src/core/features/codeLens.js';
import { foldingRanges } from '../../../server/src/core/features/folding.js';
import { inlayHints } from '../../../server/src/core/features/inlayHints.js';
import type { DocumentSymbol } from '../../../server/src/core/lspTypes.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { documentSymbols, workspaceSymbols } from '../../../server/src/core/features/symbols.js';
import type { Range } from '../../../server/src/core/types.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const docOf = (text: string, uri = 'file:///t.plan.yaml'): PlanDocument => ({ uri, version: 1, analysis: analyzeText(text) });
const lineOf = (text: string, line: number) => text.split('\n')[line]!.trim();

function within(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function walk(symbols: DocumentSymbol[], visit: (symbol: DocumentSymbol, parent?: DocumentSymbol) => void, parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    visit(symbol, parent);
    walk(symbol.children ?? [], visit, symbol);
  }
}

describe('document symbols', () => {
  it('nest properly: each selection inside its range, each child inside its parent', () => {
    let count = 0;
    walk(documentSymbols(docOf(clean)), (symbol, parent) => {
      count++;
      assert.ok(within(symbol.range, symbol.selectionRange), symbol.name);
      if (parent) assert.ok(within(parent.range, symbol.range), `${symbol.name} in ${parent.name}`);
    });
    assert.ok(count > 30);
  });

  it('give reviews, milestones and flow-written sections their entries', () => {
    const text =
      'plan: x\nreviews: { weekly: { owner: Leads }, monthly: { owner: CMO } }\nmilestones:\n  launch: { date: 2026-07-01 }\nbudget: { total: 10 }\n';
    const symbols = documentSymbols(docOf(text));
    assert.deepEqual(
      symbols.find((s) => s.name === 'reviews')?.children?.map((c) => `${c.name} ${c.detail}`),
      ['weekly Leads', 'monthly CMO'],
    );
    assert.deepEqual(
      symbols.find((s) => s.name === 'milestones')?.children?.map((c) => `${c.name} ${c.detail}`),
      ['launch 2026-07-01'],
    );
    assert.deepEqual(
      symbols.find((s) => s.name === 'budget')?.children?.map((c) => `${c.name} ${c.detail}`),
      ['total 10'],
    );
  });

  it('outline whatever parses of a broken or empty file', () => {
    assert.deepEqual(documentSymbols(docOf('')), []);
    assert.deepEqual(documentSymbols(docOf('- just\n- a list\n')), []);
    assert.deepEqual(
      documentSymbols(docOf('plan: x\nchannels:\n  seo: [\n')).map((s) => s.name),
      ['plan', 'channels'],
    );
  });
});

describe('workspace symbols', () => {
  it('match ids by their letters in order, across documents', () => {
    const docs = [docOf(clean, 'file:///a.plan.yaml'), docOf('plan: y\nchannels:\n  paid-social:\n    type: paid\n', 'file:///b.plan.yaml')];
    const found = workspaceSymbols(docs, 'pdsch');
    assert.deepEqual(
      found.map((s) => `${s.name} ${s.location.uri} ${s.containerName}`),
      ['paid-search file:///a.plan.yaml channels'],
    );
    assert.equal(workspaceSymbols(docs, '').length, 4 + 4 + 1 + 3 + 1);
    assert.equal(workspaceSymbols(docs, '', 5).length, 5);
  });
});

describe('folding', () => {
  it('folds sections, entries, nested blocks, multi-line flow lists and comment runs', () => {
    const text =
      '# one\n# two\nplan: x\nchannels:\n  seo:\n    type: owned\n    stages: [\n      aware,\n      consider]\n  ads:\n    type: paid\n\n# single\nkpis: {}\n';
    const folds = foldingRanges(docOf(text)).map((range) => `${range.startLine}-${range.endLine}${range.kind ? ` ${range.kind}` : ''}`);
    assert.deepEqual(folds, ['0-1 comment', '3-10', '4-8', '6-8', '9-10']);
  });

  it('ends a fold on the last line with content, not on trailing blank lines', () => {
    for (const range of foldingRanges(docOf(clean))) assert.notEqual(lineOf(clean, range.endLine), '', `${range.startLine}-${range.endLine}`);
  });
});

describe('code lens and inlay hints', () => {
  it('label channels with budget share, the critical path and dependants; KPIs with their reporters', () => {
    const lenses = codeLenses(docOf(clean)).map(
      (lens) => `${lineOf(clean, lens.range.start.line)} ${lens.command.title}${lens.command.command ? ` → ${lens.command.command}` : ''}`,
    );
    assert.deepEqual(lenses, [
      'seo: 11.1% of the total (£30,000)',
      'seo: 1 dependant',
      'content-hub: 16.7% of the total (£45,000)',
      'content-hub: 1 dependant',
      'paid-search: 66.7% of the total (£180,000) · critical path',
      'paid-search: 1 dependant',
      'email-nurture: 5.6% of the total (£15,000) · critical path',
      'email-nurture: 0 dependants',
      'organic-sessions: reported by 1 channel',
      'assisted-signups: reported by 1 channel',
      'paid-conversions: reported by 1 channel',
      'email-conversions: reported by 1 channel',
    ]);
  });

  it('act when the client can: dependants and reporters open the references view, "open in timeline" reveals the bar', () => {
    const doc = docOf(clean);
    const lenses = codeLenses(doc, { clientCommands: new Set(Object.values(CLIENT_COMMANDS)) });
    const byTitle = (line: string, title: string) => lenses.find((lens) => lineOf(clean, lens.range.start.line) === line && lens.command.title === title);
    const dependants = byTitle('content-hub:', '1 dependant');
    assert.equal(dependants?.command.command, 'throughline.showReferences');
    const [uri, position, locations] = dependants!.command.arguments as [string, { line: number }, { uri: string; range: { start: { line: number } } }[]];
    assert.equal(uri, doc.uri);
    assert.equal(lineOf(clean, position.line), 'content-hub:');
    assert.deepEqual(
      locations.map((location) => lineOf(clean, location.range.start.line)),
      ['- content-hub'],
      'the depends_on entry that names it',
    );
    assert.equal(byTitle('email-nurture:', '0 dependants')?.command.command, '', 'nothing to list: a label');
    const reporters = byTitle('paid-conversions:', 'reported by 1 channel');
    assert.deepEqual(
      (reporters!.command.arguments![2] as { range: { start: { line: number } } }[]).map((location) => lineOf(clean, location.range.start.line)),
      ['kpis: [paid-conversions]'],
    );
    const timeline = lenses.filter((lens) => lens.command.title === 'open in timeline');
    assert.deepEqual(
      timeline.map((lens) => lens.command.arguments),
      ['seo', 'content-hub', 'paid-search', 'email-nurture'].map((channel) => [doc.uri, channel]),
    );
    assert.ok(timeline.every((lens) => lens.command.command === 'throughline.revealInTimeline'));
  });

  it('shares budgets out of the channel sum when the plan has no total', () => {
    const text = 'plan: x\nchannels:\n  a:\n    budget: 30\n  b:\n    budget: 10\n';
    assert.deepEqual(
      codeLenses(docOf(text)).map((lens) => lens.command.title),
      ['75% of channel budgets (30)', '0 dependants', '25% of channel budgets (10)', '0 dependants'],
    );
  });

  it("show a channel's length after its end date, within the requested range", () => {
    const all = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
    const hints = inlayHints(docOf(clean), all);
    assert.deepEqual(
      hints.map((hint) => `${lineOf(clean, hint.position.line)} (${hint.label})`),
      ['end: 2026-09-30 (153 days)', 'end: 2026-06-20 (37 days)', 'end: 2026-09-30 (92 days)', 'end: 2026-09-30 (85 days)'],
    );
    assert.equal(inlayHints(docOf(clean), { start: { line: 0, character: 0 }, end: { line: 35, character: 0 } }).length, 1);
  });
});
