import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PlanDocument } from './core/index.js';
import { describeError, type Logger } from './guard.js';
import { AnalysisChangedNotification, type AnalysisChangedParams } from './protocol.js';

/**
 * Sends diagnostics of open documents: at once on open, after a short quiet period on
 * change (a burst of keystrokes is analyzed once, for its last version), never twice for
 * the same version and settings.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: { get(uri: string): TextDocument | undefined },
    private readonly analyze: (document: TextDocument) => PlanDocument,
    private readonly delay: () => number,
    /** Changes whenever the same version must be analyzed and sent again (settings, a plan's config file found). */
    private readonly generation: (uri: string) => string,
    private readonly log: Logger,
    /** Hears of every plan published (the server then publishes the diagnostics of the files it references). */
    private readonly onPublished: (uri: string, doc: PlanDocument) => void = () => {},
  ) {}

  now(uri: string): void {
    this.cancel(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    const stamp = `${document.version}:${this.generation(uri)}`;
    if (this.sent.get(uri) === stamp) return;
    const doc = this.analyze(document);
    const { analysis, version } = doc;
    this.sent.set(uri, stamp);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: publishable(analysis.diagnostics) });
    const changed: AnalysisChangedParams = { uri, version };
    void this.connection.sendNotification(AnalysisChangedNotification, changed);
    this.onPublished(uri, doc);
  }

  later(uri: string): void {
    this.cancel(uri);
    const version = this.documents.get(uri)?.version;
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      // A newer change has its own timer; this version is superseded.
      try {
        if (this.documents.get(uri)?.version === version) this.now(uri);
      } catch (error) {
        this.log.error(`diagnostics for ${uri} failed: ${describeError(error)}`);
      }
    }, this.delay());
    this.timers.set(uri, timer);
  }

  /** The document was closed: stop waiting for it and forget what was sent. */
  forget(uri: string): void {
    this.cancel(uri);
    this.sent.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}

/**
 * Editors show at most about a thousand problems per file (VS Code drops the rest); a pasted
 * file with tens of thousands would cost tens of megabytes per keystroke on the wire.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/** The diagnostics to send: all of them, or the most severe first up to the limit and one saying how many were left out. */
export function publishable(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => a.severity - b.severity).slice(0, MAX_PUBLISHED_DIAGNOSTICS - 1);
  const omitted = diagnostics.length - kept.length;
  const note: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    code: 'too-many-problems',
    source: 'throughline',
    message: `Throughline found ${diagnostics.length} problems in this plan and shows the ${kept.length} most severe; fix those (or run \`throughline check\`) to see the other ${omitted}.`,
  };
  return [...kept, note];
}
