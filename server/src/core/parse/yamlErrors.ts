import { isCollection, isScalar, visit, type Document } from 'yaml';
import { excerpt } from '../text/quote.js';
import { nodeRange } from './reuse.js';

// Turns the YAML parser's errors into diagnostics a plan author can act on: the message says
// what to type, and an unclosed quote or bracket is shown where it opens, not at the end of
// the file where the parser gave up.

export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

const ADVICE: [RegExp, string][] = [
  [/^Tabs are not allowed as indentation/, 'A tab cannot indent YAML: indent with spaces.'],
  [/^Missing closing "quote/, 'This double-quoted value is never closed: add the closing `"` at the end of the value.'],
  [
    /^Missing closing 'quote/,
    "This single-quoted value is never closed: add the closing `'` at the end of the value (write `''` for an apostrophe inside it).",
  ],
  [/^Flow sequence .*end with a \]/, 'This `[` list is never closed: end it with `]` on the same line, or write the items as `- item` lines below the key.'],
  [/^Flow map .*end with a \}/, 'This `{` mapping is never closed: end it with `}` on the same line, or write it as indented `key: value` lines.'],
  [
    /^Implicit keys need to be on a single line/,
    'This line is not a `key: value` pair: finish it as `key: value` (a colon and a space after the key), or remove it.',
  ],
  [/^Implicit map keys need to be followed by map values/, 'This key has no value: add `: ` and a value after it.'],
  [
    /^Nested mappings are not allowed in compact mappings/,
    'A value that contains `: ` must be quoted (e.g. `why: "Organic base: lowers paid CPA"`); a nested key goes on its own line, indented under its parent.',
  ],
  [
    /^Block collections are not allowed within flow collections/,
    'Inside `{ }` or `[ ]`, quote a value that contains `: ` or starts with `- ` (e.g. `why: "Organic base: lowers paid CPA"`).',
  ],
  [/^All mapping items must start at the same column/, 'Line this key up with the keys above it (the same number of spaces).'],
  [/^All collection items must start at the same column/, 'Line this item up with the items above it (the same number of spaces).'],
  [/^A block sequence may not be used as an implicit map key/, 'A `- item` line belongs under a key that holds a list: indent it below that key.'],
  [/^Plain value cannot start with reserved character (\S)/, 'An unquoted value cannot start with $1: put the value in quotes.'],
  [/^Plain value cannot start with (?:a )?tab character/, 'An unquoted value cannot start with a tab: remove it, or put the value in quotes.'],
  [/^Invalid escape sequence (\S+)/, 'Inside double quotes $1 is not an escape: write `\\\\` for a backslash, or use single quotes.'],
  [/^Map keys must be unique/, 'This key is already set above: merge the two or remove one.'],
];

export function describeYamlError(error: YamlError): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  for (const [pattern, advice] of ADVICE) {
    const match = pattern.exec(first);
    if (match) return advice.replace(/\$(\d)/g, (_, index: string) => quoted(match[Number(index)] ?? ''));
  }
  // The parser's own message may end with text from the plan (`Unresolved tag: !…`): cut that, never the prose.
  const quotedTail = /^([^:]{1,80}: )(.*)$/.exec(first);
  const shown = quotedTail ? `${quotedTail[1]}${excerpt(quotedTail[2]!)}` : excerpt(first, 200);
  const sentence = shown.endsWith('.') ? shown : `${shown}.`;
  return error.code === 'BAD_INDENT' ? `${sentence} Check the indentation: nested keys need more spaces than their parent.` : sentence;
}

/** Text from the parser's message as inline code; a backtick cannot be shown that way. */
function quoted(text: string): string {
  return text === '`' ? 'a backtick' : `\`${excerpt(text)}\``;
}

/**
 * Where to show an error, as offsets. An unclosed quote or bracket is reported where the
 * parser gave up (often the end of the file): show it on the opening character instead.
 */
export function errorOffsets(error: YamlError, doc: Document.Parsed, text: string): [number, number] {
  const unclosed = /^(Missing closing ["']quote|Flow (sequence|map) .*end with a)/.test(error.message) ? openingBefore(doc, error.pos[0]) : undefined;
  const start = unclosed ?? error.pos[0];
  const lineEnd = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  if (unclosed !== undefined) return [start, lineEnd];
  // The parser's range often runs on into the next line; the mistake is on the first one.
  const end = error.pos[1];
  return [start, lineEnd < end && text.slice(start, lineEnd).trim() !== '' ? lineEnd : end];
}

/** The quoted scalar or flow collection that the parser closed at `offset` (the last that opens before it). */
function openingBefore(doc: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, (_key, node) => {
    const range = nodeRange(node);
    if (!range || range[1] !== offset) return;
    const opens = (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) || (isCollection(node) && node.flow === true);
    if (opens && (found === undefined || range[0] > found)) found = range[0];
  });
  return found;
}
