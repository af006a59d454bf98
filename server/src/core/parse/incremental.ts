import { Document, isMap, isPair, isSeq, Pair, parseDocument, YAMLMap } from 'yaml';
import { LineIndex } from '../text/lineIndex.js';
import { splitBlocks, type Block } from './blocks.js';
import { cutDeepNesting } from './nesting.js';
import { parseYaml, yamlOptions, type ParsedYaml } from './parseYaml.js';
import { nodeRange, type NodeRange } from './reuse.js';

// Re-parses only the blocks (top-level sections, channel/KPI entries) whose text changed
// since the previous version of the same document, and assembles one YAML document from
// cached and fresh blocks (the first version from fresh blocks only). Falls back to a
// whole-text parse whenever a block does not parse cleanly on its own, so the result is
// always what a full parse would give. What callers may rely on (reused pairs, ranges moved
// in place) is the reuse contract in `reuse.ts`.

interface CachedBlock {
  /** Where the block lies in `ParseState.text`; its node ranges hold these offsets. */
  start: number;
  end: number;
  kind: Block['kind'];
  /** The block's one top-level pair; for a header, only its key is used. */
  pair: Pair;
  /** Every node range of the block, collected the first time the block moves. */
  ranges?: NodeRange[];
}

/** Per-document parse cache; keep one per open document. */
export interface ParseState {
  /** The last version that parsed cleanly block by block; `blocks` describe it. */
  text?: string;
  blocks: CachedBlock[];
  /** Statistics of the last parse (for tests and the benchmark). */
  last: { mode: 'full' | 'incremental'; reparsed: number; reused: number };
  /** Counts parses: the nodes of cached blocks may move (their ranges shift) at each one. */
  revision: number;
}

export function createParseState(): ParseState {
  return { blocks: [], last: { mode: 'full', reparsed: 0, reused: 0 }, revision: 0 };
}

export function parseYamlIncremental(text: string, state: ParseState): ParsedYaml {
  const parsed = parseThroughState(text, state);
  parsed.reusesPairs = true;
  return parsed;
}

function parseThroughState(text: string, state: ParseState): ParsedYaml {
  state.revision++;
  const blocks = splitBlocks(text);
  if (!blocks) {
    forget(state);
    return parseYaml(text);
  }
  if (state.text !== undefined) {
    const assembled = assemble(text, blocks, state);
    if (assembled) return assembled;
    // A changed block does not parse on its own: parse the whole text for exact errors, and
    // keep the cache of the last clean version so unchanged blocks are reused once it parses.
    state.last = { mode: 'full', reparsed: 1, reused: 0 };
    return parseYaml(text);
  }
  // The first version too is parsed block by block, against an empty cache: many small
  // parses cost the yaml library about a third less than one of the whole text, and hold
  // less memory at a time. A block that does not parse cleanly on its own sends the text to
  // a whole parse, which also seeds the cache when its pairs line up with the blocks.
  state.text = '';
  state.blocks = [];
  const assembled = assemble(text, blocks, state);
  if (assembled) {
    state.last = { mode: 'full', reparsed: blocks.length, reused: 0 };
    return assembled;
  }
  state.text = undefined;
  const parsed = parseYaml(text);
  if (!seed(parsed, text, blocks, state)) forget(state);
  state.last = { mode: 'full', reparsed: 1, reused: 0 };
  return parsed;
}

function forget(state: ParseState): void {
  state.text = undefined;
  state.blocks = [];
  state.last = { mode: 'full', reparsed: 1, reused: 0 };
}

/** Fills the cache with the pairs of a whole-text parse, block by block; false when they do not line up. */
function seed(parsed: ParsedYaml, text: string, blocks: Block[], state: ParseState): boolean {
  const root = parsed.doc?.contents;
  if (parsed.problems.length > 0 || !isMap(root)) return false;
  const cached: CachedBlock[] = [];
  let rootIndex = 0;
  let section: YAMLMap | undefined;
  let entryIndex = 0;
  for (const block of blocks) {
    let pair: unknown;
    if (block.kind === 'entry') {
      pair = section?.items[entryIndex++];
    } else {
      if (section && entryIndex !== section.items.length) return false;
      pair = root.items[rootIndex++];
      section = undefined;
      if (block.kind === 'header') {
        const value = isPair(pair) ? pair.value : undefined;
        if (!isMap(value) || value.flow) return false;
        section = value;
        entryIndex = 0;
      }
    }
    if (!isPair(pair)) return false;
    const keyStart = nodeRange(pair.key)?.[0];
    if (keyStart === undefined || keyStart < block.start || keyStart >= block.end) return false;
    cached.push({ start: block.start, end: block.end, kind: block.kind, pair });
  }
  if (rootIndex !== root.items.length || (section && entryIndex !== section.items.length)) return false;
  state.text = text;
  state.blocks = cached;
  return true;
}

