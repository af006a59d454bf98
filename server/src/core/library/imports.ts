import { unreadableReason } from '../actuals/describe.js';
import type { LinkedFiles } from '../actuals/linkedFiles.js';
import { resolveRelativePath } from '../actuals/references.js';
import { buildModel } from '../model/buildModel.js';
import { MergedKpis } from '../model/mergedKpis.js';
import type { CalendarModel, ImportedFacts, ImportProblem, KpiModel, Located, MeasureModel, PlanModel, StageModel } from '../model/planModel.js';
import { parseYamlFast } from '../parse/parseYaml.js';
import { quote } from '../text/quote.js';
import { isLibraryFileName, type ReadProblemKind } from '../workspace/files.js';
import { uriBasename } from '../workspace/uris.js';

// `imports`: the libraries a plan (or a library) uses, resolved transitively through the
// snapshot the adapter read (`AnalyzeOptions.files`), the same seam as `actuals_file`. The core
// reads no file: a library not in the snapshot is listed in `notLoaded`, and the adapter loads
// it and analyzes again.

/**
 * What one library's text gives every file that imports it: its model, its KPIs and stages
 * marked with the library, and the objects they hold (a finding there is the library's). Kept
 * by the snapshot's store while the text is the same (`LinkedFiles.derived`), so an unchanged
 * library is parsed once whichever plan imports it, and its 400 KPIs are not copied per plan.
 */
interface LibraryEntry {
  model: PlanModel;
  /** By id (a stage by its name): the view a plan importing only this library shares, read only. */
  kpis: ReadonlyMap<string, KpiModel>;
  stages: ReadonlyMap<string, StageModel>;
  positions: WeakSet<object>;
}

function libraryEntry(uri: string, text: string): LibraryEntry {
  const model = buildModel(parseYamlFast(text));
  // `Object.assign`, not `{ ...kpi, library }`: V8 (Node 20) gives each object a literal starting with a spread builds a hidden class of its own.
  const kpis = new Map([...model.kpis.values()].map((kpi) => [kpi.id, Object.assign({}, kpi, { library: uri })]));
  const stages = new Map<string, StageModel>();
  for (const stage of model.journey) if (!stages.has(stage.value)) stages.set(stage.value, Object.assign({}, stage, { library: uri }));
  return { model, kpis, stages, positions: positionsOf(model) };
}

function libraryOf(uri: string, text: string, files: LinkedFiles | undefined): LibraryEntry {
  return files?.derived?.(uri, 'library', (current) => libraryEntry(uri, current)) ?? libraryEntry(uri, text);
}

/** The URIs of the libraries a file imports directly, in the order written (unresolvable entries left out). */
export function importedUris(model: PlanModel, fileUri: string): string[] {
  return model.imports.flatMap((written) => {
    const resolved = resolveRelativePath(written.value.trim(), fileUri, 'file', LIBRARY_EXAMPLE);
    return 'uri' in resolved ? [resolved.uri] : [];
  });
}

const LIBRARY_EXAMPLE = './shared/kpis.plan-library.yaml';

/** The model with what its imports define merged in; a model without imports is returned as written. */
export function withImports(model: PlanModel, fileUri: string | undefined, files: LinkedFiles | undefined): PlanModel {
  const local = model.imported?.local ?? model;
  if (local.imports.length === 0 || fileUri === undefined) return local;
  const facts: ImportedFacts = {
    local,
    libraries: new Map(),
    notLoaded: [],
    named: new Set(),
    positions: [],
    problems: [],
    kpis: new Map(),
    stages: new Map(),
    owners: new Set(),
    media: new Set(),
  };
  const reached: LibraryEntry[] = [];
  collect(local, fileUri, files, facts, reached, [fileUri], undefined);
  // One library (the common case: 500 plans importing one library of 400 KPIs) is shared, not copied per plan.
  facts.kpis = firstWins(reached.map((entry) => entry.kpis));
  facts.stages = firstWins(reached.map((entry) => entry.stages));
  return merge(local, facts);
}

