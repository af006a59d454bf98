import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/core/analyze.js';
import { applyEdits } from '../helpers/applyEdits.js';
import { expectGolden } from '../helpers/golden.js';
import { withCursor } from '../helpers/cursor.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const GOLDEN = 'test/lsp/golden';
function golden(name: string, actual: string): void {
  expectGolden(`${GOLDEN}/${name}`, actual);
}

/** Inserts `|` into the clean plan by replacing `find` with `marked` (a `|` in it is the cursor). */
function markedPlan(find: string, marked: string): { text: string; position: { line: number; character: number } } {
  const source = clean.replace(/\|/g, '||');
  assert.ok(source.includes(find), `${find} not in the plan`);
  const { text, cursor } = withCursor(source.replace(find, marked));
  return { text, position: cursor };
}

let uriCounter = 0;

describe('editor features over the protocol', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(() => client.stop());

  /** Opens the text as a new document and waits until the server has analyzed it. */
  async function openText(text: string): Promise<string> {
    const uri = `file:///virtual/features-${++uriCounter}.plan.yaml`;
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    return uri;
  }

  async function complete(find: string, marked: string): Promise<{ items: CompletionItem[]; text: string; apply(label: string): string }> {
    const { text, position } = markedPlan(find, marked);
    const uri = await openText(text);
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : result.items;
    return {
      items,
      text,
      apply(label) {
        const item = items.find((candidate) => candidate.label === label);
        assert.ok(item?.textEdit && 'range' in item.textEdit, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
        return applyEdits(text, [item.textEdit as TextEdit]);
      },
    };
  }

  describe('completion', () => {
    it('offers the other channels in a depends_on list item, not the channel itself nor one already listed', async () => {
      const result = await complete('      - content-hub\n', '      - content-hub\n      - |\n');
      const labels = result.items.map((item) => item.label);
      assert.ok(labels.includes('seo') && labels.includes('email-nurture'), labels.join(', '));
      assert.ok(!labels.includes('paid-search') && !labels.includes('content-hub'), labels.join(', '));
      assert.ok(result.apply('email-nurture').includes('      - content-hub\n      - email-nurture\n'));
    });

    it('offers channel ids inside an unfinished `depends_on: [`', async () => {
      const result = await complete('    depends_on: [{ on: paid-search, kind: start-to-start, lag: 1w }]', '    depends_on: [|');
      assert.deepEqual(
        result.items.map((item) => item.label),
        ['seo', 'content-hub', 'paid-search'],
      );
    });

    it('offers the keys a channel may still take, with their docs, on a half-typed line', async () => {
      const result = await complete('    kpis: [organic-sessions]\n', '    kpis: [organic-sessions]\n    dep|\n');
      const labels = result.items.map((item) => item.label);
      assert.ok(labels.includes('depends_on'));
      assert.ok(!labels.includes('type') && !labels.includes('kpis'), 'keys already present are left out');
      const item = result.items.find((candidate) => candidate.label === 'depends_on')!;
      assert.match((item.documentation as { value: string }).value, /Channels that must come first/);
      const applied = result.apply('depends_on');
      assert.ok(applied.includes('    kpis: [organic-sessions]\n    depends_on:\n      - $0\n'), applied.slice(0, 800));
    });

    it('offers the enum values after `type: `', async () => {
      const result = await complete('    type: paid\n', '    type: |\n');
      assert.deepEqual(
        result.items.map((item) => item.label),
        ['paid', 'owned', 'earned'],
      );
      assert.ok(result.apply('earned').includes('    type: earned\n'));
    });

    it('offers the objective and the other KPIs for traces_to', async () => {
      const result = await complete('    traces_to: assisted-signups\n', '    traces_to: |\n');
      assert.deepEqual(
        result.items.map((item) => item.label),
        ['q3-acquisition', 'assisted-signups', 'paid-conversions', 'email-conversions'],
      );
    });

    it('offers a new-channel snippet indented like the file', async () => {
      const result = await complete('\nkpis:\n', '  soc|\n\nkpis:\n');
      const snippet = result.items.find((item) => item.label === 'new channel');
      assert.ok(snippet, result.items.map((item) => item.label).join(', '));
      assert.equal(snippet.insertTextFormat, 2);
      assert.match(result.apply('new channel'), /\n {2}\$\{1:soc\}:\n {4}type: \$\{2\|paid,owned,earned\|\}\n {4}mode:/);
    });
  });

  describe('hover', () => {
    it('on a channel: its dependencies, dependants, slack and the critical path', async () => {
      const { text, position } = markedPlan('  paid-search:\n', '  paid-|search:\n');
      const uri = await openText(text);
      const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
      const value = (result.contents as { kind: string; value: string }).value;
      assert.equal((result.contents as { kind: string }).kind, 'markdown');
      assert.match(value, /\*\*Upstream\*\*[\s\S]*`content-hub` — finish-to-start, no lag[\s\S]*`seo` — start-to-start, lag 8w/);
      assert.match(value, /\*\*Downstream\*\* \(1 dependant\)\n- `email-nurture` — start-to-start, lag 1w/);
      assert.match(value, /critical path/);
      assert.match(value, /Budget £180,000 — 66\.7% of the total £270,000/);
    });

    it('on a KPI use: its trace chain to the objective and its owner', async () => {
      const { text, position } = markedPlan('kpis: [organic-sessions]', 'kpis: [organic-s|essions]');
      const uri = await openText(text);
      const value = ((await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position })).contents as { value: string }).value;
      assert.match(value, /`organic-sessions` → `assisted-signups` → `q3-acquisition` — reaches the objective/);
      assert.match(value, /owner SEO lead/);
    });

    it('on a key: its documentation from the schema, by path', async () => {
      const { text, position } = markedPlan('period: { start:', 'period: { sta|rt:');
      const uri = await openText(text);
      const value = ((await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position })).contents as { value: string }).value;
      assert.match(value, /period/);
      assert.match(value, /First day of the plan window/);
    });
  });

  describe('navigation', () => {
    it('goes from a dependency to the channel definition', async () => {
      const { text, position } = markedPlan('      - content-hub\n', '      - content|-hub\n');
      const uri = await openText(text);
      const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
      const lines = text.split('\n');
      assert.equal(locations.length, 1);
      assert.equal(lines[locations[0]!.range.start.line], '  content-hub:');
      assert.deepEqual(locations[0]!.range, {
        start: { line: locations[0]!.range.start.line, character: 2 },
        end: { line: locations[0]!.range.start.line, character: 13 },
      });
    });

    it('finds every reference of the objective id', async () => {
      const { text, position } = markedPlan('  id: q3-acquisition', '  id: q3-acq|uisition');
      const uri = await openText(text);
      const withDeclaration = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri },
        position,
        context: { includeDeclaration: true },
      });
      const withoutDeclaration = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri },
        position,
        context: { includeDeclaration: false },
      });
      const lines = text.split('\n');
      assert.deepEqual(
        withoutDeclaration.map((location) => lines[location.range.start.line]!.trim()),
        Array(3).fill('traces_to: q3-acquisition'),
      );
      assert.equal(withDeclaration.length, 4);
    });

    it('renames a channel at its key and every use', async () => {
      const { text, position } = markedPlan('      - content-hub\n', '      - content|-hub\n');
      const uri = await openText(text);
      const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
      assert.equal(prepared.placeholder, 'content-hub');
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'content-studio' });
      const renamed = applyEdits(text, edit.changes![uri]!);
      golden('rename-channel.plan.yaml', renamed);
      assert.deepEqual(analyzeText(renamed).diagnostics, [], 'the renamed plan is still clean');
    });

    it('renames a KPI and refuses an invalid or taken id', async () => {
      const { text, position } = markedPlan('  organic-sessions:\n', '  organic|-sessions:\n');
      const uri = await openText(text);
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'organic-visits' });
      golden('rename-kpi.plan.yaml', applyEdits(text, edit.changes![uri]!));
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'has space' }), /not a valid id/);
      await assert.rejects(
        client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'q3-acquisition' }),
        /already the id of the objective/,
      );
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: '2026' }), /read by YAML as a number/);
    });
  });

  describe('outline and folding', () => {
    it('lists the sections with channels and KPIs as children', async () => {
      const uri = await openText(clean);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['plan', 'owner', 'period', 'objective', 'proposition', 'budget', 'journey', 'channels', 'kpis', 'attribution', 'compliance', 'reviews', 'governance'],
      );
      const channels = symbols.find((symbol) => symbol.name === 'channels')!;
      assert.deepEqual(
        channels.children?.map((child) => `${child.name}: ${child.detail}`),
        [
          'seo: owned · 2026-05-01 → 2026-09-30',
          'content-hub: owned · 2026-05-15 → 2026-06-20',
          'paid-search: paid · 2026-07-01 → 2026-09-30',
          'email-nurture: owned · 2026-07-08 → 2026-09-30',
        ],
      );
      const kpis = symbols.find((symbol) => symbol.name === 'kpis')!;
      assert.deepEqual(
        kpis.children?.map((child) => child.name),
        ['organic-sessions', 'assisted-signups', 'paid-conversions', 'email-conversions'],
      );
      assert.deepEqual(
        symbols.find((symbol) => symbol.name === 'journey')?.children?.map((child) => child.name),
        ['aware', 'consider', 'convert'],
      );
    });

    it('folds sections, channels, KPIs and multi-line lists', async () => {
      const uri = await openText(clean);
      const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      const lines = clean.split('\n');
      const folded = ranges.map((range) => `${lines[range.startLine]!.trim()} … ${lines[range.endLine]!.trim()}`);
      assert.ok(folded.includes('channels: … depends_on: [{ on: paid-search, kind: start-to-start, lag: 1w }]'), folded.join('\n'));
      assert.ok(folded.includes('paid-search: … - { on: seo, kind: start-to-start, lag: 8w, why: Organic base lowers paid CPA from month four }'));
      assert.ok(folded.includes('depends_on: … - { on: seo, kind: start-to-start, lag: 8w, why: Organic base lowers paid CPA from month four }'));
      assert.ok(folded.includes('measure: … ready_by: 2026-04-24'));
      assert.ok(
        folded.includes(
          "# The brief's plan, completed: one objective, sequenced channels, measurement agreed … # before launch, compliance designed in, a review rhythm and a budget that adds up.",
        ),
      );
    });

    it('shows budget share and dependants as code lenses', async () => {
      const uri = await openText(clean);
      const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', {
        textDocument: { uri },
      });
      const lines = clean.split('\n');
      const titles = lenses.map((lens) => `${lines[lens.range.start.line]!.trim()} ${lens.command.title}`);
      assert.ok(titles.includes('content-hub: 16.7% of the total (£45,000)'), titles.join('\n'));
      assert.ok(titles.includes('content-hub: 1 dependant'), titles.join('\n'));
      assert.ok(titles.includes('organic-sessions: reported by 1 channel'), titles.join('\n'));
    });
  });

  describe('quick fixes', () => {
    it('offers and applies the fix for a misspelt dependency', async () => {
      const uri = `file:///virtual/features-${++uriCounter}.plan.yaml`;
      await client.open(uri, problems, 1);
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'dependency-unknown')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: unknown.range,
        context: { diagnostics: [unknown] },
      });
      const fix = actions.find((action) => action.title.includes('content-hub'));
      assert.ok(fix?.edit?.changes?.[uri], actions.map((action) => action.title).join('\n'));
      const fixed = applyEdits(problems, fix.edit.changes[uri]!);
      golden('quick-fix-dependency-unknown.plan.yaml', fixed);
      assert.ok(!analyzeText(fixed).diagnostics.some((diagnostic) => diagnostic.code === 'dependency-unknown'));
    });
  });

  describe('timeline', () => {
    it('answers throughline/timeline for an open plan', async () => {
      const uri = await openText(clean);
      const result = await client.request<{ uri: string; version: number; timeline: { bars?: { id: string }[] } }>('throughline/timeline', {
        uri,
        today: '2026-06-01',
      });
      assert.equal(result.uri, uri);
      assert.equal(result.version, 1);
      assert.ok(JSON.stringify(result.timeline).includes('paid-search'));
      assert.equal(await client.request('throughline/timeline', { uri: 'file:///virtual/not-open.plan.yaml' }), null);
    });
  });
});
