import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { yamlWithoutEnvReads } from '../../scripts/yamlWithoutEnvReads.mjs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';

// A small LSP client for tests: starts the built server (`node out/server.js --stdio`) and
// speaks the real protocol over its stdin/stdout, as any editor would.

const SERVER = 'out/server.js';

/** Bundles the server when a source file is newer than out/server.js (atomic: parallel test files may race). */
export async function buildServer(): Promise<void> {
  if (!isStale()) return;
  const temporary = `out/.server-${process.pid}-${Date.now()}.js`;
  await build({
    entryPoints: ['server/src/server.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    outfile: temporary,
    logLevel: 'warning',
    plugins: [yamlWithoutEnvReads],
    // As scripts/build.mjs: csv-parse's own Node build in Node.
    alias: { 'csv-parse/browser/esm/sync': 'csv-parse/sync' },
  });
  renameSync(temporary, SERVER);
}

function isStale(): boolean {
  let built: number;
  try {
    built = statSync(SERVER).mtimeMs;
  } catch {
    return true;
  }
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newer(path) : statSync(path).mtimeMs > built;
    });
  return newer('server/src');
}

export interface StartOptions {
  /** The `throughline` settings section answered to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  workspaceFolders?: string[];
  /** Defaults to 0 ms so tests need not wait for the debounce. */
  diagnosticsDelay?: number;
  capabilities?: ClientCapabilities;
  /** Another server to start (`[executable, ...args]`), e.g. a peer the benchmark compares with. */
  command?: string[];
  /** Answers to `workspace/configuration` for sections other than `throughline` (null otherwise). */
  configuration?: Record<string, unknown>;
  /** Environment variables set for the server process, over this process's own. */
  env?: Record<string, string>;
  /** More `initializationOptions` (e.g. the client commands the VS Code extension announces). */
  initializationOptions?: Record<string, unknown>;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
  },
};

/**
 * What Emacs's eglot announces without markdown-mode and yasnippet installed, as a new user
 * has it: hover and completion documentation in plain text only, no snippets, no rule links.
 */
export const PLAIN_TEXT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    completion: { completionItem: { snippetSupport: false }, contextSupport: true },
    hover: { contentFormat: ['plaintext'] },
    signatureHelp: { signatureInformation: { parameterInformation: { labelOffsetSupport: true } } },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    formatting: { dynamicRegistration: false },
    rangeFormatting: { dynamicRegistration: false },
    rename: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: false, versionSupport: true },
  },
};

export class LspClient {
  readonly received: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private settings: Record<string, unknown>;
  private readonly waiters = new Set<() => void>();
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.received.push(params);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.notify();
    });
    connection.onNotification(() => {});
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'throughline' ? this.settings : (options.configuration?.[item.section ?? ''] ?? null))),
    );
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const [executable, ...args] = options.command ?? [process.execPath, SERVER, '--stdio'];
    const env = options.env ? { ...process.env, ...options.env } : process.env;
    const child = spawn(executable!, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri) => ({ uri, name: uri.split('/').pop() })),
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: { diagnosticsDelay: options.diagnosticsDelay ?? 0, ...options.initializationOptions },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'marketing-plan', version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** New settings, announced the way VS Code does (the server pulls them again). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { throughline: settings } });
  }

  /** The first diagnostics for `uri` received after `since` (an index into `received`) that satisfy `accept`. */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    since = 0,
    timeoutMs = 15_000,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.received.slice(since).find((params) => params.uri === uri && accept(params)), `diagnostics for ${uri}`, timeoutMs);
  }

  /** Diagnostics for exactly this version of an open document. */
  diagnosticsFor(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (params) => params.version === version, since);
  }

  /** The first log message matching `pattern` from `since` (an index into `logs`) on. */
  waitForLog(pattern: RegExp, timeoutMs = 15_000, since = 0): Promise<string> {
    return this.waitFor(() => this.logs.slice(since).find((message) => pattern.test(message)), `a log message matching ${pattern}`, timeoutMs);
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async stop(): Promise<number | null> {
    if (this.alive) {
      await this.connection.sendRequest('shutdown').catch(() => undefined);
      await this.connection.sendNotification('exit').catch(() => undefined);
    }
    const timer = setTimeout(() => this.process.kill(), 5_000);
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  private waitFor<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = find();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr:\n${this.stderr}\nlogs:\n${this.logs.join('\n')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
