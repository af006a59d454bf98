// The files Throughline reads, named once for the core, the server, the CLI and the client.

/** What a library's name ends with: KPIs, journey, owners and media that plans import. */
export const LIBRARY_FILE_SUFFIXES = ['.plan-library.yaml', '.plan-library.yml'] as const;

/** What a portfolio's name ends with: plans gathered under one budget and one objective. */
export const PORTFOLIO_FILE_SUFFIXES = ['.portfolio.yaml', '.portfolio.yml'] as const;

/** What a plan itself is named: the files a portfolio's `plans:` may name. */
export const PLAN_ONLY_FILE_SUFFIXES = ['.plan.yaml', '.plan.yml'] as const;

/** What a file in the plan language is named (compared without case): plans, then libraries, then portfolios. */
export const PLAN_FILE_SUFFIXES = [...PLAN_ONLY_FILE_SUFFIXES, ...LIBRARY_FILE_SUFFIXES, ...PORTFOLIO_FILE_SUFFIXES] as const;

/** The same as glob patterns, for file watchers, `workspaceContains` and `filenamePatterns`. */
export const PLAN_FILE_GLOBS: readonly string[] = PLAN_FILE_SUFFIXES.map((suffix) => `**/*${suffix}`);

/** How plans are named, for messages: `*.plan.yaml, *.plan.yml`. */
export const PLAN_FILE_NAMES = PLAN_FILE_SUFFIXES.map((suffix) => `*${suffix}`).join(', ');

export const CONFIG_FILE_NAME = '.throughline.yaml';
export const CONFIG_FILE_GLOB = `**/${CONFIG_FILE_NAME}`;

/** Folders never searched for plans. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * The one size limit: a file larger than this is not read (bytes on disk) and an open document
 * longer than this is not analyzed (characters). Plans are a few kilobytes; 5,000 channels
 * are about 1.5 MB.
 */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

/** True for a library's name or URI (`*.plan-library.yaml`). */
export function isLibraryFileName(name: string): boolean {
  const lower = name.toLowerCase().replace(/[?#].*$/, '');
  return LIBRARY_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** True for a portfolio's name or URI (`*.portfolio.yaml`). */
export function isPortfolioFileName(name: string): boolean {
  const lower = name.toLowerCase().replace(/[?#].*$/, '');
  return PORTFOLIO_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/**
 * The files in the order to check them: as given, with the portfolios moved last, so that each
 * plan checked first hands over what a portfolio reads of it (`LinkedFileStore.rememberPortfolioMember`)
 * and no plan is parsed twice.
 */
export function portfoliosLast(files: readonly string[]): string[] {
  return [...files.filter((file) => !isPortfolioFileName(file)), ...files.filter(isPortfolioFileName)];
}

/** True for a plan's own name (`*.plan.yaml`), not a library's or a portfolio's. */
export function isPlanOnlyFileName(name: string): boolean {
  const lower = name.toLowerCase().replace(/[?#].*$/, '');
  return PLAN_ONLY_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** The kinds of file in the plan language. */
export type FileKind = 'plan' | 'library' | 'portfolio';

/** What kind of file a name or URI is (a plan when it is neither a library nor a portfolio). */
export function fileKindOf(name: string | undefined): FileKind {
  if (name === undefined) return 'plan';
  if (isLibraryFileName(name)) return 'library';
  return isPortfolioFileName(name) ? 'portfolio' : 'plan';
}

export function isPlanFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return PLAN_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** `size` in megabytes, one decimal: what messages about the limit say. */
export function megabytes(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file was not read: the adapters act on the kind (a missing plan is forgotten, a large one reported). */
export type ReadProblemKind = 'missing' | 'not-a-file' | 'too-large' | 'binary' | 'not-utf8' | 'unreadable';

export type TextFile = { text: string } | { problem: string; kind: ReadProblemKind };

/**
 * A file's bytes as text, or in a few words why they are not a text file Throughline reads:
 * larger than the limit, binary (NUL bytes) or not UTF-8. A UTF-8 byte order mark is kept
 * (the parser and the line index handle it).
 */
export function decodeTextFile(bytes: Uint8Array): TextFile {
  if (bytes.byteLength > MAX_FILE_SIZE) return tooLarge(bytes.byteLength);
  if (bytes.includes(0)) return { problem: 'binary file (it contains NUL bytes), not a plan', kind: 'binary' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { problem: 'not UTF-8 text, not a plan', kind: 'not-utf8' };
  }
}

export function tooLarge(size: number): TextFile {
  return { problem: `too large (${megabytes(size)}; the limit is ${megabytes(MAX_FILE_SIZE)})`, kind: 'too-large' };
}
