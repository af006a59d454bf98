import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, type Document } from 'yaml';
import { parseYaml } from '../../parse/parseYaml.js';

// The formatter's safety net: the formatted text must parse as cleanly as the original, hold
// the same data (same scalars with the same tags, anchors and aliases, the same mappings and
// lists; with sorted keys, mappings compared without their order) and the same comments.
// Anything else is a formatter bug, and the plan is left as it was.

function shapeOf(node: unknown, unordered: boolean, depth = 0): string {
  if (depth > 400) return '…';
  const props = (value: { anchor?: string | null; tag?: string | null }) => `${value.anchor ? `&${value.anchor}` : ''}${value.tag ? `!${value.tag}` : ''}`;
  if (node === null || node === undefined) return '~';
  if (isAlias(node)) return `*${JSON.stringify(node.source)}`;
  if (isScalar(node)) return `${props(node)}=${typeof node.value}:${JSON.stringify(String(node.value))}`;
  if (isMap(node)) {
    const pairs = node.items.map((pair) => (isPair(pair) ? `(${shapeOf(pair.key, unordered, depth + 1)}:${shapeOf(pair.value, unordered, depth + 1)})` : '?'));
    if (unordered) pairs.sort();
    return `{${props(node)}${pairs.join(',')}}`;
  }
  if (isSeq(node)) return `[${props(node)}${node.items.map((item) => shapeOf(item, unordered, depth + 1)).join(',')}]`;
  return '?';
}

function comments(text: string): string[] {
  const found: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) found.push(token.trimEnd());
  return found;
}

export interface Original {
  text: string;
  doc: Document.Parsed | null;
}

/** Why the formatted text is not a faithful copy of the original, or undefined when it is. */
export function unfaithful(original: Original, formatted: string, keysMoved: boolean): string | undefined {
  const parsed = parseYaml(formatted);
  const error = parsed.problems.find((problem) => problem.severity === 'error');
  if (error) return `the result would not parse (line ${error.range.start.line + 1}: ${error.message})`;
  const before = shapeOf(original.doc?.contents, keysMoved);
  const after = shapeOf(parsed.doc?.contents, keysMoved);
  if (before !== after) return 'the result would hold different data';
  const commentsBefore = comments(original.text);
  const commentsAfter = comments(formatted);
  if (keysMoved) {
    commentsBefore.sort();
    commentsAfter.sort();
  }
  if (commentsBefore.join('\n') !== commentsAfter.join('\n')) return 'the result would lose or change a comment';
  return undefined;
}
