import type { CST } from 'yaml';
import type { LineIndex } from '../../text/lineIndex.js';
import type { PathKey } from '../../yaml/path.js';
import { syntheticLevel, type Atom, type Chain, type Level } from './atoms.js';
import { colonGap, flowItems, flowPieces, isFlowScalar, keptRun, keyText, piecesWidth, propPieces, type FlowItem, type Piece } from './flow.js';
import { schemaKeyOrder, sortedOrder, type SortableItem } from './keyOrder.js';
import type { Layout } from './layout.js';

// Turns the YAML concrete syntax tree (which keeps every space and comment) into atoms:
// each token with where it goes. Block collections get the file's indent unit; scalars are
// copied as written (their continuation lines move with their collection); flow collections
// are written on one line, or as block collections when that line would be too long.

export interface PrintOptions {
  sortKeys: boolean;
  lineWidth: number;
}

interface Ctx {
  chain: Chain;
  path: PathKey[];
  /** How far the innermost block collection moves: continuation lines move with it. */
  delta: number;
}

/** Where a node sits: what its first line starts after, and what its block form would be indented by. */
type Pos = { kind: 'root' } | { kind: 'key' } | { kind: 'map-value'; level: Level; props: boolean } | { kind: 'seq-item'; level: Level; props: boolean };

type Placement = { place: 'line'; indent: number; chain: Chain | undefined } | { place: 'inline'; gap: number };

interface MapChunk {
  /** Where the item's atoms lie: [start, bodyStart) its leading blank lines, [bodyStart, end) the rest. */
  start: number;
  bodyStart: number;
  end: number;
  sort: SortableItem;
  /** The first atom after the `:` on the key's line, its run as written, and the width of what precedes it on the line. */
  align: { atom: Extract<Atom, { kind: 'text' }>; run: number; before: number } | undefined;
}

const ROOT: Ctx = { chain: [], path: [], delta: 0 };

export class Printer {
  private atoms: Atom[] = [];
  /** In the original token stream: nothing but indentation since the last line break. */
  private atLineStart = true;
  /** Length of the last run of spaces on the current line. */
  private run = 0;
  /** Set right after a block mapping's `:`: the next atom on that line is a candidate for column alignment. */
  private alignNext: { run: number } | undefined;
  private aligned: MapChunk['align'];
  /** Comments between a key and the first key of the mapping under it: they belong to that first key. */
  private deferred: CST.SourceToken[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly layout: Layout,
    private readonly options: PrintOptions,
  ) {}

  print(tokens: Iterable<CST.Token>): Atom[] {
    for (const token of tokens) {
      if (token.type === 'document') {
        for (const part of token.start) this.source(part, ROOT);
        if (token.value) this.node(token.value, ROOT, { kind: 'root' });
        for (const part of token.end ?? []) this.source(part, ROOT);
      } else if (token.type === 'doc-end') {
        this.marker(token.source, token.offset);
        for (const part of token.end ?? []) this.source(part, ROOT);
      } else if (token.type === 'directive') {
        this.marker(token.source, token.offset);
      } else if (token.type !== 'error') {
        this.source(token as CST.SourceToken, ROOT);
      }
    }
    return this.atoms;
  }

  // —— tokens ——

  private column(offset: number): number {
    return this.lines.positionAt(offset).character;
  }

  private push(atom: Atom): void {
    this.atoms.push(atom);
    if (atom.kind === 'break') {
      this.atLineStart = true;
      this.alignNext = undefined;
    } else {
      this.atLineStart = false;
    }
    this.run = 0;
  }

  private pushText(text: string, from: number | undefined, placement: Placement, indicator = false): Extract<Atom, { kind: 'text' }> {
    const atom: Extract<Atom, { kind: 'text' }> =
      placement.place === 'line'
        ? { kind: 'text', text, from, place: 'line', gap: 0, indent: placement.indent, chain: placement.chain, indicator }
        : { kind: 'text', text, from, place: 'inline', gap: placement.gap, indent: 0, indicator };
    if (this.alignNext && placement.place === 'inline') this.aligned = { atom, run: this.alignNext.run, before: 0 };
    this.alignNext = undefined;
    this.push(atom);
    return atom;
  }

