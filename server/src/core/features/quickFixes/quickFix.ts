import type { PlanFacts } from '../../model/planFacts.js';
import { ID_PATTERN } from '../../schema/planSchema.js';
import type { ChannelModel, KpiModel, Located, PlanModel } from '../../model/planModel.js';
import type { Diagnostic, Range, TextEdit } from '../../types.js';
import type { YamlEditContext } from '../edits/yamlEditContext.js';

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

/**
 * Proposes fixes for one diagnostic of the current analysis. Fixes find what they change in
 * the model by the diagnostic's range and re-derive every fact (never from `data` alone).
 */
export type QuickFix = (context: FixContext, diagnostic: Diagnostic) => FixProposal[];

/** A one-element list when the edits could be made, an empty one otherwise. */
export function proposal(title: string, edits: TextEdit[] | undefined, isPreferred = false): FixProposal[] {
  return edits && edits.length > 0 ? [{ title, edits, ...(isPreferred ? { isPreferred } : {}) }] : [];
}

export function sameRange(a: Range | undefined, b: Range): boolean {
  return a !== undefined && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function kpiWithKeyAt(model: PlanModel, range: Range): KpiModel | undefined {
  for (const kpi of model.kpis.values()) if (sameRange(kpi.keyRange, range)) return kpi;
  return undefined;
}

export function channelWithKeyAt(model: PlanModel, range: Range): ChannelModel | undefined {
  for (const channel of model.channels.values()) if (sameRange(channel.keyRange, range)) return channel;
  return undefined;
}

/** The channel and the id in one of its id lists (`kpis`, `stages` …) written at `range`. */
export function idInChannelsAt(model: PlanModel, range: Range, idsOf: (channel: ChannelModel) => Located<string>[]): { channel: ChannelModel; id: Located<string> } | undefined {
  for (const channel of model.channels.values()) {
    const id = idsOf(channel).find((item) => sameRange(item.range, range));
    if (id) return { channel, id };
  }
  return undefined;
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
