import { Document, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type ParsedNode, type ScalarTag } from 'yaml';
import type { yamlOptions as YamlOptions } from './parseYaml.js';

/**
 * The shape most plans have, read straight into `yaml`'s own nodes: block mappings and
 * sequences indented with spaces, one-line plain and quoted scalars, one-line flow collections
 * of those, comments and blank lines. Anything else (anchors, aliases, tags, block scalars,
 * scalars over several lines, escapes, tabs, CRLF, a BOM, several documents, merge keys, and
 * everything `yaml` would report a problem in) is declined, and the caller parses the text
 * with `yaml` itself.
 *
 * What it returns is what `parseAllDocuments(text, yamlOptions)[0]` gives on the same text,
 * node for node: the same classes built in the same order, values resolved by the schema's own
 * tags, the same `range`, `source`, `type`, `format` and `flow` (`test/unit/simpleYaml.test.ts`
 * compares the two on every fixture and on generated texts). Comments and blank lines are
 * skipped, not kept (`comment`, `commentBefore`, `spaceBefore`): it is for plans read from
 * disk and checked without their tree (`analyzeLean`), whose readers never look at those.
 * Skipping `yaml`'s lexer, CST and composer makes the parse of such a file several times
 * faster (docs/performance.md).
 */
export function parseSimpleYaml(text: string, options: typeof YamlOptions): Document.Parsed | undefined {
  if (!looksSimple(text)) return undefined;
  try {
    return new SimpleParser(text, options).document();
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}

/** Thrown (without a stack) to leave the text to `yaml`. */
const DECLINED = Object.freeze({ declined: true });
const decline = (): never => {
  throw DECLINED;
};

/** Characters that `yaml` handles and this parser does not: tab, carriage return, BOM; and NUL and other controls, which yaml reports. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSUPPORTED_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;

/** Beyond this (a plan is some kilobytes), yaml's own parse and limits apply. */
const MAX_LENGTH = 2_000_000;

function looksSimple(text: string): boolean {
  return text.length > 0 && text.length <= MAX_LENGTH && !UNSUPPORTED_CHARACTERS.test(text);
}

const BLANK = -1;
const COMMENT = -2;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const COMMA = 0x2c;
const DASH = 0x2d;
const QUESTION_MARK = 0x3f;
const BACKSLASH = 0x5c;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const OPEN_SEQ = 0x5b;
const CLOSE_SEQ = 0x5d;
const OPEN_MAP = 0x7b;
const CLOSE_MAP = 0x7d;

/** A plain scalar may not start with these (or `-`, `?`, `:` before a space): `yaml` reads them as something else, or reports them. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** Inside a flow collection a plain scalar also ends at these. */
const FLOW_INDICATORS = new Set([...',[]{}'].map((c) => c.charCodeAt(0)));

/** `yaml` reports a key longer than this. */
const MAX_KEY_LENGTH = 1024;
/** Deeper than this is left to `yaml` (and to the nesting guard of parseYaml.ts). */
const MAX_DEPTH = 48;

interface Tags {
  key: readonly ScalarTag[];
  value: readonly ScalarTag[];
  string: ScalarTag;
  /** The tag of an empty value (`key:` with nothing after it). */
  empty: ScalarTag;
}

/** The schema's tags that resolve plain scalars, in the order `yaml` tries them (compose-scalar.js). */
function tagsOf(doc: Document): Tags {
  const scalarTags = doc.schema.tags.filter((tag): tag is ScalarTag => !('collection' in tag && tag.collection) && tag.test !== undefined);
  const string = doc.schema.tags.find((tag) => tag.tag === 'tag:yaml.org,2002:str') as ScalarTag | undefined;
  if (!string) throw new Error('the YAML schema has no string tag');
  const value = scalarTags.filter((tag) => tag.default === true);
  return {
    key: scalarTags.filter((tag) => tag.default === true || tag.default === 'key'),
    value,
    string,
    empty: value.find((tag) => tag.test!.test('')) ?? string,
  };
}

/** Whether the last value of the tree, in its block collections, is empty and has no comment. */
function endsEmpty(node: ParsedNode): boolean {
  let last: unknown = node;
  while ((isMap(last) || isSeq(last)) && !last.flow && last.items.length > 0) {
    const item: unknown = last.items[last.items.length - 1];
    last = isPair(item) ? item.value : item;
  }
  return isScalar(last) && last.source === '' && last.range![0] === last.range![2];
}

class SimpleParser {
  private readonly doc: Document.Parsed;
  private readonly tags: Tags;
  /** Start of each line, and its end (the `\n`, or the text's end). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Spaces before the line's first character; BLANK or COMMENT for lines without content. */
  private readonly indents: number[] = [];
  private readonly commentLines: number[] = [];
  private depth = 0;

  constructor(
    private readonly text: string,
    options: typeof YamlOptions,
  ) {
    this.doc = new Document(undefined, options) as Document.Parsed;
    this.tags = tagsOf(this.doc);
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let column = start;
      while (column < end && text.charCodeAt(column) === SPACE) column++;
      this.starts.push(start);
      this.ends.push(end);
      const isComment = column < end && text.charCodeAt(column) === HASH;
      // Document markers (`---`, `...`) are yaml's to read.
      if (column === start && (text.startsWith('---', start) || text.startsWith('...', start))) decline();
      this.indents.push(isComment ? COMMENT : column === end ? BLANK : column - start);
      if (isComment) this.commentLines.push(this.indents.length - 1);
      if (end === text.length) break;
      start = end + 1;
    }
    this.checkComments();
  }

  /**
   * A comment line indented deeper than the content after it belongs to what is above it:
   * `yaml` stretches that node's range over it. Left to `yaml`, as is anything else it does
   * with comments beyond skipping them.
   */
  private checkComments(): void {
    let c = this.commentLines.length - 1;
    // At the end of the text, what follows is the document's end, at column 0.
    let allowed = 0;
    for (let line = this.indents.length - 1; line >= 0 && c >= 0; line--) {
      if (this.indents[line]! >= 0) allowed = this.indents[line]!;
      else if (this.commentLines[c] === line) {
        c--;
        const start = this.starts[line]!;
        if (this.text.indexOf('#', start) - start > allowed) decline();
      }
    }
  }

  document(): Document.Parsed {
    const first = this.nextContent(0);
    if (first < 0 || this.indents[first] !== 0) decline();
    const { node, next } = this.blockMap(first, 0, this.starts[first]!);
    if (this.nextContent(next) >= 0) decline();
    this.doc.contents = node;
    const contentEnd = node.range[2];
    // The line breaks after a last empty value are in no range of yaml's, the document's neither.
    this.doc.range = [this.starts[first]!, contentEnd, endsEmpty(node) ? contentEnd : this.text.length];
    return this.doc;
  }

  /** Whether a comment line is among `from` to `to` (excluded). */
  private hasComment(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.indents[i] === COMMENT) return true;
    return false;
  }

  /** The first line at or after `line` that is neither blank nor a comment; -1 at the end. */
  private nextContent(line: number): number {
    for (let i = line; i < this.indents.length; i++) if (this.indents[i]! >= 0) return i;
    return -1;
  }

  /** Where the line's newline ends: a node's range ends there when the line ends it. */
  private lineEnd(line: number): number {
    return Math.min(this.ends[line]! + 1, this.text.length);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  /**
   * A block mapping whose first key starts at `firstKey` on `line` (after `- ` for a mapping
   * in a sequence item); its other keys start lines indented by `indent`.
   */
  private blockMap(line: number, indent: number, firstKey: number): { node: YAMLMap.Parsed; next: number } {
    this.enter();
    const map = new YAMLMap(this.doc.schema) as YAMLMap.Parsed;
    let keyStart = firstKey;
    let current = line;
    let end = firstKey;
    for (;;) {
      const entry = this.mapEntry(current, indent, keyStart);
      map.items.push(entry.pair);
      end = entry.end;
      const following = this.nextContent(entry.next);
      if (following < 0 || this.indents[following]! < indent) {
        current = entry.next;
        break;
      }
      if (this.indents[following]! > indent) decline();
      current = following;
      keyStart = this.starts[following]! + indent;
      if (this.text.charCodeAt(keyStart) === DASH && this.isSeqItem(keyStart)) decline();
    }
    map.range = [firstKey, end, end];
    this.depth--;
    return { node: map, next: current };
  }

  /** `key: value` at `keyStart`; the value may take the lines after it. */
  private mapEntry(line: number, indent: number, keyStart: number): { pair: Pair<ParsedNode, ParsedNode>; end: number; next: number } {
    const lineEnd = this.ends[line]!;
    const colon = this.keyEnd(keyStart, lineEnd);
    if (colon < 0) decline();
    const key = this.plain(keyStart, colon, colon, true);
    const valueStart = this.skipSpaces(colon + 1, lineEnd);
    if (valueStart === lineEnd || this.text.charCodeAt(valueStart) === HASH) {
      const value = this.blockValue(line, indent, valueStart, true);
      return { pair: new Pair<ParsedNode, ParsedNode>(key, value.node), end: value.node.range[2], next: value.next };
    }
    const node = this.inlineValue(valueStart, line);
    this.nothingMoreIndented(line + 1, indent);
    return { pair: new Pair<ParsedNode, ParsedNode>(key, node), end: node.range[2], next: line + 1 };
  }

  /**
   * The value of a key or item that has nothing after it on its line: the block indented below
   * it (for a key, also a sequence at the key's own indentation), or an empty scalar at `at`
   * (after the spaces; a comment there is within its range, as `yaml` places it).
   */
  private blockValue(line: number, indent: number, at: number, ofKey: boolean): { node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed; next: number } {
    const following = this.nextContent(line + 1);
    const followingIndent = following < 0 ? -1 : this.indents[following]!;
    if (following >= 0 && (followingIndent > indent || (ofKey && followingIndent === indent))) {
      const column = this.starts[following]! + followingIndent;
      if (this.isSeqItem(column)) return this.blockSeq(following, followingIndent);
      if (followingIndent > indent) return this.blockMap(following, followingIndent, column);
    }
    const commented = at < this.ends[line]!;
    // Comment lines after an empty value: `yaml` may stretch the value over them or not.
    if (!commented && this.hasComment(line + 1, following < 0 ? this.indents.length : following)) decline();
    // After a comment, `yaml` may stretch the empty value over the lines after it: taken only
    // where the next line has content at column 0, or there is none.
    if (commented && line + 1 < this.starts.length && this.indents[line + 1] !== 0 && this.ends[line]! + 1 < this.text.length) decline();
    return { node: this.emptyScalar(at, commented ? this.lineEnd(line) : at), next: line + 1 };
  }

  private emptyScalar(at: number, end: number): Scalar.Parsed {
    return this.resolved(this.tags.empty, '', at, at, end, 'PLAIN');
  }

  private isSeqItem(column: number): boolean {
    if (this.text.charCodeAt(column) !== DASH) return false;
    const after = this.text.charCodeAt(column + 1);
    return after === SPACE || after === NEWLINE || column + 1 === this.text.length;
  }

  private blockSeq(line: number, indent: number): { node: YAMLSeq.Parsed; next: number } {
    this.enter();
    const seq = new YAMLSeq(this.doc.schema) as YAMLSeq.Parsed;
    const first = this.starts[line]! + indent;
    let current = line;
    let end = first;
    for (;;) {
      const item = this.seqItem(current, indent);
      seq.items.push(item.node);
      end = item.node.range[2];
      const following = this.nextContent(item.next);
      if (following < 0 || this.indents[following]! < indent) {
        current = item.next;
        break;
      }
      if (this.indents[following]! > indent || !this.isSeqItem(this.starts[following]! + indent)) {
        // The next key of the mapping this sequence is the value of, at the same indentation;
        // `yaml` gives the sequence the comments before that key.
        if (this.hasComment(item.next, following)) decline();
        current = following;
        break;
      }
      // An empty item (`-` alone) after comment lines: `yaml` stretches its range over them.
      const nextEnd = this.ends[following]!;
      if (this.skipSpaces(this.starts[following]! + indent + 1, nextEnd) === nextEnd && this.hasComment(item.next, following)) decline();
      current = following;
    }
    seq.range = [first, end, end];
    this.depth--;
    return { node: seq, next: current };
  }

  private seqItem(line: number, indent: number): { node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed; next: number } {
    const dash = this.starts[line]! + indent;
    const lineEnd = this.ends[line]!;
    const itemStart = this.skipSpaces(dash + 1, lineEnd);
    if (itemStart === lineEnd || this.text.charCodeAt(itemStart) === HASH) return this.blockValue(line, indent, itemStart, false);
    const code = this.text.charCodeAt(itemStart);
    if (code !== OPEN_SEQ && code !== OPEN_MAP && code !== SINGLE_QUOTE && code !== DOUBLE_QUOTE && this.keyEnd(itemStart, lineEnd) >= 0) {
      // `- key: value`: a mapping whose keys line up with this first one.
      return this.blockMap(line, itemStart - this.starts[line]!, itemStart);
    }
    const node = this.inlineValue(itemStart, line);
    this.nothingMoreIndented(line + 1, indent);
    return { node, next: line + 1 };
  }

  /** A line more indented than `indent` after a one-line value would continue it: left to `yaml`. */
  private nothingMoreIndented(line: number, indent: number): void {
    const following = this.nextContent(line);
    if (following >= 0 && this.indents[following]! > indent) decline();
  }

  /** The `:` that ends a plain key starting at `start`, or -1 when the line holds no such key. */
  private keyEnd(start: number, lineEnd: number): number {
    const first = this.text.charCodeAt(start);
    if (INDICATORS.has(first)) return -1;
    for (let i = start + 1; i < lineEnd; i++) {
      const code = this.text.charCodeAt(i);
      if (code === COLON) {
        const after = i + 1 === lineEnd ? SPACE : this.text.charCodeAt(i + 1);
        if (after !== SPACE) continue;
        if (this.text.charCodeAt(i - 1) === SPACE || i - start > MAX_KEY_LENGTH) decline();
        return i;
      }
      if (code === HASH && this.text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private skipSpaces(from: number, to: number): number {
    let i = from;
    while (i < to && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A value that starts at `start` and ends on its line; its range ends after the line's newline. */
  private inlineValue(start: number, line: number): Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed {
    const lineEnd = this.ends[line]!;
    const code = this.text.charCodeAt(start);
    let node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;
    let valueEnd: number;
    if (code === OPEN_SEQ || code === OPEN_MAP) {
      const flow = this.flowCollection(start, lineEnd);
      node = flow.node;
      valueEnd = flow.end;
    } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      valueEnd = this.quotedEnd(start, lineEnd);
      node = this.quoted(start, valueEnd, valueEnd);
    } else {
      valueEnd = this.plainEnd(start, lineEnd);
      node = this.plain(start, valueEnd, valueEnd, false);
    }
    const rest = this.skipSpaces(valueEnd, lineEnd);
    if (rest < lineEnd && (this.text.charCodeAt(rest) !== HASH || rest === valueEnd)) decline();
    node.range[2] = this.lineEnd(line);
    return node;
  }

  /** Where a one-line plain scalar in block context ends (before trailing spaces and a comment). */
  private plainEnd(start: number, lineEnd: number): number {
    if (INDICATORS.has(this.text.charCodeAt(start))) {
      const code = this.text.charCodeAt(start);
      const after = this.text.charCodeAt(start + 1);
      // `-5`, `-x`, `?x`, `:x` are plain scalars; anything else starting with an indicator is not.
      if (!((code === DASH || code === COLON || code === QUESTION_MARK) && start + 1 < lineEnd && after !== SPACE)) decline();
    }
    let end = start;
    for (let i = start; i < lineEnd; i++) {
      const code = this.text.charCodeAt(i);
      if (code === SPACE) continue;
      if (code === HASH && this.text.charCodeAt(i - 1) === SPACE) break;
      // `key: a: b` or a trailing `:` would be a mapping where a scalar is.
      if (code === COLON && (i + 1 === lineEnd || this.text.charCodeAt(i + 1) === SPACE)) decline();
      end = i + 1;
    }
    return end;
  }

  /** The end of a one-line quoted scalar (after its closing quote). */
  private quotedEnd(start: number, lineEnd: number): number {
    const quote = this.text.charCodeAt(start);
    for (let i = start + 1; i < lineEnd; i++) {
      const code = this.text.charCodeAt(i);
      if (quote === DOUBLE_QUOTE && code === BACKSLASH) decline();
      if (code !== quote) continue;
      if (quote === SINGLE_QUOTE && this.text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        i++;
        continue;
      }
      return i + 1;
    }
    return decline();
  }

  private quoted(start: number, valueEnd: number, end: number): Scalar.Parsed {
    const single = this.text.charCodeAt(start) === SINGLE_QUOTE;
    const inner = this.text.slice(start + 1, valueEnd - 1);
    const value = single ? inner.replace(/''/g, "'") : inner;
    return this.resolved(this.tags.string, value, start, valueEnd, end, single ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE');
  }

  private plain(start: number, valueEnd: number, end: number, atKey: boolean): Scalar.Parsed {
    const source = this.text.slice(start, valueEnd);
    const tags = atKey ? this.tags.key : this.tags.value;
    const tag = tags.find((candidate) => candidate.test!.test(source)) ?? this.tags.string;
    // A merge key (`<<`) is resolved by merge.ts on the tree `yaml` builds.
    if (atKey && tag.default === 'key') decline();
    return this.resolved(tag, source, start, valueEnd, end, 'PLAIN');
  }

  private resolved(tag: ScalarTag, source: string, start: number, valueEnd: number, end: number, type: Scalar.Type): Scalar.Parsed {
    const resolved = tag.resolve(source, decline, this.doc.options);
    const scalar = (isScalar(resolved) ? resolved : new Scalar(resolved)) as Scalar.Parsed;
    scalar.range = [start, valueEnd, end];
    scalar.source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** A flow collection that opens at `start` and closes on the same line; nested ones too. */
  private flowCollection(start: number, lineEnd: number): { node: YAMLMap.Parsed | YAMLSeq.Parsed; end: number } {
    this.enter();
    const isMap = this.text.charCodeAt(start) === OPEN_MAP;
    const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
    const collection = (isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema)) as YAMLMap.Parsed | YAMLSeq.Parsed;
    collection.flow = true;
    let at = this.skipSpaces(start + 1, lineEnd);
    if (this.text.charCodeAt(at) !== close) {
      for (;;) {
        const first = this.flowNode(at, lineEnd, isMap);
        let after = first.end;
        if (isMap) {
          if (this.text.charCodeAt(after) !== COLON || this.text.charCodeAt(after + 1) !== SPACE) decline();
          const value = this.flowNode(this.skipSpaces(after + 1, lineEnd), lineEnd, false);
          (collection as YAMLMap.Parsed).items.push(new Pair<ParsedNode, ParsedNode>(first.node, value.node));
          after = value.end;
        } else {
          if (this.text.charCodeAt(after) === COLON) decline();
          (collection as YAMLSeq.Parsed).items.push(first.node);
        }
        const code = this.text.charCodeAt(after);
        if (code === close) {
          at = after;
          break;
        }
        if (code !== COMMA) decline();
        at = this.skipSpaces(after + 1, lineEnd);
        // A trailing comma, an empty entry or the line's end: left to `yaml`.
        if (at >= lineEnd || this.text.charCodeAt(at) === close || this.text.charCodeAt(at) === COMMA) decline();
      }
    }
    collection.range = [start, at + 1, at + 1];
    this.depth--;
    return { node: collection, end: at + 1 };
  }

  /**
   * A scalar or nested collection inside a flow collection at `start`. Its range ends after the
   * spaces that follow it, where `end` (the next `,`, `:` or closing bracket) is.
   */
  private flowNode(start: number, lineEnd: number, atKey: boolean): { node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed; end: number } {
    if (start >= lineEnd) decline();
    const code = this.text.charCodeAt(start);
    let node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed;
    let valueEnd: number;
    if (code === OPEN_SEQ || code === OPEN_MAP) {
      if (atKey) decline();
      const flow = this.flowCollection(start, lineEnd);
      node = flow.node;
      valueEnd = flow.end;
    } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
      if (atKey) decline();
      valueEnd = this.quotedEnd(start, lineEnd);
      node = this.quoted(start, valueEnd, valueEnd);
    } else {
      if (INDICATORS.has(code)) decline();
      valueEnd = start;
      for (let i = start; i < lineEnd; i++) {
        const c = this.text.charCodeAt(i);
        if (FLOW_INDICATORS.has(c) || c === COLON) break;
        if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) decline();
        if (c !== SPACE) valueEnd = i + 1;
      }
      node = this.plain(start, valueEnd, valueEnd, atKey);
    }
    const end = this.skipSpaces(valueEnd, lineEnd);
    // `{ key  : value }`: yaml's key range leaves those spaces out.
    if (atKey && end > valueEnd) decline();
    node.range[2] = end;
    return { node, end };
  }
}
