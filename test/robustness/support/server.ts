import { readFileSync } from 'node:fs';
import { ErrorCodes, ResponseError, type Diagnostic, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainThreadCpuMs } from '../../helpers/cpuTime.js';
import { buildServer, LspClient, type StartOptions } from '../../helpers/lspClient.js';
import { PortfolioTimelineRequest, RescheduleRequest, TimelineRequest } from '../../../server/src/protocol.js';
import { costlier, describeCost, RequestMeter, type Clock, type RequestCost } from './requestCost.js';

// Drives the built server over stdio the way an editor does: one open document, incremental
// didChange edits, diagnostics awaited per version, and the feature requests an editor sends
// while the user types, each timed. Problems are collected, not thrown, so one report says
// everything about a scenario.

/**
 * Every request must answer (a result or an LSP error) using at most this much of the server's
 * CPU time (see requestCost.ts: load on the machine stretches wall-clock time, not this); the
 * slowest is reported.
 */
export const ANSWER_CPU_LIMIT_MS = 1000;
/** A markdown link (or HTML anchor) to a command or script: a plan's text must never become one. */
const UNSAFE_LINK = /(?<!\\)\]\(\s*<?\s*(command|javascript):|(?<!\\)<a\s[^>]*href\s*=\s*["']?\s*(command|javascript):/i;
/** No answer after this much wall-clock time is a hang: the suites' only wall-clock check, generous for a busy machine. */
const HANG_MS = 30_000;
/** Resident memory the server may use after any scenario. */
export const RSS_LIMIT_MB = 400;
/** Anything the server's guard or process handlers write when something escaped a handler. */
const ESCAPED = /failed:|uncaught|unhandled|^\s+at .+:\d+:\d+\)?$/im;

export interface Probe {
  method: string;
  /** Asked at each sampled cursor position; otherwise once for the whole document. */
  positional: boolean;
  params: (uri: string, position: Position) => unknown;
  /** The CPU-time answer limit for a text of this length, when it is not `ANSWER_CPU_LIMIT_MS`. */
  limitMs?: (length: number) => number;
}

/** Formatting parses the plan's syntax tree again (and the result, when it changes): bounded like a parse, 1 s plus 1 s per 50 KB. */
const formattingLimit = (length: number) => ANSWER_CPU_LIMIT_MS + length / 50;

const at = (uri: string, position: Position) => ({ textDocument: { uri }, position });

/** The requests an editor sends while a user types. */
export const PROBES: Probe[] = [
  { method: 'textDocument/completion', positional: true, params: at },
  { method: 'textDocument/hover', positional: true, params: at },
  { method: 'textDocument/definition', positional: true, params: at },
  {
    method: 'textDocument/codeAction',
    positional: true,
    params: (uri, position) => ({ textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }),
  },
  { method: 'textDocument/documentSymbol', positional: false, params: (uri) => ({ textDocument: { uri } }) },
  { method: 'textDocument/foldingRange', positional: false, params: (uri) => ({ textDocument: { uri } }) },
  { method: TimelineRequest.method, positional: false, params: (uri) => ({ uri, today: '2026-06-01', render: 'panel' }) },
  { method: PortfolioTimelineRequest.method, positional: false, params: (uri) => ({ uri, render: 'panel' }) },
  { method: 'textDocument/documentHighlight', positional: true, params: at },
  {
    method: 'textDocument/formatting',
    positional: false,
    params: (uri) => ({ textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
    limitMs: formattingLimit,
  },
  {
    // The editor's own options: Format Selection right after Format Document reuses its result.
    method: 'textDocument/rangeFormatting',
    positional: false,
    params: (uri, position) => ({
      textDocument: { uri },
      range: { start: position, end: { line: position.line + 5, character: 0 } },
      options: { tabSize: 2, insertSpaces: true },
    }),
    limitMs: formattingLimit,
  },
  { method: 'textDocument/semanticTokens/full', positional: false, params: (uri) => ({ textDocument: { uri } }) },
  {
    method: 'textDocument/semanticTokens/range',
    positional: false,
    params: (uri, position) => ({ textDocument: { uri }, range: { start: position, end: { line: position.line + 50, character: 0 } } }),
  },
  { method: 'textDocument/documentLink', positional: false, params: (uri) => ({ textDocument: { uri } }) },
  { method: 'textDocument/codeLens', positional: false, params: (uri) => ({ textDocument: { uri } }) },
  // A shift of a channel most generated plans have; a stale version or an unknown channel is answered as a refusal.
  { method: RescheduleRequest.method, positional: false, params: (uri) => ({ uri, version: 1, channel: 'seo', shift: '+1w', cascade: true }) },
];

export interface OutputMark {
  stderr: number;
  logs: number;
}

export interface SessionStats {
  edits: number;
  diagnosticsAwaited: number;
  requests: number;
  /** The request that cost the server most (CPU time where it can be read). */
  slowestRequest: { label: string; cost: RequestCost };
  peakRssMb: number;
}

export interface ServerOptions extends StartOptions {
  /** Wall-clock time without an answer that counts as a hang (default 30 s). */
  hangMs?: number;
  /** `'wall'` measures requests as where /proc cannot be read (to test that fallback). */
  clock?: Clock;
  /** Keep every request's cost in `costs` (for the tests of the time checks). */
  recordCosts?: boolean;
}

/** One server process for a test file, with the counters and health checks every scenario needs. */
export class ServerUnderTest {
  readonly stats: SessionStats = { edits: 0, diagnosticsAwaited: 0, requests: 0, slowestRequest: { label: '', cost: { cpuMs: 0, wallMs: 0 } }, peakRssMb: 0 };
  private documentCounter = 0;
  private readonly meter: RequestMeter;
  private readonly hangMs: number;
  /** Every request's cost, when the options ask for it. */
  readonly costs: { label: string; cost: RequestCost }[] | undefined;

  private constructor(
    readonly client: LspClient,
    options: ServerOptions,
  ) {
    this.meter = new RequestMeter(client.process.pid!, options.clock);
    this.hangMs = options.hangMs ?? HANG_MS;
    this.costs = options.recordCosts ? [] : undefined;
  }

  static async start(options: ServerOptions = {}): Promise<ServerUnderTest> {
    await buildServer();
    return new ServerUnderTest(await LspClient.start(options), options);
  }

  /** Opens a new document (a fresh uri) holding `text`, and waits for its first diagnostics. */
  async open(text: string, name = 'doc'): Promise<EditedDocument> {
    const uri = `file:///robustness/${++this.documentCounter}-${name.replace(/[^\w-]+/g, '-').slice(0, 40)}.plan.yaml`;
    const document = new EditedDocument(this, uri, text);
    await this.client.open(uri, text, 1);
    await document.diagnostics();
    return document;
  }

  /** Asks `method`; a result or a non-internal LSP error within the CPU-time limit is an answer. */
  async ask(method: string, params: unknown, label: string, problems: string[], limitMs = ANSWER_CPU_LIMIT_MS): Promise<unknown> {
    const stop = this.meter.start();
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), this.hangMs)));
    const answer = this.client.request(method, params).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const outcome = await Promise.race([answer, hang]);
    clearTimeout(timer);
    const cost = stop();
    this.stats.requests++;
    this.costs?.push({ label, cost });
    if (costlier(cost, this.stats.slowestRequest.cost)) this.stats.slowestRequest = { label, cost };
    if (outcome === 'hang') {
      problems.push(`${label}: no answer after ${this.hangMs} ms`);
      return undefined;
    }
    const over = this.meter.overLimit(cost, limitMs);
    if (over !== undefined) problems.push(`${label}: ${over}`);
    if ('error' in outcome) {
      const error = outcome.error;
      if (!(error instanceof ResponseError)) problems.push(`${label}: not an LSP error: ${String(error)}`);
      else if (error.code === ErrorCodes.InternalError) problems.push(`${label}: internal error: ${error.message}`);
      return undefined;
    }
    return outcome.result;
  }

  /** The CPU time the server's main thread has used so far, in ms (undefined where it cannot be read). */
  cpuMs(): number | undefined {
    return mainThreadCpuMs(this.client.process.pid!);
  }

  /** Where the server's output stands now, so `health` can look only at what came after. */
  mark(): OutputMark {
    return { stderr: this.client.stderr.length, logs: this.client.logs.length };
  }

  /** Why the server is not healthy: it exited, something escaped a handler (since `from`), or it uses more than `rssLimitMb`. */
  health(from: OutputMark = { stderr: 0, logs: 0 }, rssLimitMb = RSS_LIMIT_MB): string[] {
    const problems: string[] = [];
    if (!this.client.alive) problems.push(`server exited (code ${this.client.process.exitCode}, signal ${this.client.process.signalCode})`);
    const stderr = this.client.stderr.slice(from.stderr);
    if (ESCAPED.test(stderr)) problems.push(`stderr: ${stderr.slice(0, 2000)}`);
    const escaped = this.client.logs.slice(from.logs).filter((message) => ESCAPED.test(message));
    if (escaped.length > 0) problems.push(`logged: ${escaped.slice(0, 3).join('\n').slice(0, 2000)}`);
    const rss = this.rssMb();
    if (rss !== undefined) {
      this.stats.peakRssMb = Math.max(this.stats.peakRssMb, rss);
      if (rss > rssLimitMb) problems.push(`server resident memory ${rss.toFixed(0)} MB > ${rssLimitMb} MB`);
    }
    return problems;
  }

  /** The server's resident set size from /proc (undefined where /proc is not there). */
  rssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.client.process.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
    } catch {
      return undefined;
    }
  }

  summary(): string {
    const { edits, diagnosticsAwaited, requests, slowestRequest, peakRssMb } = this.stats;
    return `edits ${edits}, diagnostics awaited ${diagnosticsAwaited}, requests ${requests}, slowest ${slowestRequest.label} ${describeCost(slowestRequest.cost)}, peak RSS ${peakRssMb.toFixed(0)} MB`;
  }

  stop(): Promise<number | null> {
    return this.client.stop();
  }
}

