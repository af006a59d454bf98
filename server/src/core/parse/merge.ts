import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { resolveNode, scalarKey } from './parseYaml.js';

// Merge keys (`<<: *defaults`, `<<: [*a, *b]`), resolved as YAML tools resolve them (the
// `yaml` package's `merge` option, the one YAML 1.1 feature a 1.2 parser keeps): a mapping's
// own keys win over merged ones wherever they are written, earlier merged mappings win over
// later ones, and a merged mapping's own merges apply inside it. The parser only marks the
// `<<` keys; every reader of a mapping (model, schema check, editor features) asks here for
// the pairs it holds once its merges are applied.

/** Entries merged through deeper chains than this are ignored (a merge that names itself is cut at once). */
const MAX_MERGE_DEPTH = 32;

/** A `<<` key: a plain `<<`, which the parser (with `merge: true`) reads as a symbol. A quoted `"<<"` is an ordinary key. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

export interface EffectivePair {
  key: string;
  /** The pair as written: in the mapping itself, or in the mapping merged in (its ranges are where the text is). */
  pair: Pair;
  /** For a merged-in pair: the `<<` pair of the mapping that merged it (in a nested merge, the outermost one). */
  via?: Pair;
  /** For a merged-in pair: what the `<<` value names that brought it in, as written there (`*paid` in `<<: [*paid, *summer]`). */
  source?: unknown;
}

/** A `<<` whose value is not a mapping, an alias of one, or a list of those. */
export interface BadMerge {
  /** The `<<` pair. */
  pair: Pair;
  /** What is merged: the `<<` value, or the list item that is not a mapping. */
  node: unknown;
  /** The merged value after aliases, for the message. */
  resolved: unknown;
}

/**
 * The pairs of `map` once its merges are applied: its own pairs first (the first of repeated
 * keys), then the merged-in pairs whose keys it lacks, in merge order. Linear in the pairs
 * visited: each merged mapping is expanded once per call.
 */
export function effectivePairs(map: YAMLMap, doc: Document.Parsed | null): EffectivePair[] {
  if (!hasMergeKey(map)) return ownPairs(map);
  return expand(map, doc, new Map(), new Set(), 0);
}

/** Whether the mapping has a `<<` key (most have not, and pay one scan). */
export function hasMergeKey(map: YAMLMap): boolean {
  for (const item of map.items) if (isPair(item) && isMergeKey(item.key)) return true;
  return false;
}

/** The `<<` values of a mapping that merge no mapping, for the schema check to report. */
export function badMerges(map: YAMLMap, doc: Document.Parsed | null): BadMerge[] {
  const bad: BadMerge[] = [];
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    const value = resolve(item.value, doc);
    const sources = isSeq(value) ? value.items : [item.value];
    // A list written in place is reported item by item; one that an alias names, once, on the alias.
    const inPlace = !isAlias(item.value);
    for (const source of sources) {
      const resolved = resolve(source, doc);
      if (isMap(resolved)) continue;
      bad.push({ pair: item, node: inPlace ? (source ?? item.value) : item.value, resolved });
      if (!inPlace) break;
    }
  }
  return bad;
}

/** The mappings a `<<` pair merges, in order (what is not a mapping is left out). */
export function mergeSources(pair: Pair, doc: Document.Parsed | null): YAMLMap[] {
  return writtenSources(pair, doc).map((source) => source.map);
}

/** The mappings a `<<` pair merges, each with the node that names it in the `<<` value. */
function writtenSources(pair: Pair, doc: Document.Parsed | null): { written: unknown; map: YAMLMap }[] {
  const value = resolve(pair.value, doc);
  // `<<: *list` names its list through the alias: every mapping of it was brought in by `*list`.
  const items = isSeq(value)
    ? value.items.map((item) => ({ item, written: isAlias(pair.value) ? pair.value : item }))
    : [{ item: pair.value, written: pair.value }];
  return items.flatMap(({ item, written }) => {
    const map = resolve(item, doc);
    return isMap(map) ? [{ written, map }] : [];
  });
}

function ownPairs(map: YAMLMap): EffectivePair[] {
  const seen = new Set<string>();
  const pairs: EffectivePair[] = [];
  for (const item of map.items) {
    if (!isPair(item) || isMergeKey(item.key)) continue;
    const key = scalarKey(item.key);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    pairs.push({ key, pair: item });
  }
  return pairs;
}

function expand(map: YAMLMap, doc: Document.Parsed | null, memo: Map<YAMLMap, EffectivePair[]>, onStack: Set<YAMLMap>, depth: number): EffectivePair[] {
  const known = memo.get(map);
  if (known) return known;
  const pairs = ownPairs(map);
  const seen = new Set(pairs.map((entry) => entry.key));
  onStack.add(map);
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    for (const { written, map: source } of writtenSources(item, doc)) {
      // A mapping that merges itself (directly or round a loop of merges) adds nothing more.
      if (onStack.has(source) || depth >= MAX_MERGE_DEPTH) continue;
      for (const merged of expand(source, doc, memo, onStack, depth + 1)) {
        if (seen.has(merged.key)) continue;
        seen.add(merged.key);
        pairs.push({ key: merged.key, pair: merged.pair, via: item, source: written });
      }
    }
  }
  onStack.delete(map);
  memo.set(map, pairs);
  return pairs;
}

function resolve(node: unknown, doc: Document.Parsed | null): unknown {
  return doc ? resolveNode(node, doc) : node;
}
