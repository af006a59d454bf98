import { isMap, isPair, isSeq, type Document } from 'yaml';
import type { ParsedYaml } from '../../parse/parseYaml.js';
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

type NodeRange = [number, number, number];

/**
 * The most common distance between a block mapping's key and the block mapping or list
 * nested under it; lists written flush with their key (`journey:\n- a`) do not count.
 */
export function detectIndentStep(parsed: ParsedYaml): number {
  const counts = new Map<number, number>();
  const column = (offset: number) => parsed.lineIndex.positionAt(offset).character;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
      return;
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const value = pair.value;
      const keyRange = (pair.key as { range?: NodeRange } | null)?.range;
      if (!node.flow && keyRange && (isMap(value) || isSeq(value)) && !value.flow) {
        const first = value.items[0];
        const childStart = isMap(value) ? ((first as { key?: { range?: NodeRange } } | undefined)?.key?.range?.[0]) : value.range?.[0];
        if (childStart !== undefined) {
          const step = column(childStart) - column(keyRange[0]);
          if (step > 0 && step <= 8) counts.set(step, (counts.get(step) ?? 0) + 1);
        }
      }
      visit(value, depth + 1);
    }
  };
  visit(parsed.doc?.contents, 0);
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
