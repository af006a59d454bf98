import {
  analyzeText,
  createParseState,
  runRules,
  type Analysis,
  type AnalyzeOptions,
  type Diagnostic,
  type ParseState,
  type PlanDocument,
} from './core/index.js';

/** Plans larger than this are not analyzed: one diagnostic says so. */
export const MAX_PLAN_SIZE = 5 * 1024 * 1024;

interface Entry {
  doc: PlanDocument;
  /** The settings generation the diagnostics were computed with. */
  generation: number;
  text: string;
}

interface OpenEntry {
  state: ParseState;
  current: Entry | undefined;
}

/**
 * One analysis per (uri, version), computed on first use and shared by diagnostics and every
 * request. Open documents are parsed incrementally; plans read from disk (workspace files not
 * open in the editor) are kept too, for workspace symbols. A settings change only re-runs
 * the rules over the parsed model.
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
      if (current.generation !== this.generation) entry.current = this.rerun(current);
      return entry.current!.doc;
    }
    const source = text();
    entry.current = { doc: { uri, version, analysis: this.analyze(uri, version, source, entry.state) }, generation: this.generation, text: source };
    return entry.current.doc;
  }

  /** The analysis of a plan read from disk; the same text is not analyzed twice. */
  forDisk(uri: string, text: string): PlanDocument {
    const known = this.disk.get(uri);
    if (known && known.text === text) {
      if (known.generation !== this.generation) this.disk.set(uri, this.rerun(known));
      return this.disk.get(uri)!.doc;
    }
    const entry = { doc: { uri, version: 0, analysis: this.analyze(uri, 0, text, undefined) }, generation: this.generation, text };
    this.disk.set(uri, entry);
    return entry.doc;
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

  private analyze(uri: string, version: number, text: string, state: ParseState | undefined): Analysis {
    if (text.length > MAX_PLAN_SIZE) return tooLarge(text.length);
    const started = performance.now();
    const analysis = analyzeText(text, this.optionsFor(uri), state);
    this.onAnalyzed(uri, version, performance.now() - started, state?.last);
    return analysis;
  }

  private rerun(entry: Entry): Entry {
    const { analysis } = entry.doc;
    if (entry.text.length > MAX_PLAN_SIZE) return { ...entry, generation: this.generation };
    const diagnostics = runRules(analysis.parsed, analysis.model, this.optionsFor(entry.doc.uri));
    return { doc: { ...entry.doc, analysis: { parsed: analysis.parsed, model: analysis.model, diagnostics } }, generation: this.generation, text: entry.text };
  }
}

/** The analysis of an empty plan, with one diagnostic saying why the file was not read. */
export function tooLarge(size: number): Analysis {
  const { parsed, model } = analyzeText('');
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    code: 'file-too-large',
    source: 'throughline',
    message: `This plan is ${(size / 1024 / 1024).toFixed(1)} MB; plans over ${MAX_PLAN_SIZE / 1024 / 1024} MB are not checked. Split it into smaller plans.`,
  };
  return { parsed, model, diagnostics: [diagnostic] };
}
