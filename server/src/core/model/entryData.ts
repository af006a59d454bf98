import { isMap, isPair } from 'yaml';
import { resolveNode, scalarKey, toPlainData, type ParsedYaml } from '../parse/parseYaml.js';

// The plan's entries as plain data, for the features that compare or copy what is written
// rather than what the model keeps: the plan diff (is a channel under a new id the same
// channel?) and the exports (budget `phasing`, which the model does not read yet).

export type PlainData = Record<string, unknown>;

const cache = new WeakMap<ParsedYaml, Map<string, Map<string, PlainData>>>();

/** Entries of an id-keyed top-level map (`channels`, `kpis`, `milestones`) as plain data, first of duplicate ids winning. */
export function entriesData(parsed: ParsedYaml, section: string): Map<string, PlainData> {
  let sections = cache.get(parsed);
  if (!sections) cache.set(parsed, (sections = new Map()));
  let entries = sections.get(section);
  if (!entries) sections.set(section, (entries = readEntries(parsed, section)));
  return entries;
}

function readEntries(parsed: ParsedYaml, section: string): Map<string, PlainData> {
  const entries = new Map<string, PlainData>();
  const doc = parsed.doc;
  if (!doc) return entries;
  const root = resolveNode(doc.contents, doc);
  if (!isMap(root)) return entries;
  const pair = root.items.find((item) => isPair(item) && scalarKey(item.key) === section);
  const map = pair && resolveNode(pair.value, doc);
  if (!isMap(map)) return entries;
  for (const item of map.items) {
    const id = isPair(item) ? scalarKey(item.key) : undefined;
    if (id === undefined || entries.has(id)) continue;
    const { value } = toPlainData(item.value, doc);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) entries.set(id, value as PlainData);
  }
  return entries;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A channel's `phasing` (planned spend per month, `YYYY-MM: amount`) when written, months in order; other keys are left out. */
export function phasingOf(channel: PlainData | undefined): [month: string, amount: number][] {
  const phasing = channel?.phasing;
  if (phasing === null || typeof phasing !== 'object' || Array.isArray(phasing)) return [];
  return Object.entries(phasing as PlainData)
    .filter((entry): entry is [string, number] => MONTH.test(entry[0]) && typeof entry[1] === 'number' && Number.isFinite(entry[1]))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A canonical text of plain data (keys sorted), to tell whether two entries say the same. */
export function canonicalText(value: unknown): string {
  return JSON.stringify(value, (_key, current: unknown) =>
    current !== null && typeof current === 'object' && !Array.isArray(current)
      ? Object.fromEntries(
          Object.keys(current as PlainData)
            .sort()
            .map((key) => [key, (current as PlainData)[key]]),
        )
      : current,
  );
}
