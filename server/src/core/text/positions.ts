import type { Position } from '../types.js';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `inner` lies within `outer` (ends included). */
export function rangeContains(outer: { start: Position; end: Position }, inner: { start: Position; end: Position }): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
