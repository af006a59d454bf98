import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, parseDocument, type Pair, type ParsedNode } from 'yaml';

// The examples of the language reference are cut from the clean example plan, which
// `npm run check:examples` keeps free of problems, so they cannot drift from the language.

export const EXAMPLE_PLAN = 'examples/clean/q3-acquisition.plan.yaml';

/** Sections the example plan does not use; test/unit/ruleDocs.test.ts checks they are valid. */
export const extraExamples: Readonly<Record<string, string>> = {
  milestones: [
    'milestones:',
    '  price-change: { date: 2026-07-15, label: Competitor price rise expected }',
    '  board-review: { date: 2026-08-31, label: Half-way review with the board }',
  ].join('\n'),
};

/** Top-level key → its YAML in the example plan; id-keyed maps keep only the entries that show a key not shown before. */
export function exampleSections(path = EXAMPLE_PLAN): Map<string, string> {
  const text = readFileSync(path, 'utf8');
  const document = parseDocument(text, { keepSourceTokens: false });
  const sections = new Map<string, string>();
  if (!isMap(document.contents)) return sections;
  for (const pair of document.contents.items as Pair<ParsedNode, ParsedNode | null>[]) {
    if (!isScalar(pair.key) || !pair.value) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    const entries =
      isMap(value) && (key === 'channels' || key === 'kpis') ? distinctEntries(text, value.items as Pair<ParsedNode, ParsedNode | null>[]) : undefined;
    sections.set(key, entries ? `${key}:\n${entries.join('\n')}` : text.slice(pair.key.range[0], value.range[1]));
  }
  for (const [key, example] of Object.entries(extraExamples)) if (!sections.has(key)) sections.set(key, example);
  return sections;
}

/** The entries (with their indentation) that each use a key no earlier entry used. */
function distinctEntries(text: string, items: readonly Pair<ParsedNode, ParsedNode | null>[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key) || !item.value || !isMap(item.value)) continue;
    const keys = item.value.items.flatMap((entry) => (isScalar(entry.key) ? [String(entry.key.value)] : []));
    if (kept.length > 0 && keys.every((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    const start = item.key.range[0];
    const column = start - (text.lastIndexOf('\n', start - 1) + 1);
    kept.push(`${' '.repeat(column)}${text.slice(start, item.value.range[1]).trimEnd()}`);
  }
  return kept;
}
