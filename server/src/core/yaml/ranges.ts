import { isMap, isPair, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { scalarKey } from '../parse/parseYaml.js';
import { nodeRange } from '../parse/reuse.js';

/** Offsets of a pair from its key to the end of its value's text (trailing line breaks left out). */
export function pairSpan(text: string, pair: Pair): { key: string; keyStart: number; keyEnd: number; end: number } | undefined {
  const key = scalarKey(pair.key);
  const keyRange = nodeRange(pair.key);
  if (key === undefined || !keyRange) return undefined;
  const valueRange = nodeRange(pair.value);
  return { key, keyStart: keyRange[0], keyEnd: keyRange[1], end: trimEnd(text, keyRange[0], Math.max(keyRange[1], valueRange?.[1] ?? 0)) };
}

/** Offsets of a node's text, trailing line breaks left out. */
export function nodeSpan(text: string, node: unknown): { start: number; end: number } | undefined {
  const range = nodeRange(node);
  return range ? { start: range[0], end: trimEnd(text, range[0], range[1]) } : undefined;
}

function trimEnd(text: string, start: number, end: number): number {
  let result = end;
  while (result > start && /\s/.test(text[result - 1]!)) result--;
  return result;
}

export function pairsOf(node: unknown): Pair[] {
  return isMap(node) ? (node as YAMLMap).items.filter(isPair) : [];
}

export function itemsOf(node: unknown): unknown[] {
  return isSeq(node) ? (node as YAMLSeq).items : [];
}
