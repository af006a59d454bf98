import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { analyzeText } from '../../server/src/core/analyze.js';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// A broken `.throughline.yaml` or broken `throughline` settings never leave a plan without
// diagnostics: the server says what is wrong (naming the file and line, or the setting) and
// falls back to the default severities for whatever it could not read.

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
/** `code severity` of every diagnostic the core gives the plan with default settings. */
const DEFAULTS = summary(analyzeText(problems).diagnostics);

function summary(diagnostics: { code?: unknown; severity?: unknown }[]): string[] {
  return diagnostics.map((d) => `${String(d.code)} ${String(d.severity)}`).sort();
}

const CONFIGS: Record<string, { text: string; message: RegExp }> = {
  'broken-yaml': {
    text: 'rules:\n  proposition-missing: off\n  objective-missing: [unclosed\n',
    message: /broken-yaml[\\/]\.throughline\.yaml: line \d+: .*; using default severities/,
  },
  'not-a-map': {
    text: '- rules\n- proposition-missing\n',
    message: /not-a-map[\\/]\.throughline\.yaml: expected a mapping with a `rules` key; using default severities/,
  },
  'rules-a-list': {
    text: 'rules: [proposition-missing]\n',
    message: /rules-a-list[\\/]\.throughline\.yaml: `rules` should map rule names to error, warning, info, hint or off/,
  },
  'unknown-rule': {
    text: 'rules:\n  proposition-mising: off\n',
    message: /unknown-rule[\\/]\.throughline\.yaml: unknown rule `proposition-mising`.*did you mean `proposition-missing`/i,
  },
  'wrong-severity': {
    text: 'rules:\n  proposition-missing: loud\n',
    message: /wrong-severity[\\/]\.throughline\.yaml: rule `proposition-missing`: `loud` is not one of error, warning, info, hint, off; keeping its default/,
  },
  'prototype-keys': {
    text: 'rules:\n  __proto__: off\n  constructor: off\n',
    message: /prototype-keys[\\/]\.throughline\.yaml: unknown rule `(__proto__|constructor)`/,
  },
};

describe('a malformed .throughline.yaml', () => {
  let root: string;
  let client: LspClient;
  const shownForFiles: { type: number; message: string }[] = [];

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-config-'));
    for (const [folder, { text }] of Object.entries(CONFIGS)) {
      mkdirSync(join(root, folder));
      writeFileSync(join(root, folder, '.throughline.yaml'), text);
    }
    client = await LspClient.start();
    client.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      shownForFiles.push(params);
      return null;
    });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  for (const [folder, { message }] of Object.entries(CONFIGS)) {
    it(`${folder}: a warning naming the file says what is wrong; the plan gets default-severity diagnostics`, async () => {
      const uri = pathToFileURL(join(root, folder, 'plan.plan.yaml')).href;
      await client.open(uri, problems, 1);
      const published = await client.diagnosticsFor(uri, 1);
      assert.match(await client.waitForLog(message), message);
      assert.deepEqual(summary(published.diagnostics), DEFAULTS);
      // Shown to the user too, as a warning, since the plan quietly falls back to the defaults.
      await waitUntil(() => shownForFiles.some((shown) => message.test(shown.message)));
      const shown = shownForFiles.find((item) => message.test(item.message))!;
      assert.equal(shown.type, 2, 'a warning');
      assert.match(shown.message, /^Throughline: /);
    });
  }

  it('the valid settings beside an unknown rule still apply', async () => {
    mkdirSync(join(root, 'mixed'));
    writeFileSync(join(root, 'mixed', '.throughline.yaml'), 'rules:\n  no-such-rule: off\n  proposition-missing: off\n');
    const uri = pathToFileURL(join(root, 'mixed', 'plan.plan.yaml')).href;
    await client.open(uri, problems, 1);
    const published = await client.diagnosticsFor(uri, 1);
    assert.ok(
      DEFAULTS.some((line) => line.startsWith('proposition-missing ')),
      'the example plan should break proposition-missing',
    );
    assert.deepEqual(
      summary(published.diagnostics),
      DEFAULTS.filter((line) => !line.startsWith('proposition-missing ')),
    );
    await client.waitForLog(/mixed[\\/]\.throughline\.yaml: unknown rule `no-such-rule`/);
  });

  it('logs no stack trace and keeps running', () => {
    assert.ok(client.alive);
    assert.doesNotMatch(client.logs.join('\n'), /failed:|uncaught|unhandled|\n\s+at /i);
  });
});

