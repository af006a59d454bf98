import { LineIndex } from '../server/src/core/text/lineIndex.js';
import type { Position } from '../server/src/core/types.js';

/** The text of an open document as the bench edits it, with LSP positions of named places. */
export class PlanText {
  version = 1;
  private lines: LineIndex;

  constructor(public text: string) {
    this.lines = new LineIndex(text);
  }

  /** A one-character insertion at the end of channel `index`'s owner line; the LSP change that does it. */
  typeInOwner(index: number) {
    const offset = this.offsetAfter(`    owner: Owner ${index}`, `  ch-${index}:\n`);
    const position = this.lines.positionAt(offset);
    this.text = this.text.slice(0, offset) + 'x' + this.text.slice(offset);
    this.lines = new LineIndex(this.text);
    this.version++;
    return { range: { start: position, end: position }, text: 'x' };
  }

  /** The position right after `needle`, searched from the start of `anchor`. */
  after(needle: string, anchor: string): Position {
    return this.lines.positionAt(this.offsetAfter(needle, anchor));
  }

  /** The position `into` characters into the first occurrence of `needle` after `anchor`. */
  inside(needle: string, anchor: string, into: number): Position {
    return this.lines.positionAt(this.offsetAfter(needle, anchor) - needle.length + into);
  }

  private offsetAfter(needle: string, anchor: string): number {
    const from = this.text.indexOf(anchor);
    const at = this.text.indexOf(needle, from === -1 ? 0 : from);
    if (from === -1 || at === -1) throw new Error(`bench plan has no \`${needle}\` after \`${anchor.trim()}\``);
    return at + needle.length;
  }
}
