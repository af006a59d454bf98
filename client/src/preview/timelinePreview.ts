import { COMMANDS } from '../commandIds.js';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
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
import { FollowingPanel, type Retry } from './followingPanel.js';
import type { FromWebview } from './messages.js';
import { refusedMove } from './timelineMoves.js';
import { activePlanUri, contains, isPlanDocument, isPlanUri, localToday, revealRange } from './planEditors.js';

export const VIEW_TYPE = 'throughline.timeline';
const DEBOUNCE_MS = 200;

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
export class TimelinePreview extends FollowingPanel<TimelineResult> {
  private highlighted: string | null = null;
  private rendered: PreviewStatus['rendered'];
  private note: string | null = null;
  private readonly moves = { received: 0, applied: 0 };

  constructor(
    extensionUri: vscode.Uri,
    client: BaseLanguageClient,
    /** Where "Move dependants too" is remembered (the extension's global state). */
    private readonly memento: vscode.Memento,
  ) {
    super(extensionUri, client, {
      viewType: VIEW_TYPE,
      title: 'Timeline',
      titlePrefix: 'Timeline: ',
      portfolio: false,
      nothingOpen: 'Open a plan (*.plan.yaml) to see its timeline.',
    });
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isCurrent(event.document.uri)) this.schedule(DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => this.followCursor(event)),
      client.onNotification(AnalysisChangedNotification, (params: AnalysisChangedParams) => {
        if (typeof params?.uri === 'string' && this.uri?.toString() === params.uri && params.version !== this.shown?.version) this.schedule(DEBOUNCE_MS);
      }),
    );
  }

  get currentUri(): vscode.Uri | undefined {
    return this.uri;
  }

  /** Opens the panel on the plan with the channel's bar highlighted and scrolled into view (kept across the renders that follow). */
  reveal(uri: vscode.Uri, channel: string): void {
    this.open(uri);
    this.highlighted = null;
    this.highlight(channel);
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

  protected activeUri(): vscode.Uri | undefined {
    return activePlanUri();
  }

  protected accepts(uri: vscode.Uri): boolean {
    return isPlanUri(uri);
  }

  protected request(uri: vscode.Uri): Promise<TimelineResult | null> {
    const params: TimelineParams = { uri: uri.toString(), today: localToday(), render: 'panel' };
    return this.client.sendRequest(TimelineRequest, params);
  }

  protected async answered(uri: vscode.Uri, result: TimelineResult | null, retry: Retry): Promise<void> {
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

  protected attached(): void {
    this.rendered = undefined;
  }

  protected switched(): void {
    this.highlighted = null;
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (this.panel && editor && isPlanDocument(editor.document) && !this.isCurrent(editor.document.uri)) this.follow(editor.document.uri);
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

  protected async handle(message: FromWebview): Promise<boolean> {
    switch (message.type) {
      case 'ready':
        if (this.shown) this.show(this.shown);
        else this.follow(this.uri ?? activePlanUri());
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
}
