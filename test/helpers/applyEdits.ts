import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import type { TextEdit } from '../../server/src/core/types.js';

/**
 * Applies LSP text edits to a text as a client does: every range refers to the original
 * text; edits must not overlap (an insertion may touch another edit's end).
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const located = edits
    .map((edit, order) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (const edit of located) {
    if (edit.end < edit.start) throw new Error(`edit range ends before it starts: ${JSON.stringify(edit)}`);
  }
  for (let i = 1; i < located.length; i++) {
    if (located[i]!.start < located[i - 1]!.end) throw new Error(`overlapping edits at offsets ${located[i - 1]!.start} and ${located[i]!.start}`);
  }
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