/** The maps' entries, the first map to hold a key winning; the map itself when there is one. */
function firstWins<V>(maps: ReadonlyMap<string, V>[]): ReadonlyMap<string, V> {
  if (maps.length === 1) return maps[0]!;
  const result = new Map<string, V>();
  for (const map of maps) for (const [key, value] of map) if (!result.has(key)) result.set(key, value);
  return result;
}

/**
 * Walks the imports depth first. `via` is this file's own import that the walk went through:
 * a library's broken import is reported in that library, and a cycle back to this file on the
 * import of this file that leads into it, naming every file on the way.
 */
function collect(
  model: PlanModel,
  uri: string,
  files: LinkedFiles | undefined,
  facts: ImportedFacts,
  reached: LibraryEntry[],
  path: string[],
  via: Located<string> | undefined,
): void {
  for (const written of model.imports) {
    const report = (kind: ImportProblem['kind'], message: string) => {
      if (via === undefined || kind === 'cycle') facts.problems.push({ kind, range: (via ?? written).range, message });
    };
    const target = resolveImport(written, uri, via === undefined ? report : () => undefined);
    if (target === undefined) continue;
    if (target === path[0]) {
      const names = [...path, target].map((step) => quote(uriBasename(step))).join(' → ');
      report('cycle', `This import leads back to this file: ${names}. Remove one import of the cycle.`);
      continue;
    }
    // A cycle that does not pass through this file is reported in its own files; a library reached twice is read once.
    if (path.includes(target) || facts.libraries.has(target)) continue;
    facts.named.add(target);
    const file = files?.get(target);
    if (file === undefined) {
      if (!facts.notLoaded.includes(target)) facts.notLoaded.push(target);
      continue;
    }
    if ('problem' in file) {
      report('unresolved', `${quote(written.value)} cannot be read: ${unreadableLibrary(file.kind, file.problem)}.`);
      continue;
    }
    const entry = libraryOf(target, file.text, files);
    const library = entry.model;
    if (library.title !== undefined) {
      report(
        'unresolved',
        `${quote(written.value)} is a plan, not a library: a library holds \`kpis\`, \`journey\`, \`owners\`, \`media\` and \`calendar\`, and no \`plan\` title.`,
      );
      continue;
    }
    facts.libraries.set(target, library);
    facts.positions.push(entry.positions);
    reached.push(entry);
    for (const owner of library.owners) facts.owners.add(owner.value);
    for (const medium of library.media) facts.media.add(medium.value);
    collect(library, target, files, facts, reached, [...path, target], via ?? written);
  }
}

function unreadableLibrary(kind: ReadProblemKind, problem: string): string {
  if (kind === 'binary') return 'it is a binary file (it contains NUL bytes), not a library';
  if (kind === 'not-utf8') return 'it is not UTF-8 text';
  return unreadableReason(kind, problem);
}

/** The URI an import names, or undefined after reporting why it names none Throughline reads. */
function resolveImport(written: Located<string>, fromUri: string, report: (kind: 'unresolved', message: string) => void): string | undefined {
  const path = written.value.trim();
  if (path === '') {
    report('unresolved', `The import is empty: name a library relative to this file, e.g. \`${LIBRARY_EXAMPLE}\`.`);
    return undefined;
  }
  const resolved = resolveRelativePath(path, fromUri, 'file', LIBRARY_EXAMPLE);
  if ('problem' in resolved) {
    report('unresolved', resolved.problem);
    return undefined;
  }
  if (!isLibraryFileName(resolved.uri)) {
    report('unresolved', `${quote(path)} is not a library: a library's name ends in \`.plan-library.yaml\`.`);
    return undefined;
  }
  return resolved.uri;
}

