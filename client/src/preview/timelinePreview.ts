import { COMMANDS } from '../commandIds.js';
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import {
  AnalysisChangedNotification,
  TimelineRequest,
  type AnalysisChangedParams,
  type TimelineParams,
  type TimelineResult,
} from '../../../server/src/protocol.js';
import type { TimelineChannel } from '../../../server/src/core/index.js';
import { applyReschedule, CASCADE_KEY } from '../schedule/applyReschedule.js';
import { dragScheduleOf, type MoveMessage } from './dragMessages.js';
import { parseFromWebview, type FromWebview, type ToWebview } from './messages.js';
import { refusedMove } from './timelineMoves.js';
import { activePlanUri, contains, isPlanDocument, localToday, revealRange } from './planEditors.js';
import { attachPanel, panelOptions, restoredUri } from './panelHost.js';

export const VIEW_TYPE = 'throughline.timeline';
const DEBOUNCE_MS = 200;
/** Retries while the server starts, has not opened the document yet, or answers for an older version. */
const MAX_ATTEMPTS = 40;

/** What the preview shows, for the status command the end-to-end tests read. */
export interface PreviewStatus {
  open: boolean;
  visible: boolean;
  uri: string | undefined;
  version: number | undefined;
  bars: number;
  undated: number;
  banner: string | null;
  highlighted: string | null;
  /** What the webview reported it drew, counted in its DOM. */
  rendered: { version: number; bars: number; arrows: number } | undefined;
  /** The last note shown under the toolbar (a move made or refused). */
  note: string | null;
  /** "Move dependants too". */
  cascade: boolean;
  /** Moves received from the webview, and how many were applied. */
  moves: { received: number; applied: number };
}

/**
 * The one timeline panel. It follows the active plan editor, asks the server for the
 * timeline (debounced while typing), keeps the last good picture when the plan stops
 * parsing, and maps clicks and cursor moves between bars and channels.
 */
