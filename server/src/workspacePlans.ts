import type { Connection } from 'vscode-languageserver';
import { isInsideFolder, portfoliosLast, type PlanDocument, type TextFile, type WorkspaceHost } from './core/index.js';
import { publishable } from './diagnosticsPublisher.js';
import type { DocumentCache } from './documentCache.js';
import type { Logger } from './guard.js';

/** Folders listed and plan files checked at most per workspace folder. */
const SEARCH_LIMITS = { maxFolders: 20_000, maxFiles: 5_000 };

/**
 * The plans of the workspace folders that are not open in the editor: found at start through
 * the host, re-read when the client reports a change on disk, their diagnostics published
 * without a version. Open documents are the editor's business and are skipped.
 */
export class WorkspacePlans {
  private folders = new Set<string>();
  private readonly known = new Set<string>();
  private scanGeneration = 0;
  private checked = 0;

  constructor(
    private readonly connection: Connection,
    private readonly host: WorkspaceHost,
    private readonly cache: DocumentCache,
    private readonly isOpen: (uri: string) => boolean,
    /** Waits until the plan's analysis options are known (its config file looked up). */
    private readonly prepare: (uri: string) => Promise<void>,
    private readonly log: Logger,
    /** Reads the files the plan references that are not read yet; true when it read any (the plan is analyzed again with them). */
    private readonly loadLinked: (doc: PlanDocument) => Promise<boolean> = async () => false,
    /** Hears of every plan published, and of every plan forgotten (doc undefined). */
    private readonly onPublished: (uri: string, doc: PlanDocument | undefined) => void = () => {},
    /** Hears of every plan read from disk (`throughline.trace.server: verbose`, and tests). */
    private readonly onRead: (uri: string) => void = () => {},
  ) {}

  setFolders(uris: Iterable<string>): void {
    this.folders = new Set(uris);
  }

  addFolders(uris: string[]): Promise<void> {
    for (const uri of uris) this.folders.add(uri);
    return this.scan(uris);
  }

  removeFolders(uris: string[]): void {
    for (const folder of uris) {
      this.folders.delete(folder);
      for (const uri of [...this.known]) if (isInsideFolder(uri, folder)) this.removed(uri);
    }
  }

  /** Plans checked since the server started: how much work a bulk operation did. */
  get checkedCount(): number {
    return this.checked;
  }

  /** Knows this plan from the workspace scan (so closing its editor shows its on-disk diagnostics again). */
  has(uri: string): boolean {
    return this.known.has(uri);
  }

  /** Finds and checks every plan below the given folders (default: all of them); a newer scan stops an older one. */
  async scan(folderUris: Iterable<string> = this.folders): Promise<void> {
    const generation = ++this.scanGeneration;
    const cancelled = () => generation !== this.scanGeneration;
    for (const folder of [...folderUris]) {
      const { uris, unreadable, truncated } = await this.host.findPlans(folder, SEARCH_LIMITS, cancelled);
      if (cancelled()) return;
      for (const { uri, problem } of unreadable) this.log.info(`${uri}: ${problem}; skipped`);
      if (truncated) this.log.warn(`${folder}: the workspace is large; only the first ${uris.length} plan files found are checked until they are opened.`);
      for (const uri of portfoliosLast(uris)) {
        if (cancelled()) return;
        await this.refresh(uri);
        await yieldToRequests();
      }
    }
  }

  /** Reads a plan through the host and publishes its diagnostics, unless it is open in the editor. */
  async refresh(uri: string): Promise<void> {
    if (this.isOpen(uri)) return;
    this.onRead(uri);
    const file = await this.host.readTextFile(uri);
    return this.check(uri, file);
  }

  /**
   * A file the plan imports changed: checks the plan again from the text last read, without
   * reading or parsing it again (its rules re-run over its model); read when it is not known.
   */
  async dependencyChanged(uri: string): Promise<void> {
    if (this.isOpen(uri)) return;
    const text = this.cache.diskText(uri);
    if (text === undefined) return this.refresh(uri);
    return this.check(uri, { text });
  }

  private async check(uri: string, file: TextFile): Promise<void> {
    if ('problem' in file && (file.kind === 'missing' || file.kind === 'not-a-file')) return this.removed(uri);
    if ('problem' in file && file.kind === 'unreadable') {
      this.log.warn(`cannot check ${uri}: ${file.problem}`);
      return;
    }
    this.known.add(uri);
    this.checked++;
    await this.prepare(uri);
    let doc = 'problem' in file ? this.cache.forUnreadable(uri, file) : this.cache.forDisk(uri, file.text);
    // A library read may import another: load and analyze again until nothing new is named (bounded).
    for (let round = 0; round < 16 && 'text' in file && (await this.loadLinked(doc)); round++) doc = this.cache.forDisk(uri, file.text);
    if (this.isOpen(uri)) return; // opened while it was being read
    await this.connection.sendDiagnostics({ uri, diagnostics: publishable(doc.analysis.diagnostics) });
    this.onPublished(uri, doc);
    this.cache.compact(uri);
  }

  /** The plan is gone from disk: forget it and clear its diagnostics. */
  removed(uri: string): void {
    this.known.delete(uri);
    this.cache.forgetDisk(uri);
    if (!this.isOpen(uri)) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.onPublished(uri, undefined);
    }
  }

  /** Re-checks every known plan that is not open (after a settings or config file change). */
  async recheck(): Promise<void> {
    for (const uri of [...this.known]) {
      await this.refresh(uri);
      await yieldToRequests();
    }
  }

  stop(): void {
    this.scanGeneration++;
  }
}

/** Lets requests that arrived meanwhile be answered between two files (setImmediate where there is one: a timer waits a millisecond). */
function yieldToRequests(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