  /** Spaces, line breaks, comments and document markers, wherever they occur. */
  private source(token: CST.SourceToken, ctx: Ctx): void {
    switch (token.type) {
      case 'space':
        if (!this.atLineStart) this.run = token.source.length;
        return;
      case 'newline':
        this.push({ kind: 'break', from: token.offset, source: token.source });
        return;
      case 'comment':
        this.alignNext = undefined;
        this.push({ kind: 'comment', text: token.source, from: token.offset, ownLine: this.atLineStart, column: this.column(token.offset), gap: this.run });
        return;
      case 'byte-order-mark':
        return;
      case 'doc-start':
      case 'directive-line':
      case 'doc-mode':
        this.marker(token.source, token.offset);
        return;
      default:
        this.pushText(token.source, token.offset, this.atLineStart ? this.valueLine(ctx) : { place: 'inline', gap: Math.max(1, this.run) });
    }
  }

  /** `---`, `...` and directives: at the start of their line, as written. */
  private marker(text: string, from: number): void {
    this.pushText(text, from, this.atLineStart ? { place: 'line', indent: 0, chain: undefined } : { place: 'inline', gap: 1 });
  }

  /** A value that starts on the line after its key or `-`: one unit deeper than its collection. */
  private valueLine(ctx: Ctx): Placement {
    const level = ctx.chain[ctx.chain.length - 1];
    return { place: 'line', indent: level ? level.new + this.layout.unit : 0, chain: ctx.chain };
  }

  // —— nodes ——

  private node(token: CST.Token, ctx: Ctx, pos: Pos): void {
    switch (token.type) {
      case 'block-map':
      case 'block-seq': {
        const indent = this.blockIndent(token, pos);
        if (token.type === 'block-map') this.blockMap(token, indent, ctx);
        else this.blockSeq(token, indent, ctx);
        return;
      }
      case 'flow-collection':
        this.flow(token, ctx, pos, this.placement(ctx, pos));
        return;
      case 'block-scalar':
        this.blockScalar(token, ctx, this.placement(ctx, pos));
        return;
      default:
        if (isFlowScalar(token)) this.flowScalar(token, ctx, this.placement(ctx, pos));
        else this.source(token as CST.SourceToken, ctx);
    }
  }

  private placement(ctx: Ctx, pos: Pos): Placement {
    if (this.atLineStart) return pos.kind === 'root' ? { place: 'line', indent: 0, chain: ctx.chain } : this.valueLine(ctx);
    return { place: 'inline', gap: 1 };
  }

  private blockIndent(token: CST.BlockMap | CST.BlockSequence, pos: Pos): number {
    if (pos.kind === 'root' || pos.kind === 'key') return 0;
    const at = pos.level.new;
    // On the line of a `-`, `?` or explicit `:`: right after the indicator and its space.
    if (!this.atLineStart) return at + 2;
    if (pos.kind === 'map-value') return token.type === 'block-map' ? at + this.layout.unit : at + this.layout.seqOffset;
    return at + this.layout.unit;
  }

  private flowScalar(token: CST.FlowScalar, ctx: Ctx, placement: Placement): void {
    this.multiLine(token.source, token.offset, ctx, placement, false);
    for (const part of token.end ?? []) this.source(part, ctx);
  }

  /**
   * Text that may run over several lines (a quoted or plain scalar, a flow collection kept as
   * written): the first line where `placement` says, the others moved with their collection.
   * Lines of only spaces are empty lines there; their spaces (and, with `trim`, trailing ones) mean nothing.
   */
  private multiLine(text: string, from: number, ctx: Ctx, placement: Placement, trim: boolean): void {
    const parts = text.split(/(\r?\n)/);
    const first = trim ? parts[0]!.replace(/[ \t]+$/, '') : parts[0]!;
    this.pushText(first, from, placement);
    let offset = from + parts[0]!.length;
    for (let i = 1; i < parts.length; i += 2) {
      const lineBreak = parts[i]!;
      const line = parts[i + 1]!;
      this.push({ kind: 'break', from: offset, source: lineBreak, verbatim: true });
      offset += lineBreak.length;
      const leading = line.length - line.replace(/^ +/, '').length;
      const content = trim ? line.slice(leading).replace(/[ \t]+$/, '') : line.slice(leading);
      if (content.length > 0) this.rawLine(content, offset + leading, Math.max(0, leading + ctx.delta));
      offset += line.length;
    }
  }