export class TimelinePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  /** The timeline the webview shows: the last one that parsed (or the first one, if none did). */
  private shown: TimelineResult | undefined;
  private banner: string | null = null;
  private highlighted: string | null = null;
  private rendered: PreviewStatus['rendered'];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private note: string | null = null;
  private readonly moves = { received: 0, applied: 0 };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    /** Where "Move dependants too" is remembered (the extension's global state). */
    private readonly memento: vscode.Memento,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isCurrent(event.document.uri)) this.schedule(DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.followCursor(event)),
      client.onNotification(AnalysisChangedNotification, (params: AnalysisChangedParams) => {
        if (typeof params?.uri === 'string' && this.uri?.toString() === params.uri && params.version !== this.shown?.version) this.schedule(DEBOUNCE_MS);
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    );
  }

  get currentUri(): vscode.Uri | undefined {
    return this.uri;
  }

  /** Opens the panel beside the editor (or reveals it) on the given plan, or the active one. */
  open(uri: vscode.Uri | undefined): void {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        'Timeline',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        panelOptions(this.extensionUri),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.showPlan(uri ?? activePlanUri());
  }

  /** Opens the panel on the plan with the channel's bar highlighted and scrolled into view (kept across the renders that follow). */
  reveal(uri: vscode.Uri, channel: string): void {
    this.open(uri);
    this.highlighted = null;
    this.highlight(channel);
  }

  /** Takes over a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    this.panel?.dispose();
    this.attach(panel);
    const uri = restoredUri(state);
    this.showPlan(uri ?? activePlanUri());
  }

  /** A message as the webview would post it: validated, then acted on. True when it was accepted. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseFromWebview(raw);
    return message ? this.handle(message) : false;
  }

  status(): PreviewStatus {
    return {
      open: this.panel !== undefined,
      visible: this.panel?.visible ?? false,
      uri: this.uri?.toString(),
      version: this.shown?.version,
      bars: this.shown?.timeline.bars.length ?? 0,
      undated: this.shown?.timeline.undated.length ?? 0,
      banner: this.banner,
      highlighted: this.highlighted,
      rendered: this.rendered,
      note: this.note,
      cascade: this.cascade,
      moves: { ...this.moves },
    };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.rendered = undefined;
    attachPanel(
      panel,
      this.extensionUri,
      { portfolio: false },
      (raw) => void this.receive(raw),
      () => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.uri = undefined;
        this.shown = undefined;
        clearTimeout(this.timer);
      },
    );
  }

  private showPlan(uri: vscode.Uri | undefined): void {
    if (!uri) {
      this.post({ type: 'empty', text: 'Open a plan (*.plan.yaml) to see its timeline.' });
      return;
    }
    if (!this.isCurrent(uri)) {
      this.uri = uri;
      this.shown = undefined;
      this.banner = null;
      this.highlighted = null;
      if (this.panel) this.panel.title = `Timeline: ${uri.path.split('/').pop() ?? ''}`;
    }
    this.schedule(0);
  }

  private isCurrent(uri: vscode.Uri): boolean {
    return this.uri?.toString() === uri.toString();
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (this.panel && editor && isPlanDocument(editor.document) && !this.isCurrent(editor.document.uri)) this.showPlan(editor.document.uri);
  }

  private followCursor(event: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.panel || !this.shown || !this.isCurrent(event.textEditor.document.uri)) return;
    const position = event.selections[0]?.active;
    const channel = position && this.channels().find((candidate) => contains(candidate.range, position));
    this.highlight(channel?.id ?? null);
  }

  private highlight(channel: string | null): void {
    if (channel === this.highlighted) return;
    this.highlighted = channel;
    this.post({ type: 'highlight', channel });
  }

  private channels(): TimelineChannel[] {
    return this.shown ? [...this.shown.timeline.bars, ...this.shown.timeline.undated] : [];
  }

  private schedule(delay: number, attempt = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(attempt), delay);
  }

  private async refresh(attempt: number): Promise<void> {
    const uri = this.uri;
    if (!this.panel || !uri) return;
    const generation = ++this.generation;
    const retry = (delay: number, why: string) => {
      if (attempt + 1 < MAX_ATTEMPTS) this.schedule(delay, attempt + 1);
      else this.setBanner(why);
    };
    let result: TimelineResult | null;
    try {
      const params: TimelineParams = { uri: uri.toString(), today: localToday(), render: 'panel' };
      result = await this.client.sendRequest(TimelineRequest, params);
    } catch (error) {
      if (generation !== this.generation) return;
      if (!this.shown) this.post({ type: 'empty', text: 'Waiting for the Throughline language server…' });
      retry(500, `The Throughline language server did not answer: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (generation !== this.generation || !this.isCurrent(uri)) return;
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!result) {
      // The server only knows open documents: opening it (no editor needed) sends it over.
      if (!document) await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
      retry(250, 'The language server has no analysis of this plan. Is it a *.plan.yaml file?');
      return;
    }
    if (document && result.version < document.version) {
      retry(100, 'The language server is behind the editor; the timeline may be out of date.');
      if (this.shown) return;
    }
    this.show(result);
  }

  private show(result: TimelineResult): void {
    const problem = result.timeline.syntaxProblem;
    const parseBanner = problem && `Line ${problem.line + 1}: ${problem.message} The plan does not parse, so the timeline may be incomplete.`;
    if (problem && this.shown && this.shown.timeline.syntaxProblem === undefined && this.shown.uri === result.uri) {
      this.setBanner(`Line ${problem.line + 1}: ${problem.message} The plan does not parse: showing the last good timeline.`);
      return;
    }
    this.shown = result;
    this.banner = parseBanner ?? null;
    const schedule = dragScheduleOf(result, this.cascade);
    this.post({
      type: 'render',
      uri: result.uri,
      version: result.version,
      title: result.timeline.title,
      svg: result.svg ?? '',
      banner: this.banner,
      ...(schedule ? { schedule } : {}),
    });
    if (this.highlighted) this.post({ type: 'highlight', channel: this.highlighted });
  }

  private setBanner(text: string | null): void {
    this.banner = text;
    this.post({ type: 'banner', text });
  }

  private async handle(message: FromWebview): Promise<boolean> {
    switch (message.type) {
      case 'ready':
        if (this.shown) this.show(this.shown);
        else this.showPlan(this.uri ?? activePlanUri());
        return true;
      case 'reveal': {
        // Only ids of the timeline on screen: the webview shows plan text and is not trusted.
        const channel = this.channels().find((candidate) => candidate.id === message.channel);
        if (!channel || !this.uri) return false;
        this.highlight(channel.id);
        await revealRange(this.uri, channel.keyRange);
        return true;
      }
      case 'export':
        await vscode.commands.executeCommand(COMMANDS.exportTimelineSvg, this.uri);
        return true;
      case 'rendered':
        this.rendered = { version: message.version, bars: message.bars, arrows: message.arrows };
        return true;
      case 'cascade':
        await this.memento.update(CASCADE_KEY, message.on);
        return true;
      case 'move':
        return this.move(message);
      case 'openPlan':
        // Only the portfolio timeline has plan lanes.
        return false;
    }
  }

  private get cascade(): boolean {
    return this.memento.get<boolean>(CASCADE_KEY, false) === true;
  }

  /** A dropped bar: checked against the timeline shown, then one edit from the server (one undo). */
  private async move(message: MoveMessage): Promise<boolean> {
    this.moves.received++;
    const uri = this.uri;
    const document = uri && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const refused = refusedMove(message, this.shown, document?.version);
    if (refused || !uri || !document) {
      this.showNote(refused ?? 'The plan is not open: nothing was moved.', true);
      return false;
    }
    const { channel, version, start, end, cascade } = message;
    const outcome = await applyReschedule(this.client, document, { uri: uri.toString(), version, channel, start, end, cascade });
    if (!outcome.refused) this.moves.applied++;
    this.showNote(outcome.text, outcome.refused);
    return !outcome.refused;
  }

  private showNote(text: string | null, refused: boolean): void {
    this.note = text;
    this.post({ type: 'note', text, refused });
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }
}
