import type { CST } from 'yaml';

/** The file's own layout, which formatting keeps: indent unit, how lists sit under keys, line breaks. */
export interface Layout {
  /** Spaces per nesting level of mappings. */
  unit: number;
  /** Spaces from a key to the `-` of a list under it (0: `key:\n- item`). */
  seqOffset: number;
  eol: '\n' | '\r\n';
}

const MAX_UNIT = 8;

/** The most frequent value (ties: the smaller), or undefined for no samples. */
function mode(samples: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const sample of samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  let best: number | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && value < best!)) best = value;
  }
  return best;
}

/** `\r\n` when most line breaks are, else `\n`. */
export function detectEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Measures how the file nests (a collection's CST `indent` is the column of its items): the usual step from a key to the mapping under it, and from a
 * key to a list under it. A file with no nesting takes the editor's tab size.
 */
export function detectLayout(document: CST.Document | undefined, text: string, tabSize: number): Layout {
  const mapSteps: number[] = [];
  const seqSteps: number[] = [];
  const visit = (token: CST.Token | null | undefined, depth: number): void => {
    if (!token || depth > 200) return;
    if (token.type === 'block-map') {
      const parent = token.indent;
      for (const item of token.items) {
        visit(item.key, depth + 1);
        const value = item.value;
        if (value && (value.type === 'block-map' || value.type === 'block-seq') && item.sep?.some((part) => part.type === 'newline')) {
          const step = value.indent - parent;
          (value.type === 'block-map' ? mapSteps : seqSteps).push(step);
        }
        visit(value, depth + 1);
      }
    } else if (token.type === 'block-seq') {
      for (const item of token.items) visit(item.value, depth + 1);
    } else if (token.type === 'flow-collection') {
      for (const item of token.items) {
        visit(item.key, depth + 1);
        visit(item.value, depth + 1);
      }
    }
  };
  visit(document?.value, 0);
  const clamp = (value: number) => Math.max(1, Math.min(MAX_UNIT, value));
  const fromMaps = mode(mapSteps.filter((step) => step > 0));
  const fromSeqs = mode(seqSteps.filter((step) => step > 0));
  const unit = clamp(fromMaps ?? fromSeqs ?? (Number.isFinite(tabSize) && tabSize > 0 ? Math.round(tabSize) : 2));
  const seqOffset = mode(seqSteps.filter((step) => step >= 0));
  return { unit, seqOffset: seqOffset === undefined ? unit : Math.min(MAX_UNIT, seqOffset), eol: detectEol(text) };
}
