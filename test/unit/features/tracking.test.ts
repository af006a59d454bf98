import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText, codeLenses, completion, hover, linkedFilesOf, type PlanDocument } from '../../../server/src/core/index.js';

// The editor's view of a plan after launch: hover, code lens and month completion read the
// same tracking facts as the rules.

const TEXT = readFileSync('examples/midflight/q3-midflight.plan.yaml', 'utf8');
const CSV = readFileSync('examples/midflight/q3.actuals.csv', 'utf8');
const URI = 'file:///work/midflight/q3-midflight.plan.yaml';

function documentOf(text = TEXT): PlanDocument {
  const files = linkedFilesOf(new Map([['file:///work/midflight/q3.actuals.csv', { text: CSV }]]));
  return { uri: URI, version: 1, analysis: analyzeText(text, { planUri: URI, files }) };
}

function at(text: string, needle: string, offset = 2) {
  const lines = text.split('\n');
  const line = lines.findIndex((row) => row.includes(needle));
  return { line, character: lines[line]!.indexOf(needle) + offset };
}

const hoverText = (doc: PlanDocument, needle: string) => (hover(doc, at(doc.analysis.model.text, needle))!.contents as { value: string }).value;

describe('tracking in the editor', () => {
  it('hover on a channel: budget, phased, committed, actual, money out, burn and remaining', () => {
    const text = hoverText(documentOf(), '  paid-search:\n'.trim());
    assert.match(
      text,
      /\*\*Money\*\* \(as of 2026-08-15\) {2}\nBudget £180,000 · phased £180,000 · committed £88,000 · actual £82,500 {2}\nMoney out £88,000 · burn 48\.9% · remaining £92,000$/,
    );
  });

  it('hover on a KPI: latest actual (from the CSV), expected, forecast at the deadline, behind pace', () => {
    const text = hoverText(documentOf(), 'paid-conversions:');
    assert.match(text, /Latest actual: 960 on 2026-08-11 \\\(line 20 of \.\/q3\.actuals\.csv\\\)/);
    assert.match(text, /Expected on the pace line: 1,171 {2}\nForecast at the deadline \(2026-09-30\): 2,173 {2}\n\*\*Behind pace\*\* \(tolerance 10 %\)$/);
  });

  it('code lens: a KPI says how far to target and whether on pace; a channel its burn', () => {
    const titles = codeLenses(documentOf()).map((lens) => lens.command?.title);
    assert.ok(titles.includes('reported by 1 channel · 36.9% of target · behind pace'), titles.join('\n'));
    assert.ok(titles.includes('16.7% of the total (£45,000) · burn 101.1% · £500 over'), titles.join('\n'));
  });

  it('completes the months a channel runs in, inside its phasing and its spend', () => {
    const text = TEXT.replace('    phasing: { 2026-07: 5000, 2026-08: 5000, 2026-09: 5000 }\n', '    phasing: { 2026-07: 5000,  }\n');
    const doc = documentOf(text);
    const position = at(text, '2026-07: 5000,  }', 15);
    assert.deepEqual(
      completion(doc, position).items.map((item) => item.label),
      ['2026-08', '2026-09'],
    );
    const spend = TEXT.replace('    spend: { 2026-07: { committed: 58000, actual: 55000 }, 2026-08: { committed: 30000 } }\n', '    spend:\n      \n');
    const items = completion(documentOf(spend), { line: spend.split('\n').indexOf('      '), character: 6 }).items;
    assert.deepEqual(
      items.map((item) => [item.label, item.textEdit.newText]),
      [
        ['2026-07', '2026-07: { committed: ${1:0}, actual: ${2:0} }'],
        ['2026-08', '2026-08: { committed: ${1:0}, actual: ${2:0} }'],
        ['2026-09', '2026-09: { committed: ${1:0}, actual: ${2:0} }'],
      ],
    );
  });
});
