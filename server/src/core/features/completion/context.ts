import { containerPath, ITEM, shapeOf, siblingKeys } from '../../yaml/lines.js';
import type { PathKey } from '../../yaml/path.js';

// Where the cursor is, read from the text around it (indentation, dashes, `key:`, open
// brackets) so that it works while the line is still being typed and the YAML is broken.

export type CursorContext =
  | {
      /** A key of the mapping at `path` is being typed. */
      kind: 'key';
      path: PathKey[];
      present: Set<string>;
      /** Column of the mapping's keys (for the indentation of inserted blocks). */
      column: number;
      /** The key is written inside `{ … }`: no block values can follow it. */
      flow: boolean;
    }
  | {
      /** The value of `key` in the mapping at `path`. */
      kind: 'value';
      path: PathKey[];
      key: string;
      /** The cursor sits right after the colon: inserted values need a leading space. */
      afterColon: boolean;
    }
  | {
      /** An item of the list at `path` (block `- ` or flow `[ … ]`). */
      kind: 'item';
      path: PathKey[];
      present: string[];
      /** A block list item, whose text could also start a mapping (`- on: …`). */
      block: boolean;
      presentKeys: Set<string>;
      column: number;
    };

export interface CursorWord {
  /** Column where the word being typed starts. */
  start: number;
  /** Column where it ends (the cursor, or further when the cursor is inside a word). */
  end: number;
  text: string;
}

