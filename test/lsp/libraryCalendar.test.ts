import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// A library's calendar over the real protocol: the blackout a library defines (read from disk)
// is a launch-in-blackout in an open plan importing it; the library edited in the editor
// takes the freeze away again.

const LIBRARY = `calendar:
  excludes: [weekends]
  blackouts:
    - { from: 2026-11-23, to: 2026-11-30, why: Black Friday freeze }
`;
const PLAN = `plan: Q4
imports: [./shared/calendar.plan-library.yaml]
channels: { black-friday-email: { type: owned, medium: email, start: 2026-11-25, end: 2026-12-10 } }
`;

describe('a library calendar in the language server', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;
  const blackouts = (params: PublishDiagnosticsParams) => params.diagnostics.filter((d) => d.code === 'launch-in-blackout');

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-library-calendar-'));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'calendar.plan-library.yaml'), LIBRARY);
    writeFileSync(join(root, 'q4.plan.yaml'), PLAN);
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("reports a plan channel starting in the library's blackout, on the channel's start", async () => {
    await client.open(uri('q4.plan.yaml'), PLAN);
    const published = await client.waitForDiagnostics(uri('q4.plan.yaml'), (params) => blackouts(params).length > 0);
    const [found] = blackouts(published);
    assert.deepEqual(found!.range.start, { line: 2, character: PLAN.split('\n')[2]!.indexOf('2026-11-25') });
    assert.match(
      String(found!.message),
      /inside the blackout "Black Friday freeze" \(2026-11-23 to 2026-11-30, for every channel\)\. Start it on 2026-12-01 or later/,
    );
  });

  it('drops the warning when the library, edited in the editor, no longer freezes those days', async () => {
    const library = uri('shared/calendar.plan-library.yaml');
    await client.open(library, LIBRARY);
    const since = client.received.length;
    const line = LIBRARY.split('\n').findIndex((text) => text.includes('Black Friday'));
    await client.change(library, 2, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    await client.waitForDiagnostics(uri('q4.plan.yaml'), (params) => blackouts(params).length === 0, since);
  });
});
