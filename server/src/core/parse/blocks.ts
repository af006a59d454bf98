// Splits a plan into independently parseable blocks: one per top-level key, and inside the
// id-keyed sections (`channels`, `kpis`, `milestones`) one per entry. Returns null whenever
// the text uses YAML that could tie blocks together (anchors, aliases, tags, directives,
// several documents, complex keys, a root that is not a block mapping): the caller then
// parses the whole text, so splitting never changes the result.
// Runs on every keystroke over the whole text, so it scans character codes and allocates
// nothing per line (only per root key and per entry).

export const ENTRY_SECTIONS = new Set(['channels', 'kpis', 'milestones']);

export interface Block {
  start: number;
  end: number;
  /** 'root': one top-level key and its value; 'header': `channels:` line of a split section; 'entry': one entry of it. */
  kind: 'root' | 'header' | 'entry';
  /** For headers and entries: the section they belong to. */
  section?: string;
}

const CROSS_BLOCK_SYNTAX = /(^|[\s[{,:-])[&*!][^\s]/;
/** The regular expression tries every position; most plans have none of its three characters, which a native search rules out at once. */
function mayTieBlocks(text: string): boolean {
  return (text.includes('&') || text.includes('*') || text.includes('!')) && CROSS_BLOCK_SYNTAX.test(text);
}
const ROOT_KEY_LINE = /^[A-Za-z0-9_][^#]*?:(\s|$)/;
const HEADER_ONLY = /^([A-Za-z0-9_]+):\s*(#.*)?$/;
const NOT_A_ROOT_KEY = /^(---|\.\.\.|%|\?)/;

const SPACE = 32;
const HASH = 35;
const DASH = 45;

/** `-`, `{`, `[` or `?`: an entry line that starts a list, a flow collection or a complex key. */
function opensNonKey(code: number): boolean {
  return code === DASH || code === 123 || code === 91 || code === 63;
}

interface Root {
  /** Offset of the key line. */
  start: number;
  section?: string;
  /** Offsets of the entry lines; null when the value is not split. */
  entries: number[] | null;
  childIndent: number;
}

export function splitBlocks(text: string): Block[] | null {
  if (mayTieBlocks(text) || text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  const roots: Root[] = [];
  const length = text.length;
  for (let lineStart = 0; lineStart < length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? length : newline;
    let first = lineStart;
    while (first < lineEnd && text.charCodeAt(first) === SPACE) first++;
    const code = text.charCodeAt(first);
    if (first < lineEnd && code !== HASH) {
      const indent = first - lineStart;
      const current = roots[roots.length - 1];
      if (indent === 0) {
        if (code === DASH) {
          if (!current) return null; // the root is a list
          current.entries = null; // a compact list under the previous key
        } else {
          const line = text.slice(lineStart, lineEnd);
          if (NOT_A_ROOT_KEY.test(line) || !ROOT_KEY_LINE.test(line)) return null;
          const header = HEADER_ONLY.exec(line);
          const section = header && ENTRY_SECTIONS.has(header[1]!) ? header[1]! : undefined;
          roots.push({ start: lineStart, section, entries: section ? [] : null, childIndent: -1 });
        }
      } else if (current?.entries) {
        if (current.childIndent === -1) current.childIndent = indent;
        if (indent < current.childIndent) current.entries = null;
        else if (indent === current.childIndent) {
          if (opensNonKey(code)) current.entries = null;
          else current.entries.push(lineStart);
        }
      }
    }
    lineStart = newline === -1 ? length : newline + 1;
  }
  if (roots.length === 0) return null;

  const blocks: Block[] = [];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]!;
    // Leading comments and blank lines join the first block; trailing ones the block above them.
    const start = i === 0 ? 0 : root.start;
    const end = i + 1 < roots.length ? roots[i + 1]!.start : length;
    const entries = root.entries;
    if (!entries || entries.length === 0) {
      blocks.push({ start, end, kind: 'root' });
      continue;
    }
    const section = root.section!;
    blocks.push({ start, end: entries[0]!, kind: 'header', section });
    for (let e = 0; e < entries.length; e++) {
      blocks.push({ start: entries[e]!, end: e + 1 < entries.length ? entries[e + 1]! : end, kind: 'entry', section });
    }
  }
  return blocks;
}
