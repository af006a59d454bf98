import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { documentHighlights } from '../../../server/src/core/features/documentHighlights.js';
import { documentLinks, resolvePath } from '../../../server/src/core/features/documentLinks.js';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensEdits } from '../../../server/src/core/features/semanticTokens.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { withCursor, withCursors } from '../../helpers/cursor.js';
import { decodeSemanticTokens } from '../../helpers/semanticTokens.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');

function doc(text: string, uri = 'file:///plans/q3.plan.yaml'): PlanDocument {
  return { uri, version: 1, analysis: analyzeText(text) };
}

describe('semantic tokens', () => {
  it('colour ids by what they name, their definitions marked', () => {
    const tokens = decodeSemanticTokens(clean, semanticTokens(doc(clean)).data, SEMANTIC_TOKENS_LEGEND);
    const of = (text: string) => tokens.filter((token) => token.text === text).map((token) => `${token.type}${token.modifiers.map((m) => `.${m}`).join('')}`);
    assert.deepEqual(of('q3-acquisition'), ['class.declaration.definition', 'class', 'class', 'class']);
    assert.deepEqual(of('paid-search'), ['function.declaration.definition', 'function']);
    assert.deepEqual(of('organic-sessions'), ['variable', 'variable.declaration.definition']);
    assert.deepEqual(of('consider'), ['enumMember.declaration.definition', 'enumMember', 'enumMember', 'enumMember']);
    // Not ids: keys, values and prose stay as the grammar colours them.
    assert.ok(!tokens.some((token) => ['channels', 'type', 'paid', 'GA4'].includes(token.text)));
  });

  it('mark ids that name nothing defined, and colour milestones', () => {
    const text = [
      'plan: x',
      'objective: { id: grow }',
      'journey: [{ stage: aware }]',
      'channels:',
      '  seo: { stages: [awre], kpis: [ghost], depends_on: [nowhere, "seo"] }',
      'kpis:',
      '  visits: { traces_to: gorw }',
      'milestones:',
      '  "launch-day": { date: 2026-05-01 }',
      '',
    ].join('\n');
    const tokens = decodeSemanticTokens(text, semanticTokens(doc(text)).data, SEMANTIC_TOKENS_LEGEND).map(
      (token) => `${token.text} ${token.type}${token.modifiers.map((m) => `.${m}`).join('')}`,
    );
    assert.deepEqual(tokens, [
      'grow class.declaration.definition',
      'aware enumMember.declaration.definition',
      'seo function.declaration.definition',
      'awre enumMember.unresolved',
      'ghost variable.unresolved',
      'nowhere function.unresolved',
      'seo function',
      'visits variable.declaration.definition',
      'gorw variable.unresolved',
      'launch-day event.declaration.definition',
    ]);
  });

  it('for a range: only the tokens on its lines', () => {
    const { text, cursors } = withCursors(
      clean.replace('  paid-search:\n', '|  paid-search:\n').replace('    depends_on:\n      - content-hub\n', '    depends_on:\n      - content-hub\n|'),
    );
    const tokens = decodeSemanticTokens(text, semanticTokens(doc(text), { start: cursors[0]!, end: cursors[1]! }).data, SEMANTIC_TOKENS_LEGEND);
    assert.deepEqual(
      tokens.map((token) => token.text),
      ['paid-search', 'convert', 'paid-conversions', 'content-hub'],
    );
  });

  it('change by one edit of whole tokens from one version to the next', () => {
    const before = semanticTokens(doc(clean)).data;
    const edited = clean.replace('      - content-hub\n', '      - content-hbu\n');
    const after = semanticTokens(doc(edited)).data;
    const edits = semanticTokensEdits(before, after);
    assert.equal(edits.length, 1);
    const [edit] = edits;
    assert.equal(edit!.start % 5, 0);
    assert.equal(edit!.deleteCount % 5, 0);
    const applied = [...before.slice(0, edit!.start), ...edit!.data, ...before.slice(edit!.start + edit!.deleteCount)];
    assert.deepEqual(applied, after);
    assert.ok(edit!.data.length <= 10, 'only the changed token (and what follows it on its line) is sent');
    assert.deepEqual(semanticTokensEdits(after, after), []);
  });
});

