import {
  analysisOf,
  analyzeLean,
  analyzeText,
  compacted,
  createParseState,
  type Analysis,
  type AnalyzeOptions,
  type Diagnostic,
  type ParseState,
  type PlanDocument,
  type ReadProblemKind,
  MAX_FILE_SIZE,
  tooLarge,
} from './core/index.js';

interface Entry {
  doc: PlanDocument;
  /** The settings generation the diagnostics were computed with. */
  generation: number;
  /** The analysis options they were computed with, as a key: a plan's config file may be found after its first analysis. */
  optionsKey: string;
  text: string;
}

interface OpenEntry {
  state: ParseState;
  current: Entry | undefined;
}

/**
 * One analysis per (uri, version), computed on first use and shared by diagnostics and every
 * request. Open documents are parsed incrementally; plans read from disk (workspace files not
 * open in the editor) are kept too, lean (`analyzeLean`: the model and what the rules read,
 * without the YAML tree), for workspace symbols and their diagnostics. A settings change or a
 * library change only re-runs the rules over the model.
 */
export class DocumentCache {
  private readonly open = new Map<string, OpenEntry>();
  private readonly disk = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly optionsFor: (uri: string) => AnalyzeOptions,
    /** Hears of each analysis: how long its parse and model took, and how it parsed (for `throughline.trace.server: verbose` and tests). */
    private readonly onAnalyzed: (uri: string, version: number, milliseconds: number, parse: ParseState['last'] | undefined) => void = () => {},
  ) {}

  /** The analysis of an open document's version. */
  forOpen(uri: string, version: number, text: () => string): PlanDocument {
    let entry = this.open.get(uri);
    if (!entry) {
      entry = { state: createParseState(), current: undefined };
      this.open.set(uri, entry);
    }
    const current = entry.current;
    if (current && current.doc.version === version) {
      if (this.stale(current)) entry.current = this.rerun(current);
      return entry.current!.doc;
    }
    const source = text();
    entry.current = this.entry(uri, version, source, entry.state);
    return entry.current.doc;
  }

  /** The analysis of a plan read from disk; the same text is not analyzed twice. */
  forDisk(uri: string, text: string): PlanDocument {
    const known = this.disk.get(uri);
    if (known && known.text === text) {
      if (this.stale(known)) this.disk.set(uri, this.rerun(known));
      return this.disk.get(uri)!.doc;
    }
    const entry = this.entry(uri, 0, text, undefined);
    this.disk.set(uri, entry);
    return entry.doc;
  }

  /** A plan on disk whose diagnostics were published: keeps what they and the features on a closed plan need, and drops what deriving them built. */
  compact(uri: string): void {
    const entry = this.disk.get(uri);
    if (!entry || this.stale(entry)) return;
    this.disk.set(uri, { ...entry, doc: { ...entry.doc, analysis: compacted(entry.doc.analysis, this.optionsFor(uri)) } });
  }

  /** A plan on disk that could not be read: one diagnostic says why. */
  forUnreadable(uri: string, problem: { problem: string; kind: ReadProblemKind }): PlanDocument {
    this.disk.delete(uri);
    return { uri, version: 0, analysis: notRead(problem) };
  }

  /** The latest analysis of a document, open or read from disk, without analyzing anything. */
  peek(uri: string): PlanDocument | undefined {
    return this.open.get(uri)?.current?.doc ?? this.disk.get(uri)?.doc;
  }

  close(uri: string): void {
    this.open.delete(uri);
  }

  forgetDisk(uri: string): void {
    this.disk.delete(uri);
  }

  /** The text a plan on disk was last analyzed from (undefined when it is not kept). */
  diskText(uri: string): string | undefined {
    return this.disk.get(uri)?.text;
  }

  diskUris(): string[] {
    return [...this.disk.keys()];
  }

  /** Settings changed: every analysis re-runs its rules when next asked for. */
  settingsChanged(): void {
    this.generation++;
  }

  /** Open documents first, then plans known from disk that are not open. */
  *all(): Iterable<PlanDocument> {
    for (const entry of this.open.values()) if (entry.current) yield entry.current.doc;
    for (const [uri, entry] of this.disk) if (!this.open.get(uri)?.current) yield entry.doc;
  }

  private entry(uri: string, version: number, text: string, state: ParseState | undefined): Entry {
    const options = this.optionsFor(uri);
    const doc = { uri, version, analysis: this.analyze(uri, version, text, state, options) };
    return { doc, generation: this.generation, optionsKey: JSON.stringify(options), text };
  }

  private analyze(uri: string, version: number, text: string, state: ParseState | undefined, options: AnalyzeOptions): Analysis {
    if (text.length > MAX_FILE_SIZE) return notRead(tooLarge(text.length) as { problem: string; kind: ReadProblemKind });
    const started = performance.now();
    // A plan read from disk is kept lean (its model, no YAML tree): opening it parses it again.
    const analysis = state ? analyzeText(text, options, state) : analyzeLean(text, options);
    this.onAnalyzed(uri, version, performance.now() - started, state?.last);
    return analysis;
  }

  private stale(entry: Entry): boolean {
    return entry.generation !== this.generation || entry.optionsKey !== JSON.stringify(this.optionsFor(entry.doc.uri));
  }

  private rerun(entry: Entry): Entry {
    const { analysis } = entry.doc;
    const options = this.optionsFor(entry.doc.uri);
    const rerun = { ...entry, generation: this.generation, optionsKey: JSON.stringify(options) };
    if (entry.text.length > MAX_FILE_SIZE) return rerun;
    return { ...rerun, doc: { ...entry.doc, analysis: analysisOf(analysis.parsed, analysis.model, options) } };
  }
}

/** The analysis of an empty plan, with one diagnostic saying why the file was not read. */
export function notRead(problem: { problem: string; kind: ReadProblemKind }): Analysis {
  const { parsed, model } = analyzeText('');
  const tooLarge = problem.kind === 'too-large';
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    code: tooLarge ? 'file-too-large' : 'file-unreadable',
    source: 'throughline',
    message: `This ${tooLarge ? 'plan' : 'file'} is not checked: ${problem.problem}.${tooLarge ? ' Split it into smaller plans.' : ''}`,
  };
  return analysisOf(parsed, model, {}, () => [diagnostic]);
}
