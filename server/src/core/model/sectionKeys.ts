import type { Range } from '../types.js';

/** `[name, start line, start character, end line, end character, name, …]`. */
type Entries = (string | number)[];
const WIDTH = 5;

/**
 * The keys present in a section, with where each is written, in one small array of names and
 * numbers; the range is built when asked for. Every section of every plan kept has one and
 * almost nothing reads it: a `Map` of ranges held a hash table and three objects a key (about
 * half a closed plan's memory). The fields are private, so the keys stay out of spreads,
 * `JSON.stringify` and walks over a model's values, as a `Map`'s entries did.
 */
export class SectionKeys {
  static readonly EMPTY = new SectionKeys([]);

  readonly #entries: Entries;

  private constructor(entries: Entries) {
    this.#entries = entries;
  }

  /** The keys in the order first written; a repeated name takes the later range (as `Map.set` does). */
  static of(keys: readonly { name: string; range: Range }[]): SectionKeys {
    if (keys.length === 0) return SectionKeys.EMPTY;
    const entries: Entries = [];
    for (const { name, range } of keys) {
      const at = indexOf(entries, name);
      const numbers = [range.start.line, range.start.character, range.end.line, range.end.character];
      if (at === -1) entries.push(name, ...numbers);
      else entries.splice(at + 1, WIDTH - 1, ...numbers);
    }
    return new SectionKeys(entries);
  }

  get size(): number {
    return this.#entries.length / WIDTH;
  }

  has(name: string): boolean {
    return indexOf(this.#entries, name) !== -1;
  }

  /** Where the key is written (a new range each call). */
  get(name: string): Range | undefined {
    const at = indexOf(this.#entries, name);
    if (at === -1) return undefined;
    const number = (offset: number) => this.#entries[at + offset] as number;
    return { start: { line: number(1), character: number(2) }, end: { line: number(3), character: number(4) } };
  }

  /** The names, in the order written. */
  names(): string[] {
    const names: string[] = [];
    for (let i = 0; i < this.#entries.length; i += WIDTH) names.push(this.#entries[i] as string);
    return names;
  }
}

function indexOf(entries: Entries, name: string): number {
  for (let i = 0; i < entries.length; i += WIDTH) if (entries[i] === name) return i;
  return -1;
}
