import { readTextFileAt } from '../../node/nodeHost.js';
import type { TextFile } from '../../core/index.js';

/** Reads a plan for the CLI: what the host reads, and an empty file is not a plan to check. */
export async function readPlanFile(path: string): Promise<TextFile> {
  const read = await readTextFileAt(path);
  if ('text' in read && read.text.replace(/^\uFEFF/, '').trim() === '') {
    return { problem: 'empty file: nothing to check (a plan starts with `plan: <title>`)', kind: 'not-a-file' };
  }
  return read;
}
