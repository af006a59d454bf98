import type { Analysis } from '../analyze.js';
import { DerivedValues, type LinkedFiles } from '../actuals/linkedFiles.js';
import { isLinkedFileUri } from '../actuals/references.js';
import type { Diagnostic } from '../types.js';
import type { TextFile } from './files.js';
import { fileKindOf, MAX_FILE_SIZE, tooLarge } from './files.js';
import { portfolioMemberFacts, PORTFOLIO_MEMBER_FACTS } from '../portfolio/portfolio.js';
import { isInsideFolder } from './uris.js';

/** How many times an adapter loads newly named files and analyzes again (libraries importing libraries). */
const MAX_IMPORT_ROUNDS = 16;
import type { WorkspaceHost } from './host.js';

/** Plan files listed at most per folder a portfolio's glob searches. */
const LISTING_LIMITS = { maxFolders: 20_000, maxFiles: 5_000 };

/**
 * The files plans reference (actuals CSVs, imported libraries, a portfolio's member plans and
 * the folders its globs search), read through the host and kept by URI; which plans read which
 * file; and each file's diagnostics, merged over the plans that read it. An open editor's text of a file wins over the disk. The language
 * server re-reads a file when the client reports it changed and re-checks its dependants;
 * the CLI loads each file once.
 */
export class LinkedFileStore {
  /** What each file read last gave; a re-read in flight leaves it in place (`reading`). */
  private readonly disk = new Map<string, TextFile>();
  /** Reads in flight. */
  private readonly reading = new Map<string, Promise<TextFile>>();
  private readonly open = new Map<string, string>();
  /** Folder → the plan files below it (`host.findPlans`), for portfolio globs. */
  private readonly listings = new Map<string, Promise<readonly string[]> | readonly string[]>();
  /** Plan → the files its last analysis referenced. */
  private readonly planFiles = new Map<string, string[]>();
  /** File → plan → that plan's diagnostics of the file. */
  private readonly fileDiagnostics = new Map<string, Map<string, Diagnostic[]>>();
  /** What analyses derived from each file's text (a library's model), while the text is the same. */
  private readonly derivedValues = new DerivedValues();
  private generation = 0;

  constructor(private readonly host: WorkspaceHost) {}

  /** What every plan's analysis reads the files through; its key changes whenever any file's content does. */
  snapshot(): LinkedFiles {
    const key = `linked:${this.generation}`;
    const get = (uri: string): TextFile | undefined => {
      const text = this.open.get(uri);
      if (text !== undefined) return text.length > MAX_FILE_SIZE ? tooLarge(text.length) : { text };
      // While a file is read again, analyses see what it held: a snapshot key names one content for it.
      return this.disk.get(uri);
    };
    return {
      key,
      get,
      derived: (uri, kind, derive) => {
        const file = get(uri);
        return file && 'text' in file ? this.derivedValues.get(uri, file.text, kind, derive) : undefined;
      },
      list: (folder) => {
        const listing = this.listings.get(folder);
        return listing === undefined || listing instanceof Promise ? undefined : listing;
      },
    };
  }

  /** Reads the files not read yet (the plan's analysis then finds them in the snapshot). */
  async load(uris: Iterable<string>): Promise<void> {
    const pending: Promise<unknown>[] = [];
    for (const uri of uris) {
      if (this.open.has(uri)) continue;
      const inFlight = this.reading.get(uri);
      if (inFlight) pending.push(inFlight);
      else if (!this.disk.has(uri)) pending.push(this.read(uri));
    }
    await Promise.all(pending);
  }

  /** The analysis's referenced files (actuals CSVs, imported libraries, a portfolio's plans) that are not in the store yet. */
  missing(analysis: Analysis): string[] {
    const csvs = analysis.tracking.files.flatMap((file) => (file.state.status === 'not-loaded' && file.reference.uri ? [file.reference.uri] : []));
    return [...csvs, ...(analysis.model.imported?.notLoaded ?? []), ...(analysis.portfolio?.notLoaded ?? [])];
  }