  private rawLine(text: string, from: number | undefined, indent: number): void {
    this.push({ kind: 'text', text, from, place: 'raw', gap: 0, indent });
  }

  private blockScalar(token: CST.BlockScalar, ctx: Ctx, placement: Placement): void {
    let first = true;
    for (const part of token.props) {
      if (part.type === 'space' || part.type === 'newline' || part.type === 'comment') this.source(part as CST.SourceToken, ctx);
      else {
        this.pushText((part as CST.SourceToken).source, part.offset, first ? placement : { place: 'inline', gap: 1 });
        first = false;
      }
    }
    // The content moves with its collection, each line by the same amount, so the value and any indentation indicator stay right.
    const parts = token.source.split(/(\r?\n)/);
    const header = token.props[token.props.length - 1];
    let offset = header ? header.offset + (header as CST.SourceToken).source.length : token.offset;
    for (let i = 0; i < parts.length; i += 2) {
      const line = parts[i]!;
      const lineBreak = parts[i + 1];
      if (line.length > 0 || lineBreak !== undefined) {
        const leading = line.length - line.replace(/^ +/, '').length;
        if (line.length > 0) this.rawLine(line.slice(leading), offset + leading, Math.max(0, leading + ctx.delta));
        else this.rawLine('', undefined, 0);
      }
      offset += line.length;
      if (lineBreak !== undefined) {
        this.push({ kind: 'break', from: offset, source: lineBreak, verbatim: true });
        offset += lineBreak.length;
      }
    }
  }

  // —— block collections ——

  private blockMap(map: CST.BlockMap, indent: number, ctx: Ctx): void {
    const level: Level = { old: map.indent, new: indent };
    const inner: Ctx = { chain: [...ctx.chain, level], path: ctx.path, delta: indent - map.indent };
    const first = this.atoms.length;
    const chunks = map.items.map((item) => this.chunk(() => this.mapItem(item, level, inner)));
    // Comments after the last key stay at the end of the mapping.
    let keyed = chunks.length;
    while (keyed > 0 && !map.items[keyed - 1]!.key && !map.items[keyed - 1]!.sep) keyed--;
    const keyOrder = this.options.sortKeys ? schemaKeyOrder(ctx.path) : undefined;
    const sorted =
      keyOrder &&
      sortedOrder(
        chunks.slice(0, keyed).map((chunk) => chunk.sort),
        keyOrder,
      );
    const order = sorted ? [...sorted, ...chunks.slice(keyed).map((_, index) => keyed + index)] : chunks.map((_, index) => index);
    alignValues(order.map((index) => chunks[index]!));
    if (!sorted) return;
    const written = this.atoms.splice(first);
    const base = first;
    order.forEach((index, slot) => {
      // Blank lines stay where they were; comments travel with their key.
      const lead = chunks[slot]!;
      for (let i = lead.start; i < lead.bodyStart; i++) this.atoms.push(written[i - base]!);
      const body = chunks[index]!;
      for (let i = body.bodyStart; i < body.end; i++) this.atoms.push(written[i - base]!);
    });
    const last = this.atoms[this.atoms.length - 1];
    this.atLineStart = !last || last.kind === 'break';
  }

  /** Prints one mapping item and notes where its atoms lie: its leading blank lines, then the rest. */
  private chunk(print: () => SortableItem): MapChunk {
    const outerAligned = this.aligned;
    this.aligned = undefined;
    const start = this.atoms.length;
    const deferred = this.deferred;
    this.deferred = [];
    for (const part of deferred) this.source(part, ROOT);
    const sort = print();
    const end = this.atoms.length;
    let bodyStart = start;
    while (bodyStart < end && this.atoms[bodyStart]!.kind === 'break') bodyStart++;
    const align = this.aligned;
    this.aligned = outerAligned;
    return { start, bodyStart, end, sort, align };
  }

