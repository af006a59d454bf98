import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/core/analyze.js';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const summary = (diagnostics: { code?: unknown; range: unknown; message: unknown }[]) =>
  diagnostics.map((d) => `${String(d.code)} ${JSON.stringify(d.range)} ${String(d.message)}`);

/** The range of the `occurrence`-th appearance of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in text`);
  return new LineIndex(text).range(offset, offset + needle.length);
}

describe('diagnostics over the protocol', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown/exit');
  });

  it('publishes the core diagnostics on open: rule codes, precise ranges, rule doc links', async () => {
    const uri = 'file:///virtual/open.plan.yaml';
    await client.open(uri, problems, 1);
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(summary(published.diagnostics), summary(analyzeText(problems).diagnostics));
    const unknown = published.diagnostics.find((d) => d.code === 'dependency-unknown');
    assert.deepEqual(unknown?.range, rangeOf(problems, 'content-hbu'));
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'throughline');
      assert.match(diagnostic.codeDescription?.href ?? '', new RegExp(`^file://.*/docs/rules/${String(diagnostic.code)}\\.md$`));
    }
  });

  it('re-publishes after an incremental change, for the new version', async () => {
    const uri = 'file:///virtual/change.plan.yaml';
    await client.open(uri, problems, 1);
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'dependency-unknown'));
    await client.change(uri, 2, [{ range: rangeOf(problems, 'content-hbu'), text: 'content-hub' }]);
    const second = await client.diagnosticsFor(uri, 2);
    const fixed = problems.replace('content-hbu', 'content-hub');
    assert.ok(!second.diagnostics.some((d) => d.code === 'dependency-unknown'));
    assert.deepEqual(summary(second.diagnostics), summary(analyzeText(fixed).diagnostics));
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///virtual/close.plan.yaml';
    await client.open(uri, problems, 1);
    const opened = await client.diagnosticsFor(uri, 1);
    assert.ok(opened.diagnostics.length > 0);
    const mark = client.received.length;
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('a clean plan has no diagnostics', async () => {
    const uri = 'file:///virtual/clean.plan.yaml';
    await client.open(uri, clean, 1);
    assert.deepEqual(summary((await client.diagnosticsFor(uri, 1)).diagnostics), []);
  });
});

describe('debounced diagnostics', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start({ diagnosticsDelay: 300 });
  });
  after(() => client.stop());

  it('analyses a burst of changes once, for its last version', async () => {
    const uri = 'file:///virtual/burst.plan.yaml';
    await client.open(uri, clean, 1);
    await client.diagnosticsFor(uri, 1);
    const mark = client.received.length;
    const title = rangeOf(clean, 'Q3 new-customer acquisition');
    for (let version = 2; version <= 6; version++) {
      await client.change(uri, version, [{ range: { start: title.start, end: title.start }, text: 'x' }]);
    }
    // An edit that breaks the plan arrives last; only its diagnostics may be published.
    await client.change(uri, 7, [{ range: rangeOf(clean, '    type: paid\n'), text: '    type: pad\n' }]);
    const last = await client.diagnosticsFor(uri, 7, mark);
    assert.ok(
      last.diagnostics.some((d: Diagnostic) => d.code === 'schema'),
      summary(last.diagnostics).join('\n'),
    );
    const versions = client.received
      .slice(mark)
      .filter((params) => params.uri === uri)
      .map((params) => params.version);
    assert.deepEqual(versions, [7]);
  });
});

describe('rule severities from the editor settings', () => {
  let client: LspClient;
  before(async () => {
    await buildServer();
    client = await LspClient.start({ settings: { rules: { 'dependency-unknown': 'off', 'stage-unknown': 'info' } } });
  });
  after(() => client.stop());

  it('applies the settings at start and again when they change', async () => {
    const uri = 'file:///virtual/settings.plan.yaml';
    await client.open(uri, problems, 1);
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(!first.diagnostics.some((d) => d.code === 'dependency-unknown'));
    assert.equal(first.diagnostics.find((d) => d.code === 'stage-unknown')?.severity, 3);

    const mark = client.received.length;
    await client.changeSettings({ rules: { 'stage-unknown': 'error' } });
    const second = await client.waitForDiagnostics(uri, (params) => params.version === 1, mark);
    assert.ok(second.diagnostics.some((d) => d.code === 'dependency-unknown'));
    assert.equal(second.diagnostics.find((d) => d.code === 'stage-unknown')?.severity, 1);
  });

  it('names a misspelt rule in the settings in a warning log', async () => {
    await client.changeSettings({ rules: { 'stage-unknwn': 'off' } });
    const message = await client.waitForLog(/stage-unknwn/);
    assert.match(message, /did you mean `stage-unknown`/i);
  });
});