/** The merged view: imported KPIs and stages first-class, a local KPI of an imported id refining it. */
function merge(local: PlanModel, facts: ImportedFacts): PlanModel {
  const kpis = new MergedKpis(facts.kpis, local.kpis, refined);
  const journey = [...facts.stages.values()];
  for (const stage of local.journey) if (!facts.stages.has(stage.value)) journey.push(stage);
  const calendars = [...facts.libraries.values()].flatMap((library) => (library.calendar ? [library.calendar] : []));
  return Object.assign({}, local, { kpis, journey, calendar: mergedCalendar(local.calendar, calendars), imported: facts });
}

/**
 * The libraries' calendars (in the order first reached) with the plan's: the plan's `excludes`
 * and `blackouts` are added to the libraries' (a plan cannot drop a library's holiday or
 * freeze), and `weekends` is excluded when any of them excludes it. The section is the plan's
 * when it writes one; a scalar setting a calendar may gain is the plan's, too.
 */
function mergedCalendar(local: CalendarModel | undefined, libraries: CalendarModel[]): CalendarModel | undefined {
  const base = local ?? libraries[0];
  if (base === undefined || libraries.length === 0) return local;
  const all = [...libraries, ...(local ? [local] : [])];
  return {
    ...base,
    weekends: all.some((calendar) => calendar.weekends),
    excluded: all.flatMap((calendar) => calendar.excluded),
    blackouts: all.flatMap((calendar) => calendar.blackouts),
  };
}

/**
 * A plan's refinement of a library KPI: the plan's entry (its ranges, `traces_to`, actuals) over
 * the library's definition. A key the plan writes wins; `id-shadowed` reports the ones it may not redefine.
 */
function refined(library: KpiModel, plan: KpiModel): KpiModel {
  return Object.assign({}, plan, {
    name: plan.name ?? library.name,
    tracesTo: plan.tracesTo ?? library.tracesTo,
    owner: plan.owner ?? library.owner,
    measure: refinedMeasure(library.measure, plan.measure),
    actuals: plan.actuals.length > 0 ? plan.actuals : library.actuals,
    library: library.library,
  });
}

function refinedMeasure(library: MeasureModel | undefined, plan: MeasureModel | undefined): MeasureModel | undefined {
  if (!library || !plan) return plan ?? library;
  const merged: MeasureModel = { ...plan };
  for (const key of Object.keys(library) as (keyof MeasureModel)[]) {
    if (merged[key] === undefined) (merged as unknown as Record<string, unknown>)[key] = library[key];
  }
  return merged;
}

/**
 * The objects (entries, values, ranges) the libraries define: a rule's finding there belongs to
 * the library, not to the plan that imports it (the library is checked as a file of its own).
 */
export function libraryPositions(model: PlanModel): { has(value: object): boolean } {
  const sets = model.imported?.positions ?? [];
  return { has: (value) => sets.some((set) => set.has(value)) };
}

/** Every object a library's KPIs and stages hold, walked once per library text. */
function positionsOf(library: PlanModel): WeakSet<object> {
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number) => {
    if (value === null || typeof value !== 'object' || depth > 6 || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) for (const item of value.values()) walk(item, depth + 1);
    else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else for (const item of Object.values(value)) walk(item, depth + 1);
  };
  for (const kpi of library.kpis.values()) walk(kpi, 0);
  for (const stage of library.journey) walk(stage, 0);
  if (library.calendar) walk(library.calendar, 0);
  return seen;
}

/** The KPIs this file writes (merged with what an import defines for them): what features place in the file's text. */
export function ownKpis(model: PlanModel): KpiModel[] {
  return [...model.kpis.values()].filter((kpi) => !importedOnly(model, kpi.id));
}

/** True for a KPI an import defines and this file does not refine: its text is in the library. */
export function importedOnly(model: PlanModel, id: string): boolean {
  const facts = model.imported;
  return facts !== undefined && facts.kpis.has(id) && !facts.local.kpis.has(id);
}
