import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  ResponseError,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { CompletionList, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { bytesToBase64, DEFAULT_DOCS_BASE, MAX_FILE_SIZE } from '../../server/src/core/index.js';
import { FindFilesRequest, IsFileRequest, ReadFileRequest, type FindFilesParams, type ReadFileParams, type ReadFileResult } from '../../server/src/protocol.js';
import { launchChromium } from '../render/browser.js';

// The web extension's language server — the browser bundle of server/src/browserServer.ts —
// in a real Chromium web worker, spoken to over the real protocol: this test is the client,
// its JSON-RPC messages carried by the worker's postMessage, and it answers the server's file
// requests (throughline/findFiles, isFile, readFile) from a workspace in memory on a virtual
// scheme, as the web extension answers them from vscode.workspace.fs.

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8');
const ROOT = 'memfs://workspace';
const uri = (path: string) => `${ROOT}/${path}`;
const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => String(d.code));

const files = new Map<string, string | Uint8Array>([
  [uri('a.plan.yaml'), problems],
  [uri('team/.throughline.yaml'), 'rules:\n  proposition-missing: off\n'],
  [uri('team/b.plan.yml'), clean],
  [uri('team/c.plan.yaml'), problems],
  [uri('node_modules/dep/skipped.plan.yaml'), problems],
  [uri('notes.yaml'), problems],
  [uri('binary.plan.yaml'), new Uint8Array([0x70, 0x6c, 0, 0x61, 0x6e])],
  [uri('latin1.plan.yaml'), new Uint8Array([0x70, 0x6c, 0x61, 0x6e, 0x3a, 0x20, 0xe9])],
  [uri('huge.plan.yaml'), `plan: huge\nnotes: "${'x'.repeat(MAX_FILE_SIZE + 10)}"\n`],
  [uri('locked.plan.yaml'), problems],
]);

/** What the test's "editor" answers, like client/src/web/workspaceFiles.ts over vscode.workspace.fs. */
function readFile({ uri: target, maxBytes }: ReadFileParams): ReadFileResult {
  if (target === uri('locked.plan.yaml')) throw new ResponseError(-32803, 'NoPermissions');
  const content = files.get(target);
  if (content === undefined) return { kind: 'missing', problem: 'cannot read: no such file or directory' };
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  if (bytes.byteLength > maxBytes) return { kind: 'too-large', size: bytes.byteLength };
  return { kind: 'file', base64: bytesToBase64(bytes) };
}

/** The editor's search, as the server asks for it: plan files below the folder, node_modules and .git skipped. */
const searches: FindFilesParams[] = [];
function findFiles(params: FindFilesParams) {
  searches.push(params);
  const found = [...files.keys()].filter(
    (path) => path.startsWith(`${params.folderUri}/`) && /\.plan\.ya?ml$/.test(path) && !/\/(node_modules|\.git)\//.test(path),
  );
  return { uris: found.slice(0, params.maxResults), truncated: found.length > params.maxResults };
}

/** JSON-RPC over the page: messages from the worker arrive through an exposed function, messages to it through evaluate. */
class WorkerReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  deliver(message: Message): void {
    this.callback?.(message);
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  private queue = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(message: Message): Promise<void> {
    this.queue = this.queue.then(() => this.page.evaluate((m) => (globalThis as unknown as { server: Worker }).server.postMessage(m), message as never));
    return this.queue;
  }
  end(): void {}
}