  private mapItem(item: CST.BlockMap['items'][number], level: Level, ctx: Ctx): SortableItem {
    const line: Placement = { place: 'line', indent: level.new, chain: ctx.chain };
    let started = false;
    let explicit = false;
    let keyWidth = 0;
    const keyPart = (text: string, from: number, indicator = false) => {
      const placement: Placement = started ? { place: 'inline', gap: 1 } : line;
      keyWidth += (started ? 1 : 0) + text.length;
      this.pushText(text, from, placement, indicator);
      started = true;
    };
    for (const part of item.start) {
      if (part.type === 'anchor' || part.type === 'tag') keyPart(part.source, part.offset);
      else if (part.type === 'explicit-key-ind') {
        keyPart(part.source, part.offset, true);
        explicit = true;
      } else this.source(part, ctx);
    }
    const key = item.key ? keyText(item.key) : undefined;
    if (item.key) {
      if (explicit) this.node(item.key, ctx, { kind: 'seq-item', level, props: false });
      else if (isFlowScalar(item.key)) {
        keyPart(item.key.source, item.key.offset);
        for (const part of item.key.end ?? []) if (part.type !== 'space') this.source(part, ctx);
      } else if (item.key.type === 'flow-collection') {
        this.flow(item.key, ctx, { kind: 'key' }, started ? { place: 'inline', gap: 1 } : line);
        started = true;
      } else this.node(item.key, ctx, { kind: 'key' });
    }
    let props = false;
    const sep = item.sep ?? [];
    const lineEnd = sep.findIndex((part) => part.type === 'newline');
    const trivia = (part: CST.SourceToken) => part.type === 'space' || part.type === 'newline' || part.type === 'comment';
    // Comments between a key and the mapping under it travel with that mapping's first key.
    const deferFrom = item.value?.type === 'block-map' && lineEnd >= 0 && sep.slice(lineEnd + 1).every(trivia) ? lineEnd + 1 : sep.length;
    this.deferred.push(...sep.slice(deferFrom));
    for (const part of sep.slice(0, deferFrom)) {
      if (part.type === 'map-value-ind') {
        if (this.atLineStart) this.pushText(part.source, part.offset, line, true);
        else {
          this.pushText(part.source, part.offset, { place: 'inline', gap: item.key?.type === 'alias' || !item.key ? 1 : 0 });
          this.alignNext = { run: 0 };
        }
      } else if (part.type === 'anchor' || part.type === 'tag') {
        if (this.alignNext) this.alignNext.run = this.run;
        this.pushText(part.source, part.offset, this.atLineStart ? this.valueLine(ctx) : { place: 'inline', gap: 1 });
        props = true;
      } else {
        this.source(part, ctx);
        if (part.type === 'space' && this.alignNext) this.alignNext.run = this.run;
      }
    }
    const path = key === undefined ? ctx.path : [...ctx.path, key];
    if (item.value) this.node(item.value, { ...ctx, path }, { kind: 'map-value', level, props });
    if (this.aligned) this.aligned.before = keyWidth + 1;
    this.alignNext = undefined;
    return { key: item.key ? key : undefined, names: () => namesIn(item) };
  }

  private blockSeq(seq: CST.BlockSequence, indent: number, ctx: Ctx): void {
    const level: Level = { old: seq.indent, new: indent };
    const inner: Ctx = { chain: [...ctx.chain, level], path: ctx.path, delta: indent - seq.indent };
    seq.items.forEach((item, index) => {
      let props = false;
      for (const part of item.start) {
        if (part.type === 'seq-item-ind') this.pushText(part.source, part.offset, { place: 'line', indent, chain: inner.chain }, true);
        else if (part.type === 'anchor' || part.type === 'tag') {
          this.pushText(part.source, part.offset, this.atLineStart ? this.valueLine(inner) : { place: 'inline', gap: 1 });
          props = true;
        } else this.source(part, inner);
      }
      if (item.value) this.node(item.value, { ...inner, path: [...ctx.path, index] }, { kind: 'seq-item', level, props });
    });
  }

  // —— flow collections ——

  private flow(token: CST.FlowCollection, ctx: Ctx, pos: Pos, placement: Placement): void {
    const items = flowItems(token);
    const closing = token.end[0];
    const multiLine = closing !== undefined && /[\r\n]/.test(this.text.slice(token.offset, closing.offset));
    if (!items || !closing) return this.verbatimFlow(token, ctx, placement);
    const pieces = this.flowLine(token, items, ctx.path);
    const prefix = this.lineWidthBefore(placement);
    const fits = prefix + piecesWidth(pieces) <= this.options.lineWidth;
    if (!fits && this.convertible(items, token, pos)) return this.flowAsBlock(token, items, ctx, pos);
    if (multiLine && !fits) return this.verbatimFlow(token, ctx, placement);
    pieces.forEach((piece, index) => this.pushText(piece.text, piece.from, index === 0 ? placement : { place: 'inline', gap: piece.gap }));
    for (const part of token.end.slice(1)) this.source(part, ctx);
  }

