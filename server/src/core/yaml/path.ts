import { isMap, isPair, isSeq, type Document } from 'yaml';
import { scalarKey } from '../parse/parseYaml.js';
import { nodeRange } from '../parse/reuse.js';

export type PathKey = string | number;

export interface KeyAtOffset {
  /** The plan path of the key, itself included (`['channels', 'seo', 'start']`). */
  path: PathKey[];
  /** Offsets of the key's text. */
  start: number;
  end: number;
}

/** The mapping key under the offset (end included), found by descending the parsed tree. */
export function keyAtOffset(doc: Document.Parsed | null, offset: number): KeyAtOffset | undefined {
  const path: PathKey[] = [];
  let node: unknown = doc?.contents;
  for (let depth = 0; depth < 64 && node; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyRange = nodeRange(pair.key);
        const key = scalarKey(pair.key);
        if (!keyRange || key === undefined) continue;
        if (keyRange[0] <= offset && offset <= keyRange[1]) return { path: [...path, key], start: keyRange[0], end: keyRange[1] };
        const valueRange = nodeRange(pair.value);
        if (valueRange && valueRange[0] <= offset && offset < Math.max(valueRange[1], valueRange[0] + 1)) {
          path.push(key);
          next = pair.value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = nodeRange(item);
        return range !== undefined && range[0] <= offset && offset <= range[1];
      });
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else {
      return undefined;
    }
  }
  return undefined;
}
