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
  /**
   * `codeAction.resolveSupport` covers `edit`: the actions carry `data` and their edit is made
   * by `resolveRescheduleAction` when one is chosen, not for every cursor move.
   */
  resolveEdits?: boolean;
}

/** What a listed action carries to be resolved: which reschedule, on which channel. */
export interface RescheduleActionData {
  uri: string;
  reschedule: 'dependants' | 'plan';
  channel?: string;
  form: EditForm;
}

export function rescheduleActions(doc: PlanDocument, range: Range, options: RescheduleActionOptions): RefactorAction[] {
  const { model } = doc.analysis;
  const facts = factsOf(model);
  if (facts.graph.edges.length === 0) return [];
  const actions: RefactorAction[] = [];
  const form: EditForm = options.documentChanges
    ? { form: 'documentChanges', version: doc.version, annotate: options.changeAnnotations, confirm: options.changeAnnotations }
    : { form: 'changes' };
  const offer = (title: string, kind: RefactorAction['kind'], outcome: () => Reschedule, nothing: string, data: Omit<RescheduleActionData, 'form' | 'uri'>) => {
    if (!wanted(kind, options.only)) return;
    const action = actionFor(doc, title, kind, outcome(), nothing, options.resolveEdits ? { uri: doc.uri, ...data, form } : form);
    if (!action.disabled || options.disabledSupport) actions.push(action);
  };
  const channel = channelAt(model, range.start);
  if (channel && (facts.graph.downstream.get(channel.id)?.length ?? 0) > 0) {
    offer(
      `Reschedule dependants of \`${channel.id}\``,
      RESCHEDULE_DEPENDANTS_KIND,
      () => rescheduleDependants(model, facts, channel.id),
      `Every channel after \`${channel.id}\` already starts on the earliest date its dependencies allow.`,
      { reschedule: 'dependants', channel: channel.id },
    );
  }
  if (!options.automatic)
    offer(
      'Reschedule the whole plan',
      RESCHEDULE_PLAN_KIND,
      () => rescheduleWholePlan(model, facts),
      'Every channel already starts on the earliest date its dependencies allow.',
      { reschedule: 'plan' },
    );
  return actions;
}

/**
 * The edit of an action listed with `data` (`resolveEdits`), made on the document as it is
 * now. `refused` says why there is none (a date written through an alias, or the plan
 * changed so that the reschedule no longer applies).
 */
export function resolveRescheduleAction(doc: PlanDocument, action: RefactorAction & { data?: unknown }): { action: RefactorAction; refused?: string } {
  const data = rescheduleData(action.data);
  if (!data || data.uri !== doc.uri) return { action };
  const { model } = doc.analysis;
  const facts = factsOf(model);
  const outcome = data.reschedule === 'plan' ? rescheduleWholePlan(model, facts) : rescheduleDependants(model, facts, data.channel!);
  const form: EditForm = data.form.form === 'documentChanges' ? { ...data.form, version: doc.version } : data.form;
  const { data: _listed, ...listed } = action;
  const made = editFor(doc, outcome, form);
  return 'refused' in made ? { action: listed, refused: made.refused } : { action: { ...listed, ...made } };
}

function actionFor(
  doc: PlanDocument,
  title: string,
  kind: RefactorAction['kind'],
  outcome: Reschedule,
  nothing: string,
  form: EditForm | RescheduleActionData,
): RefactorAction & { data?: RescheduleActionData } {
  if ('refused' in outcome) return { title, kind, disabled: { reason: outcome.refused } };
  if (outcome.moves.length === 0) return { title, kind, disabled: { reason: nothing } };
  // Listed for the light bulb: the edit is made when the action is chosen.
  if ('reschedule' in form) return { title, kind, data: form };
  const made = editFor(doc, outcome, form);
  return 'refused' in made ? { title, kind, disabled: { reason: made.refused } } : { title, kind, ...made };
}

function editFor(doc: PlanDocument, outcome: Reschedule, form: EditForm): { edit: NonNullable<RefactorAction['edit']> } | { refused: string } {
  if ('refused' in outcome) return outcome;
  if (outcome.moves.length === 0) return { refused: 'Nothing to reschedule any more: the plan changed.' };
  const planned = plannedEdit(doc.analysis.model, yamlEditContext(doc.analysis.parsed), outcome.moves);
  return 'refused' in planned ? planned : { edit: asWorkspaceEdit(doc.uri, planned, form) };
}

/** The `data` of one of our actions, as it comes back from the client (checked). */
export function rescheduleData(value: unknown): RescheduleActionData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uri, reschedule, channel, form } = value as Record<string, unknown>;
  if (typeof uri !== 'string') return undefined;
  if (reschedule !== 'plan' && !(reschedule === 'dependants' && typeof channel === 'string')) return undefined;
  if (typeof form !== 'object' || form === null) return undefined;
  const { form: kind, annotate, confirm } = form as Record<string, unknown>;
  const editForm: EditForm =
    kind === 'documentChanges' ? { form: 'documentChanges', version: 0, annotate: annotate === true, confirm: confirm === true } : { form: 'changes' };
  return { uri, reschedule, ...(reschedule === 'dependants' ? { channel: channel as string } : {}), form: editForm };
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
