import type { Range } from '../types.js';
import type { PathKey, SchemaProblem } from './validate.js';

// One mistake, one diagnostic. The model leaves out values of the wrong type, so without
// this a budget written as text would also be "no budget", a sum without it, and a KPI
// whose `traces_to` is not an id would "trace to nothing". Rules ask here whether the
// schema rejected a value they read, and stay silent about it (the schema check reports it).

export interface InvalidValues {
  /** The schema rejects the value at this plan path, a value inside it, or the mapping or list it is in. */
  at(...path: PathKey[]): boolean;
  /** The schema rejects the value at this path itself, or the mapping or list it is in (not just a value inside it). */
  value(...path: PathKey[]): boolean;
  /** Some entry of `section` (`channels`, `kpis`) has an invalid `key` — or the section or an entry is invalid as a whole. */
  inAnyEntry(section: string, key: string): boolean;
  /** A rejected value is written on this text (for values located by range, e.g. a journey stage). */
  covers(located: { range: Range; origin?: Range }): boolean;
}

const SEPARATOR = '\u0000';
const joined = (path: readonly PathKey[]) => path.map(String).join(SEPARATOR);

/** The verdict over the schema problems of one analysis: `invalid` ones only (a missing required key is not an invalid value). */
export function invalidValues(problems: readonly SchemaProblem[]): InvalidValues {
  const exact = new Set<string>();
  const within = new Set<string>();
  const entryKeys = new Map<string, Set<string>>();
  const wholeEntries = new Set<string>();
  const ranges: Range[] = [];
  for (const problem of problems) {
    if (problem.kind !== 'invalid') continue;
    const path = problem.path;
    exact.add(joined(path));
    for (let length = 0; length <= path.length; length++) within.add(joined(path.slice(0, length)));
    ranges.push(problem.range);
    const [section, , key] = path;
    if (typeof section !== 'string') continue;
    if (path.length <= 2) wholeEntries.add(section);
    else {
      const keys = entryKeys.get(section) ?? new Set<string>();
      keys.add(String(key));
      entryKeys.set(section, keys);
    }
  }
  const value = (...path: PathKey[]) => {
    if (exact.size === 0) return false; // most plans: every rule asks, and nothing is invalid
    for (let length = 0; length <= path.length; length++) if (exact.has(joined(path.slice(0, length)))) return true;
    return false;
  };
  return {
    at: (...path) => exact.size > 0 && (within.has(joined(path)) || value(...path)),
    value,
    inAnyEntry: (section, key) => wholeEntries.has(section) || (entryKeys.get(section)?.has(key) ?? false),
    covers(located) {
      const range = located.origin ?? located.range;
      return ranges.some((candidate) => overlaps(candidate, range));
    },
  };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Whether the schema rejected a value the budget sums read: the total, the contingency, a
 * channel's budget, or a channel or the channels as a whole. Then the sums are unknown, and
 * saying they are off would report the same mistake again.
 */
export function budgetSumsUnknown(invalid: InvalidValues): boolean {
  return invalid.at('budget', 'total') || invalid.at('budget', 'contingency') || invalid.inAnyEntry('channels', 'budget');
}
