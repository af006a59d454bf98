// A line-by-line reading of YAML that works on half-typed text the parser gives up on:
// indentation, list dashes and `key:` are enough to know where the cursor is.

export interface LineShape {
  indent: number;
  /** Number of `- ` list markers before the content. */
  dashes: number;
  /** Column where the content after the indentation and dashes starts. */
  contentColumn: number;
  /** False for blank and comment-only lines. */
  hasContent: boolean;
  key: string | undefined;
  keyStart: number;
  /** Column just after the key's colon. */
  colonEnd: number;
  /** The value after `key:` without a trailing comment ('' when none). */
  value: string;
}

// A plain key (anything up to `: ` or `:` at the end) or a quoted one.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],"'&*!|>%@`](?:[^:#]|:(?=\S)|(?<=\S)#)*?)[ \t]*:(?=[ \t]|$)/;

export function shapeOf(line: string): LineShape {
  let column = 0;
  while (column < line.length && line[column] === ' ') column++;
  const indent = column;
  let dashes = 0;
  while (line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ')) {
    dashes++;
    column++;
    while (line[column] === ' ') column++;
  }
  const rest = line.slice(column);
  const hasContent = dashes > 0 || (rest.length > 0 && !rest.startsWith('#'));
  const match = KEY.exec(rest);
  if (!match) return { indent, dashes, contentColumn: column, hasContent, key: undefined, keyStart: column, colonEnd: column, value: '' };
  const raw = match[1]!;
  const key = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw.trimEnd();
  const colonEnd = column + match[0].length;
  const value = stripComment(line.slice(colonEnd)).trim();
  return { indent, dashes, contentColumn: column, hasContent, key, keyStart: column, colonEnd, value };
}

function stripComment(text: string): string {
  const match = /(^|\s)#/.exec(text);
  return match ? text.slice(0, match.index) : text;
}

/** Placeholder index for a list item in a plan path: any index reads the same schema. */
export const ITEM = 0;

/**
 * The plan path of the block mapping whose keys sit at `column` on line `line` — or, with
 * `listItem`, of the block list whose dashes sit there — found by walking up to the lines
 * with less indentation.
 */
export function containerPath(lines: readonly string[], line: number, column: number, listItem: boolean): (string | number)[] {
  const path: (string | number)[] = [];
  let col = column;
  // A list may be written flush with its key (`stages:` / `- aware` at the same column).
  let flushList = listItem;
  for (let l = line - 1; l >= 0 && (col > 0 || flushList); l--) {
    const shape = shapeOf(lines[l]!);
    if (!shape.hasContent) continue;
    if (shape.dashes > 0) {
      if (shape.indent >= col) continue;
      if (shape.key !== undefined && col > shape.contentColumn) path.unshift(shape.key);
      for (let i = 0; i < shape.dashes; i++) path.unshift(ITEM);
      col = shape.indent;
      flushList = true;
      continue;
    }
    if (shape.key === undefined) continue;
    if (shape.indent < col || (flushList && shape.indent === col && shape.value === '')) {
      path.unshift(shape.key);
      col = shape.indent;
      flushList = false;
    }
  }
  return path;
}

/**
 * Keys of the block mapping at `column` around line `line` (that line left out). With
 * `startsItem`, the mapping is a list item that begins on `line`, so nothing above belongs to it.
 */
export function siblingKeys(lines: readonly string[], line: number, column: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!startsItem) {
    for (let l = line - 1; l >= 0; l--) {
      const shape = shapeOf(lines[l]!);
      if (!shape.hasContent) continue;
      if (shape.dashes > 0 && shape.indent < column) {
        if (shape.contentColumn === column && shape.key !== undefined) keys.add(shape.key);
        break;
      }
      if (shape.indent < column) break;
      if (shape.indent === column && shape.dashes === 0 && shape.key !== undefined) keys.add(shape.key);
    }
  }
  for (let l = line + 1; l < lines.length; l++) {
    const shape = shapeOf(lines[l]!);
    if (!shape.hasContent) continue;
    if (shape.indent < column || (shape.dashes > 0 && shape.indent === column)) break;
    if (shape.indent === column && shape.key !== undefined) keys.add(shape.key);
  }
  return keys;
}