  /** What the line holds before a node placed this way (its indentation, key, `: `, `- `…), as written on the formatted line. */
  private lineWidthBefore(placement: Placement): number {
    if (placement.place === 'line') return placement.indent;
    // The run after a key's `:` may be kept (column alignment): count it as written.
    let width = Math.max(placement.gap, this.alignNext?.run ?? 0);
    for (let i = this.atoms.length - 1; i >= 0; i--) {
      const atom = this.atoms[i]!;
      if (atom.kind === 'break') break;
      if (atom.kind === 'comment') continue;
      width += atom.text.length;
      if (atom.place === 'inline') width += atom.gap;
      else {
        const before = this.atoms[i - 1];
        if (atom.place === 'line' && before?.kind === 'text' && before.indicator) width += 1;
        else return width + atom.indent;
      }
    }
    return width;
  }

  private itemOrder(token: CST.FlowCollection, items: readonly FlowItem[], path: PathKey[]): number[] {
    const identity = items.map((_, index) => index);
    if (!this.options.sortKeys || token.start.source !== '{') return identity;
    const keyOrder = schemaKeyOrder(path);
    const sorted =
      keyOrder &&
      sortedOrder(
        items.map((item) => ({ key: keyText(item.key), names: () => namesIn(item) })),
        keyOrder,
      );
    return sorted ?? identity;
  }

  private flowLine(token: CST.FlowCollection, items: readonly FlowItem[], path: PathKey[]): Piece[] {
    const pathOf = (item: FlowItem, index: number): PathKey[] => (token.start.source === '{' ? [...path, keyText(item.key) ?? ''] : [...path, index]);
    const nestedAt = (item: FlowItem, index: number) => (nested: CST.FlowCollection) => this.flowLine(nested, flowItems(nested)!, pathOf(item, index));
    const order = this.itemOrder(token, items, path);
    // Nested collections inside an item take the item's path.
    return flowPieces(token, items, order, (nested) => {
      const owner = items.findIndex((item) => item.value === nested || item.key === nested);
      return nestedAt(items[owner]!, owner)(nested);
    });
  }

  private convertible(items: readonly FlowItem[], token: CST.FlowCollection, pos: Pos): boolean {
    if (items.length === 0 || pos.kind === 'key') return false;
    // `- &a key: v` would anchor the key, not the mapping; `-  # comment` would move the mapping to the next line.
    if (pos.kind === 'seq-item' && (pos.props || sameLineComment(token))) return false;
    if (token.start.source === '{') return items.every((item) => item.key && item.colon && isFlowScalar(item.key) && item.key.source.length <= 1000);
    return items.every((item) => !item.key || (item.colon && isFlowScalar(item.key) && item.key.source.length <= 1000));
  }

  /** A flow collection too long for its line, written as a block collection one level deeper (or after its `-`). */
  private flowAsBlock(token: CST.FlowCollection, items: readonly FlowItem[], ctx: Ctx, pos: Pos): void {
    const trailing = token.end.slice(1);
    const firstBreak = trailing.findIndex((part) => part.type === 'newline');
    const sameLine = firstBreak < 0 ? trailing : trailing.slice(0, firstBreak);
    for (const part of sameLine) this.source(part, ctx);
    const base = pos.kind === 'root' || pos.kind === 'key' ? undefined : pos.level.new;
    const compact = pos.kind === 'seq-item';
    const isMap = token.start.source === '{';
    const indent = base === undefined ? 0 : compact ? base + 2 : base + (isMap ? this.layout.unit : this.layout.seqOffset);
    const level = syntheticLevel(indent);
    const chain = [...ctx.chain, level];
    const order = this.itemOrder(token, items, ctx.path);
    for (const index of order) {
      const item = items[index]!;
      const itemPath = isMap ? [...ctx.path, keyText(item.key) ?? ''] : [...ctx.path, index];
      if (isMap) this.blockPair(item, level, { chain, path: itemPath, delta: 0 });
      else {
        this.pushText('-', undefined, { place: 'line', indent, chain }, true);
        if (item.key) this.blockPair(item, syntheticLevel(indent + 2), { chain: [...chain, syntheticLevel(indent + 2)], path: itemPath, delta: 0 });
        else this.blockValue(item, level, { chain, path: itemPath, delta: 0 }, 'seq-item');
      }
    }
    for (const part of firstBreak < 0 ? [] : trailing.slice(firstBreak)) this.source(part, ctx);
  }

