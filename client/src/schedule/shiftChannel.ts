import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { parseShift, type TimelineBar } from '../../../server/src/core/index.js';
import { TimelineRequest } from '../../../server/src/protocol.js';
import { COMMANDS } from '../commandIds.js';
import { activePlanUri, contains, isPlanDocument, localToday } from '../preview/planEditors.js';
import { applyReschedule, CASCADE_KEY, type RescheduleOutcome } from './applyReschedule.js';

// "Throughline: Shift Channel…": pick a channel (the one the cursor is in comes first), say
// how far (`+3d`, `-2w`, `5bd`), and whether its dependants move too; one edit, one undo.
// Keybindings can pass the answers: `{ "channel": "paid-search", "shift": "+1w", "cascade": true }`.

const SHIFT_FORMAT = 'A shift is a whole number of days, weeks or business days, e.g. +3d, -2w or 5bd.';

interface ShiftArgs {
  uri?: vscode.Uri;
  channel?: string;
  shift?: string;
  cascade?: boolean;
}

export function registerShiftChannel(client: BaseLanguageClient, memento: vscode.Memento): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.shiftChannel, (args?: unknown) => shiftChannel(client, memento, shiftArgs(args)));
}

/** A Uri (from a menu), or the keybinding's object; anything else is ignored. */
function shiftArgs(raw: unknown): ShiftArgs {
  if (raw instanceof vscode.Uri) return { uri: raw };
  if (typeof raw !== 'object' || raw === null) return {};
  const value = raw as Record<string, unknown>;
  return {
    uri: value.uri instanceof vscode.Uri ? value.uri : typeof value.uri === 'string' ? vscode.Uri.parse(value.uri) : undefined,
    channel: typeof value.channel === 'string' ? value.channel : undefined,
    shift: typeof value.shift === 'string' ? value.shift : undefined,
    cascade: typeof value.cascade === 'boolean' ? value.cascade : undefined,
  };
}

async function shiftChannel(client: BaseLanguageClient, memento: vscode.Memento, args: ShiftArgs): Promise<RescheduleOutcome | undefined> {
  const uri = args.uri ?? activePlanUri();
  const document = uri && (await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined));
  if (!uri || !document || !isPlanDocument(document)) {
    void vscode.window.showWarningMessage('Open a plan (*.plan.yaml) to shift one of its channels.');
    return undefined;
  }
  const result = await client.sendRequest(TimelineRequest, { uri: uri.toString(), today: localToday() }).then(undefined, () => null);
  const bars = result?.timeline.bars ?? [];
  if (bars.length === 0) {
    void vscode.window.showWarningMessage('This plan has no channel with a start and an end to shift.');
    return undefined;
  }
  const bar = args.channel === undefined ? await pickChannel(bars, document) : bars.find((candidate) => candidate.id === args.channel);
  if (!bar) {
    if (args.channel !== undefined) void vscode.window.showWarningMessage(`There is no channel \`${args.channel}\` with dates in this plan.`);
    return undefined;
  }
  const shift = args.shift ?? (await askShift(bar));
  if (shift === undefined) return undefined;
  if (!parseShift(shift)) {
    const text = `\`${shift}\` is not a shift. ${SHIFT_FORMAT}`;
    void vscode.window.showWarningMessage(text);
    return { text, refused: true, moved: [] };
  }
  const cascade = args.cascade ?? (await askCascade(bar, memento.get<boolean>(CASCADE_KEY, false) === true));
  if (cascade === undefined) return undefined;
  await memento.update(CASCADE_KEY, cascade);
  const outcome = await applyReschedule(client, document, { uri: uri.toString(), version: document.version, channel: bar.id, shift, cascade });
  if (outcome.refused) void vscode.window.showWarningMessage(outcome.text);
  else void vscode.window.showInformationMessage(outcome.text);
  return outcome;
}

async function pickChannel(bars: TimelineBar[], document: vscode.TextDocument): Promise<TimelineBar | undefined> {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
  const cursor = editor?.selection.active;
  const here = cursor && bars.find((bar) => contains(bar.range, cursor));
  const ordered = here ? [here, ...bars.filter((bar) => bar !== here)] : bars;
  const picked = await vscode.window.showQuickPick(
    ordered.map((bar) => ({ label: bar.id, description: `${bar.start.date} – ${bar.end.date}`, detail: bar.name === bar.id ? undefined : bar.name, bar })),
    { title: 'Shift Channel: which channel?', placeHolder: 'The channel to move', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.bar;
}

function askShift(bar: TimelineBar): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Shift ${bar.id}: how far?`,
    prompt: `${bar.start.date} – ${bar.end.date} now. Days (d), weeks (w) or business days (bd); a minus moves it earlier.`,
    placeHolder: '+3d, -2w, 5bd',
    validateInput: (value) => (parseShift(value) ? undefined : SHIFT_FORMAT),
  });
}

async function askCascade(bar: TimelineBar, remembered: boolean): Promise<boolean | undefined> {
  const options = [
    { label: 'Move dependants too', description: 'every channel after it moves to the earliest date its dependencies allow', cascade: true },
    { label: `Move only ${bar.id}`, description: 'its dependants keep their dates', cascade: false },
  ];
  const picked = await vscode.window.showQuickPick(remembered ? options : options.reverse(), {
    title: `Shift ${bar.id}: its dependants?`,
    placeHolder: 'Move the channels after it too?',
  });
  return picked?.cascade;
}
