import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/core/analyze.js';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { applyEdits } from '../helpers/applyEdits.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// Plans that share values through `<<` merge keys and `x-` extension keys, over stdio.

const SHARED = readFileSync('test/fixtures/merges/shared-defaults.plan.yaml', 'utf8');

// `social`'s start is merged from `x-summer` and breaks its dependency; an `x-` key holds a misspelt key.
const BROKEN = `plan: Shared dates
x-summer: &summer { start: 2026-07-01, end: 2026-07-31 }
x-owned: &owned { type: owned, ownr: Lead }
channels:
  search:
    <<: [*summer, *owned]
    mode: inbound
    owner: Search lead
  social:
    <<: [*summer, *owned]
    mode: outbound
    owner: Social lead
    depends_on: [{ on: search, kind: start-to-start, lag: 1w }]
`;

function position(text: string, needle: string, shift = 0, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, needle);
  return new LineIndex(text).positionAt(offset + shift);
}

const covered = (text: string, diagnostic: Diagnostic) => {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
};

describe('merge keys over the protocol', () => {
  let client: LspClient;
  let counter = 0;
  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(() => client.stop());

  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///virtual/merges-${++counter}.plan.yaml`;
    await client.open(uri, text, 1);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    return { uri, diagnostics };
  }

  it('publishes no diagnostic for a plan that shares its defaults, as the core finds', async () => {
    const { diagnostics } = await open(SHARED);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(analyzeText(SHARED).diagnostics, []);
  });

  it('places a merged value’s problem on the `<<` source of the channel, and a schema problem on the merged text', async () => {
    const { diagnostics } = await open(BROKEN);
    const violated = diagnostics.filter((diagnostic) => diagnostic.code === 'dependency-violated');
    assert.equal(violated.length, 1);
    assert.equal(violated[0]!.range.start.line, position(BROKEN, '<<', 0, 1).line);
    assert.equal(covered(BROKEN, violated[0]!), '*summer');
    const unknown = diagnostics.filter((diagnostic) => diagnostic.code === 'schema');
    assert.deepEqual(
      unknown.map((diagnostic) => [covered(BROKEN, diagnostic), diagnostic.range.start.line, String(diagnostic.message).split('.')[0]]),
      [
        ['ownr', 2, 'Unknown key `ownr` in `channels'],
        ['ownr', 2, 'Unknown key `ownr` in `channels'],
      ],
    );
    // The core and the server agree.
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.message]),
      analyzeText(BROKEN).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.message]),
    );
  });

  it('fixes the merged start in the channel, leaving the shared dates alone', async () => {
    const { uri, diagnostics } = await open(BROKEN);
    const violated = diagnostics.find((diagnostic) => diagnostic.code === 'dependency-violated')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: violated.range,
      context: { diagnostics: [violated], only: ['quickfix'] },
    });
    const move = actions.find((action) => action.title.startsWith('Move start to 2026-07-08 in `social`'));
    assert.ok(move?.edit?.changes, actions.map((action) => action.title).join('; '));
    const after = applyEdits(BROKEN, move.edit.changes[uri]!);
    assert.ok(after.includes('x-summer: &summer { start: 2026-07-01, end: 2026-07-31 }'));
    assert.equal(analyzeText(after).model.channels.get('social')!.start?.value, '2026-07-08');
    assert.equal(analyzeText(after).model.channels.get('search')!.start?.value, '2026-07-01');
  });

  it('hover on a `<<` line and on merged text says where values come from and where they go', async () => {
    const { uri } = await open(SHARED);
    const onMerge = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: position(SHARED, '<<: [*paid, *summer]', 1, 1),
    });
    assert.match(JSON.stringify(onMerge?.contents), /from `x-paid` \(line 10\)/);
    const onShared = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: position(SHARED, 'owner: Paid media lead', 2),
    });
    assert.match(JSON.stringify(onShared?.contents), /Merged \(`<<`\) into `channels.paid-search`, `channels.paid-social`/);
    const onExtension = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: position(SHARED, 'x-weekly', 2) });
    assert.match(JSON.stringify(onExtension?.contents), /extension key/);
  });
});
