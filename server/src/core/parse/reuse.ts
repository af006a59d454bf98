import type { Range as YamlRange } from 'yaml';
import type { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';

/**
 * The parser's reuse contract, which everything that keeps work between versions relies on.
 *
 * 1. Identity. With a `ParseState`, the next parse hands back the *same* `Pair` object for
 *    every block (a top-level key with its value, or one entry of `channels`, `kpis` or
 *    `milestones`) whose text did not change; only changed blocks get new pairs. A parse of
 *    the whole text (no state, YAML that ties blocks together, a block that does not parse on
 *    its own) makes new pairs throughout.
 * 2. Offsets move in place. A reused pair's node ranges (`NodeRange`, offsets into the text)
 *    are shifted to the new version's offsets, in the node objects themselves. So offsets read
 *    from a pair are those of the latest parse of its state; work still pending on an older
 *    version must not read them (see `analyzeText`).
 * 3. Blocks move by whole lines. A block starts at a line start and ends at a line end, so a
 *    reused pair's columns never change; its lines change when lines are added or removed
 *    above it, and its section changes when it ends up under another header (an unchanged
 *    entry now below `kpis:` instead of `channels:`).
 *
 * Hence what is derived from a pair alone, in lines and columns, stays right while the pair
 * is at the same line in the same section: `PairCache` keeps it that long.
 */

/** A YAML node's offsets: `[start, end of the value, end of the node including trailing comments]`. */
export type NodeRange = YamlRange;

/** The offsets of a YAML node (key, value, collection), when it has any. */
export function nodeRange(node: unknown): NodeRange | undefined {
  const range = (node as { range?: NodeRange | null } | null | undefined)?.range;
  return Array.isArray(range) ? range : undefined;
}

/** The line/character range of a node's text (its value, without trailing comments). */
export function textRangeOf(node: unknown, lines: LineIndex): Range | undefined {
  const range = nodeRange(node);
  return range ? lines.range(range[0], range[1]) : undefined;
}

/**
 * Values derived from a reused pair — or from an object that lives exactly as long as one,
 * such as the model entry built from it — kept while it stays at the same line in the same
 * section (the top-level key holding it, `''` for a top-level pair). Moved, it is derived
 * again; dropped, it is garbage collected with its key.
 */
export class PairCache<Key extends object, Value> {
  private readonly entries = new WeakMap<Key, { line: number; section: string; value: Value }>();

  get(key: Key, line: number, section: string, derive: () => Value): Value {
    const hit = this.entries.get(key);
    if (hit && hit.line === line && hit.section === section) return hit.value;
    const value = derive();
    this.entries.set(key, { line, section, value });
    return value;
  }
}
