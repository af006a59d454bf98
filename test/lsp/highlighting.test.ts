import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentHighlight, DocumentLink, SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver/node';
import { withCursor } from '../helpers/cursor.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';
import { decodeSemanticTokens } from '../helpers/semanticTokens.js';

// Semantic tokens (full, delta and range), document links, document highlights and code
// lenses that act, over stdio.

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const VSCODE_COMMANDS = ['throughline.showReferences', 'throughline.revealInTimeline'];

describe('highlighting, links and code lenses over the protocol', () => {
  let client: LspClient;
  let counter = 0;
  let legend: SemanticTokensLegend;

  before(async () => {
    await buildServer();
    client = await LspClient.start({ initializationOptions: { clientCommands: VSCODE_COMMANDS } });
    const provider = client.initializeResult.capabilities.semanticTokensProvider!;
    legend = provider.legend;
  });
  after(() => client.stop());

  async function open(text: string, uri = `file:///plans/highlighting-${++counter}.plan.yaml`): Promise<string> {
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    return uri;
  }

  it('announces semantic tokens with their legend, links and highlights', () => {
    const { capabilities } = client.initializeResult;
    assert.deepEqual(capabilities.semanticTokensProvider, {
      legend: { tokenTypes: ['class', 'function', 'variable', 'enumMember', 'event'], tokenModifiers: ['declaration', 'definition', 'unresolved'] },
      full: { delta: true },
      range: true,
    });
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.equal(capabilities.documentHighlightProvider, true);
  });

  it('sends tokens for every id, then only what changed as a delta', async () => {
    const uri = await open(clean);
    const full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decodeSemanticTokens(clean, full.data, legend);
    assert.ok(full.resultId);
    assert.deepEqual(
      tokens.filter((token) => token.text === 'content-hub').map((token) => `${token.line + 1} ${token.type} ${token.modifiers.join(' ')}`.trim()),
      [
        `${clean.split('\n').indexOf('  content-hub:') + 1} function declaration definition`,
        `${clean.split('\n').indexOf('      - content-hub') + 1} function`,
      ],
    );
    const edited = clean.replace('      - content-hub\n', '      - content-hbu\n');
    await client.change(uri, 2, [{ text: edited }]);
    await client.diagnosticsFor(uri, 2);
    const delta = await client.request<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: full.resultId,
    });
    assert.equal(delta.edits.length, 1);
    const [edit] = delta.edits;
    const patched = [...full.data.slice(0, edit!.start), ...(edit!.data ?? []), ...full.data.slice(edit!.start + edit!.deleteCount)];
    const unresolved = decodeSemanticTokens(edited, patched, legend).find((token) => token.text === 'content-hbu');
    assert.deepEqual(unresolved?.modifiers, ['unresolved'], 'the misspelt dependency is marked');
    const stale = await client.request<SemanticTokens>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: 'not-a-result' });
    assert.ok(Array.isArray(stale.data), 'an unknown previous result gets every token');
  });

  it('sends the tokens of a range', async () => {
    const uri = await open(clean);
    const line = clean.split('\n').indexOf('  paid-search:');
    const ranged = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line: line + 10, character: 0 } },
    });
    assert.deepEqual(
      decodeSemanticTokens(clean, ranged.data, legend).map((token) => token.text),
      ['paid-search', 'convert', 'paid-conversions'],
    );
  });

  it('links imports, the actuals file and (in a portfolio) plans to the files, relative to the plan', async () => {
    const plan = `${clean}imports: [./shared/kpis.plan-library.yaml]\nactuals_file: "./q3.actuals.csv"\n`;
    const uri = await open(plan, 'file:///work/plans/q3.plan.yaml');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((link) => link.target),
      ['file:///work/plans/shared/kpis.plan-library.yaml', 'file:///work/plans/q3.actuals.csv'],
    );
    const last = plan.split('\n').length - 2;
    assert.deepEqual(links[1]!.range, { start: { line: last, character: 15 }, end: { line: last, character: 31 } });
    const portfolio = await open('portfolio: Spring\nplans:\n  - emea/q3.plan.yaml\n  - regions/*.plan.yaml\n', 'file:///work/spring.portfolio.yaml');
    const portfolioLinks = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: portfolio } });
    assert.deepEqual(
      portfolioLinks.map((link) => link.target),
      ['file:///work/emea/q3.plan.yaml'],
    );
  });

  it('highlights the other uses of the id under the cursor, its definition as a write', async () => {
    const { text, cursor } = withCursor(clean.replace('  paid-search:\n', '  paid-se|arch:\n'));
    const uri = await open(text);
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: cursor });
    const lines = text.split('\n');
    assert.deepEqual(
      highlights.map((highlight) => `${lines[highlight.range.start.line]!.trim()} ${highlight.kind}`),
      ['paid-search: 3', 'depends_on: [{ on: paid-search, kind: start-to-start, lag: 1w }] 2'],
    );
  });

  it('gives a client that has the commands code lenses that list dependants and reveal the bar', async () => {
    const uri = await open(clean);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const lines = clean.split('\n');
    const seo = lenses.filter((lens) => lines[lens.range.start.line] === '  seo:');
    assert.deepEqual(
      seo.map((lens) => [lens.command?.title, lens.command?.command]),
      [
        ['11.1% of the total (£30,000)', ''],
        ['1 dependant', 'throughline.showReferences'],
        ['open in timeline', 'throughline.revealInTimeline'],
      ],
    );
    const [, , locations] = seo[1]!.command!.arguments as [string, unknown, { uri: string; range: { start: { line: number } } }[]];
    assert.deepEqual(
      locations.map((location) => [location.uri, lines[location.range.start.line]!.trim()]),
      [[uri, '- { on: seo, kind: start-to-start, lag: 8w, why: Organic base lowers paid CPA from month four }']],
    );
    assert.deepEqual(seo[2]!.command!.arguments, [uri, 'seo']);
  });
});

describe('code lenses for a client without the commands', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(() => client.stop());

  it('are labels only, and there is no "open in timeline"', async () => {
    const uri = 'file:///plans/labels.plan.yaml';
    await client.open(uri, clean, 1);
    await client.diagnosticsFor(uri, 1);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.length > 0);
    assert.ok(lenses.every((lens) => lens.command?.command === '' && lens.command.title !== 'open in timeline'));
  });
});
