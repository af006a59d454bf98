import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { publishable } from './diagnosticsPublisher.js';
import { DocumentCache, MAX_PLAN_SIZE, tooLarge } from './documentCache.js';
import { describeError, type Logger } from './guard.js';
import { findPlanFiles } from './workspaceScan.js';

/**
 * The plans of the workspace folders that are not open in the editor: found at start,
 * re-read when the client reports a change on disk, their diagnostics published without a
 * version. Open documents are the editor's business and are skipped.
 */
export class WorkspacePlans {
  private folders = new Set<string>();
  private readonly known = new Set<string>();
  private scanGeneration = 0;

  constructor(
    private readonly connection: Connection,
    private readonly cache: DocumentCache,
    private readonly isOpen: (uri: string) => boolean,
    private readonly log: Logger,
  ) {}

  /** Folder URIs; only `file:` folders can be scanned. */
  setFolders(uris: Iterable<string>): void {
    this.folders = new Set([...uris].filter((uri) => uri.startsWith('file:')));
  }

  addFolders(uris: string[]): Promise<void> {
    for (const uri of uris) if (uri.startsWith('file:')) this.folders.add(uri);
    return this.scan(uris);
  }

  removeFolders(uris: string[]): void {
    for (const folder of uris) {
      this.folders.delete(folder);
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      for (const uri of [...this.known]) if (uri.startsWith(prefix)) this.removed(uri);
    }
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
      if (!folder.startsWith('file:')) continue;
      const { files, truncated } = await findPlanFiles(fileURLToPath(folder), undefined, cancelled);
      if (truncated && !cancelled())
        this.log.warn(`${folder}: the workspace is large; only the first ${files.length} plan files found are checked until they are opened.`);
      for (const file of files) {
        if (cancelled()) return;
        await this.refresh(pathToFileURL(file).href);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Reads a plan from disk and publishes its diagnostics, unless it is open in the editor. */
  async refresh(uri: string): Promise<void> {
    if (this.isOpen(uri)) return;
    try {
      const path = fileURLToPath(uri);
      const info = await stat(path);
      if (!info.isFile()) return this.removed(uri);
      this.known.add(uri);
      const doc = info.size > MAX_PLAN_SIZE ? { analysis: tooLarge(info.size) } : this.cache.forDisk(uri, await readFile(path, 'utf8'));
      if (this.isOpen(uri)) return; // opened while it was being read
      await this.connection.sendDiagnostics({ uri, diagnostics: publishable(doc.analysis.diagnostics) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.removed(uri);
      this.log.warn(`cannot check ${uri}: ${describeError(error)}`);
    }
  }

  /** The plan is gone from disk: forget it and clear its diagnostics. */
  removed(uri: string): void {
    this.known.delete(uri);
    this.cache.forgetDisk(uri);
    if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-checks every known plan that is not open (after a settings or config file change). */
  async recheck(): Promise<void> {
    for (const uri of [...this.known]) {
      await this.refresh(uri);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  stop(): void {
    this.scanGeneration++;
  }
}
