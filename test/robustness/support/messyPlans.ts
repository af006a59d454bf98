import fc from 'fast-check';
import { seededRandom } from './seed.js';

// Plans as people type them, for the formatter's properties: the same data written with
// mixed indentation, flow and block collections, comments on their own line or after a
// value, blank lines, extra spaces, quoting, block scalars, anchors with merge keys, CRLF
// and a BOM. Always valid YAML (the formatter only formats what parses).

type Value = string | number | Value[] | { [key: string]: Value };

const id = fc.constantFrom('seo', 'paid-search', 'email', 'content', 'k1', 'k2', 'aware', 'convert', 'q3');
const words = fc.constantFrom('SEO lead', 'Head of Growth', 'Paid media lead', 'A note', 'Switch in five minutes');
const date = fc.constantFrom('2026-05-01', '2026-07-01', '2026-09-30');

const channel: fc.Arbitrary<Record<string, Value>> = fc.record(
  {
    type: fc.constantFrom('paid', 'owned', 'earned'),
    mode: fc.constantFrom('inbound', 'outbound'),
    owner: words,
    stages: fc.array(id, { maxLength: 3 }),
    start: date,
    end: date,
    budget: fc.integer({ min: 0, max: 200_000 }),
    kpis: fc.array(id, { maxLength: 3 }),
    depends_on: fc.array(fc.oneof(id, fc.record({ on: id, kind: fc.constantFrom('start-to-start', 'finish-to-start'), lag: fc.constantFrom('1w', '3d') })), {
      maxLength: 3,
    }),
    notes: fc.constantFrom('One line', 'Two\nlines', 'Kept as written\n  indented'),
  },
  { requiredKeys: ['type'] },
);

const plan: fc.Arbitrary<Record<string, Value>> = fc.record(
  {
    plan: words,
    owner: words,
    period: fc.record({ start: date, end: date }),
    objective: fc.record({ id, target: fc.integer({ min: 1, max: 5000 }), deadline: date }),
    journey: fc.array(fc.record({ stage: id, need: words }), { maxLength: 3 }),
    channels: fc.dictionary(id, channel, { minKeys: 1, maxKeys: 4 }),
    kpis: fc.dictionary(id, fc.record({ traces_to: id, owner: words, measure: fc.record({ source: words, baseline: fc.nat(1000) }) }), { maxKeys: 3 }),
    reviews: fc.record({ weekly: fc.record({ owner: words }), monthly: fc.record({ owner: words }) }),
  },
  { requiredKeys: ['plan', 'channels'] },
);

export interface MessyPlan {
  text: string;
  /** The layout choices, for the failure report. */
  seed: number;
}

/** A random plan written in a random, messy but valid way. */
export const messyPlan: fc.Arbitrary<MessyPlan> = fc.tuple(plan, fc.nat()).map(([data, seed]) => ({ text: writeMessily(data, seededRandom(seed)), seed }));

function writeMessily(data: Record<string, Value>, random: () => number): string {
  const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
  const chance = (p: number) => random() < p;
  const spaces = (min: number, max: number) => ' '.repeat(min + Math.floor(random() * (max - min + 1)));
  const comment = () => pick(['# note', '# TODO: check with finance', '#tight', '# a: b, [c]']);
  const lines: string[] = [];
  let anchorCount = 0;

  const scalar = (value: string | number, inFlow: boolean): string => {
    if (typeof value === 'number') return String(value);
    if (value.includes('\n')) return JSON.stringify(value);
    const style = pick(['plain', 'plain', 'single', 'double']);
    if (style === 'single' || (inFlow && /[,[\]{}]/.test(value))) return `'${value.replace(/'/g, "''")}'`;
    if (style === 'double') return JSON.stringify(value);
    return value;
  };
  const flow = (value: Value): string => {
    if (Array.isArray(value)) return `[${spaces(0, 1)}${value.map(flow).join(`,${spaces(0, 2)}`)}${spaces(0, 1)}]`;
    if (typeof value === 'object') {
      const entries = Object.entries(value).map(([key, item]) => `${key}:${spaces(1, 2)}${flow(item)}`);
      return `{${spaces(0, 1)}${entries.join(`,${spaces(0, 2)}`)}${spaces(0, 1)}}`;
    }
    return scalar(value, true);
  };
  const blankLines = () => {
    if (chance(0.2)) for (let i = Math.floor(random() * 3); i >= 0; i--) lines.push(chance(0.3) ? spaces(1, 4) : '');
  };
  const ownLineComment = (indent: number) => {
    if (chance(0.15)) lines.push(`${' '.repeat(Math.max(0, indent + Math.floor(random() * 5) - 2))}${comment()}`);
  };
  const trailing = () => (chance(0.15) ? `${spaces(1, 4)}${comment()}` : chance(0.1) ? spaces(1, 3) : '');

  const block = (value: Value, indent: number): void => {
    if (Array.isArray(value)) {
      for (const item of value) {
        ownLineComment(indent);
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && chance(0.5)) {
          const entries = Object.entries(item);
          const after = spaces(1, 3);
          entries.forEach(([key, inner], index) => {
            const prefix = index === 0 ? `${' '.repeat(indent)}-${after}` : ' '.repeat(indent + 1 + after.length);
            lines.push(`${prefix}${key}: ${typeof inner === 'object' ? flow(inner) : scalar(inner, false)}${trailing()}`);
          });
        } else lines.push(`${' '.repeat(indent)}-${spaces(1, 2)}${typeof item === 'object' ? flow(item) : scalar(item, false)}${trailing()}`);
      }
      return;
    }
    for (const [key, item] of Object.entries(value as Record<string, Value>)) {
      blankLines();
      ownLineComment(indent);
      const head = `${' '.repeat(indent)}${key}:`;
      if (typeof item === 'string' && item.includes('\n') && chance(0.6)) {
        const body = item.split('\n');
        const deeper = indent + 1 + Math.floor(random() * 4);
        lines.push(`${head} ${pick(['|', '|-', '>', '|+'])}${trailing()}`);
        for (const line of body) lines.push(`${' '.repeat(deeper)}${line}`);
      } else if (item === null || typeof item !== 'object' || (Array.isArray(item) && item.length === 0) || chance(0.35)) {
        lines.push(`${head}${spaces(1, 3)}${typeof item === 'object' ? flow(item) : scalar(item, false)}${trailing()}`);
      } else {
        const anchor = chance(0.1) && !Array.isArray(item) ? ` &a${++anchorCount}` : '';
        lines.push(`${head}${anchor}${trailing()}`);
        const step = pick([1, 2, 2, 3, 4, 5]);
        const childIndent = Array.isArray(item) && chance(0.3) ? indent : indent + step;
        block(item, childIndent);
        if (anchor && indent > 0) lines.push(`${' '.repeat(indent)}${key}-copy:`, `${' '.repeat(indent + step)}<<: *a${anchorCount}`);
      }
    }
  };
  if (chance(0.3)) lines.push(comment());
  block(data, 0);
  const eol = chance(0.3) ? '\r\n' : '\n';
  return `${chance(0.1) ? '\ufeff' : ''}${lines.join(eol)}${chance(0.8) ? eol : ''}`;
}
