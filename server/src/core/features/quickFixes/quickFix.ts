import type { PlanFacts } from '../../model/planFacts.js';
import { ID_PATTERN } from '../../schema/planSchema.js';
import type { ChannelModel, KpiModel, Located, PlanModel } from '../../model/planModel.js';
import type { RuleData, RuleName } from '../../rules/index.js';
import type { Diagnostic, Range, TextEdit } from '../../types.js';
import type { YamlEditContext } from '../../yaml/edits/editContext.js';

/** What a quick fix reads: the current model and facts, and the YAML it edits. */
export interface FixContext {
  model: PlanModel;
  facts: PlanFacts;
  yaml: YamlEditContext;
}

export interface FixProposal {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** A diagnostic of one rule, with that rule's `data`. */
export type RuleDiagnostic<Name extends RuleName> = Omit<Diagnostic, 'code' | 'data'> & { code: Name; data?: RuleData<Name> };

/**
 * Proposes fixes for one diagnostic of the current analysis (of rule `Name`). Fixes find
 * what they change in the model by the diagnostic's range and re-derive every fact; only the
 * `schema` fix reads `data`, and only from the current analysis's diagnostic.
 */
export type QuickFix<Name extends RuleName = RuleName> = (context: FixContext, diagnostic: RuleDiagnostic<Name>) => FixProposal[];

/** A one-element list when the edits could be made, an empty one otherwise. */
export function proposal(title: string, edits: TextEdit[] | undefined, isPreferred = false): FixProposal[] {
  return edits && edits.length > 0 ? [{ title, edits, ...(isPreferred ? { isPreferred } : {}) }] : [];
}

export function sameRange(a: Range | undefined, b: Range): boolean {
  return (
    a !== undefined &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * Lookups by range, built once per model: a fix runs once per diagnostic, and a scan of
 * every channel for each one would make fixing all problems of a big plan quadratic.
 */
function indexed<T>(cache: WeakMap<object, Map<string, T>>, owner: object, build: (add: (range: Range | undefined, value: T) => void) => void): Map<string, T> {
  let index = cache.get(owner);
  if (!index) {
    const built = new Map<string, T>();
    build((range, value) => {
      if (!range) return;
      const key = rangeKey(range);
      if (!built.has(key)) built.set(key, value);
    });
    index = built;
    cache.set(owner, index);
  }
  return index;
}

const kpiKeys = new WeakMap<object, Map<string, KpiModel>>();
const channelKeys = new WeakMap<object, Map<string, ChannelModel>>();
type IdList = 'kpis' | 'stages';
const idLists: Record<IdList, WeakMap<object, Map<string, { channel: ChannelModel; id: Located<string> }>>> = { kpis: new WeakMap(), stages: new WeakMap() };

export function kpiWithKeyAt(model: PlanModel, range: Range): KpiModel | undefined {
  return indexed(kpiKeys, model, (add) => {
    for (const kpi of model.kpis.values()) add(kpi.keyRange, kpi);
  }).get(rangeKey(range));
}

export function channelWithKeyAt(model: PlanModel, range: Range): ChannelModel | undefined {
  return indexed(channelKeys, model, (add) => {
    for (const channel of model.channels.values()) add(channel.keyRange, channel);
  }).get(rangeKey(range));
}

/** The channel and the id in one of its id lists (`kpis`, `stages` …) written at `range`. */
export function idInChannelsAt(model: PlanModel, range: Range, list: IdList): { channel: ChannelModel; id: Located<string> } | undefined {
  return indexed(idLists[list], model, (add) => {
    for (const channel of model.channels.values()) for (const id of channel[list]) add(id.range, { channel, id });
  }).get(rangeKey(range));
}

/**
 * Where a value's text is written, for an edit that corrects the text itself (a misspelt id):
 * merged text is shared, and what is misspelt is misspelt for every mapping that merges it.
 */
export function writtenRange(located: { range: Range; origin?: Range }): Range {
  return located.origin ?? located.range;
}

export function code(id: string): string {
  return `\`${id}\``;
}

/** The ids a fix may write: those the schema accepts (a typo may have left invalid ones around). */
export function writableIds(ids: Iterable<string>): string[] {
  return [...ids].filter((id) => ID_PATTERN.test(id));
}

/** The objective's id when a fix can write it. */
export function objectiveIdOf(model: PlanModel): string | undefined {
  const id = model.objectives[0]?.id?.value;
  return id !== undefined && ID_PATTERN.test(id) ? id : undefined;
}
