import fc from 'fast-check';

// Random edits of the kind half-typed and pasted YAML is made of. Each mutation holds
// offsets as raw numbers and applies them modulo the current text, so fast-check can
// shrink a failing sequence without knowing the text.

/** Fragments an editor session or a paste can put anywhere. */
export const YAML_TOKENS = [
  ':',
  ': ',
  '- ',
  '? ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '|',
  '>-',
  '#',
  '# throughline-disable\n',
  '&a ',
  '*a',
  '<<: *a\n',
  '!!binary ',
  '!custom ',
  '!!set ',
  '!!map ',
  '%YAML 1.2\n---\n',
  '---\n',
  '...\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '    ',
  '\ufeff',
  '\u0000',
  '\u202e',
  '🚀',
  'é',
  '\u2028',
  '~',
  'null',
  'true',
  '1e999',
  '.nan',
  '-.inf',
  '0x1F',
  '2026-02-30',
  '99999-01-01',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'channels:\n',
  'kpis:\n',
  '  x:\n',
  'depends_on: [',
  'traces_to: ',
  'start: ',
  'stages: [',
  'kpis: [',
  'objective:\n  id: ',
  // The after-launch keys, half-typed.
  'as_of: ',
  'as_of: 2026-08-15\n',
  'actuals_file: ./q3.actuals.csv\n',
  'phasing: { 2026-07: ',
  'spend: { 2026-07: { committed: ',
  'actual: ',
  'actuals: { 2026-07-07: ',
  'aggregation: per-period',
  'held: [2026-07-',
] as const;

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'swapLines'; line: number; other: number }
  | { kind: 'tabsForSpaces'; line: number }
  | { kind: 'crlf' }
  | { kind: 'bom' };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...YAML_TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), line: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tabsForSpaces' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crlf' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
);

export function applyMutation(text: string, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'delete': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.token + text.slice(at);
    }
    case 'indent':
      return mapLine(text, mutation.line, (line) =>
        mutation.by >= 0 ? ' '.repeat(mutation.by) + line : line.replace(new RegExp(`^ {0,${-mutation.by}}`), ''),
      );
    case 'duplicateLine':
      return mapLine(text, mutation.line, (line) => `${line}\n${line}`);
    case 'swapLines': {
      const lines = text.split('\n');
      const a = mutation.line % lines.length;
      const b = mutation.other % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'tabsForSpaces':
      return mapLine(text, mutation.line, (line) => line.replace(/^ +/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2))));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\ufeff') ? text : `\ufeff${text}`;
  }
}

function mapLine(text: string, index: number, change: (line: string) => string): string {
  const lines = text.split('\n');
  const at = index % lines.length;
  lines[at] = change(lines[at]!);
  return lines.join('\n');
}
