import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  AnalysisChangedNotification,
  PortfolioTimelineRequest,
  type AnalysisChangedParams,
  type PortfolioTimelineParams,
  type PortfolioTimelineResult,
} from '../../../server/src/protocol.js';
import { FollowingPanel } from './followingPanel.js';
import type { FromWebview } from './messages.js';

export const PORTFOLIO_VIEW_TYPE = 'throughline.portfolioTimeline';
const DEBOUNCE_MS = 250;

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
export class PortfolioTimelinePanel extends FollowingPanel<PortfolioTimelineResult> {
  private rendered: number | undefined;
  private version = 0;
  private readonly opened: string[] = [];
  private refused = 0;

  constructor(extensionUri: vscode.Uri, client: BaseLanguageClient) {
    super(extensionUri, client, {
      viewType: PORTFOLIO_VIEW_TYPE,
      title: 'Portfolio Timeline',
      titlePrefix: 'Portfolio: ',
      portfolio: true,
      nothingOpen: 'Open a portfolio (*.portfolio.yaml) to see its timeline.',
    });
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isPortfolioUri(editor.document.uri) && !this.isCurrent(editor.document.uri)) this.follow(editor.document.uri);
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
    );
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

  protected activeUri(): vscode.Uri | undefined {
    return activePortfolioUri();
  }

  protected accepts(uri: vscode.Uri): boolean {
    return isPortfolioUri(uri);
  }

  protected request(uri: vscode.Uri): Promise<PortfolioTimelineResult | null> {
    const params: PortfolioTimelineParams = { uri: uri.toString(), render: 'panel' };
    return this.client.sendRequest(PortfolioTimelineRequest, params);
  }

  protected answered(_uri: vscode.Uri, result: PortfolioTimelineResult | null): void {
    if (!result) {
      if (!this.shown) this.post({ type: 'empty', text: 'The language server could not read this file as a portfolio (*.portfolio.yaml).' });
      else this.setBanner('The portfolio cannot be read just now: showing the last timeline.');
      return;
    }
    this.shown = result;
    this.banner = null;
    this.post({ type: 'render', uri: result.uri, version: ++this.version, title: result.timeline.title, svg: result.svg ?? '', banner: null });
  }

  protected attached(): void {
    this.rendered = undefined;
  }

  protected switched(): void {}

  /** The portfolio shown, or one of its plans. */
  private concerns(uri: string): boolean {
    if (!this.panel || !this.uri) return false;
    return this.uri.toString() === uri || (this.shown?.timeline.lanes.some((lane) => lane.uri === uri) ?? false);
  }

  protected async handle(message: FromWebview): Promise<boolean> {
    switch (message.type) {
      case 'ready':
        this.follow(this.uri ?? activePortfolioUri());
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
}
