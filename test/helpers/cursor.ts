import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import type { Position } from '../../server/src/core/types.js';

/**
 * Splits a test text with `|` cursor markers into the plain text and the marked positions.
 * Write `||` for a literal `|` (YAML block scalars) so markers stay unambiguous.
 */
export function withCursors(marked: string): { text: string; cursors: Position[]; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch === '|' && marked[i + 1] === '|') {
      text += '|';
      i++;
    } else if (ch === '|') {
      offsets.push(text.length);
    } else {
      text += ch;
    }
  }
  const lines = new LineIndex(text);
  return { text, offsets, cursors: offsets.map((offset) => lines.positionAt(offset)) };
}

/** The single cursor of a text with exactly one `|` marker. */
export function withCursor(marked: string): { text: string; cursor: Position; offset: number } {
  const { text, cursors, offsets } = withCursors(marked);
  if (cursors.length !== 1) throw new Error(`expected one | cursor marker, found ${cursors.length}`);
  return { text, cursor: cursors[0]!, offset: offsets[0]! };
}
