import type { Position, Range } from './core/index.js';
import { invalidParams } from './guard.js';

// Requests come from any client: positions and ranges are checked before the core sees them.

export function positionParam(value: unknown): Position {
  const position = value as Partial<Position> | null;
  if (typeof position !== 'object' || position === null || !isIndex(position.line) || !isIndex(position.character)) {
    throw invalidParams('`position` must be { line, character } with whole numbers from 0');
  }
  return { line: position.line, character: position.character };
}

export function rangeParam(value: unknown): Range {
  const range = value as Partial<Range> | null;
  if (typeof range !== 'object' || range === null) throw invalidParams('`range` must be { start, end }');
  return { start: positionParam(range.start), end: positionParam(range.end) };
}

export function stringParam(value: unknown, name: string): string {
  if (typeof value !== 'string') throw invalidParams(`\`${name}\` must be a string`);
  return value;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
