import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { codeActions } from '../../../server/src/core/features/codeActions.js';
import { codeLenses } from '../../../server/src/core/features/codeLens.js';
import { completion } from '../../../server/src/core/features/completion.js';
import { definition } from '../../../server/src/core/features/definition.js';
import { documentHighlights } from '../../../server/src/core/features/documentHighlights.js';
import { documentLinks } from '../../../server/src/core/features/documentLinks.js';
import { foldingRanges } from '../../../server/src/core/features/folding.js';
import { formatDocument } from '../../../server/src/core/features/format/index.js';
import { hover } from '../../../server/src/core/features/hover.js';
import { inlayHints } from '../../../server/src/core/features/inlayHints.js';
import { references } from '../../../server/src/core/features/references.js';
import { prepareRename } from '../../../server/src/core/features/rename.js';
import { semanticTokens } from '../../../server/src/core/features/semanticTokens.js';
import { documentSymbols } from '../../../server/src/core/features/symbols.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import type { Position } from '../../../server/src/core/types.js';
import { PORTFOLIO, PORTFOLIO_URI, snapshot } from './fixtures.js';

// The editor features on a portfolio file: hover and code lens on its `plans:` entries,
// definition into the plans, key docs and completion from the portfolio's own schema, and
// every other feature answers without a crash or a plan's opinion.

const docOf = (text: string, files = snapshot()): PlanDocument => ({
  uri: PORTFOLIO_URI,
  version: 1,
  analysis: analyzeText(text, { planUri: PORTFOLIO_URI, files }),
});
const at = (text: string, needle: string, offset = 2): Position => {
  const lines = text.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line]!.indexOf(needle) + offset };
};
const valueOf = (result: ReturnType<typeof hover>) => (result?.contents as { value: string } | undefined)?.value ?? '';

describe('portfolio hover', () => {
  it('describes the plan a path names: title, dates, budget, objective and problem count', () => {
    const counts = new Map([[`file:///work/org/emea.plan.yaml`, 3]]);
    const result = hover(docOf(PORTFOLIO), at(PORTFOLIO, './emea.plan.yaml'), { problemCount: (uri) => counts.get(uri) });
    const text = valueOf(result);
    assert.match(text, /\*\*Plan\*\* EMEA growth — `emea\.plan\.yaml`/);
    assert.match(text, /2027-01-01 → 2027-06-30/);
    assert.match(text, /budget €600,000 EUR/);
    assert.match(text, /3 problems/);
    assert.match(text, /Objective: 3000 new EMEA customers \(traces to `fy27-growth`\)/);
    assert.deepEqual(result?.range?.start, { line: 5, character: 4 });
  });

  it('describes every plan a glob matches, and says how many', () => {
    const text = valueOf(hover(docOf(PORTFOLIO), at(PORTFOLIO, './regions/*.plan.yaml'), { problemCount: () => 0 }));
    assert.match(text, /`\.\/regions\/\*\.plan\.yaml` matches 2 plans\./);
    assert.match(text, /APAC launch/);
    assert.match(text, /North America/);
    assert.match(text, /budget \$200,000 USD/);
    assert.match(text, /no problems/);
    assert.match(text, /no `period`/);
  });

  it('shows the key docs of the portfolio schema elsewhere, and nothing a plan would say about ids', () => {
    assert.match(valueOf(hover(docOf(PORTFOLIO), at(PORTFOLIO, 'plans:', 1))), /`plans` — portfolio/);
    assert.match(valueOf(hover(docOf(PORTFOLIO), at(PORTFOLIO, 'portfolio:', 1))), /`portfolio` — portfolio, required/);
    const onId = hover(docOf(PORTFOLIO), at(PORTFOLIO, 'fy27-growth'));
    assert.doesNotMatch(valueOf(onId), /KPI/);
  });

  it('escapes plan text', () => {
    const files = snapshot([[`file:///work/org/emea.plan.yaml`, 'plan: "<img src=x onerror=alert(1)> *bold*"\nbudget: { total: 1, currency: "<b>" }\n']]);
    const text = valueOf(hover(docOf(PORTFOLIO, files), at(PORTFOLIO, './emea.plan.yaml')));
    assert.doesNotMatch(text, /(?<!\\)<img|(?<!\\)<b>/);
    assert.match(text, /\\<img/);
  });
});

