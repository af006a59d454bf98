import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver/node';
import { applyEdits } from '../helpers/applyEdits.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// textDocument/formatting and textDocument/rangeFormatting over stdio: minimal edits that give
// the same text as `throughline format`, the sortKeys setting and `.throughline.yaml`'s
// `format:` section, and a plan that does not parse left alone with one message.

const messy = readFileSync('test/fixtures/format/messy.plan.yaml', 'utf8');
const messyFormatted = readFileSync('test/fixtures/format/messy.formatted.plan.yaml', 'utf8');
const messySorted = readFileSync('test/fixtures/format/messy.sorted.plan.yaml', 'utf8');
const options = { tabSize: 2, insertSpaces: true };

describe('formatting over the protocol', () => {
  let client: LspClient;
  let root: string;
  const shown: { type: number; message: string }[] = [];
  let counter = 0;

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-format-'));
    writeFileSync(join(root, '.throughline.yaml'), 'format:\n  sortKeys: true\n');
    client = await LspClient.start();
    client.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      shown.push(params);
      return null;
    });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function open(text: string, uri = `file:///virtual/format-${++counter}.plan.yaml`): Promise<string> {
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    return uri;
  }

  it('announces document and range formatting', () => {
    assert.equal(client.initializeResult.capabilities.documentFormattingProvider, true);
    assert.equal(client.initializeResult.capabilities.documentRangeFormattingProvider, true);
  });

  it('formats a messy plan with small edits into what `throughline format` prints', async () => {
    const uri = await open(messy);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    assert.equal(applyEdits(messy, edits), messyFormatted);
    assert.ok(edits.length > 10, `${edits.length} edits`);
    assert.ok(
      edits.every((edit) => edit.newText.length < 200),
      'no edit replaces a large part of the plan',
    );
    const again = await open(messyFormatted);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri: again }, options }), []);
  });

  it('formats only the entries a range touches', async () => {
    const uri = await open(messy);
    const line = messy.split('\n').findIndex((text) => text.includes('# outbound, after seo'));
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      options,
    });
    const result = applyEdits(messy, edits);
    assert.ok(result.includes('  paid-search:\n    # outbound, after seo\n    end: 2026-06-30\n'), result);
    assert.ok(result.includes('plan:    Spring launch   \n'), 'the rest of the plan is left alone');
  });

  it('sorts keys with throughline.format.sortKeys, and when the .throughline.yaml next to the plan says so', async () => {
    await client.changeSettings({ format: { sortKeys: true } });
    const uri = await open(messy);
    assert.equal(applyEdits(messy, await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options })), messySorted);
    await client.changeSettings({});
    const configured = await open(messy, pathToFileURL(join(root, 'messy.plan.yaml')).href);
    assert.equal(applyEdits(messy, await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: configured }, options })), messySorted);
    const elsewhere = await open(messy);
    assert.equal(applyEdits(messy, await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: elsewhere }, options })), messyFormatted);
  });

  it("uses the client's tab size for a plan that nests nothing yet", async () => {
    const text =
      'plan: x\nbudget: { total: 1, currency: GBP, contingency: 0, note: a flow mapping far too long for a narrow line width of one hundred and twenty }\n';
    const uri = await open(text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.match(applyEdits(text, edits), /^budget:\n {4}total: 1\n {4}currency: GBP\n/m);
  });

  it('leaves a plan that does not parse alone: no edits, one warning naming the line', async () => {
    const broken = 'plan: x\nchannels:\n  seo: [a, b\n';
    const uri = await open(broken);
    const before = shown.length;
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options }), []);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options }), []);
    const messages = shown.slice(before);
    assert.equal(messages.length, 1, 'said once for this version, not at every save');
    assert.equal(messages[0]!.type, 2);
    assert.match(messages[0]!.message, /^Throughline: The plan was not formatted: line \d+ does not parse/);
  });

  it('answers a request for a document that is not open with an error, not a crash', async () => {
    await assert.rejects(client.request('textDocument/formatting', { textDocument: { uri: 'file:///virtual/not-open.plan.yaml' }, options }), /is not open/);
    assert.ok(client.alive);
  });
});
