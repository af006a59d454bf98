import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, LspClient } from '../helpers/lspClient.js';

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));

describe('workspace plans on disk', () => {
  let root: string;
  let client: LspClient;
  const uri = (name: string) => pathToFileURL(join(root, name)).href;

  before(async () => {
    await buildServer();
    root = mkdtempSync(join(tmpdir(), 'throughline-lsp-'));
    mkdirSync(join(root, 'team'));
    mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(root, 'a.plan.yaml'), problems);
    writeFileSync(join(root, 'team', 'b.plan.yml'), clean);
    writeFileSync(join(root, 'team', '.throughline.yaml'), 'rules:\n  proposition-missing: off\n');
    writeFileSync(join(root, 'team', 'c.plan.yaml'), problems);
    writeFileSync(join(root, 'node_modules', 'dep', 'skipped.plan.yaml'), problems);
    writeFileSync(join(root, 'notes.yaml'), problems);
    writeFileSync(join(root, 'huge.plan.yaml'), `plan: huge\nnotes: "${'x'.repeat(5 * 1024 * 1024 + 10)}"\n`);
    writeFileSync(join(root, 'binary.plan.yaml'), Buffer.from([0x70, 0x6c, 0, 0x61, 0x6e]));
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared', 'target.yaml'), problems);
    symlinkSync(join(root, 'shared', 'target.yaml'), join(root, 'linked.plan.yaml'));
    client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('checks every plan of the workspace folders at start, skipping node_modules and other YAML', async () => {
    const a = await client.waitForDiagnostics(uri('a.plan.yaml'));
    const b = await client.waitForDiagnostics(uri('team/b.plan.yml'));
    const c = await client.waitForDiagnostics(uri('team/c.plan.yaml'));
    assert.ok(codes(a.diagnostics).includes('dependency-unknown'));
    assert.deepEqual(b.diagnostics, []);
    assert.equal(a.version, undefined, 'files read from disk carry no version');
    // The config file next to c switches proposition-missing off; a, above it, keeps it.
    assert.ok(codes(a.diagnostics).includes('proposition-missing'));
    assert.ok(!codes(c.diagnostics).includes('proposition-missing'));
    const published = new Set(client.received.map((params) => params.uri));
    assert.ok(!published.has(uri('node_modules/dep/skipped.plan.yaml')));
    assert.ok(!published.has(uri('notes.yaml')));
  });

  it('reports a plan over 5 MB instead of reading it', async () => {
    const huge = await client.waitForDiagnostics(uri('huge.plan.yaml'));
    assert.deepEqual(codes(huge.diagnostics), ['file-too-large']);
    assert.match(String(huge.diagnostics[0]!.message), /not checked/);
  });

  it('reports a binary plan file in one diagnostic, as the CLI does', async () => {
    const binary = await client.waitForDiagnostics(uri('binary.plan.yaml'));
    assert.deepEqual(codes(binary.diagnostics), ['file-unreadable']);
    assert.match(String(binary.diagnostics[0]!.message), /binary file/);
  });

  it('follows a symbolic link to a plan file, as the CLI does', async () => {
    const linked = await client.waitForDiagnostics(uri('linked.plan.yaml'));
    assert.ok(codes(linked.diagnostics).includes('dependency-unknown'));
  });

  it('asks the client to watch plan, config and actuals files', async () => {
    const watchers = client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    const globs = watchers.flatMap((registration) =>
      (registration.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern),
    );
    assert.deepEqual(globs.sort(), [
      '**/*.csv',
      '**/*.plan-library.yaml',
      '**/*.plan-library.yml',
      '**/*.plan.yaml',
      '**/*.plan.yml',
      '**/*.portfolio.yaml',
      '**/*.portfolio.yml',
      '**/.throughline.yaml',
    ]);
  });

  it('re-checks a plan changed on disk and clears a deleted one', async () => {
    await client.waitForDiagnostics(uri('a.plan.yaml'));
    writeFileSync(join(root, 'a.plan.yaml'), clean);
    unlinkSync(join(root, 'team', 'b.plan.yml'));
    const mark = client.received.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('a.plan.yaml'), type: 2 },
        { uri: uri('team/b.plan.yml'), type: 3 },
      ],
    });
    assert.deepEqual((await client.waitForDiagnostics(uri('a.plan.yaml'), () => true, mark)).diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(uri('team/b.plan.yml'), () => true, mark)).diagnostics, []);
  });

  it('applies a changed .throughline.yaml to the plans below it', async () => {
    await client.waitForDiagnostics(uri('team/c.plan.yaml'));
    writeFileSync(join(root, 'team', '.throughline.yaml'), 'rules:\n  dependency-unknown: off\n');
    const mark = client.received.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team/.throughline.yaml'), type: 2 }] });
    const c = await client.waitForDiagnostics(uri('team/c.plan.yaml'), () => true, mark);
    assert.ok(codes(c.diagnostics).includes('proposition-missing'));
    assert.ok(!codes(c.diagnostics).includes('dependency-unknown'));
  });

  it('an open plan follows the editor, and shows its on-disk diagnostics again when closed', async () => {
    const cUri = uri('team/c.plan.yaml');
    let mark = client.received.length;
    await client.open(cUri, clean, 5);
    assert.deepEqual((await client.diagnosticsFor(cUri, 5, mark)).diagnostics, []);
    mark = client.received.length;
    await client.close(cUri);
    const again = await client.waitForDiagnostics(cUri, () => true, mark);
    assert.equal(again.version, undefined);
    assert.ok(codes(again.diagnostics).includes('proposition-missing'), 'the problems plan on disk, not the clean text that was open');
  });

  it('finds channels and KPIs of every plan, open or on disk, as workspace symbols', async () => {
    const symbols = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'paid' });
    const names = symbols.map((symbol) => `${symbol.name} ${symbol.location.uri.slice(root.length + 7)}`);
    assert.ok(names.includes('paid-search /team/c.plan.yaml'), names.join('\n'));
    assert.ok(names.includes('paid-conversions /a.plan.yaml'), names.join('\n'));
  });
});
