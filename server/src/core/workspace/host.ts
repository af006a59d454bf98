import type { TextFile } from './files.js';

// The seam between the pure core and the world it runs in. The Node host (server/src/node/)
// reads the file system; a web host would answer through the editor's file system. Everything
// is named by URI, so plans on virtual file systems work the same. The core calls a host and
// never does I/O itself.

export interface PlanSearch {
  /** Plan files found, sorted by path within each folder, each once. */
  uris: string[];
  /** Folders that could not be listed, and why in a few words. */
  unreadable: { uri: string; problem: string }[];
  /** True when a limit stopped the search before the whole tree was seen. */
  truncated: boolean;
}

export interface PlanSearchLimits {
  /** Folders listed at most (a home folder opened as a workspace stays cheap). */
  maxFolders: number;
  /** Plan files returned at most. */
  maxFiles: number;
}

export interface RuleDocs {
  /** `<baseUri><rule>.md` is the rule's page. */
  baseUri: string;
  /** The page's Markdown when the pages are installed beside the program (SARIF carries it as the rule's help). */
  page(rule: string): string | undefined;
}

export interface WorkspaceHost {
  /** A text file's content, or in a few words why it cannot be read (missing, too large, binary, not UTF-8 …). */
  readTextFile(uri: string): Promise<TextFile>;
  /** Whether `uri` names a regular file (a symbolic link to one counts). */
  isFile(uri: string): Promise<boolean>;
  /**
   * Every plan file below a folder: `node_modules` and `.git` are skipped; symbolic links to
   * files are followed, links to folders never (they could loop). `cancelled()` stops early.
   */
  findPlans(folderUri: string, limits?: Partial<PlanSearchLimits>, cancelled?: () => boolean): Promise<PlanSearch>;
  /** Where the rule pages are. */
  readonly ruleDocs: RuleDocs;
  /** Today's date where the user is, `YYYY-MM-DD`. */
  today(): string;
}
