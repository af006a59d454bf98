import type { Position } from '../types.js';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