/** Malformed `throughline` settings, each with the message it must produce. */
const SETTINGS: { name: string; settings: Record<string, unknown>; message: RegExp }[] = [
  {
    name: 'rules is a string',
    settings: { rules: 'all of them' },
    message: /throughline\.rules: `rules` should map rule names to error, warning, info, hint or off/,
  },
  { name: 'rules is a list', settings: { rules: ['stage-unknown'] }, message: /throughline\.rules: `rules` should map rule names/ },
  {
    name: 'a severity of the wrong type',
    settings: { rules: { 'stage-unknown': 3 } },
    message: /throughline\.rules: rule `stage-unknown`: `3` is not one of error, warning, info, hint, off/,
  },
  {
    name: 'debounceMs negative',
    settings: { diagnostics: { debounceMs: -5 } },
    message: /`throughline\.diagnostics\.debounceMs` should be a number of milliseconds between 0 and 5000/,
  },
  { name: 'debounceMs a string', settings: { diagnostics: { debounceMs: 'soon' } }, message: /`throughline\.diagnostics\.debounceMs` should be a number/ },
  { name: 'debounceMs huge', settings: { 'diagnostics.debounceMs': 1e12 }, message: /`throughline\.diagnostics\.debounceMs` should be a number/ },
];

describe('malformed throughline settings', () => {
  let client: LspClient;
  const shown: { type: number; message: string }[] = [];
  const uri = 'file:///virtual/malformed-settings.plan.yaml';

  before(async () => {
    await buildServer();
    client = await LspClient.start({ settings: { rules: { 'stage-unknown': 'off' } } });
    // The server asks with window/showMessageRequest (what `showWarningMessage` sends); this replaces the client's default answer.
    client.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      shown.push(params);
      return null;
    });
    await client.open(uri, problems, 1);
    await client.diagnosticsFor(uri, 1);
  });
  after(() => client.stop());

  for (const { name, settings, message } of SETTINGS) {
    it(`${name}: a warning (log and message) says so; the defaults apply and diagnostics still arrive`, async () => {
      // Valid settings first: the server shows a warning only when the problems change.
      const reset = client.received.length;
      await client.changeSettings({ rules: { 'stage-unknown': 'off' } });
      await client.waitForDiagnostics(uri, (params) => params.version === 1, reset);
      const mark = client.received.length;
      const shownBefore = shown.length;
      await client.changeSettings(settings);
      const published: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, (params) => params.version === 1, mark);
      assert.match(await client.waitForLog(message), message);
      // The user sees it too, once per new set of problems.
      await waitUntil(() => shown.length > shownBefore);
      assert.equal(shown.at(-1)!.type, 2, 'a warning');
      assert.match(shown.at(-1)!.message, /^Throughline settings: /);
      assert.match(shown.at(-1)!.message, message);
      assert.deepEqual(summary(published.diagnostics), DEFAULTS);
    });
  }

  it('a later valid setting applies again, and typing still gets diagnostics', async () => {
    await client.changeSettings({ rules: { 'stage-unknown': 'off' }, diagnostics: { debounceMs: 0 } });
    const mark = client.received.length;
    await client.change(uri, 2, [{ text: `${problems}\n# edited\n` }]);
    // The edit may be analyzed before the new settings are pulled; the re-analysis after them drops the rule.
    await client.waitForDiagnostics(uri, (params) => params.version === 2 && !params.diagnostics.some((d) => d.code === 'stage-unknown'), mark);
    assert.ok(client.alive);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
