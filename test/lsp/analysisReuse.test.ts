import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { generatePlan } from '../helpers/generatePlan.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// What the server parses, seen through its verbose trace: one line per analyzed version,
// `analyzed <uri> version <n> in <ms> ms (<mode> parse: <k> re-parsed, <m> reused)`.

const plan = generatePlan(40);
const ownerOf = (index: number) => {
  const needle = `    owner: Owner ${index}\n`;
  const offset = plan.indexOf(needle) + needle.length - 1;
  return new LineIndex(plan).positionAt(offset);
};

interface Analyzed {
  version: number;
  mode: string;
  reparsed: number;
}

function analyzedVersions(client: LspClient, uri: string, since: number): Analyzed[] {
  const pattern = /^analyzed (\S+) version (\d+) in [\d.]+ ms \((\w+) parse: (\d+) re-parsed, (\d+) reused\)$/;
  return client.logs.slice(since).flatMap((line) => {
    const match = pattern.exec(line);
    return match && match[1] === uri ? [{ version: Number(match[2]), mode: match[3]!, reparsed: Number(match[4]) }] : [];
  });
}

describe('one incremental parse state per open document', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start({ diagnosticsDelay: 500, settings: { trace: { server: 'verbose' }, diagnostics: { debounceMs: 500 } } });
  });
  after(() => client.stop());

  it('parses a burst of edits once, for its last version, re-parsing only the block it touched', async () => {
    const uri = 'file:///virtual/burst-reuse.plan.yaml';
    const mark = client.logs.length;
    await client.open(uri, plan, 1);
    await client.diagnosticsFor(uri, 1);
    const at = ownerOf(7);
    for (let version = 2; version <= 6; version++) {
      await client.change(uri, version, [{ range: { start: at, end: at }, text: 'x' }]);
    }
    await client.diagnosticsFor(uri, 6);
    const analyzed = analyzedVersions(client, uri, mark);
    assert.deepEqual(
      analyzed.map((entry) => entry.version),
      [1, 6],
      'each version at most once; the superseded ones never',
    );
    assert.equal(analyzed[1]!.mode, 'incremental');
    assert.equal(analyzed[1]!.reparsed, 1, 'only the edited channel is parsed again');
  });

  it('answers completion and hover right after an edit from one incremental parse, shared with the diagnostics', async () => {
    const uri = 'file:///virtual/requests-reuse.plan.yaml';
    await client.open(uri, plan, 1);
    await client.diagnosticsFor(uri, 1);
    const mark = client.logs.length;
    const at = ownerOf(3);
    await client.change(uri, 2, [{ range: { start: at, end: at }, text: 'x' }]);
    const typeLine = plan.slice(0, plan.indexOf('    type: ', plan.indexOf('  ch-12:'))).split('\n').length - 1;
    const completion = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: typeLine, character: 10 },
    });
    assert.ok(completion.items.some((item) => item.label === 'paid'));
    const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: typeLine, character: 5 },
    });
    assert.ok(hover, 'hover on a channel key answers');
    const published = await client.diagnosticsFor(uri, 2);
    assert.deepEqual(published.diagnostics, []);
    const analyzed = analyzedVersions(client, uri, mark);
    assert.deepEqual(
      analyzed.map((entry) => [entry.version, entry.mode]),
      [[2, 'incremental']],
      'no full re-parse, and no second analysis for the diagnostics',
    );
  });

  it('starts afresh after the document is closed and opened again', async () => {
    const uri = 'file:///virtual/reopen-reuse.plan.yaml';
    await client.open(uri, plan, 1);
    await client.diagnosticsFor(uri, 1);
    await client.close(uri);
    const mark = client.logs.length;
    const since = client.received.length;
    await client.open(uri, plan, 1);
    await client.diagnosticsFor(uri, 1, since);
    assert.deepEqual(
      analyzedVersions(client, uri, mark).map((entry) => [entry.version, entry.mode]),
      [[1, 'full']],
    );
  });
});
