import type { ChannelModel, KpiModel, Located, PlanModel } from './planModel.js';
import type { Position, Range } from '../types.js';
import { PairCache } from '../parse/reuse.js';
import { comparePositions } from '../text/positions.js';

export type IdKind = 'channel' | 'kpi' | 'objective' | 'stage';

/** Where an id is written: its definition or one of the places that name it. */
export type IdRole = 'channel-key' | 'depends-on' | 'kpi-key' | 'channel-kpi' | 'traces-to' | 'objective-id' | 'journey-stage' | 'channel-stage';

export interface IdOccurrence {
  kind: IdKind;
  id: string;
  role: IdRole;
  definition: boolean;
  /** The id's text without surrounding quotes, where it is written (merged text too): what a rename replaces. */
  range: Range;
}

export interface IdIndex {
  /** Every occurrence, in document order. */
  readonly occurrences: readonly IdOccurrence[];
  /** The occurrence under the position (its end included, where editors put the caret after a word). */
  at(position: Position): IdOccurrence | undefined;
  /** Every occurrence of one id, definitions first. */
  of(kind: IdKind, id: string): readonly IdOccurrence[];
  definitions(kind: IdKind, id: string): readonly IdOccurrence[];
  /** Where an imported library defines the KPI or stage (undefined for an id no import defines). */
  imported(kind: IdKind, id: string): { uri: string; range: Range } | undefined;
}

const cache = new WeakMap<PlanModel, IdIndex>();

/** The id occurrences of a model, collected once per model in one pass over it. */
export function idIndexOf(model: PlanModel): IdIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

type AddOccurrence = (kind: IdKind, role: IdRole, located: Located<string>, definition?: boolean) => void;

/** How a walk takes the ids of one channel or KPI entry: the full index reuses them while the entry is reused. */
type VisitEntry = (section: 'channels' | 'kpis', entry: ChannelModel | KpiModel, walk: (add: AddOccurrence) => void) => void;

/** Every id the file writes, in the model's order; `entry` is handed each channel's and KPI's own ids. */
function visitIds(model: PlanModel, add: AddOccurrence, entry: VisitEntry = (_section, _entry, walk) => walk(add)): void {
  const objectiveIds = new Set<string>();
  for (const objective of model.objectives) {
    if (!objective.id) continue;
    objectiveIds.add(objective.id.value);
    add('objective', 'objective-id', objective.id, true);
  }
  for (const stage of model.journey) add('stage', 'journey-stage', stage, true);
  for (const channel of model.channels.values()) {
    entry('channels', channel, (addHere) => {
      addHere('channel', 'channel-key', { value: channel.id, range: channel.keyRange }, true);
      for (const stage of channel.stages) addHere('stage', 'channel-stage', stage);
      for (const kpi of channel.kpis) addHere('kpi', 'channel-kpi', kpi);
      for (const dependency of channel.dependsOn) addHere('channel', 'depends-on', dependency.on);
    });
  }
  for (const kpi of model.kpis.values()) {
    entry('kpis', kpi, (addHere) => addHere('kpi', 'kpi-key', { value: kpi.id, range: kpi.keyRange }, true));
    // An objective id wins over a KPI of the same name, as in the trace resolution.
    if (kpi.tracesTo) add(objectiveIds.has(kpi.tracesTo.value) ? 'objective' : 'kpi', 'traces-to', kpi.tracesTo);
  }
}

/**
 * The occurrences inside one channel or KPI entry, kept with the entry: the model hands back
 * the same entry object while its pair is reused at the same line and section.
 */
const entryOccurrences = new PairCache<ChannelModel | KpiModel, IdOccurrence[]>();

const occurrenceIn =
  (model: PlanModel, into: IdOccurrence[]): AddOccurrence =>
  (kind, role, located, definition = false) => {
    into.push({ kind, id: located.value, role, definition, range: unquoted(model.text, model, located.origin ?? located.range) });
  };

