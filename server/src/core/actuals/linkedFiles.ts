import type { TextFile } from '../workspace/files.js';
import { parseActualsCsv, type ParsedActualsCsv } from './csv.js';

/**
 * A read-only snapshot of the files plans reference, by URI, as an adapter read them through
 * its host (an open editor's text wins over the disk). A file that could not be read is there
 * with its problem; a file not in the snapshot was not loaded (the plan is analyzed without it).
 */
export interface LinkedFiles {
  get(uri: string): TextFile | undefined;
  /**
   * Every plan file below a folder (as `WorkspaceHost.findPlans` lists it), for a portfolio's
   * globs; undefined when the adapter has not listed the folder yet.
   */
  list?(folderUri: string): readonly string[] | undefined;
  /** Changes whenever any file's content does, for caches keyed by the analysis options. */
  readonly key: string;
  /**
   * What `derive` makes of the file's text (a library's model), kept with the files while
   * that text is the same: it runs once per text and `kind`, whichever plan asks. Undefined
   * when the file holds no text.
   */
  derived?<T>(uri: string, kind: string, derive: (text: string) => T): T | undefined;
}

/** The values derived from each file's text, by URI and kind, dropped when the text changes: what `LinkedFiles.derived` answers from. */
export class DerivedValues {
  private readonly byUri = new Map<string, { text: string; values: Map<string, unknown> }>();

  get<T>(uri: string, text: string, kind: string, derive: (text: string) => T): T {
    let known = this.byUri.get(uri);
    if (!known || known.text !== text) this.byUri.set(uri, (known = { text, values: new Map() }));
    if (!known.values.has(kind)) known.values.set(kind, derive(text));
    return known.values.get(kind) as T;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

export function linkedFilesOf(files: ReadonlyMap<string, TextFile>, key?: string, listings?: ReadonlyMap<string, readonly string[]>): LinkedFiles {
  const derived = new DerivedValues();
  return {
    get: (uri) => files.get(uri),
    ...(listings ? { list: (folder: string) => listings.get(folder) } : {}),
    derived(uri, kind, derive) {
      const file = files.get(uri);
      return file && 'text' in file ? derived.get(uri, file.text, kind, derive) : undefined;
    },
    key:
      key ??
      [...files].map(([uri, file]) => `${uri}\u0000${'text' in file ? `${file.text.length}:${hashText(file.text)}` : file.kind}`).join('\u0001') +
        (listings ? [...listings].map(([folder, uris]) => `\u0002${folder}:${uris.join('\u0000')}`).join('') : ''),
  };
}

/** The parsed CSV of the last text seen per URI: an unchanged file is not parsed again, whichever plan asks. */
const parsedByUri = new Map<string, { text: string; csv: ParsedActualsCsv }>();
const MAX_CACHED = 64;

export function parsedCsv(uri: string, text: string): ParsedActualsCsv {
  const known = parsedByUri.get(uri);
  if (known && known.text === text) return known.csv;
  const csv = parseActualsCsv(text);
  parsedByUri.delete(uri);
  parsedByUri.set(uri, { text, csv });
  if (parsedByUri.size > MAX_CACHED) parsedByUri.delete(parsedByUri.keys().next().value!);
  return csv;
}

/** FNV-1a over the text: a cheap content key (collisions only cost a missed refresh of a cached analysis, never a wrong parse). */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
