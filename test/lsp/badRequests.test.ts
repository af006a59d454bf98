import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver/node';
import { buildServer, LspClient } from '../helpers/lspClient.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const URI = 'file:///virtual/bad-requests.plan.yaml';

/** The error code of a rejected request, or 'answered' when it was answered. */
async function outcome(promise: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await promise;
    return 'answered';
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('requests that must not take the server down', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start();
    await client.open(URI, clean, 1);
    await client.diagnosticsFor(URI, 1);
  });
  after(() => client.stop());

  it('answers a garbage position as invalid params', async () => {
    for (const position of ['abc', null, { line: -1, character: 0 }, { line: 1.5, character: 2 }, { line: 'x', character: 0 }]) {
      assert.equal(await outcome(client.request('textDocument/hover', { textDocument: { uri: URI }, position })), -32602, JSON.stringify(position));
    }
  });

  it('answers a position far beyond the text without failing', async () => {
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/prepareRename']) {
      assert.equal(await outcome(client.request(method, { textDocument: { uri: URI }, position: { line: 1e9, character: 1e9 } })), 'answered', method);
    }
  });

  it('answers a request about a document that is not open as a failed request', async () => {
    assert.equal(
      await outcome(client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.plan.yaml' }, position: { line: 0, character: 0 } })),
      -32803,
    );
    assert.equal(await outcome(client.request('textDocument/documentSymbol', { textDocument: { uri: 42 } })), -32602);
    assert.equal(await outcome(client.request('textDocument/foldingRange', null)), -32602);
    assert.equal(
      await outcome(client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: 'everything', context: { diagnostics: 'none' } })),
      -32602,
    );
    assert.equal(
      await outcome(
        client.request('textDocument/codeAction', {
          textDocument: { uri: URI },
          range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
          context: { diagnostics: [{ code: 'dependency-unknown', range: 'x' }, null, 7] },
        }),
      ),
      'answered',
    );
    assert.equal(
      await outcome(client.request('textDocument/rename', { textDocument: { uri: URI }, position: { line: 25, character: 3 }, newName: { evil: true } })),
      -32602,
    );
    assert.equal(await outcome(client.request('throughline/timeline', { uri: { not: 'a string' } })), 'answered');
    for (const params of [null, { uri: { not: 'a string' } }, { uri: URI, render: ['panel'] }, { uri: 'x'.repeat(100_000) }])
      assert.equal(await outcome(client.request('throughline/portfolioTimeline', params)), 'answered');
    for (const params of [
      null,
      { uri: { not: 'a string' } },
      { uri: URI, version: '1', channel: 'seo', shift: '+1d' },
      { uri: URI, version: 1, channel: { id: 'seo' }, shift: '+1d' },
      { uri: URI, version: 1, channel: 'x'.repeat(100_000), shift: '+1d' },
      { uri: URI, version: 1, channel: 'seo', shift: `${'9'.repeat(10_000)}d` },
      { uri: URI, version: 1, channel: 'seo', start: ['2026-01-01'], cascade: 'yes' },
      { uri: URI, version: 1, channel: '__proto__', start: '2026-01-01' },
    ]) {
      assert.equal(await outcome(client.request('throughline/reschedule', params)), 'answered', JSON.stringify(params).slice(0, 80));
    }
    for (const action of [
      { title: 'x' },
      { title: 'x', data: { uri: URI, reschedule: 'plan', form: 5 } },
      { title: 'x', data: { uri: URI, reschedule: 'dependants', form: { form: 'changes' } } },
      { title: 'x', data: { uri: URI, reschedule: 'dependants', channel: 'nope', form: { form: 'documentChanges' } } },
      { title: 'x', data: { uri: 'file:///elsewhere.plan.yaml', reschedule: 'plan', form: { form: 'changes' } } },
    ]) {
      assert.equal(await outcome(client.request('codeAction/resolve', action)), 'answered', JSON.stringify(action));
    }
    assert.equal(await outcome(client.request('workspace/symbol', { query: 12 })), 'answered');
  });

  it('survives notifications with nonsense in them', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 'a' }, end: null }, text: 5 }],
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///never-opened.plan.yaml', version: 2 },
      contentChanges: [{ text: 'plan: x' }],
    });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: 'not a uri', type: 2 },
        { uri: 'file:///nonexistent/dir/x.plan.yaml', type: 1 },
      ],
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { throughline: { rules: 'all of them' } } });
    await client.connection.sendNotification('throughline/unknown', { anything: true });
    assert.equal(await outcome(client.request('throughline/unknownRequest', {})), -32601);
  });

  it('still serves the open document correctly afterwards', async () => {
    assert.ok(client.alive);
    const mark = client.received.length;
    await client.change(URI, 10, [{ text: clean }]);
    await client.diagnosticsFor(URI, 10, mark);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 25, character: 3 } });
    assert.match((hover.contents as { value: string }).value, /\*\*Channel\*\* `seo`/);
    assert.equal(client.stderr.includes('uncaught'), false, client.stderr);
  });
});