/** Length of the common prefix and of the common suffix (not overlapping it) of two texts. */
function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  const limit = Math.min(before.length, after.length);
  // Whole chunks first, compared natively (a plan of megabytes is compared on every keystroke), then characters.
  let prefix = 0;
  while (prefix + CHUNK <= limit && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const suffixLimit = limit - prefix;
  const tail = (text: string, from: number) => text.slice(text.length - from - CHUNK, text.length - from);
  while (suffix + CHUNK <= suffixLimit && tail(before, suffix) === tail(after, suffix)) suffix += CHUNK;
  while (suffix < suffixLimit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** Characters compared at once by `commonEnds`. */
const CHUNK = 1024;

/**
 * A block whose text lies wholly before the first change or wholly after the last one is the
 * same text as a block of the previous version (at the same offset, or moved by the length
 * difference): its pair is reused and, if it moved, its ranges shifted. Only the rest is parsed.
 */
function assemble(text: string, blocks: Block[], state: ParseState): ParsedYaml | undefined {
  const before = state.text!;
  const { prefix, suffix } = commonEnds(before, text);
  const delta = text.length - before.length;
  const unchangedFrom = text.length - suffix;
  const old = state.blocks;
  let cursor = 0;
  const findOld = (start: number, end: number): CachedBlock | undefined => {
    while (cursor < old.length && old[cursor]!.start < start) cursor++;
    const candidate = old[cursor];
    return candidate && candidate.start === start && candidate.end === end ? candidate : undefined;
  };

  const next: CachedBlock[] = [];
  const moves: { block: CachedBlock; delta: number }[] = [];
  let reparsed = 0;
  for (const block of blocks) {
    let cached: CachedBlock | undefined;
    if (block.end <= prefix) cached = findOld(block.start, block.end);
    else if (block.start >= unchangedFrom) cached = findOld(block.start - delta, block.end - delta);
    if (cached && cached.kind === block.kind) {
      if (cached.start !== block.start) moves.push({ block: cached, delta: block.start - cached.start });
      next.push(cached);
      continue;
    }
    const blockText = text.slice(block.start, block.end);
    if (cutDeepNesting(blockText)) return undefined;
    const doc = parseDocument(blockText, yamlOptions) as Document.Parsed;
    reparsed++;
    const contents = doc.contents;
    if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(contents) || contents.items.length !== 1 || !isPair(contents.items[0])) return undefined;
    if (block.end < text.length && endsAtBlockEnd(contents.items[0], blockText.length)) return undefined;
    const fresh: CachedBlock = { start: 0, end: block.end - block.start, kind: block.kind, pair: contents.items[0] as Pair };
    moves.push({ block: fresh, delta: block.start });
    next.push(fresh);
  }
  // Ranges move only once the whole version is known to assemble, so a failed attempt leaves the cache intact.
  for (const { block, delta: by } of moves) shift(block, by);
  state.text = text;
  state.blocks = next;
  state.last = { mode: 'incremental', reparsed, reused: blocks.length - reparsed };
  return { text, lineIndex: new LineIndex(text), doc: documentOf(text, next), problems: [] };
}

/**
 * Whether the block's last node is an empty value at the block's end: an empty value (`owner:` with
 * nothing after it) is placed at the next token, which a whole parse finds in the next
 * block and a block parsed alone does not. Such a block is left to the whole parse.
 */
function endsAtBlockEnd(pair: Pair, length: number): boolean {
  let node: unknown = pair.value ?? pair.key;
  for (let depth = 0; (isMap(node) || isSeq(node)) && node.items.length > 0 && depth < 256; depth++) {
    const last: unknown = node.items[node.items.length - 1];
    node = isPair(last) ? (last.value ?? last.key) : last;
  }
  const range = nodeRange(node);
  return !!range && range[0] === range[1] && range[2] >= length;
}

function documentOf(text: string, blocks: CachedBlock[]): Document.Parsed {
  const root = new YAMLMap();
  let section: YAMLMap | undefined;
  for (const { kind, pair } of blocks) {
    if (kind === 'entry' && section) {
      // A section map starts at its first entry and ends where its last entry ends.
      const start = section.items.length === 0 ? nodeRange(pair.key)![0] : section.range![0];
      section.items.push(pair);
      const range = nodeRange(pair.value) ?? nodeRange(pair.key)!;
      section.range = [start, range[1], range[2]];
      continue;
    }
    if (kind === 'header') {
      // A fresh pair: the cached header pair keeps its own value untouched.
      section = new YAMLMap();
      const keyEnd = nodeRange(pair.key)![2];
      section.range = [keyEnd, keyEnd, keyEnd];
      root.items.push(new Pair(pair.key, section));
    } else {
      section = undefined;
      root.items.push(pair);
    }
  }
  const firstKey = nodeRange(root.items[0]!.key)!;
  root.range = [firstKey[0], text.length, text.length];
  const doc = new Document(null, yamlOptions) as unknown as Document.Parsed;
  doc.contents = root as Document.Parsed['contents'];
  (doc as { range: NodeRange }).range = [0, text.length, text.length];
  return doc;
}

/** Moves every node range of a cached block by `delta` characters. */
function shift(block: CachedBlock, delta: number): void {
  block.start += delta;
  block.end += delta;
  if (delta === 0) return;
  const ranges = (block.ranges ??= collectRanges(block));
  for (const range of ranges) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
}

function collectRanges(block: CachedBlock): NodeRange[] {
  const ranges: NodeRange[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const range = nodeRange(node);
    if (range) ranges.push(range);
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else {
          visit(item);
        }
      }
    }
  };
  visit(block.pair.key);
  // A header seeded from a whole parse holds the whole section as its value; its entries move on their own.
  if (block.kind !== 'header') visit(block.pair.value);
  return ranges;
}
