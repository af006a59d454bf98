import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import {
  AnalysisChangedNotification,
  PortfolioTimelineRequest,
  type AnalysisChangedParams,
  type PortfolioTimelineParams,
  type PortfolioTimelineResult,
} from '../../../server/src/protocol.js';
import { parseFromWebview, type FromWebview, type ToWebview } from './messages.js';
import { attachPanel, panelOptions, restoredUri } from './panelHost.js';

export const PORTFOLIO_VIEW_TYPE = 'throughline.portfolioTimeline';
const DEBOUNCE_MS = 250;
/** Retries while the server starts. */
const MAX_ATTEMPTS = 40;

export function isPortfolioUri(uri: vscode.Uri): boolean {
  return /\.portfolio\.ya?ml$/i.test(uri.path);
}

/** The portfolio in the active editor, or else in the first visible portfolio editor. */
export function activePortfolioUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isPortfolioUri(active)) return active;
  return vscode.window.visibleTextEditors.map((editor) => editor.document.uri).find(isPortfolioUri);
}

/** What the panel shows, for the status command the end-to-end tests read. */
export interface PortfolioTimelineStatus {
  open: boolean;
  uri: string | undefined;
  /** The plan URIs of the lanes, in order. */
  lanes: string[];
  /** The plan titles of the lanes, in order. */
  titles: string[];
  banner: string | null;
  /** Lanes the webview reported it drew, counted in its DOM. */
  rendered: number | undefined;
  /** Plans opened from a lane click, and clicks refused (not a lane of the timeline shown). */
  opened: string[];
  refused: number;
}

/**
 * The one portfolio timeline panel: it follows the active portfolio editor, asks the server for
 * the portfolio's timeline again when the portfolio or one of its plans changes, and opens the
 * plan of a clicked lane — only a plan that is a lane of the timeline on screen.
 */
export class PortfolioTimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  private shown: PortfolioTimelineResult | undefined;
  private banner: string | null = null;
  private rendered: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private version = 0;
  private readonly opened: string[] = [];
  private refused = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isPortfolioUri(editor.document.uri) && !this.isCurrent(editor.document.uri)) this.show(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.concerns(event.document.uri.toString())) this.schedule(DEBOUNCE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.concerns(document.uri.toString())) this.schedule(DEBOUNCE_MS);
      }),
      client.onNotification(AnalysisChangedNotification, (params: AnalysisChangedParams) => {
        if (typeof params?.uri === 'string' && this.concerns(params.uri)) this.schedule(DEBOUNCE_MS);
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    );
  }

  /** Opens the panel beside the editor (or reveals it) on the given portfolio, or the active one. */
  open(uri: vscode.Uri | undefined): void {
    if (!this.panel) {
      this.attach(
        vscode.window.createWebviewPanel(
          PORTFOLIO_VIEW_TYPE,
          'Portfolio Timeline',
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          panelOptions(this.extensionUri),
        ),
      );
    } else {
      this.panel.reveal(undefined, true);
    }
    this.show(uri ?? activePortfolioUri());
  }

  /** Takes over a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    this.panel?.dispose();
    this.attach(panel);
    const uri = restoredUri(state);
    this.show(uri && isPortfolioUri(uri) ? uri : activePortfolioUri());
  }

  /** A message as the webview would post it: validated, then acted on. True when it was accepted. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseFromWebview(raw);
    return message ? this.handle(message) : false;
  }

  status(): PortfolioTimelineStatus {
    return {
      open: this.panel !== undefined,
      uri: this.uri?.toString(),
      lanes: this.shown?.timeline.lanes.map((lane) => lane.uri) ?? [],
      titles: this.shown?.timeline.lanes.map((lane) => lane.title) ?? [],
      banner: this.banner,
      rendered: this.rendered,
      opened: [...this.opened],
      refused: this.refused,
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
      { portfolio: true },
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

  private show(uri: vscode.Uri | undefined): void {
    if (!uri) {
      this.post({ type: 'empty', text: 'Open a portfolio (*.portfolio.yaml) to see its timeline.' });
      return;
    }
    if (!this.isCurrent(uri)) {
      this.uri = uri;
      this.shown = undefined;
      this.banner = null;
      if (this.panel) this.panel.title = `Portfolio: ${uri.path.split('/').pop() ?? ''}`;
    }
    this.schedule(0);
  }

  private isCurrent(uri: vscode.Uri): boolean {
    return this.uri?.toString() === uri.toString();
  }

  /** The portfolio shown, or one of its plans. */
  private concerns(uri: string): boolean {
    if (!this.panel || !this.uri) return false;
    return this.uri.toString() === uri || (this.shown?.timeline.lanes.some((lane) => lane.uri === uri) ?? false);
  }

  private schedule(delay: number, attempt = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(attempt), delay);
  }

  private async refresh(attempt: number): Promise<void> {
    const uri = this.uri;
    if (!this.panel || !uri) return;
    const generation = ++this.generation;
    let result: PortfolioTimelineResult | null;
    try {
      const params: PortfolioTimelineParams = { uri: uri.toString(), render: 'panel' };
      result = await this.client.sendRequest(PortfolioTimelineRequest, params);
    } catch (error) {
      if (generation !== this.generation) return;
      if (!this.shown) this.post({ type: 'empty', text: 'Waiting for the Throughline language server…' });
      if (attempt + 1 < MAX_ATTEMPTS) this.schedule(500, attempt + 1);
      else this.setBanner(`The Throughline language server did not answer: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (generation !== this.generation || !this.isCurrent(uri)) return;
    if (!result) {
      if (!this.shown) this.post({ type: 'empty', text: 'The language server could not read this file as a portfolio (*.portfolio.yaml).' });
      else this.setBanner('The portfolio cannot be read just now: showing the last timeline.');
      return;
    }
    this.shown = result;
    this.banner = null;
    this.post({ type: 'render', uri: result.uri, version: ++this.version, title: result.timeline.title, svg: result.svg ?? '', banner: null });
  }

  private setBanner(text: string | null): void {
    this.banner = text;
    this.post({ type: 'banner', text });
  }

  private async handle(message: FromWebview): Promise<boolean> {
    switch (message.type) {
      case 'ready':
        this.show(this.uri ?? activePortfolioUri());
        return true;
      case 'rendered':
        this.rendered = message.lanes;
        return true;
      case 'openPlan':
        return this.openPlan(message.uri);
      default:
        // Dragging, export and channel reveal belong to the plan timeline.
        return false;
    }
  }

  /** Opens the plan of a lane: only a URI that is a lane of the timeline on screen (the webview shows file text and is not trusted). */
  private async openPlan(raw: string): Promise<boolean> {
    const lane = this.shown?.timeline.lanes.find((candidate) => candidate.uri === raw);
    let uri: vscode.Uri | undefined;
    try {
      uri = lane ? vscode.Uri.parse(lane.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!uri) {
      this.refused++;
      return false;
    }
    const document = await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
    if (!document) {
      this.setBanner(`The plan ${uri.path.split('/').pop() ?? ''} could not be opened.`);
      return false;
    }
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    this.opened.push(uri.toString());
    return true;
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }
}
