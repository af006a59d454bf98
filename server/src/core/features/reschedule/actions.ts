import { factsOf } from '../../model/planFacts.js';
import type { ChannelModel, PlanModel } from '../../model/planModel.js';
import type { PlanDocument } from '../../planDocument.js';
import type { Position, Range, RefactorAction } from '../../types.js';
import { yamlEditContext } from '../../yaml/edits/editContext.js';
import { asWorkspaceEdit, plannedEdit, type EditForm } from './edit.js';
import { rescheduleDependants, rescheduleWholePlan, type Reschedule } from './plan.js';

// The rescheduling code actions: "Reschedule dependants of `x`" (refactor.rewrite, on a
// channel that has dependants) and "Reschedule the whole plan" (source.reschedule, anywhere
// in the plan: the Source Action menu). Their edits carry one change annotation per moved
// channel ("`paid-search` +7 days") that needs confirmation, so VS Code shows a preview
// listing the channels and the days before anything changes.

export const RESCHEDULE_DEPENDANTS_KIND = 'refactor.rewrite';
export const RESCHEDULE_PLAN_KIND = 'source.reschedule';

/** What the client can take (from its capabilities) and asked for (`context.only`). */
export interface RescheduleActionOptions {
  /** `workspace.workspaceEdit.documentChanges`. */
  documentChanges: boolean;
  /** `workspace.workspaceEdit.changeAnnotationSupport`: the edits are labelled and previewed. */
  changeAnnotations: boolean;
  /** `textDocument.codeAction.disabledSupport`: an action that cannot run is shown with the reason (a cycle) instead of left out. */
  disabledSupport: boolean;
  /** `context.only`; undefined: every kind. */
  only?: string[];
  /** `context.triggerKind` is Automatic (the light bulb): VS Code shows no source action there, so none is computed. */
  automatic?: boolean;
}

export function rescheduleActions(doc: PlanDocument, range: Range, options: RescheduleActionOptions): RefactorAction[] {
  const { model } = doc.analysis;
  const facts = factsOf(model);
  if (facts.graph.edges.length === 0) return [];
  const actions: RefactorAction[] = [];
  const form: EditForm = options.documentChanges
    ? { form: 'documentChanges', version: doc.version, annotate: options.changeAnnotations, confirm: options.changeAnnotations }
    : { form: 'changes' };
  const offer = (title: string, kind: RefactorAction['kind'], outcome: () => Reschedule, nothing: string) => {
    if (!wanted(kind, options.only)) return;
    const action = actionFor(doc, title, kind, outcome(), nothing, form);
    if (!action.disabled || options.disabledSupport) actions.push(action);
  };
  const channel = channelAt(model, range.start);
  if (channel && (facts.graph.downstream.get(channel.id)?.length ?? 0) > 0) {
    offer(
      `Reschedule dependants of \`${channel.id}\``,
      RESCHEDULE_DEPENDANTS_KIND,
      () => rescheduleDependants(model, facts, channel.id),
      `Every channel after \`${channel.id}\` already starts on the earliest date its dependencies allow.`,
    );
  }
  if (!options.automatic)
    offer(
      'Reschedule the whole plan',
      RESCHEDULE_PLAN_KIND,
      () => rescheduleWholePlan(model, facts),
      'Every channel already starts on the earliest date its dependencies allow.',
    );
  return actions;
}

function actionFor(doc: PlanDocument, title: string, kind: RefactorAction['kind'], outcome: Reschedule, nothing: string, form: EditForm): RefactorAction {
  if ('refused' in outcome) return { title, kind, disabled: { reason: outcome.refused } };
  if (outcome.moves.length === 0) return { title, kind, disabled: { reason: nothing } };
  const planned = plannedEdit(doc.analysis.model, yamlEditContext(doc.analysis.parsed), outcome.moves);
  if ('refused' in planned) return { title, kind, disabled: { reason: planned.refused } };
  return { title, kind, edit: asWorkspaceEdit(doc.uri, planned, form) };
}

/** LSP kinds are hierarchical: `refactor` asks for `refactor.rewrite` too. */
function wanted(kind: string, only: string[] | undefined): boolean {
  return only === undefined || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/** The channel whose entry holds the position (the innermost, were entries ever nested). */
function channelAt(model: PlanModel, position: Position): ChannelModel | undefined {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  for (const channel of model.channels.values()) {
    if (!before(position, channel.range.start) && !before(channel.range.end, position)) return channel;
  }
  return undefined;
}
