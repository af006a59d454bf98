import type { Located, PlanModel } from '../model/planModel.js';
import { quote } from '../text/quote.js';
import { childUri, parentUri } from '../workspace/uris.js';

// The files a plan names, resolved against the plan's URI. The core reads none of them: an
// adapter reads each through its host and hands the analysis a snapshot (`AnalyzeOptions.files`).
// `actuals_file` is the first kind; libraries a plan imports will be the next.

export type FileReferenceKind = 'actuals';

export interface FileReference {
  kind: FileReferenceKind;
  /** The path as written, with its range (what a diagnostic about the file points at). */
  path: Located<string>;
  /** The file's URI; undefined when the path is not one Throughline reads (`problem` says why). */
  uri: string | undefined;
  problem: string | undefined;
}

/** What a referenced actuals file's name ends with. */
export const ACTUALS_FILE_SUFFIX = '.csv';
/** The watcher pattern for referenced files. */
export const LINKED_FILE_GLOB = '**/*.csv';

/** True for a file the server treats as data a plan references, not as a plan. */
export function isLinkedFileUri(uri: string): boolean {
  return /\.csv(?=$|[?#])/i.test(uri);
}

/** Every file the plan names, in the order written. Without the plan's URI nothing can be resolved and nothing is listed. */
export function referencedFiles(model: PlanModel, planUri: string | undefined): FileReference[] {
  if (!model.actualsFile || planUri === undefined) return [];
  return [resolveReference('actuals', model.actualsFile, planUri)];
}

/**
 * A path relative to the plan's folder, written with `/`: `q3.csv`, `./data/q3.csv`,
 * `../shared/q3.csv` (a plan's data may sit beside the folder it lives in). Absolute paths,
 * URLs and `\` are refused, so a plan means the same file on every machine, and the name must
 * end in `.csv`, so a plan from someone else cannot make the editor read and echo any file.
 */
export function resolveReference(kind: FileReferenceKind, path: Located<string>, planUri: string): FileReference {
  const refuse = (problem: string): FileReference => ({ kind, path, uri: undefined, problem });
  const written = path.value.trim();
  if (written === '') return refuse('The path is empty: name the CSV file relative to the plan, e.g. `./q3.actuals.csv`.');
  const resolved = resolveRelativePath(written, planUri, 'plan', './q3.actuals.csv');
  if ('problem' in resolved) return refuse(resolved.problem);
  if (!written.toLowerCase().endsWith(ACTUALS_FILE_SUFFIX)) return refuse('An actuals file is a CSV: its name ends in `.csv`.');
  return { kind, path, uri: resolved.uri, problem: undefined };
}

/**
 * A `/`-separated path relative to the folder of `fromUri` (a `noun`: plan, library), or why it
 * is not one; `example` shows the right form.
 */
export function resolveRelativePath(written: string, fromUri: string, noun: string, example: string): { uri: string } | { problem: string } {
  if (written.includes('\\')) return { problem: `Write the path with \`/\`, not \`\\\`: ${quote(written.replace(/\\/g, '/'))}.` };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(written) || written.startsWith('/'))
    return { problem: `The path must be relative to the ${noun} (e.g. \`${example}\`), not absolute or a URL, so it means the same file on every machine.` };
  let folder = parentUri(fromUri);
  const segments: string[] = [];
  for (const segment of written.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length > 0) segments.pop();
      else {
        const up = parentUri(folder);
        if (up === folder) return { problem: 'The path leads above the root folder.' };
        folder = up;
      }
      continue;
    }
    segments.push(segment);
  }
  return { uri: childUri(folder, segments.join('/')) };
}
