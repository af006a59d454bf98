import { isAlias, isMap, isPair, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../../types.js';
import type { YamlEditContext } from './editContext.js';
import { colonAfter, contentEnd, findPair, isEmptyValue } from './nodes.js';
import { nodeRange } from '../../parse/reuse.js';
import { flowMapping, hasBlockMapping, mapping, nestUnder, renderBlock, renderFlow, renderFlowEntries, type YamlEntry } from './value.js';

export interface InsertOptions {
  /** In the target mapping, insert after the first of these keys that is present (default: as its last key). */
  after?: string[];
  /** Where a mapping missing on the path is created: after the first of these keys present in its parent. */
  createAfter?: string[];
}

interface MapPlace {
  map: YAMLMap;
  /** The pair whose value the map is; undefined for the document's root. */
  owner: Pair | undefined;
  ownerMap: YAMLMap | undefined;
}

/**
 * Edits that add `entries` to the mapping at `path` (keys from the root), creating the
 * mappings missing on the way. Block mappings get the lines at their own indentation; a
 * flow mapping gets the entries inline, or is rewritten as a block when it sits on one line
 * of a block mapping and the entries hold nested mappings; an empty value gets an indented
 * block. Undefined when the path leads to something that is not a mapping (a list, a text,
 * an alias).
 */
export function insertEntries(context: YamlEditContext, path: string[], entries: YamlEntry[], options: InsertOptions = {}): TextEdit[] | undefined {
  if (entries.length === 0) return undefined;
  const root = context.doc?.contents;
  if (root === null || root === undefined) return appendToDocument(context, nestUnder(path, entries));
  if (!isMap(root)) return undefined;
  let place: MapPlace = { map: root, owner: undefined, ownerMap: undefined };
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const rest = nestUnder(path.slice(i + 1), entries);
    const pair = findPair(place.map, key);
    if (!pair) return insertIntoMap(context, place, [{ key, value: mapping(rest) }], options.createAfter);
    if (isAlias(pair.value)) return undefined;
    // An incrementally assembled section with no entries is an empty block mapping.
    const emptyBlock = isMap(pair.value) && !pair.value.flow && pair.value.items.length === 0;
    if (isEmptyValue(pair.value) || emptyBlock) return insertUnderEmptyValue(context, place.map, pair, rest);
    if (!isMap(pair.value)) return undefined;
    place = { map: pair.value, owner: pair, ownerMap: place.map };
  }
  return insertIntoMap(context, place, entries, options.after);
}

function insertIntoMap(context: YamlEditContext, place: MapPlace, entries: YamlEntry[], after: string[] = []): TextEdit[] | undefined {
  const { map } = place;
  if (map.flow) return insertIntoFlowMap(context, place, entries);
  const pairs = map.items.filter(isPair);
  const anchor = after.map((key) => findPair(map, key)).find((pair) => pair !== undefined) ?? pairs[pairs.length - 1];
  const firstKey = nodeRange(pairs[0]?.key);
  const anchorKey = nodeRange(anchor?.key);
  if (!anchor || !firstKey || !anchorKey) return undefined;
  const indent = columnOf(context, firstKey[0]);
  const line = lineOfEnd(context, contentEnd(anchor.value, anchorKey[1]));
  const atRoot = place.owner === undefined;
  // Top-level sections separated by blank lines get one too.
  const blankBefore =
    atRoot && (isBlankLine(context, line + 1) || isBlankLine(context, lineAboveComments(context, context.lines.positionAt(anchorKey[0]).line)));
  return [insertAfterLine(context, line, renderBlock(entries, indent, context.indentStep), blankBefore)];
}

function insertUnderEmptyValue(context: YamlEditContext, map: YAMLMap, pair: Pair, entries: YamlEntry[]): TextEdit[] | undefined {
  const { text, lines } = context;
  const keyRange = nodeRange(pair.key);
  if (!keyRange) return undefined;
  const valueRange = nodeRange(pair.value);
  if (map.flow) {
    if (!valueRange) return undefined;
    const flow = renderFlow(flowMapping(entries));
    const newText = valueRange[0] === valueRange[1] ? `${flow} ` : flow;
    return [{ range: lines.range(valueRange[0], valueRange[1]), newText }];
  }
  const colon = colonAfter(text, keyRange[1]);
  if (colon === undefined) return undefined;
  const line = lines.positionAt(colon).line;
  const lineEnd = lineEndOffset(context, line);
  let rest = text.slice(colon + 1, lineEnd);
  if (valueRange && valueRange[1] > valueRange[0]) {
    // `key: ~` / `key: null`: the null goes, a comment after it stays.
    if (valueRange[1] > lineEnd || text.slice(colon + 1, valueRange[0]).trim() !== '') return undefined;
    rest = text.slice(valueRange[1], lineEnd);
  }
  if (rest.trim() === '') rest = '';
  const body = renderBlock(entries, columnOf(context, keyRange[0]) + context.indentStep, context.indentStep);
  return [{ range: lines.range(colon + 1, lineEnd), newText: `${rest}${context.eol}${body.join(context.eol)}` }];
}