/** The occurrences are the file's own: what imports define is written in other files (`imported` says where). */
function buildIndex(merged: PlanModel): IdIndex {
  const model = merged.imported?.local ?? merged;
  const occurrences: IdOccurrence[] = [];
  visitIds(model, occurrenceIn(model, occurrences), (section, entry, walk) => {
    const list = entryOccurrences.get(entry, entry.keyRange.start.line, section, () => {
      const found: IdOccurrence[] = [];
      walk(occurrenceIn(model, found));
      return found;
    });
    for (const occurrence of list) occurrences.push(occurrence);
  });
  occurrences.sort((a, b) => comparePositions(a.range.start, b.range.start));
  dropRepeats(occurrences);

  // Grouped by id on first use: hover, the request asked for most right after a keystroke, only needs `at`.
  let byId: Map<string, IdOccurrence[]> | undefined;
  const group = (): Map<string, IdOccurrence[]> => {
    if (byId) return byId;
    byId = new Map();
    for (const occurrence of occurrences) {
      const key = `${occurrence.kind}\u0000${occurrence.id}`;
      const list = byId.get(key);
      if (list) list.push(occurrence);
      else byId.set(key, [occurrence]);
    }
    for (const list of byId.values()) definitionsFirst(list);
    return byId;
  };

  return {
    occurrences,
    at(position) {
      let low = 0;
      let high = occurrences.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const occurrence = occurrences[mid]!;
        if (comparePositions(occurrence.range.end, position) < 0) low = mid + 1;
        else if (comparePositions(occurrence.range.start, position) > 0) high = mid - 1;
        else return occurrence;
      }
      return undefined;
    },
    of(kind, id) {
      return group().get(`${kind}\u0000${id}`) ?? [];
    },
    definitions(kind, id) {
      return (group().get(`${kind}\u0000${id}`) ?? []).filter((occurrence) => occurrence.definition);
    },
    imported(kind, id) {
      const found = kind === 'kpi' ? merged.imported?.kpis.get(id) : kind === 'stage' ? merged.imported?.stages.get(id) : undefined;
      if (!found?.library) return undefined;
      return { uri: found.library, range: 'keyRange' in found ? found.keyRange : found.range };
    },
  };
}

/** Definitions before uses, each in document order (the sort is stable). */
function definitionsFirst(list: IdOccurrence[]): IdOccurrence[] {
  return list.sort((a, b) => Number(b.definition) - Number(a.definition));
}

const oneIdCache = new WeakMap<PlanModel, Map<string, IdOccurrence[]>>();

/**
 * The occurrences of one id, definitions first, as `idIndexOf(model).of` lists them, without
 * building the model's whole index when it is not built yet: a search through hundreds of
 * files (references across the workspace) keeps only each file's matches. Cached per model.
 */
export function occurrencesOf(merged: PlanModel, kind: IdKind, id: string): readonly IdOccurrence[] {
  const index = cache.get(merged);
  if (index) return index.of(kind, id);
  let byId = oneIdCache.get(merged);
  if (!byId) oneIdCache.set(merged, (byId = new Map()));
  const key = `${kind}\u0000${id}`;
  let found = byId.get(key);
  if (!found) {
    const model = merged.imported?.local ?? merged;
    const list: IdOccurrence[] = [];
    const add = occurrenceIn(model, list);
    visitIds(model, (foundKind, role, located, definition) => {
      if (foundKind === kind && located.value === id) add(foundKind, role, located, definition);
    });
    list.sort((a, b) => comparePositions(a.range.start, b.range.start));
    dropRepeats(list);
    byId.set(key, (found = definitionsFirst(list)));
  }
  return found;
}

/**
 * Text shared through an alias or a `<<` merge is one occurrence, however many entries read it:
 * a rename edits it once, and references list it once.
 */
function dropRepeats(sorted: IdOccurrence[]): void {
  let kept = 0;
  for (const occurrence of sorted) {
    const previous = sorted[kept - 1];
    const repeat =
      previous !== undefined &&
      comparePositions(previous.range.start, occurrence.range.start) === 0 &&
      comparePositions(previous.range.end, occurrence.range.end) === 0 &&
      previous.kind === occurrence.kind &&
      previous.id === occurrence.id;
    if (!repeat) sorted[kept++] = occurrence;
  }
  sorted.length = kept;
}

/** The range without the quotes of a quoted scalar (`"seo"` → `seo`). */
export function unquoted(text: string, model: PlanModel, range: Range): Range {
  const start = model.lineIndex.offsetAt(range.start);
  const end = model.lineIndex.offsetAt(range.end);
  const quote = text[start];
  if ((quote === '"' || quote === "'") && end - start >= 2 && text[end - 1] === quote) {
    return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
  }
  return range;
}
