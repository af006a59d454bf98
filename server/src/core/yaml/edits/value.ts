import { parse } from 'yaml';

// The YAML a quick fix inserts, as data: rendered in block style at a given indentation, or
// in flow style (`{ a: 1, b: [x, y] }`) where the surrounding YAML is a flow collection.

export type YamlScalar = string | number;

export interface YamlEntry {
  key: string;
  value: YamlValue;
  /** Written as `# comment` after the value on block lines; dropped in flow style. */
  comment?: string;
  /** Written as a comment line (`# key: value`) the user completes; left out in flow style. */
  commentedOut?: boolean;
}

/** A mapping written in block style where the context allows it. */
export interface YamlMapping {
  kind: 'mapping';
  entries: YamlEntry[];
}

/** A mapping always written inline: `{ model: data-driven, lookback: 30d }`. */
export interface YamlFlowMapping {
  kind: 'flow-mapping';
  entries: YamlEntry[];
}

export interface YamlFlowList {
  kind: 'flow-list';
  items: YamlScalar[];
}

export type YamlValue = YamlScalar | YamlMapping | YamlFlowMapping | YamlFlowList;

export const mapping = (entries: YamlEntry[]): YamlMapping => ({ kind: 'mapping', entries });
export const flowMapping = (entries: YamlEntry[]): YamlFlowMapping => ({ kind: 'flow-mapping', entries });
export const flowList = (items: YamlScalar[]): YamlFlowList => ({ kind: 'flow-list', items });

/** `[a, b, c]` under `path` → `a: { b: { c: entries } }`, as block mappings. */
export function nestUnder(path: string[], entries: YamlEntry[]): YamlEntry[] {
  return path.reduceRight<YamlEntry[]>((inner, key) => [{ key, value: mapping(inner) }], entries);
}

/** True when some entry holds a block mapping, which a single flow line would flatten. */
export function hasBlockMapping(entries: YamlEntry[]): boolean {
  return entries.some((entry) => typeof entry.value === 'object' && entry.value.kind === 'mapping' && entry.value.entries.length > 0);
}

/** Block-style lines (without line breaks) for entries at `indent` columns, nesting by `step`. */
export function renderBlock(entries: YamlEntry[], indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const entry of entries) {
    const key = scalarText(entry.key, false);
    const comment = entry.comment ? `  # ${entry.comment}` : '';
    const { value } = entry;
    if (typeof value === 'object' && value.kind === 'mapping' && value.entries.length > 0) {
      lines.push(`${pad}${key}:${comment}`);
      lines.push(...renderBlock(value.entries, indent + step, step));
    } else if (entry.commentedOut) {
      lines.push(`${pad}# ${key}: ${renderFlow(value)}${comment}`);
    } else {
      lines.push(`${pad}${key}: ${typeof value === 'object' ? renderFlow(value) : scalarText(value, false)}${comment}`);
    }
  }
  return lines;
}

/** Entries as the inside of a flow mapping: `a: 1, b: { c: 2 }`. */
export function renderFlowEntries(entries: YamlEntry[]): string {
  return entries
    .filter((entry) => !entry.commentedOut)
    .map((entry) => `${scalarText(entry.key, true)}: ${renderFlow(entry.value)}`)
    .join(', ');
}

export function renderFlow(value: YamlValue): string {
  if (typeof value !== 'object') return scalarText(value, true);
  if (value.kind === 'flow-list') return `[${value.items.map((item) => scalarText(item, true)).join(', ')}]`;
  const inner = renderFlowEntries(value.entries);
  return inner ? `{ ${inner} }` : '{}';
}

const PLAIN_UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const PLAIN_UNSAFE_ANYWHERE = /: |:$| #|\s$/;
const FLOW_INDICATOR = /[,[\]{}]/;

/**
 * The scalar as YAML text: plain when YAML reads it back as the same string (or number),
 * double-quoted otherwise. `flow` is true inside `{ }` / `[ ]`, where `,[]{}` end a plain scalar.
 */
export function scalarText(value: YamlScalar, flow: boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  const plainSafe =
    value !== '' &&
    !PLAIN_UNSAFE_START.test(value) &&
    !PLAIN_UNSAFE_ANYWHERE.test(value) &&
    !hasControlCharacter(value) &&
    !(flow && FLOW_INDICATOR.test(value)) &&
    readsBackAs(value);
  return plainSafe ? value : JSON.stringify(value);
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0xfeff) return true;
  }
  return false;
}

function readsBackAs(text: string): boolean {
  try {
    return parse(text) === text;
  } catch {
    return false;
  }
}
