import { isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { scalarKey } from '../../parse/parseYaml.js';
import { nodeRange } from '../../parse/reuse.js';

// Small readers of the yaml AST that the editing helpers share. The first of repeated keys
// is the one that counts, as in the plan model.

/** Maps this small are searched directly; bigger ones get an index, so fixing every problem of a big plan stays linear. */
const INDEX_FROM = 16;
const pairIndexes = new WeakMap<YAMLMap, { size: number; byKey: Map<string, Pair> }>();

/** The first pair of `map` with this key (a duplicate key further on is ignored, as the parser does). */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length < INDEX_FROM) return map.items.find((item): item is Pair => isPair(item) && scalarKey(item.key) === key);
  let index = pairIndexes.get(map);
  if (!index || index.size !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const item of map.items) {
      const name = isPair(item) ? scalarKey(item.key) : undefined;
      if (name !== undefined && !byKey.has(name)) byKey.set(name, item as Pair);
    }
    index = { size: map.items.length, byKey };
    pairIndexes.set(map, index);
  }
  return index.byKey.get(key);
}

/** A value that holds nothing: no node, or a null scalar (`key:`, `key: ~`, `key: null`). */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

export interface PairInMap {
  pair: Pair;
  map: YAMLMap;
}

/** The pair at `path` (keys from `root`) with its mapping; undefined when it or a mapping on the way is missing. */
export function pairAtPath(root: unknown, path: string[]): PairInMap | undefined {
  let node = root;
  let found: PairInMap | undefined;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair = findPair(node, key);
    if (!pair) return undefined;
    found = { pair, map: node };
    node = pair.value;
  }
  return found;
}

/** The offset of the `:` that follows a key ending at `keyEnd` on its line, if there is one. */
export function colonAfter(text: string, keyEnd: number): number | undefined {
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ':' ? i : undefined;
}

/** The pair whose key starts at `offset`, with the mapping that holds it. */
export function pairWithKeyAt(root: unknown, offset: number): PairInMap | undefined {
  let found: PairInMap | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (found || depth > 64) return;
    const range = nodeRange(node);
    // Skip subtrees that cannot contain the offset (the root of an assembled document may lack a range).
    if (range && (offset < range[0] || offset > range[2])) return;
    if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (nodeRange(pair.key)?.[0] === offset) {
          found = { pair, map: node };
          return;
        }
        visit(pair.value, depth + 1);
      }
    }
  };
  visit(root, 0);
  return found;
}

/**
 * The offset just past the last thing a node writes: a block collection ends with its last
 * item (not the comments after it), anything else where its value ends.
 */
export function contentEnd(node: unknown, fallback: number): number {
  let current = node;
  let end = fallback;
  for (let depth = 0; depth < 200; depth++) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last = current.items[current.items.length - 1];
      if (isPair(last)) {
        end = nodeRange(last.key)?.[1] ?? end;
        if (last.value === null || last.value === undefined) return end;
        current = last.value;
      } else {
        current = last;
      }
      continue;
    }
    return nodeRange(current)?.[1] ?? end;
  }
  return end;
}