describe('the language server bundled for the browser, in a Chromium web worker', () => {
  let browser: Browser;
  let connection: MessageConnection;
  const received: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const pageErrors: string[] = [];

  const waitFor = async <T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server log:\n${logs.join('\n')}\npage errors:\n${pageErrors.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const diagnosticsOf = (target: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true) =>
    waitFor(() => [...received].reverse().find((params) => params.uri === target && accept(params)), `diagnostics of ${target}`);

  before(async () => {
    const bundle = await build({
      entryPoints: ['server/src/browserServer.ts'],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'warning',
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('http://throughline.test/', (route) => route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>worker host</title>' }));
    await page.goto('http://throughline.test/');
    const reader = new WorkerReader();
    await page.exposeFunction('toClient', (message: Message) => reader.deliver(message));
    await page.evaluate((script) => {
      const server = new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })));
      server.onmessage = (event) => (globalThis as unknown as { toClient: (m: unknown) => void }).toClient(event.data);
      server.onerror = (event) => {
        throw new Error(event.message);
      };
      (globalThis as unknown as { server: Worker }).server = server;
    }, bundle.outputFiles[0]!.text);

    connection = createMessageConnection(reader, new WorkerWriter(page));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void received.push(params));
    connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest(ReadFileRequest, readFile);
    connection.onRequest(IsFileRequest, ({ uri: target }) => files.has(target));
    connection.onRequest(FindFilesRequest, findFiles);
    connection.listen();
    const initialized = connection.sendRequest('initialize', {
      processId: null,
      rootUri: ROOT,
      workspaceFolders: [{ uri: ROOT, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { codeDescriptionSupport: true } },
      },
      initializationOptions: { diagnosticsDelay: 0 },
    });
    // A bundle that throws as it loads (a Node global, a Node built-in) never answers: fail with the worker's error instead of waiting.
    await Promise.race([
      initialized,
      waitFor(() => pageErrors[0], 'the server to answer initialize').then((error) => assert.fail(`the worker failed: ${error}`)),
    ]);
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection?.sendRequest('shutdown').catch(() => undefined);
    connection?.dispose();
    await browser?.close();
  });

  it('checks an open document: rule codes, linked to the published rule pages', async () => {
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'untitled:Untitled-1', languageId: 'marketing-plan', version: 1, text: problems },
    });
    const published = await diagnosticsOf('untitled:Untitled-1', (params) => params.version === 1);
    assert.ok(codes(published).includes('dependency-unknown'), codes(published).join(', '));
    const unknown = published.diagnostics.find((d) => d.code === 'dependency-unknown')!;
    assert.match(String(unknown.message), /content-hub/);
    assert.equal(unknown.codeDescription?.href, `${DEFAULT_DOCS_BASE}dependency-unknown.md`);
  });

  it('completes depends_on with the channel ids', async () => {
    const text = problems.replace('      - content-hbu\n', '      - \n');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-2', languageId: 'marketing-plan', version: 1, text } });
    const lines = text.split('\n');
    const line = lines.findIndex((candidate, index) => candidate === '      - ' && lines[index - 1]!.includes('depends_on:'));
    const list = await connection.sendRequest<CompletionList | null>('textDocument/completion', {
      textDocument: { uri: 'untitled:Untitled-2' },
      position: { line, character: 8 },
    });
    const labels = (list?.items ?? []).map((item) => item.label);
    assert.ok(labels.includes('content-hub') && labels.includes('seo'), labels.join(', '));
    assert.ok(!labels.includes('paid-search'), 'not the channel itself');
  });

  it("scans the workspace through the client's file requests, with each folder's .throughline.yaml", async () => {
    const a = await diagnosticsOf(uri('a.plan.yaml'));
    const b = await diagnosticsOf(uri('team/b.plan.yml'));
    const c = await diagnosticsOf(uri('team/c.plan.yaml'));
    assert.equal(a.version, undefined, 'read from the workspace, not an open document');
    assert.ok(codes(a).includes('dependency-unknown') && codes(a).includes('proposition-missing'));
    assert.deepEqual(b.diagnostics, []);
    assert.ok(codes(c).includes('dependency-unknown'));
    assert.ok(!codes(c).includes('proposition-missing'), "team/.throughline.yaml switches proposition-missing off for team/'s plans");
    assert.deepEqual(searches[0], {
      folderUri: ROOT,
      include: '**/*{.plan.yaml,.plan.yml,.plan-library.yaml,.plan-library.yml,.portfolio.yaml,.portfolio.yml}',
      exclude: '**/{node_modules,.git}/**',
      maxResults: 5000,
    });
    const published = new Set(received.map((params) => params.uri));
    assert.ok(!published.has(uri('node_modules/dep/skipped.plan.yaml')) && !published.has(uri('notes.yaml')));
  });

  it('applies the size limit and the text checks to the bytes the client sends, and survives a failed read', async () => {
    assert.deepEqual(codes(await diagnosticsOf(uri('huge.plan.yaml'))), ['file-too-large']);
    const binary = await diagnosticsOf(uri('binary.plan.yaml'));
    assert.deepEqual(codes(binary), ['file-unreadable']);
    assert.match(String(binary.diagnostics[0]!.message), /binary/);
    assert.match(String((await diagnosticsOf(uri('latin1.plan.yaml'))).diagnostics[0]!.message), /not UTF-8/);
    // locked.plan.yaml's read failed: the server says so in its log and checks the others.
    await waitFor(() => logs.find((line) => line.includes('locked.plan.yaml') && /NoPermissions/.test(line)), 'the failed read in the log');
    assert.ok(!received.some((params) => params.uri === uri('locked.plan.yaml')));
    assert.deepEqual(pageErrors, []);
  });

  it('re-reads a plan the client reports changed on disk', async () => {
    files.set(uri('team/b.plan.yml'), problems);
    const before = received.length;
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team/b.plan.yml'), type: 2 }] });
    const b = await waitFor(() => received.slice(before).find((params) => params.uri === uri('team/b.plan.yml')), 'new diagnostics of b');
    assert.ok(codes(b).includes('dependency-unknown'));
  });
});
