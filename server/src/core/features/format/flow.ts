import { CST } from 'yaml';

// Flow collections (`[a, b]`, `{ a: 1 }`) read as items, and written on one line:
// `[a, b]`, `{ a: 1, b: 2 }`; extra spaces written after a comma or colon (to line up
// columns) are kept.

export interface Piece {
  text: string;
  /** Offset of the text in the original, when it is copied from there. */
  from: number | undefined;
  /** Spaces before it. */
  gap: number;
}

/** One item of a flow collection, with the tokens that matter for writing it again. */
export interface FlowItem {
  /** Spaces written after the comma before this item (0 for the first). */
  runBefore: number;
  comma: CST.SourceToken | undefined;
  /** Anchors and tags before the key, or before the value of an item that has no key. */
  keyProps: CST.SourceToken[];
  /** The key of a pair; undefined for a plain list item. */
  key: CST.Token | undefined;
  colon: CST.SourceToken | undefined;
  runAfterColon: number;
  valueProps: CST.SourceToken[];
  value: CST.Token | undefined;
}

export const isFlowScalar = (token: CST.Token | null | undefined): token is CST.FlowScalar =>
  !!token && (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar' || token.type === 'alias');

function singleLineNode(token: CST.Token | null | undefined, depth: number): boolean {
  if (!token) return true;
  if (isFlowScalar(token)) return !/[\r\n]/.test(token.source) && (token.end ?? []).every((part) => part.type === 'space' || part.type === 'newline');
  if (token.type === 'flow-collection') return depth < 200 && flowItems(token, depth + 1) !== undefined;
  return false;
}

/**
 * The items of a flow collection, or undefined when it cannot be written on one line again:
 * it holds a comment, a scalar over several lines, an explicit `?` key, or anything else the
 * formatter would rather leave as written. A trailing comma's empty item is dropped.
 */
export function flowItems(token: CST.FlowCollection, depth = 0): FlowItem[] | undefined {
  const closing = token.end[0];
  if (!closing || (closing.type !== 'flow-map-end' && closing.type !== 'flow-seq-end')) return undefined;
  const items: FlowItem[] = [];
  for (const item of token.items) {
    const flowItem: FlowItem = {
      runBefore: 0,
      comma: undefined,
      keyProps: [],
      key: undefined,
      colon: undefined,
      runAfterColon: 0,
      valueProps: [],
      value: undefined,
    };
    // Spaces right after a line break are indentation, not a gap someone chose.
    let run = 0;
    let lineStart = false;
    for (const part of item.start) {
      if (part.type === 'comma') flowItem.comma = part;
      else if (part.type === 'space') run = lineStart ? 0 : part.source.length;
      else if (part.type === 'anchor' || part.type === 'tag') {
        if (flowItem.keyProps.length === 0) flowItem.runBefore = run;
        flowItem.keyProps.push(part);
      } else if (part.type !== 'newline') return undefined;
      lineStart = part.type === 'newline';
      if (lineStart) run = 0;
    }
    if (flowItem.keyProps.length === 0) flowItem.runBefore = run;
    if (item.key !== undefined || item.sep !== undefined) {
      if (!item.key || !singleLineNode(item.key, depth)) return undefined;
      flowItem.key = item.key;
      run = 0;
      lineStart = false;
      for (const part of item.sep ?? []) {
        if (part.type === 'map-value-ind') {
          if (flowItem.colon) return undefined;
          flowItem.colon = part;
          run = 0;
        } else if (part.type === 'space') run = lineStart ? 0 : part.source.length;
        else if (part.type === 'anchor' || part.type === 'tag') {
          if (!flowItem.colon) return undefined;
          if (flowItem.valueProps.length === 0) flowItem.runAfterColon = run;
          flowItem.valueProps.push(part);
        } else if (part.type !== 'newline') return undefined;
        lineStart = part.type === 'newline';
        if (lineStart) run = 0;
      }
      if (flowItem.colon && flowItem.valueProps.length === 0) flowItem.runAfterColon = run;
    } else if (flowItem.keyProps.length > 0) {
      flowItem.valueProps = flowItem.keyProps;
      flowItem.keyProps = [];
    }
    if (item.value) {
      if (!singleLineNode(item.value, depth)) return undefined;
      flowItem.value = item.value;
    }
    const empty = !flowItem.key && !flowItem.value && flowItem.valueProps.length === 0 && !flowItem.colon;
    if (!empty) items.push(flowItem);
    else if (item !== token.items[token.items.length - 1]) return undefined;
  }
  return items;
}

/** A scalar key's text (`"seo"` → `seo`), for the schema's key order; undefined for other keys. */
export function keyText(token: CST.Token | null | undefined): string | undefined {
  if (!token || !isFlowScalar(token) || token.type === 'alias') return undefined;
  // Most keys are plain words: their text is their source.
  if (token.type === 'scalar' && /^[\w.<-]+$/.test(token.source)) return token.source;
  const resolved = CST.resolveAsScalar(token);
  return resolved ? resolved.value : undefined;
}

/** The gap before the `:` of a pair: none, except after an alias or a tag, whose name a `:` would continue. */
export function colonGap(item: FlowItem): number {
  if (item.key?.type === 'alias') return 1;
  return 0;
}

/** Gap after a comma or a colon: as written when it is wider than one space (columns lined up), else one. */
export const keptRun = (run: number): number => (run > 1 ? run : 1);

export function propPieces(props: readonly CST.SourceToken[], firstGap: number): Piece[] {
  return props.map((prop, index) => ({ text: prop.source, from: prop.offset, gap: index === 0 ? firstGap : 1 }));
}

/** The one-line text of a flow collection, its items in `order` (indices into `items`). */
export function flowPieces(
  token: CST.FlowCollection,
  items: readonly FlowItem[],
  order: readonly number[],
  nested: (token: CST.FlowCollection) => Piece[],
): Piece[] {
  const isMap = token.start.source === '{';
  const sorted = order.some((index, position) => index !== position);
  const pieces: Piece[] = [{ text: token.start.source, from: token.start.offset, gap: 0 }];
  order.forEach((index, position) => {
    const item = items[index]!;
    if (position > 0) pieces.push({ text: ',', from: sorted ? undefined : item.comma?.offset, gap: 0 });
    const first = position === 0 ? (isMap ? 1 : 0) : keptRun(item.runBefore);
    pieces.push(...itemPieces(item, first, nested));
  });
  const closing = token.end[0]!;
  pieces.push({ text: closing.source, from: closing.offset, gap: items.length > 0 && isMap ? 1 : 0 });
  return pieces;
}

function nodePieces(token: CST.Token, gap: number, nested: (token: CST.FlowCollection) => Piece[]): Piece[] {
  if (token.type === 'flow-collection') {
    const pieces = nested(token);
    return pieces.map((piece, index) => (index === 0 ? { ...piece, gap } : piece));
  }
  return [{ text: (token as CST.FlowScalar).source, from: token.offset, gap }];
}

function itemPieces(item: FlowItem, firstGap: number, nested: (token: CST.FlowCollection) => Piece[]): Piece[] {
  const pieces: Piece[] = [];
  let gap = firstGap;
  if (item.key) {
    pieces.push(...propPieces(item.keyProps, gap));
    pieces.push(...nodePieces(item.key, item.keyProps.length > 0 ? 1 : gap, nested));
    if (item.colon) pieces.push({ text: ':', from: item.colon.offset, gap: colonGap(item) });
    gap = keptRun(item.runAfterColon);
  }
  pieces.push(...propPieces(item.valueProps, gap));
  if (item.valueProps.length > 0) gap = 1;
  if (item.value) pieces.push(...nodePieces(item.value, gap, nested));
  return pieces;
}

export function piecesWidth(pieces: readonly Piece[]): number {
  let width = 0;
  pieces.forEach((piece, index) => (width += (index === 0 ? 0 : piece.gap) + piece.text.length));
  return width;
}