describe('document highlights', () => {
  it("show the id's definition (write) and every use (read) in the plan", () => {
    const { text, cursor } = withCursor(clean.replace('      - content-hub\n', '      - content-|hub\n'));
    const highlights = documentHighlights(doc(text), cursor);
    const lines = text.split('\n');
    assert.deepEqual(
      highlights.map((highlight) => `${lines[highlight.range.start.line]!.trim()} ${highlight.kind}`),
      ['content-hub: 3', '- content-hub 2'],
    );
  });

  it('on a KPI, the objective and a milestone; nothing off an id', () => {
    const at = (marked: string) => {
      const { text, cursor } = withCursor(marked);
      return documentHighlights(doc(text), cursor).map((highlight) => highlight.kind);
    };
    assert.deepEqual(at(clean.replace('    traces_to: assisted-signups', '    traces_to: assisted|-signups')), [2, 2, 3]);
    assert.deepEqual(at(clean.replace('  id: q3-acquisition', '  id: q3-acq|uisition')), [3, 2, 2, 2]);
    assert.deepEqual(at('plan: x\nmilestones:\n  la|unch: { date: 2026-05-01 }\n'), [3]);
    assert.deepEqual(at(clean.replace('    type: paid', '    type: pa|id')), []);
  });
});

describe('document links', () => {
  const plan = [
    'plan: x',
    'imports:',
    '  - ./shared/kpis.plan-library.yaml',
    '  - "../brand/stages.plan-library.yaml"',
    '  - https://example.com/kpis.yaml',
    '  - command:workbench.action.terminal.new',
    'actuals_file: ./q3 actuals#1.csv',
    'plans: [./not-a-portfolio.plan.yaml]',
    '',
  ].join('\n');

  it('open the imports and the actuals file, relative to the plan; never a URL or a command', () => {
    const links = documentLinks(doc(plan));
    const lines = plan.split('\n');
    assert.deepEqual(
      links.map((link) => [lines[link.range.start.line]!.slice(link.range.start.character, link.range.end.character), link.target]),
      [
        ['./shared/kpis.plan-library.yaml', 'file:///plans/shared/kpis.plan-library.yaml'],
        ['../brand/stages.plan-library.yaml', 'file:///brand/stages.plan-library.yaml'],
        ['./q3 actuals#1.csv', 'file:///plans/q3%20actuals%231.csv'],
      ],
    );
    assert.equal(links[0]!.tooltip, 'Open ./shared/kpis.plan-library.yaml');
  });

  it("open a portfolio's plans, except globs (they name no single file)", () => {
    const portfolio = 'portfolio: Spring\nplans:\n  - ./emea/q3.plan.yaml\n  - ./regions/*.plan.yaml\n  - ./apac/{a,b}.plan.yaml\n';
    const links = documentLinks(doc(portfolio, 'file:///plans/spring.portfolio.yaml'));
    assert.deepEqual(
      links.map((link) => link.target),
      ['file:///plans/emea/q3.plan.yaml'],
    );
  });

  it('resolve against any hierarchical URI; none for an untitled document', () => {
    assert.equal(
      resolvePath('vscode-vfs://github/acme/plans/q3.plan.yaml', 'shared\\kpis.plan-library.yaml'),
      'vscode-vfs://github/acme/plans/shared/kpis.plan-library.yaml',
    );
    assert.equal(resolvePath('file:///plans/q3.plan.yaml', 'C:\\plans\\x.yaml'), undefined);
    assert.equal(resolvePath('file:///plans/q3.plan.yaml', './folder/'), undefined);
    assert.deepEqual(documentLinks(doc(plan, 'untitled:Untitled-1')), []);
  });
});