  private blockPair(item: FlowItem, level: Level, ctx: Ctx): void {
    const key = item.key as CST.FlowScalar;
    const keyPieces = [...propPieces(item.keyProps, 0), { text: key.source, from: key.offset, gap: item.keyProps.length > 0 ? 1 : 0 }];
    keyPieces.forEach((piece, index) =>
      this.pushText(piece.text, piece.from, index === 0 ? { place: 'line', indent: level.new, chain: ctx.chain } : { place: 'inline', gap: piece.gap }),
    );
    this.pushText(':', item.colon?.offset, { place: 'inline', gap: colonGap(item) });
    this.blockValue(item, level, ctx, 'map-value');
  }

  private blockValue(item: FlowItem, level: Level, ctx: Ctx, kind: 'map-value' | 'seq-item'): void {
    propPieces(item.valueProps, 1).forEach((piece) => this.pushText(piece.text, piece.from, { place: 'inline', gap: piece.gap }));
    const value = item.value;
    if (!value) return;
    const placement: Placement = { place: 'inline', gap: 1 };
    if (value.type === 'flow-collection') this.flow(value, ctx, { kind, level, props: item.valueProps.length > 0 }, placement);
    else this.pushText((value as CST.FlowScalar).source, value.offset, placement);
  }

  /** A flow collection kept as written (it holds comments, or breaks lines on purpose): its lines move with their collection. */
  private verbatimFlow(token: CST.FlowCollection, ctx: Ctx, placement: Placement): void {
    const closing = token.end[0];
    const end = closing && (closing.type === 'flow-map-end' || closing.type === 'flow-seq-end') ? closing.offset + closing.source.length : this.endOf(token);
    this.multiLine(this.text.slice(token.offset, end), token.offset, ctx, placement, true);
    const rest = closing && end === closing.offset + closing.source.length ? token.end.slice(1) : [];
    for (const part of rest) this.source(part, ctx);
  }

  private endOf(token: CST.FlowCollection): number {
    const last = token.end[token.end.length - 1];
    return last ? last.offset + last.source.length : token.offset + 1;
  }
}

/**
 * Keeps extra spaces after a key's `:` where they line its value up with the value of the
 * key before or after it (`weekly:    {…}` over `monthly:   {…}`); elsewhere one space.
 * Symmetric, so formatting again keeps what it kept.
 */
function alignValues(chunks: readonly MapChunk[]): void {
  const column = (chunk: MapChunk | undefined) => (chunk?.align ? chunk.align.before + Math.max(1, chunk.align.run) : undefined);
  chunks.forEach((chunk, index) => {
    if (!chunk.align || chunk.align.atom.place !== 'inline') return;
    const own = column(chunk);
    const aligned = chunk.align.run > 1 && (column(chunks[index - 1]) === own || column(chunks[index + 1]) === own);
    chunk.align.atom.gap = aligned ? chunk.align.run : keptRun(0);
  });
}

function sameLineComment(token: CST.FlowCollection): boolean {
  for (const part of token.end.slice(1)) {
    if (part.type === 'newline') return false;
    if (part.type === 'comment') return true;
  }
  return false;
}

/** Anchor and alias names inside a CST item: a sorted mapping may not put an alias before its anchor. */
function namesIn(item: object): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 200) return;
    if (Array.isArray(value)) {
      for (const element of value) visit(element, depth + 1);
      return;
    }
    const token = value as { type?: string; source?: string };
    if ((token.type === 'anchor' || token.type === 'alias') && typeof token.source === 'string') names.add(token.source.slice(1));
    for (const [field, child] of Object.entries(value)) if (field !== 'source' && typeof child === 'object') visit(child, depth + 1);
  };
  visit(item, 0);
  return names;
}
