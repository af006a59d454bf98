import type { LineIndex } from '../../text/lineIndex.js';
import type { TextEdit } from '../../types.js';
import type { Anchor } from './atoms.js';

// The formatted text as the fewest, smallest edits of the original: the copied tokens that
// stay in order (the longest run of them) are left alone, and only the text between them is
// replaced, trimmed to what actually differs. So the cursor, selections and undo stay put.

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** The anchors (copied spans) that keep their relative order, as many as possible. */
function longestInOrder(anchors: readonly Anchor[]): Anchor[] {
  const tails: number[] = [];
  const previous = new Array<number>(anchors.length).fill(-1);
  anchors.forEach((anchor, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (anchors[tails[mid]!]!.old < anchor.old) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept: Anchor[] = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1]! : -1; index >= 0; index = previous[index]!) kept.push(anchors[index]!);
  return kept.reverse();
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** One replacement of `before[start, end)` by `after[newStart, newEnd)`, without the ends they share; none if equal. */
function trimmed(before: string, start: number, end: number, after: string, newStart: number, newEnd: number): OffsetEdit | undefined {
  let prefix = 0;
  const limit = Math.min(end - start, newEnd - newStart);
  while (prefix < limit && before.charCodeAt(start + prefix) === after.charCodeAt(newStart + prefix)) prefix++;
  // Never end inside a CRLF or a surrogate pair: an LSP position cannot point there.
  while (prefix > 0 && (before.charCodeAt(start + prefix - 1) === 13 || isHighSurrogate(before.charCodeAt(start + prefix - 1)))) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(end - 1 - suffix) === after.charCodeAt(newEnd - 1 - suffix)) suffix++;
  while (
    suffix > 0 &&
    ((before.charCodeAt(end - suffix) === 10 && before.charCodeAt(end - suffix - 1) === 13) || isLowSurrogate(before.charCodeAt(end - suffix)))
  )
    suffix--;
  if (prefix === end - start && prefix === newEnd - newStart) return undefined;
  return { start: start + prefix, end: end - suffix, newText: after.slice(newStart + prefix, newEnd - suffix) };
}

export function offsetEdits(before: string, after: string, anchors: readonly Anchor[]): OffsetEdit[] {
  if (before === after) return [];
  const edits: OffsetEdit[] = [];
  let oldEnd = 0;
  let newEnd = 0;
  for (const anchor of longestInOrder(anchors)) {
    if (anchor.old < oldEnd) continue;
    const edit = trimmed(before, oldEnd, anchor.old, after, newEnd, anchor.new);
    if (edit) edits.push(edit);
    oldEnd = anchor.old + anchor.length;
    newEnd = anchor.new + anchor.length;
  }
  const last = trimmed(before, oldEnd, before.length, after, newEnd, after.length);
  if (last) edits.push(last);
  return edits;
}

export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

export function toTextEdits(edits: readonly OffsetEdit[], lines: LineIndex): TextEdit[] {
  return edits.map((edit) => ({ range: lines.range(edit.start, edit.end), newText: edit.newText }));
}