describe('portfolio code lens', () => {
  it('shows each entry’s budget and share of the portfolio budget; a glob sums its plans and counts them', () => {
    const lenses = codeLenses(docOf(PORTFOLIO));
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [
        [5, '€600,000 · 60% of the portfolio budget'],
        [6, '2 plans · €350,000 · 35% of the portfolio budget · 1 plan not counted'],
      ],
    );
  });

  it('says so when a plan has no budget, and gives no share without a portfolio total', () => {
    const files = snapshot([[`file:///work/org/emea.plan.yaml`, 'plan: EMEA\n']]);
    assert.deepEqual(
      codeLenses(docOf(PORTFOLIO, files)).map((lens) => lens.command?.title),
      ['no budget'],
    );
    const noTotal = PORTFOLIO.replace('budget: { total: 1000000, currency: EUR }\n', '');
    assert.deepEqual(
      codeLenses(docOf(noTotal)).map((lens) => lens.command?.title),
      ['€600,000', '2 plans · $550,000'],
    );
  });
});

describe('portfolio definition', () => {
  it('opens the plan a path names, and the plans a glob matches', () => {
    assert.deepEqual(
      definition(docOf(PORTFOLIO), at(PORTFOLIO, './emea.plan.yaml')).map((location) => location.uri),
      ['file:///work/org/emea.plan.yaml'],
    );
    assert.deepEqual(
      definition(docOf(PORTFOLIO), at(PORTFOLIO, './regions/*.plan.yaml')).map((location) => location.uri),
      ['file:///work/org/regions/apac.plan.yaml', 'file:///work/org/regions/na.plan.yaml'],
    );
    assert.deepEqual(definition(docOf(PORTFOLIO), at(PORTFOLIO, 'owner:')), []);
  });
});

describe('every other feature on a portfolio', () => {
  it('completes the portfolio’s own root keys', () => {
    const text = 'portfolio: x\n\n';
    const labels = completion(docOf(text), { line: 1, character: 0 }).items.map((item) => item.label);
    for (const key of ['budget', 'objective', 'plans', 'owner']) assert.ok(labels.includes(key), key);
    assert.ok(!labels.includes('channels') && !labels.includes('kpis'), labels.join(', '));
  });

  const texts = [
    PORTFOLIO,
    '',
    'plans: 5',
    'portfolio: x\nplans: [null, ~, 3]\n',
    '\uFEFFportfolio: x\r\nplans:\r\n  - &a ./emea.plan.yaml\r\n  - *a\r\n',
    'portfolio: [\n',
  ];
  for (const text of texts) {
    it(`answers without a crash: ${JSON.stringify(text.slice(0, 30))}`, () => {
      const doc = docOf(text);
      const end = doc.analysis.model.lineIndex.positionAt(text.length);
      const whole = { start: { line: 0, character: 0 }, end };
      foldingRanges(doc);
      documentSymbols(doc);
      semanticTokens(doc);
      documentLinks(doc);
      inlayHints(doc, whole);
      codeActions(doc, whole, doc.analysis.diagnostics);
      formatDocument(doc);
      for (let line = 0; line <= end.line; line++) {
        const position = { line, character: 4 };
        hover(doc, position);
        definition(doc, position);
        completion(doc, position);
        references(doc, position, true);
        documentHighlights(doc, position);
        prepareRename(doc, position);
      }
      assert.deepEqual(
        codeLenses(doc).filter((lens) => !lens.command?.title),
        [],
      );
    });
  }
});