/** The markdown an editor renders from an answer: hover contents and completion documentation of kind markdown. */
function markdownIn(result: unknown): string[] {
  const markdown = (value: unknown): string[] => {
    const content = value as { kind?: unknown; value?: unknown } | null | undefined;
    return content?.kind === 'markdown' && typeof content.value === 'string' ? [content.value] : [];
  };
  const answer = result as { contents?: unknown; items?: { documentation?: unknown }[] } | unknown[] | null | undefined;
  if (!answer) return [];
  if (Array.isArray(answer)) return answer.flatMap((item) => markdown((item as { documentation?: unknown }).documentation));
  return [...markdown(answer.contents), ...(answer.items ?? []).flatMap((item) => markdown(item.documentation))];
}

/** An open document whose text this side mirrors with the same text-document implementation as the server. */
export class EditedDocument {
  private mirror: TextDocument;

  constructor(
    private readonly server: ServerUnderTest,
    readonly uri: string,
    text: string,
  ) {
    this.mirror = TextDocument.create(uri, 'marketing-plan', 1, text);
  }

  get text(): string {
    return this.mirror.getText();
  }

  get version(): number {
    return this.mirror.version;
  }

  /** Sends one didChange that turns the text into `next`: the smallest range replacement, as editors send. */
  async replaceWith(next: string): Promise<void> {
    const current = this.text;
    let start = 0;
    while (start < current.length && start < next.length && current[start] === next[start]) start++;
    let end = 0;
    while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
    await this.edit({
      range: { start: this.mirror.positionAt(start), end: this.mirror.positionAt(current.length - end) },
      text: next.slice(start, next.length - end),
    });
  }