export function cursorContext(lines: readonly string[], line: number, character: number): CursorContext | undefined {
  const text = lines[line] ?? '';
  const before = text.slice(0, Math.min(character, text.length));
  const flow = flowContext(lines, line, character);
  if (flow !== null) return flow;

  const shape = shapeOf(before);
  if (shape.indent < before.length && before.slice(shape.indent).startsWith('#')) return undefined;
  if (shape.key !== undefined) {
    // Inside a quoted or block text, or a comment, there is nothing to offer.
    const typed = before.slice(shape.colonEnd);
    if (/^\s*["'|>]/.test(typed) || /(^|\s)#/.test(typed)) return undefined;
    const path =
      shape.dashes > 0 ? [...containerPath(lines, line, shape.indent, true), ...items(shape.dashes)] : containerPath(lines, line, shape.indent, false);
    return { kind: 'value', path, key: shape.key, afterColon: before.endsWith(':') };
  }
  if (shape.dashes > 0) {
    const listPath = [...containerPath(lines, line, shape.indent, true), ...items(shape.dashes - 1)];
    const present = listItemsAround(lines, line, shape.indent);
    return {
      kind: 'item',
      path: listPath,
      present,
      block: true,
      presentKeys: siblingKeys(lines, line, shape.contentColumn, true),
      column: shape.contentColumn,
    };
  }
  const column = shape.hasContent ? shape.indent : Math.min(character, before.length);
  return { kind: 'key', path: containerPath(lines, line, column, false), present: siblingKeys(lines, line, column, false), column, flow: false };
}

function items(count: number): number[] {
  return Array.from({ length: count }, () => ITEM);
}

/** Scalar items of the block list whose dashes sit at `column`, around `line`. */
function listItemsAround(lines: readonly string[], line: number, column: number): string[] {
  const values: string[] = [];
  const visit = (l: number): boolean => {
    const shape = shapeOf(lines[l]!);
    if (!shape.hasContent) return true;
    if (shape.indent < column || (shape.indent === column && shape.dashes === 0)) return false;
    if (shape.indent === column && shape.key === undefined) {
      const value = lines[l]!.slice(shape.contentColumn)
        .replace(/\s+#.*$/, '')
        .trim();
      if (value) values.push(value);
    }
    return true;
  };
  for (let l = line - 1; l >= 0 && visit(l); l--);
  for (let l = line + 1; l < lines.length && visit(l); l++);
  return values;
}

interface Frame {
  open: '[' | '{';
  /** The key whose value this collection is; undefined for an item of the enclosing list. */
  key: string | undefined;
  /** Text of the entry being read. */
  entry: string;
  /** In a `{ … }`, the key of the entry being read once its colon is seen. */
  entryKey: string | undefined;
  entries: string[];
}

/**
 * The context inside an open `[` or `{` before the cursor, or null when the cursor is not in
 * a flow collection. The scan starts at the line that starts the block entry (a `key:` or a
 * `- ` line), so lists spread over several lines are understood too.
 */
function flowContext(lines: readonly string[], line: number, character: number): CursorContext | undefined | null {
  let start = line;
  for (let scanned = 0; start > 0 && scanned < 50; scanned++, start--) {
    const shape = shapeOf(lines[start]!);
    if (shape.key !== undefined || shape.dashes > 0) break;
  }
  const startShape = shapeOf(lines[start]!);
  const stack: Frame[] = [];
  let pendingKey = startShape.key;
  for (let l = start; l <= line; l++) {
    const text = l === line ? lines[l]!.slice(0, character) : lines[l]!;
    let i = l === start ? (startShape.key !== undefined ? startShape.colonEnd : startShape.contentColumn) : 0;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      const top = stack[stack.length - 1];
      if (ch === '"' || ch === "'") {
        const close = closingQuote(text, i);
        if (close < 0) return undefined;
        if (top) top.entry += text.slice(i, close + 1);
        i = close;
      } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
        break;
      } else if (ch === '[' || ch === '{') {
        const key = top ? (top.open === '{' ? top.entryKey : undefined) : pendingKey;
        stack.push({ open: ch, key, entry: '', entryKey: undefined, entries: [] });
        pendingKey = undefined;
      } else if (ch === ']' || ch === '}') {
        stack.pop();
        if (stack.length === 0) pendingKey = undefined;
      } else if (!top) {
        continue;
      } else if (ch === ',') {
        const entry = top.open === '{' ? (top.entryKey ?? top.entry.trim()) : top.entry.trim();
        if (entry) top.entries.push(entry);
        top.entry = '';
        top.entryKey = undefined;
      } else if (ch === ':' && top.open === '{' && top.entryKey === undefined && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) {
        top.entryKey = top.entry.trim();
        top.entry = '';
      } else {
        top.entry += ch;
      }
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return null;

  const base =
    startShape.dashes > 0
      ? [...containerPath(lines, start, startShape.indent, true), ...items(startShape.dashes)]
      : containerPath(lines, start, startShape.indent, false);
  const path: PathKey[] = [...base];
  stack.forEach((frame, index) => {
    if (frame.key !== undefined) path.push(frame.key);
    else if (index > 0 && stack[index - 1]!.open === '[') path.push(ITEM);
  });
  const rest = (lines[line] ?? '').slice(character);
  if (top.open === '[') {
    return { kind: 'item', path, present: [...top.entries, ...entriesAfter(rest, ']')], block: false, presentKeys: new Set(), column: 0 };
  }
  if (top.entryKey !== undefined) return { kind: 'value', path, key: top.entryKey, afterColon: /:$/.test((lines[line] ?? '').slice(0, character)) };
  const present = new Set([...top.entries, ...entriesAfter(rest, '}').map((entry) => entry.split(':')[0]!.trim())]);
  return { kind: 'key', path, present, column: 0, flow: true };
}

function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The entries after the cursor up to the collection's end on the same line. */
function entriesAfter(rest: string, close: ']' | '}'): string[] {
  const end = rest.indexOf(close);
  const inside = end < 0 ? rest : rest.slice(0, end);
  return inside
    .split(',')
    .slice(1)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The id-like word around the cursor: the text a completion replaces. */
export function wordAt(lineText: string, character: number): CursorWord {
  const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.-]/.test(ch);
  const cursor = Math.min(character, lineText.length);
  let start = cursor;
  while (start > 0 && isWord(lineText[start - 1])) start--;
  // A dash that starts the content is a list marker (`-` just typed), not part of the word.
  if (lineText[start] === '-' && /^\s*$/.test(lineText.slice(0, start)) && /^-*$/.test(lineText.slice(start, cursor))) start = cursor;
  let end = cursor;
  while (end < lineText.length && isWord(lineText[end])) end++;
  return { start, end, text: lineText.slice(start, cursor) };
}
