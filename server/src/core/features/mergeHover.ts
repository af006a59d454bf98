import { isMap, isPair, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { effectivePairs, isMergeKey, mergeSources } from '../parse/merge.js';
import { resolveNode, scalarKey } from '../parse/parseYaml.js';
import { isExtensionKey } from '../schema/planSchema.js';
import { keyDocumentation } from '../schema/schemaDocs.js';
import type { LineIndex } from '../text/lineIndex.js';
import { code } from '../text/markdown.js';
import { excerpt, MAX_LISTED } from '../text/quote.js';
import type { PathKey } from '../yaml/path.js';

// What hover says about merge keys and extension keys: on a `<<` line, what it merges and
// from where; on text inside a mapping that others merge, where it is merged into (so a
// value that seems to belong to nobody shows which channels read it); on a top-level `x-`
// key, that the checks ignore it.

type NodeRange = [number, number, number];

interface Step {
  map: YAMLMap;
  /** Plan path of the map. */
  path: PathKey[];
  /** The pair of the map under the offset. */
  pair: Pair;
  /** The offset lies on the pair's key. */
  onKey: boolean;
}

export interface MergeHover {
  /** What the merge means here. */
  note: string;
  /** For a key merged elsewhere: its documentation where it is merged. */
  keyDocs?: string;
  start: number;
  end: number;
}

/** What to say about merges at `offset`, or undefined when the offset is on nothing merge-related. */
export function mergeHover(doc: Document.Parsed | null, lines: LineIndex, offset: number): MergeHover | undefined {
  const chain = pairsAt(doc, offset);
  const innermost = chain[chain.length - 1];
  if (!doc || !innermost) return undefined;
  const [start, end] = innermost.onKey ? rangeOf(innermost.pair.key)! : (rangeOf(innermost.pair.value) ?? rangeOf(innermost.pair.key)!);

  if (isMergeKey(innermost.pair.key)) return { note: describeMerge(doc, lines, innermost), start, end };

  const root = chain[0]!;
  const rootKey = scalarKey(root.pair.key);
  if (chain.length === 1 && root.onKey && rootKey !== undefined && isExtensionKey(rootKey)) {
    const value = resolveNode(root.pair.value, doc);
    const sites = isMap(value) ? siteList(mergeSites(doc).get(value) ?? []) : '';
    const merged = sites ? `\n\nMerged into ${sites}.` : '';
    return {
      note: `${code(excerpt(rootKey))} — extension key\n\nTop-level keys that start with \`x-\` are the plan's own: Throughline's checks and rules ignore them. Keep shared values here and merge them with \`<<: *anchor\`.${merged}`,
      start,
      end,
    };
  }

  // The innermost mapping under the offset that other mappings merge.
  const sitesOf = mergeSites(doc);
  for (let i = chain.length - 1; i >= 0; i--) {
    const sites = sitesOf.get(chain[i]!.map);
    if (!sites || sites.length === 0) continue;
    const key = scalarKey(chain[i]!.pair.key);
    const overriding = sites.filter(
      (site) => key !== undefined && site.target.items.some((pair) => isPair(pair) && !isMergeKey(pair.key) && scalarKey(pair.key) === key),
    );
    const using = sites.filter((site) => !overriding.includes(site));
    const parts = [`Merged (\`<<\`) into ${siteList(sites)}.`];
    if (i === chain.length - 1 && key !== undefined && overriding.length > 0) {
      parts.push(`${siteList(overriding)} ${overriding.length === 1 ? 'writes its' : 'write their'} own ${code(key)}, which wins.`);
    }
    // The key's own docs, read where it is merged.
    const keyDocs = i === chain.length - 1 && key !== undefined && using[0] ? keyDocumentation([...using[0].path, key]) : undefined;
    return { note: parts.join(' '), ...(keyDocs ? { keyDocs } : {}), start, end };
  }
  return undefined;
}

function describeMerge(doc: Document.Parsed, lines: LineIndex, step: Step): string {
  const sources = mergeSources(step.pair, doc);
  if (sources.length === 0) return '`<<` merges mappings into this one, but this merges none: point it at an anchored mapping (`<<: *defaults`).';
  const own = new Set(step.map.items.filter((pair) => isPair(pair) && !isMergeKey(pair.key)).map((pair) => scalarKey(pair.key)));
  const lineList = sources.map((source) => {
    const keys = effectivePairs(source, doc).map((entry) => entry.key);
    const from = originOf(doc, source);
    const line = lines.positionAt(rangeOf(source)?.[0] ?? 0).line + 1;
    const shown = keys.map((key) => (own.has(key) ? `~~${code(excerpt(key))}~~` : code(excerpt(key))));
    return `- from ${from ? `${code(excerpt(from))} ` : ''}(line ${line}): ${shown.slice(0, 12).join(', ')}${shown.length > 12 ? ` and ${shown.length - 12} more` : ''}`;
  });
  const overridden = sources.some((source) => effectivePairs(source, doc).some((entry) => own.has(entry.key)));
  return [
    '**Merge** (`<<`) — brings in the keys this mapping does not write itself',
    '',
    ...lineList,
    ...(overridden ? ['', 'Struck out: written here too, and the value written here wins.'] : []),
  ].join('\n');
}

interface MergeSite {
  /** The mapping that merges. */
  target: YAMLMap;
  path: PathKey[];
}

const sitesCache = new WeakMap<Document.Parsed, Map<YAMLMap, MergeSite[]>>();

/** Merged mapping → the mappings that merge it, with their paths; one walk over the document as written. */
function mergeSites(doc: Document.Parsed): Map<YAMLMap, MergeSite[]> {
  const known = sitesCache.get(doc);
  if (known) return known;
  const sites = new Map<YAMLMap, MergeSite[]>();
  const visit = (node: unknown, path: PathKey[], depth: number): void => {
    if (depth > 64) return;
    if (isSeq(node)) node.items.forEach((item, index) => visit(item, [...path, index], depth + 1));
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        for (const source of mergeSources(pair, doc)) {
          const list = sites.get(source);
          const site = { target: node, path };
          if (list) list.push(site);
          else sites.set(source, [site]);
        }
        continue;
      }
      const key = scalarKey(pair.key);
      if (key !== undefined) visit(pair.value, [...path, key], depth + 1);
    }
  };
  visit(doc.contents, [], 0);
  sitesCache.set(doc, sites);
  return sites;
}

