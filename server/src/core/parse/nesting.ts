// The yaml parser recurses once per nesting level and overflows the stack somewhere past a
// few hundred levels, at a point that depends on the stack already in use: the same text
// would give different errors from one keystroke to the next. No plan needs more than a
// handful of levels, so whatever nests deeper than MAX_NESTING is blanked out (same length,
// line breaks kept, so every offset stays true) before the parser sees it, and reported once.

export const MAX_NESTING = 100;

export interface NestingCut {
  /** Where the text first nests deeper than the limit. */
  offset: number;
  /** The text with every character nested deeper than the limit replaced by a space. */
  text: string;
}

const BLOCK_SCALAR_HEADER = /[|>][+-]?[1-9]?[+-]?$/;
const BLOCK_SCALAR_END = /[|>+\-1-9]/;

/** Undefined when the text stays within the limit (the common case: one linear scan, no copy). */
export function cutDeepNesting(text: string, limit = MAX_NESTING): NestingCut | undefined {
  let first = -1;
  /** Spans to blank, in text order; adjacent spans merge. */
  const spans: [number, number][] = [];
  const blank = (from: number, to: number) => {
    if (to <= from) return;
    const last = spans[spans.length - 1];
    if (last && last[1] === from) last[1] = to;
    else spans.push([from, to]);
  };

  const indents: number[] = [];
  let flow = 0;
  /** Flow depth at which blanking started; -1 when not blanking inside flow. */
  let flowCutAt = -1;
  let blockScalarIndent = -1;
  const nextLineEnd = lineEnds(text);
  let i = 0;
  while (i < text.length) {
    const lineEnd = nextLineEnd(i);
    /** The indentation of a block-context line, which may open a block scalar; -1 inside flow. */
    let blockIndent = -1;
    if (flow === 0) {
      let indent = 0;
      while (text[i + indent] === ' ') indent++;
      const content = i + indent;
      const empty = content >= lineEnd || text[content] === '#';
      if (blockScalarIndent >= 0 && (empty || indent > blockScalarIndent)) {
        i = skipBreak(text, lineEnd);
        continue;
      }
      blockScalarIndent = -1;
      if (empty) {
        i = skipBreak(text, lineEnd);
        continue;
      }
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let depth = indents.length;
      let at = content;
      while (text[at] === '-' && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
        depth++;
        at += 2;
        while (text[at] === ' ') at++;
      }
      if (depth > limit) {
        if (first < 0) first = content;
        blank(content, lineEnd);
        i = skipBreak(text, lineEnd);
        continue;
      }
      blockIndent = indent;
    }
    // Flow collections, quotes and comments on the rest of the line.
    let at = i;
    let quote = '';
    /** Just after the last character that is not a space or part of a comment. */
    let significantEnd = i;
    while (at < lineEnd) {
      const c = text[at]!;
      if (c !== ' ' && c !== '\t' && (quote || c !== '#')) significantEnd = at + 1;
      if (quote) {
        if (c === '\\' && quote === '"') at++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '#' && (at === 0 || /\s/.test(text[at - 1]!))) {
        break;
      } else if (c === '[' || c === '{') {
        flow++;
        if (flowCutAt < 0 && flow + indents.length > limit) {
          flowCutAt = flow;
          if (first < 0) first = at;
        }
      } else if ((c === ']' || c === '}') && flow > 0) {
        if (flowCutAt === flow) {
          blank(at, at + 1);
          flowCutAt = -1;
          flow--;
          at++;
          continue;
        }
        flow--;
      }
      if (flowCutAt >= 0) blank(at, at + 1);
      at++;
    }
    if (flowCutAt >= 0) blank(at, lineEnd);
    // Only a line ending in an indicator character can open a block scalar: test just those.
    if (blockIndent >= 0 && significantEnd > i && BLOCK_SCALAR_END.test(text[significantEnd - 1]!) && BLOCK_SCALAR_HEADER.test(text.slice(i, significantEnd)))
      blockScalarIndent = blockIndent;
    i = skipBreak(text, lineEnd);
  }
  if (first < 0) return undefined;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(from, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
    from = end;
  }
  parts.push(text.slice(from));
  return { offset: first, text: parts.join('') };
}

/** Finds line ends with the native search, remembering the next `\n` and `\r` so that each is searched for once. */
function lineEnds(text: string): (from: number) => number {
  let lf = -1;
  let cr = -1;
  return (from) => {
    if (lf < from) lf = text.indexOf('\n', from);
    if (lf < 0) lf = text.length;
    if (cr < from) cr = text.indexOf('\r', from);
    if (cr < 0) cr = text.length;
    return Math.min(lf, cr);
  };
}

function skipBreak(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd + 1;
}