  /** The folders a portfolio's globs search that are not listed yet. */
  missingFolders(analysis: Analysis): string[] {
    return (analysis.portfolio?.foldersNotListed ?? []).filter((folder) => !(this.listings.get(folder) instanceof Array));
  }

  /** Reads the files and lists the folders the analysis names that are not in the store yet; true when there were any. */
  async loadMissing(analysis: Analysis): Promise<boolean> {
    const files = this.missing(analysis);
    const folders = this.missingFolders(analysis);
    if (files.length === 0 && folders.length === 0) return false;
    await Promise.all([this.load(files), this.list(folders)]);
    return true;
  }

  /** Lists the plan files below each folder not listed yet (a portfolio's globs are matched against them). */
  async list(folders: Iterable<string>): Promise<void> {
    const pending: Promise<unknown>[] = [];
    for (const folder of folders) {
      const known = this.listings.get(folder);
      if (known instanceof Promise) pending.push(known);
      else if (known === undefined) pending.push(this.readListing(folder));
    }
    await Promise.all(pending);
  }

  /**
   * Loads what the analysis names and analyzes again until nothing is missing: a library read
   * may import another, a portfolio's plan a library. Bounded, so a chain that keeps growing cannot hold the adapter.
   */
  async loadAll(analysis: Analysis, again: () => Analysis): Promise<Analysis> {
    let current = analysis;
    for (let round = 0; round < MAX_IMPORT_ROUNDS; round++) {
      if (!(await this.loadMissing(current))) break;
      current = again();
    }
    return current;
  }

  /**
   * A plan file was created or deleted: the listings of the folders holding it are read again
   * when next needed. Returns the files (portfolios) whose globs searched those folders.
   */
  planAddedOrRemoved(uri: string): string[] {
    const folders = [...this.listings.keys()].filter((folder) => isInsideFolder(uri, folder));
    if (folders.length === 0) return [];
    for (const folder of folders) this.listings.delete(folder);
    this.generation++;
    return [...new Set(folders.flatMap((folder) => this.dependants(folder)))];
  }

  /** The file changed on disk: read it again if a plan reads it. True when its content changed. */
  async changedOnDisk(uri: string): Promise<boolean> {
    if (!this.disk.has(uri) && !this.reading.has(uri)) return false;
    const before = this.disk.get(uri);
    const after = await this.read(uri);
    return before === undefined || !sameFile(before, after);
  }

  /**
   * Hands over a value the adapter has already derived from a file's text (a closed plan's
   * portfolio facts, from its own analysis): a portfolio reading that text finds it and does
   * not parse the plan again.
   */
  remember<T>(uri: string, text: string, kind: string, value: T): void {
    this.derivedValues.get(uri, text, kind, () => value);
  }

  /** A plan just analyzed from its file's text: what a portfolio reads of it, handed over (`remember`). */
  rememberPortfolioMember(planUri: string, analysis: Analysis): void {
    if (fileKindOf(planUri) === 'plan') this.remember(planUri, analysis.model.text, PORTFOLIO_MEMBER_FACTS, portfolioMemberFacts(analysis.model));
  }

  /** An editor opened or changed the file: its text wins over the disk. */
  setOpen(uri: string, text: string): void {
    if (this.open.get(uri) === text) return;
    this.open.set(uri, text);
    this.generation++;
  }

  /** True when the store already holds this editor text for the file. */
  isOpenText(uri: string, text: string): boolean {
    return this.open.get(uri) === text;
  }

  /** The editor closed it: the disk counts again (read afresh, it may have been saved). */
  async closeOpen(uri: string): Promise<void> {
    if (!this.open.delete(uri)) return;
    this.generation++;
    if (this.disk.has(uri) || this.reading.has(uri)) await this.read(uri);
  }

  /** Plans whose last analysis referenced the file. */
  dependants(uri: string): string[] {
    return [...this.planFiles].filter(([, files]) => files.includes(uri)).map(([plan]) => plan);
  }

