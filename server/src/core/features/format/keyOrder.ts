import { isRecordAt, keysAt, schemaAt } from '../../schema/schemaNavigation.js';
import type { PathKey } from '../../yaml/path.js';

// Canonical key order (`throughline.format.sortKeys`): the order in which the zod schema
// declares the keys of the mapping at that path. Id-keyed maps (`channels`, `kpis`,
// `milestones`) keep the writer's order; only the keys inside each entry are sorted.

const MERGE_KEY = '<<';

/** Per schema node (every channel shares one): its key order, or null when its mappings are not sorted. */
const orderOfSchema = new WeakMap<object, readonly string[] | null>();
const ranks = new WeakMap<readonly string[], Map<string, number>>();

/** The schema's key order at a plan path, or undefined when the mapping there is not sorted. */
export function schemaKeyOrder(path: readonly PathKey[]): readonly string[] | undefined {
  const schema = schemaAt(path);
  if (!schema) return undefined;
  let order = orderOfSchema.get(schema);
  if (order === undefined) {
    const keys = isRecordAt(path) ? [] : keysAt(path).map((info) => info.key);
    order = keys.length > 0 ? keys : null;
    orderOfSchema.set(schema, order);
  }
  return order ?? undefined;
}

export interface SortableItem {
  /** The key's text (undefined: a complex key, or a comment-only item that keeps its place). */
  key: string | undefined;
  /** Anchor and alias names used inside the item (asked only once the order changes). */
  names(): ReadonlySet<string>;
}

/**
 * The new order of a mapping's items, as indices into `items`; undefined when it stays as
 * written. Keys the schema does not know stay right after the key they followed (or first);
 * merge keys (`<<`) come first and a mapping that has one after another key is left alone;
 * items that share an anchor keep their relative order, or the mapping is left alone (an
 * alias may not come before its anchor); equal keys keep their order.
 */
export function sortedOrder(items: readonly SortableItem[], order: readonly string[]): number[] | undefined {
  let rank = ranks.get(order);
  if (!rank) ranks.set(order, (rank = new Map(order.map((key, index) => [key, index]))));
  const groups: { rank: number; members: number[] }[] = [];
  const head: number[] = [];
  let sawOtherKey = false;
  let mergeAfterKey = false;
  items.forEach((item, index) => {
    if (item.key === MERGE_KEY) {
      if (sawOtherKey) mergeAfterKey = true;
      groups.push({ rank: -1, members: [index] });
      return;
    }
    if (item.key !== undefined) sawOtherKey = true;
    const known = item.key === undefined ? undefined : rank.get(item.key);
    if (known !== undefined) groups.push({ rank: known, members: [index] });
    else if (groups.length > 0) groups[groups.length - 1]!.members.push(index);
    else head.push(index);
  });
  if (mergeAfterKey) return undefined;
  const sorted = groups.map((group, position) => ({ ...group, position })).sort((a, b) => a.rank - b.rank || a.position - b.position);
  const result = [...head, ...sorted.flatMap((group) => group.members)];
  if (result.every((index, position) => index === position)) return undefined;
  return keepsAnchorOrder(items, result) ? result : undefined;
}

function keepsAnchorOrder(items: readonly SortableItem[], result: number[]): boolean {
  const newPosition = new Array<number>(items.length);
  result.forEach((index, position) => (newPosition[index] = position));
  const lastPositionOf = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    for (const name of items[index]!.names()) {
      const previous = lastPositionOf.get(name);
      if (previous !== undefined && previous > newPosition[index]!) return false;
      lastPositionOf.set(name, newPosition[index]!);
    }
  }
  return true;
}