function siteList(sites: readonly MergeSite[]): string {
  const names = sites.map((site) => code(site.path.map((key) => (typeof key === 'number' ? `[${key}]` : excerpt(key))).join('.') || 'the plan'));
  return names.length > MAX_LISTED ? `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more` : names.join(', ');
}

/** The top-level key whose value is (or holds) the mapping, to name where merged text lives. */
function originOf(doc: Document.Parsed, map: YAMLMap): string | undefined {
  const start = rangeOf(map)?.[0];
  const root = doc.contents;
  if (start === undefined || !isMap(root)) return undefined;
  for (const pair of root.items) {
    const range = rangeOf(pair.value);
    if (isPair(pair) && range && range[0] <= start && start < range[1]) return scalarKey(pair.key);
  }
  return undefined;
}

/** The pairs from the root down to the one under the offset, as written (aliases not followed). */
function pairsAt(doc: Document.Parsed | null, offset: number): Step[] {
  const chain: Step[] = [];
  let node: unknown = doc?.contents;
  let path: PathKey[] = [];
  for (let depth = 0; depth < 64 && node; depth++) {
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(rangeOf(item), offset));
      if (index < 0) break;
      path = [...path, index];
      node = node.items[index];
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && (contains(rangeOf(item.key), offset) || contains(rangeOf(item.value), offset)));
    if (!pair) break;
    const onKey = contains(rangeOf(pair.key), offset);
    chain.push({ map: node, path, pair, onKey });
    if (onKey) break;
    const key = scalarKey(pair.key);
    path = [...path, key ?? '?'];
    node = pair.value;
  }
  return chain;
}

function contains(range: NodeRange | undefined, offset: number): boolean {
  return range !== undefined && range[0] <= offset && offset <= range[1];
}

function rangeOf(node: unknown): NodeRange | undefined {
  return (node as { range?: NodeRange } | null | undefined)?.range;
}
