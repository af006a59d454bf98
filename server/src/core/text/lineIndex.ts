import type { Position, Range } from '../types.js';

/**
 * One `Position` object per (line, character), shared by every index that uses the pool: the
 * models of plans kept but not open hold a few positions per line, and the same few columns
 * recur on every line of every plan, so they hold tens of thousands of positions between them
 * where they held a million. Positions are never mutated (nothing in the core assigns to a
 * position's fields); an index that uses the pool must not hand its positions to code that
 * tells objects apart by identity (the libraries' positions do not come from it).
 */
export class PositionPool {
  private readonly lines: Position[][] = [];

  constructor(
    private readonly maxLine = 1 << 17,
    private readonly maxCharacter = 512,
  ) {}

  position(line: number, character: number): Position {
    if (line >= this.maxLine || character >= this.maxCharacter) return { line, character };
    const row = (this.lines[line] ??= []);
    return (row[character] ??= { line, character });
  }
}

/** Converts between string offsets and LSP positions (UTF-16 code units, as JS strings are). */
export class LineIndex {
  private readonly lineStarts: number[];
  /** The line of the last lookup: callers mostly walk the text forwards, so it or the next line usually holds the offset. */
  private lastLine = 0;
  private pool: PositionPool | undefined;

  constructor(private readonly text: string) {
    const starts = [0];
    // Without a CR every line break is a LF: the native search is several times faster than a loop over characters (plans of megabytes are indexed on every keystroke).
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** From now on, positions come from the pool (see `PositionPool`). */
  sharePositions(pool: PositionPool): void {
    this.pool = pool;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and \n of a CRLF is no position of its own: it is the end of the line.
    if (clamped > 0 && this.text.charCodeAt(clamped - 1) === 13 && this.text.charCodeAt(clamped) === 10) clamped--;
    const line = this.lineOf(clamped);
    this.lastLine = line;
    const character = clamped - this.lineStarts[line]!;
    return this.pool ? this.pool.position(line, character) : { line, character };
  }

  /** The last line whose start is at or before the offset. */
  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (starts[last]! <= offset) {
      if (last + 1 >= starts.length || starts[last + 1]! > offset) return last;
      if (last + 2 >= starts.length || starts[last + 2]! > offset) return last + 1;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}
