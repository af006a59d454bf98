import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, LspClient } from '../helpers/lspClient.js';

// A plan on disk is checked lean, and most plans through the fast parse of their common shape
// (core/parse/simpleYaml.ts); an open plan through yaml's full, incremental parse. Over the
// protocol, every example and rule fixture shows the same diagnostics either way.

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const comparable = (diagnostics: Diagnostic[]) =>
  diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`)
    .sort();

describe('closed plans show what open plans show', () => {
  let root: string;
  let client: LspClient;
  let plans: string[];

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-closed-open-'));
    cpSync('examples', join(root, 'examples'), { recursive: true });
    cpSync(join('test', 'fixtures', 'rules'), join(root, 'rules'), { recursive: true });
    plans = yamlFilesUnder(root).filter((path) => /\.plan\.ya?ml$/.test(path));
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href], settings: { trace: { server: 'verbose' } } });
    // The workspace scan of 50 plans or more ends with one collection, logged after its diagnostics.
    await client.waitForLog(/^checked \d+ plans/, 60_000);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('gives every plan on disk the diagnostics it gets when opened', async () => {
    assert.ok(plans.length > 100, `${plans.length} plans`);
    const closed = new Map<string, PublishDiagnosticsParams>();
    for (const params of client.received) closed.set(params.uri, params);
    const differences: string[] = [];
    for (const path of plans) {
      const uri = pathToFileURL(path).href;
      const onDisk = closed.get(uri);
      assert.ok(onDisk, `no diagnostics for ${relative(root, path)}`);
      const since = client.received.length;
      await client.open(uri, readFileSync(path, 'utf8'));
      const open = await client.diagnosticsFor(uri, 1, since);
      await client.close(uri);
      // Closing shows the disk diagnostics again; wait for them so the next plan starts clean.
      await client.waitForDiagnostics(uri, (params) => params.version === undefined || params.version === null, since);
      if (JSON.stringify(comparable(open.diagnostics)) !== JSON.stringify(comparable(onDisk.diagnostics))) {
        differences.push(
          `${relative(root, path)}:\n  closed: ${comparable(onDisk.diagnostics).join('\n          ')}\n  open:   ${comparable(open.diagnostics).join('\n          ')}`,
        );
      }
    }
    assert.deepEqual(differences, []);
  });
});