  /** Inserts `text` at the end of the document. */
  async append(text: string): Promise<void> {
    const end = this.mirror.positionAt(this.text.length);
    await this.edit({ range: { start: end, end }, text });
  }

  async edit(change: TextDocumentContentChangeEvent): Promise<void> {
    const version = this.version + 1;
    this.mirror = TextDocument.update(this.mirror, [change], version);
    this.server.stats.edits++;
    await this.server.client.change(this.uri, version, [change]);
  }

  /** Waits for the diagnostics of the current version. */
  async diagnostics(): Promise<void> {
    const since = Math.max(0, this.server.client.received.length - 1);
    this.server.stats.diagnosticsAwaited++;
    await this.server.client.waitForDiagnostics(this.uri, (params) => params.version === this.version, since, 30_000);
  }

  /**
   * Sends every probe, one at a time so each is timed alone: the positional ones at the start,
   * the end and `count` positions drawn from `random`; then (unless `wholeDocument` is false:
   * only what is asked at a cursor) the whole-document ones and code actions for the whole
   * text with every diagnostic the server sent for it.
   */
  async probe(random: () => number, count: number, problems: string[], wholeDocument = true): Promise<void> {
    const length = this.text.length;
    const positions = [this.mirror.positionAt(0), this.mirror.positionAt(length)];
    for (let i = 0; i < count; i++) positions.push(this.mirror.positionAt(Math.floor(random() * (length + 1))));
    for (const probe of PROBES) {
      if (!probe.positional && !wholeDocument) continue;
      for (const position of probe.positional ? positions : [positions[0]!]) {
        const where = probe.positional ? ` at ${position.line}:${position.character}` : '';
        const label = `${probe.method}${where} of version ${this.version}`;
        const result = await this.server.ask(probe.method, probe.params(this.uri, position), label, problems, probe.limitMs?.(length));
        const unsafe = markdownIn(result).find((markdown) => UNSAFE_LINK.test(markdown));
        if (unsafe !== undefined) problems.push(`${label}: a command: or javascript: link in markdown: ${unsafe.slice(0, 500)}`);
      }
    }
    if (!wholeDocument) return;
    const sent = this.lastDiagnostics();
    const whole = { start: positions[0]!, end: positions[1]! };
    await this.server.ask(
      'textDocument/codeAction',
      { textDocument: { uri: this.uri }, range: whole, context: { diagnostics: sent } },
      `codeAction (all diagnostics) of version ${this.version}`,
      problems,
    );
  }

  /** The diagnostics the server sent last for this document. */
  lastDiagnostics(): Diagnostic[] {
    const received = this.server.client.received;
    for (let i = received.length - 1; i >= 0; i--) if (received[i]!.uri === this.uri) return received[i]!.diagnostics;
    return [];
  }

  async close(): Promise<void> {
    await this.server.client.close(this.uri);
  }
}
