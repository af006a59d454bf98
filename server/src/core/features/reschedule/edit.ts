import { isScalar } from 'yaml';
import type { ChannelModel, LocatedDate, PlanModel } from '../../model/planModel.js';
import { nodeRange } from '../../parse/reuse.js';
import { formatDay, plural } from '../../text/dates.js';
import type { ChangeAnnotation, DocumentChangesEdit, Range, TextEdit, WorkspaceEdit } from '../../types.js';
import type { YamlEditContext } from '../../yaml/edits/editContext.js';
import { pairAtPath } from '../../yaml/edits/nodes.js';
import { setScalar } from '../../yaml/edits/setScalar.js';
import type { ChannelMove } from './plan.js';

// A reschedule as the smallest edit: only the `start` and `end` scalars that change, each
// replaced in the quoting it was written in, so comments, flow or block style, key order and
// line breaks stay as they were. A date written through a YAML alias or anchor is shared with
// other values, so it is not edited here: the reschedule is refused and says why.

export interface DateEdit extends TextEdit {
  /** The channel whose date this is. */
  channel: string;
}

export interface PlannedEdit {
  edits: DateEdit[];
  /** Per moved channel, in plan order: what the preview lists ("`paid-search` +7 days"). */
  labels: Map<string, ChangeAnnotation>;
}

export type EditForm =
  /** `changes`: every client reads it. */
  | { form: 'changes' }
  /** `documentChanges` for this version; `annotate` labels each channel's edits, `confirm` asks for a preview first. */
  | { form: 'documentChanges'; version: number; annotate: boolean; confirm: boolean };

export function plannedEdit(model: PlanModel, yaml: YamlEditContext, moves: ChannelMove[]): PlannedEdit | { refused: string } {
  const edits: DateEdit[] = [];
  const labels = new Map<string, ChangeAnnotation>();
  for (const move of moves) {
    const channel = model.channels.get(move.id)!;
    for (const key of ['start', 'end'] as const) {
      if (move.to[key] === move.from[key]) continue;
      const edit = dateEdit(yaml, channel, key, formatDay(move.to[key]));
      if ('refused' in edit) return edit;
      edits.push(...edit.edits.map((item) => ({ ...item, channel: channel.id })));
    }
    labels.set(channel.id, { label: moveLabel(move), description: `${span(move.from)} → ${span(move.to)}` });
  }
  return { edits, labels };
}

export function asWorkspaceEdit(uri: string, planned: PlannedEdit, form: EditForm): WorkspaceEdit | DocumentChangesEdit {
  const plain = planned.edits.map(({ range, newText }) => ({ range, newText }));
  if (form.form === 'changes') return { changes: { [uri]: plain } };
  if (!form.annotate) return { documentChanges: [{ textDocument: { uri, version: form.version }, edits: plain }] };
  const ids = new Map<string, string>();
  const changeAnnotations: Record<string, ChangeAnnotation> = {};
  for (const [channel, annotation] of planned.labels) {
    const id = `reschedule/${ids.size}`;
    ids.set(channel, id);
    changeAnnotations[id] = { ...annotation, needsConfirmation: form.confirm };
  }
  const edits = planned.edits.map(({ range, newText, channel }) => ({ range, newText, annotationId: ids.get(channel)! }));
  return { documentChanges: [{ textDocument: { uri, version: form.version }, edits }], changeAnnotations };
}

/** "`paid-search` +7 days", "`paid-search` end -2 days", "`paid-search` start +1 day, end +3 days". */
export function moveLabel(move: ChannelMove): string {
  const startShift = move.to.start - move.from.start;
  const endShift = move.to.end - move.from.end;
  const name = `\`${move.id}\``;
  if (startShift === endShift) return `${name} ${signedDays(startShift)}`;
  if (endShift === 0) return `${name} start ${signedDays(startShift)}`;
  if (startShift === 0) return `${name} end ${signedDays(endShift)}`;
  return `${name} start ${signedDays(startShift)}, end ${signedDays(endShift)}`;
}

export function signedDays(days: number): string {
  return `${days >= 0 ? '+' : '-'}${plural(Math.abs(days), 'day')}`;
}

function span(dates: { start: number; end: number }): string {
  return `${formatDay(dates.start)} – ${formatDay(dates.end)}`;
}

/**
 * `replaceScalar` for an ISO date: the same quoting, without its check that the text is safe
 * plain YAML (a parse per value, which a 5,000-channel reschedule cannot afford) — a date is.
 */
function replaceDate(yaml: YamlEditContext, range: Range, date: string): TextEdit {
  const quote = yaml.text[yaml.lines.offsetAt(range.start)];
  return { range, newText: quote === '"' || quote === "'" ? `${quote}${date}${quote}` : date };
}

function dateEdit(yaml: YamlEditContext, channel: ChannelModel, key: 'start' | 'end', value: string): { edits: TextEdit[] } | { refused: string } {
  const located: LocatedDate | undefined = channel[key];
  const written = yaml.doc ? pairAtPath(yaml.doc.contents, ['channels', channel.id, key]) : undefined;
  const node = written?.pair.value;
  const range = nodeRange(node);
  const shared = `\`${channel.id}\`'s \`${key}\` is written through a YAML anchor or alias, which other values may share: write the date out under \`${channel.id}\` to move it.`;
  if (written && isScalar(node) && !node.anchor && range && located && yaml.lines.offsetAt(located.range.start) === range[0]) {
    return { edits: [replaceDate(yaml, located.range, value)] };
  }
  if (written) return { refused: shared };
  // Not written in the channel itself (inherited through a merge key): writing it there overrides only this channel.
  const inserted = setScalar(yaml, ['channels', channel.id, key], value);
  return inserted ? { edits: inserted } : { refused: shared };
}
