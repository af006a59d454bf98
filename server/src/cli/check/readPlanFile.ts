import { decodeTextFile, type TextFile } from '../../core/index.js';
import { readTextFileAt } from '../../node/nodeHost.js';

export type PlanText = TextFile;

const EMPTY: TextFile = { problem: 'empty file: nothing to check (a plan starts with `plan: <title>`)', kind: 'not-a-file' };

/** Reads a plan for the CLI: what the host reads, and an empty file is not a plan to check. */
export async function readPlanFile(path: string): Promise<PlanText> {
  return notEmpty(await readTextFileAt(path));
}

/** A plan's bytes (from a file or from git) as text, with the host's limit and checks, or why they are not a plan. */
export function decodePlanBytes(bytes: Uint8Array): PlanText {
  return notEmpty(decodeTextFile(bytes));
}

function notEmpty(read: TextFile): TextFile {
  return 'text' in read && read.text.replace(/^\uFEFF/, '').trim() === '' ? EMPTY : read;
}