function insertIntoFlowMap(context: YamlEditContext, place: MapPlace, entries: YamlEntry[]): TextEdit[] | undefined {
  const { text, lines } = context;
  const range = nodeRange(place.map);
  if (!range || text[range[1] - 1] !== '}') return undefined;
  if (hasBlockMapping(entries)) {
    const converted = flowToBlock(context, place, entries);
    if (converted) return converted;
  }
  const inner = renderFlowEntries(entries);
  const pairs = place.map.items.filter(isPair);
  const last = pairs[pairs.length - 1];
  if (!last) return [{ range: lines.range(range[0], range[1]), newText: `{ ${inner} }` }];
  const end = pairEnd(text, last);
  if (end === undefined) return undefined;
  let next = end;
  while (next < range[1] && /\s/.test(text[next]!)) next++;
  if (text[next] === ',') return [{ range: lines.range(next + 1, next + 1), newText: ` ${inner}` }];
  return [{ range: lines.range(end, end), newText: `, ${inner}` }];
}

/** `key: { a: 1 }  # c` → `key:  # c` with `a: 1` and the entries as indented lines below. */
function flowToBlock(context: YamlEditContext, { map, owner, ownerMap }: MapPlace, entries: YamlEntry[]): TextEdit[] | undefined {
  const { text, lines } = context;
  const range = nodeRange(map);
  const keyRange = nodeRange(owner?.key);
  if (!owner || !ownerMap || ownerMap.flow || !range || !keyRange) return undefined;
  if (!/^[ \t]*:[ \t]*$/.test(text.slice(keyRange[1], range[0]))) return undefined;
  const line = lines.positionAt(range[0]).line;
  if (lines.positionAt(keyRange[0]).line !== line || lines.positionAt(range[1] - 1).line !== line) return undefined;
  const lineEnd = lineEndOffset(context, line);
  const rest = text.slice(range[1], lineEnd);
  if (!/^\s*(#.*)?$/.test(rest)) return undefined;
  const indent = columnOf(context, keyRange[0]) + context.indentStep;
  const existing: string[] = [];
  for (const pair of map.items) {
    const start = nodeRange(pair.key)?.[0];
    const end = pairEnd(text, pair);
    if (start === undefined || end === undefined) return undefined;
    const source = text.slice(start, end);
    existing.push(`${' '.repeat(indent)}${source.endsWith(':') || hasValue(pair) ? source : `${source}:`}`);
  }
  const colon = keyRange[1] + text.slice(keyRange[1], range[0]).indexOf(':');
  const body = [...existing, ...renderBlock(entries, indent, context.indentStep)];
  return [{ range: lines.range(colon + 1, lineEnd), newText: `${rest.trim() === '' ? '' : rest}${context.eol}${body.join(context.eol)}` }];
}

function hasValue(pair: Pair): boolean {
  const range = nodeRange(pair.value);
  return range !== undefined && range[1] > range[0];
}

/** Where a pair's text ends: after its value, or after the `:` of an empty value. */
function pairEnd(text: string, pair: Pair): number | undefined {
  const valueRange = nodeRange(pair.value);
  if (valueRange && valueRange[1] > valueRange[0]) return valueRange[1];
  const keyEnd = nodeRange(pair.key)?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = colonAfter(text, keyEnd);
  return colon === undefined ? keyEnd : colon + 1;
}

function appendToDocument(context: YamlEditContext, entries: YamlEntry[]): TextEdit[] {
  const { text, eol } = context;
  const body = renderBlock(entries, 0, context.indentStep).join(eol);
  const end = context.lines.positionAt(text.length);
  const newText = text === '' ? `${body}${eol}` : /[\r\n]$/.test(text) ? `${body}${eol}` : `${eol}${body}`;
  return [{ range: { start: end, end }, newText }];
}

function insertAfterLine(context: YamlEditContext, line: number, body: string[], blankBefore: boolean): TextEdit {
  const offset = lineEndOffset(context, line);
  const position = context.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText: `${blankBefore ? context.eol : ''}${context.eol}${body.join(context.eol)}` };
}

/** The line of the last character before `end` (a block scalar's range ends after its line break). */
function lineOfEnd(context: YamlEditContext, end: number): number {
  return context.lines.positionAt(Math.max(0, end - 1)).line;
}

function lineEndOffset(context: YamlEditContext, line: number): number {
  return context.lines.lineStart(line) + context.lines.lineText(line).length;
}

function columnOf(context: YamlEditContext, offset: number): number {
  return context.lines.positionAt(offset).character;
}

/** A whitespace-only line followed by a line break (the empty rest after a final line break does not count). */
function isBlankLine(context: YamlEditContext, line: number): boolean {
  return line >= 0 && line < context.lines.lineCount - 1 && context.lines.lineText(line).trim() === '';
}

/** The line above `line` and the comment lines directly above it. */
function lineAboveComments(context: YamlEditContext, line: number): number {
  let above = line - 1;
  while (above >= 0 && context.lines.lineText(above).trimStart().startsWith('#')) above--;
  return above;
}