  isReferenced(uri: string): boolean {
    return this.dependants(uri).length > 0;
  }

  /**
   * Records what a plan's analysis referenced and its diagnostics of those files; returns the
   * files whose merged diagnostics may have changed (to publish again).
   */
  record(planUri: string, analysis: Analysis): string[] {
    const files = analysis.tracking.files.flatMap((file) => (file.reference.uri ? [file.reference.uri] : []));
    const before = (this.planFiles.get(planUri) ?? []).filter((uri) => isLinkedFileUri(uri));
    // Libraries, a portfolio's plans and the folders its globs search make the file a dependant
    // (an edit re-checks it) but have no linked diagnostics: a library's or a plan's problems
    // are its own analysis's, published as a plan's are.
    const libraries = [...(analysis.model.imported?.named ?? []), ...(analysis.portfolio?.named ?? [])];
    const all = [...files, ...libraries];
    if (all.length === 0) this.planFiles.delete(planUri);
    else this.planFiles.set(planUri, all);
    const touched = new Set([...before, ...files]);
    for (const uri of before) if (!files.includes(uri)) this.fileDiagnostics.get(uri)?.delete(planUri);
    for (const uri of files) {
      let byPlan = this.fileDiagnostics.get(uri);
      if (!byPlan) this.fileDiagnostics.set(uri, (byPlan = new Map()));
      byPlan.set(planUri, analysis.linkedDiagnostics.get(uri) ?? []);
    }
    return [...touched];
  }

  /** The plan is gone (closed and not in the workspace, or deleted): its files' diagnostics without it. */
  forget(planUri: string): string[] {
    const files = (this.planFiles.get(planUri) ?? []).filter((uri) => isLinkedFileUri(uri));
    this.planFiles.delete(planUri);
    for (const uri of files) this.fileDiagnostics.get(uri)?.delete(planUri);
    return files;
  }

  /**
   * A file's diagnostics: a problem is shown when every plan that reads the file finds it (a
   * row's id may belong to one plan and not another; the file's own problems every plan finds).
   */
  diagnosticsOf(uri: string): Diagnostic[] {
    const byPlan = [...(this.fileDiagnostics.get(uri)?.values() ?? [])];
    if (byPlan.length === 0) return [];
    const [first, ...others] = byPlan;
    const at = (diagnostic: Diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character}`;
    const everywhere = others.map((list) => new Set(list.map(at)));
    return first!.filter((diagnostic) => everywhere.every((set) => set.has(at(diagnostic))));
  }

  private readListing(folder: string): Promise<readonly string[]> {
    const settle = (uris: readonly string[]) => {
      if (this.listings.get(folder) !== listing) return uris;
      this.listings.set(folder, uris);
      this.generation++;
      return uris;
    };
    const listing: Promise<readonly string[]> = this.host.findPlans(folder, LISTING_LIMITS).then(
      (search) => settle(search.uris),
      () => settle([]),
    );
    this.listings.set(folder, listing);
    return listing;
  }

  /** Reads the file; the last read started wins. The content is only replaced, and the key only changes, when the read settles with another content. */
  private read(uri: string): Promise<TextFile> {
    const settle = (file: TextFile) => {
      if (this.reading.get(uri) !== reading) return file;
      this.reading.delete(uri);
      const previous = this.disk.get(uri);
      this.disk.set(uri, file);
      if (previous === undefined || !sameFile(previous, file)) this.generation++;
      return file;
    };
    const reading: Promise<TextFile> = this.host
      .readTextFile(uri)
      .then(settle, (error: unknown) => settle({ problem: `cannot read: ${(error as Error)?.message ?? String(error)}`, kind: 'unreadable' }));
    this.reading.set(uri, reading);
    return reading;
  }
}

function sameFile(a: TextFile, b: TextFile): boolean {
  if ('text' in a && 'text' in b) return a.text === b.text;
  return 'kind' in a && 'kind' in b && a.kind === b.kind;
}
