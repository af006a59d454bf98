import { readFileSync, statSync } from 'node:fs';
import { describeFsError } from './fsErrors.js';

/** Plans are a few kilobytes; anything this large is not one. */
const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** The text (without a byte order mark, which `bom` says was there) or why there is none. */
export type PlanText = { text: string; bom: boolean } | { problem: string };

/** Reads a plan as UTF-8 text, or says in a few words why it cannot be checked. */
export function readPlanFile(path: string): PlanText {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_PLAN_BYTES) return { problem: `too large for a plan (${(size / 1024 / 1024).toFixed(1)} MB)` };
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: `cannot read: ${describeFsError(error)}` };
  }
  if (bytes.includes(0)) return { problem: 'binary file (it contains NUL bytes), not a plan' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not UTF-8 text, not a plan' };
  }
  if (text.trim() === '') return { problem: 'empty file: nothing to check (a plan starts with `plan: <title>`)' };
  return { text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
}
