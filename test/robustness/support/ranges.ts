import { LineIndex } from '../../../server/src/core/text/lineIndex.js';
import type { Position, Range } from '../../../server/src/core/types.js';

/** Properties that hold the source text or parser internals, not results. */
const SKIPPED_KEYS = new Set(['lineIndex', 'text', 'doc', 'parsed']);

/**
 * Checks a text's positions against LSP's rules: a line of the document, a character
 * within that line (its end included, its line break not), start ≤ end.
 */
export class RangeChecker {
  private readonly lines: LineIndex;
  private readonly lineLengths: number[];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.lineLengths = Array.from({ length: this.lines.lineCount }, (_, line) => this.lines.lineText(line).length);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  /** Why the position is not in the document, or undefined when it is. */
  positionProblem(position: Position): string | undefined {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character)) return `non-integer position ${JSON.stringify(position)}`;
    if (line < 0 || line >= this.lineLengths.length) return `line ${line} outside 0..${this.lineLengths.length - 1}`;
    const length = this.lineLengths[line]!;
    if (character < 0 || character > length) return `character ${character} outside 0..${length} on line ${line}`;
    return undefined;
  }

  rangeProblem(range: Range): string | undefined {
    const problem = this.positionProblem(range.start) ?? this.positionProblem(range.end);
    if (problem) return problem;
    const { start, end } = range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start after end ${JSON.stringify(range)}`;
    return undefined;
  }

  /**
   * Every range-shaped object (`{ start: {line, character}, end: {…} }`) found anywhere in
   * `value` (objects, arrays, Maps), with the path to it, when it is not well formed.
   */
  problemsIn(value: unknown, label: string, limit = 5): string[] {
    const problems: string[] = [];
    const seen = new Set<object>();
    const visit = (node: unknown, path: string): void => {
      if (problems.length >= limit || typeof node !== 'object' || node === null || seen.has(node)) return;
      seen.add(node);
      if (isRangeLike(node)) {
        const problem = this.rangeProblem(node);
        if (problem) problems.push(`${label}${path}: ${problem}`);
        return;
      }
      if (node instanceof Map) {
        for (const [key, item] of node) visit(item, `${path}[${String(key)}]`);
        return;
      }
      if (Array.isArray(node)) {
        node.forEach((item, index) => visit(item, `${path}[${index}]`));
        return;
      }
      for (const key of Object.keys(node)) {
        if (!SKIPPED_KEYS.has(key)) visit((node as Record<string, unknown>)[key], `${path}.${key}`);
      }
    };
    visit(value, '');
    return problems;
  }

  /** A few positions worth asking about: the start, the end, and `count` spread by `random`. */
  samplePositions(random: () => number, count: number): Position[] {
    const positions: Position[] = [{ line: 0, character: 0 }, this.lines.positionAt(this.text.length)];
    for (let i = 0; i < count; i++) positions.push(this.lines.positionAt(Math.floor(random() * (this.text.length + 1))));
    return positions;
  }
}

function isRangeLike(node: object): node is Range {
  const { start, end } = node as Partial<Range>;
  return isPositionLike(start) && isPositionLike(end);
}

function isPositionLike(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && 'line' in value && 'character' in value;
}
