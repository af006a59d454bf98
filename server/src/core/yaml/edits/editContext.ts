import { isMap, isPair, isSeq, type Document, type Pair } from 'yaml';
import { scalarKey, type ParsedYaml } from '../../parse/parseYaml.js';
import { nodeRange, PairCache } from '../../parse/reuse.js';
import type { LineIndex } from '../../text/lineIndex.js';

/** What the YAML editing helpers need to know about the file they edit. */
export interface YamlEditContext {
  text: string;
  lines: LineIndex;
  doc: Document.Parsed | null;
  /** The file's line break (`\r\n`, `\n` or `\r`), kept in inserted text. */
  eol: string;
  /** Spaces per nesting level, as the file writes them. */
  indentStep: number;
}

export const DEFAULT_INDENT_STEP = 2;

export function yamlEditContext(parsed: ParsedYaml): YamlEditContext {
  return { text: parsed.text, lines: parsed.lineIndex, doc: parsed.doc, eol: detectEol(parsed.text), indentStep: detectIndentStep(parsed) };
}

export function detectEol(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/** Steps counted under one top-level pair or section entry, kept while the pair is reused where it was. */
const countsUnderPair = new PairCache<Pair, Map<number, number>>();

/**
 * The most common distance between a block mapping's key and the block mapping or list
 * nested under it; lists written flush with their key (`journey:\n- a`) do not count.
 * The counts under each top-level pair and section entry are kept with the pair (the reuse
 * contract, `parse/reuse.ts`).
 */
export function detectIndentStep(parsed: ParsedYaml): number {
  const counts = new Map<number, number>();
  const column = (offset: number) => parsed.lineIndex.positionAt(offset).character;
  /** `section`: for the entries of a top-level mapping, its key (`''` at the root). */
  const visit = (node: unknown, depth: number, into: Map<number, number>, section = ''): void => {
    if (depth > 64) return;
    if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1, into);
      return;
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (depth <= 1 && !node.flow) {
        const keyStart = nodeRange(pair.key)?.[0];
        const line = keyStart === undefined ? -1 : parsed.lineIndex.positionAt(keyStart).line;
        const known = countsUnderPair.get(pair, line, section, () => {
          const counts = new Map<number, number>();
          countPair(pair, false, depth, counts);
          return counts;
        });
        for (const [step, count] of known) into.set(step, (into.get(step) ?? 0) + count);
      } else {
        countPair(pair, node.flow === true, depth, into);
      }
    }
  };
  const countPair = (pair: Pair, inFlow: boolean, depth: number, into: Map<number, number>): void => {
    const value = pair.value;
    const keyRange = nodeRange(pair.key);
    if (!inFlow && keyRange && (isMap(value) || isSeq(value)) && !value.flow) {
      const first = value.items[0];
      const childStart = isMap(value) ? nodeRange((first as { key?: unknown } | undefined)?.key)?.[0] : value.range?.[0];
      if (childStart !== undefined) {
        const step = column(childStart) - column(keyRange[0]);
        if (step > 0 && step <= 8) into.set(step, (into.get(step) ?? 0) + 1);
      }
    }
    visit(value, depth + 1, into, depth === 0 ? (scalarKey(pair.key) ?? '') : '');
  };
  visit(parsed.doc?.contents, 0, counts);
  let best = DEFAULT_INDENT_STEP;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}
