import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { parseFromWebview, type FromWebview, type ToWebview } from './messages.js';
import { attachPanel, panelOptions, restoredUri } from './panelHost.js';

/** What a panel kind says about itself: its view type, titles and what it shows without a file. */
export interface PanelKind {
  viewType: string;
  /** The tab's title before a file is shown. */
  title: string;
  /** The tab's title for a file: the prefix, then the file's name. */
  titlePrefix: string;
  /** The webview page: the portfolio's (lanes) or the plan's (bars, dragging, export). */
  portfolio: boolean;
  /** Shown when there is no file to show. */
  nothingOpen: string;
}

/** Asks again, or says why it stopped asking (after as many attempts as a server start takes). */
export type Retry = (delayMs: number, why: string) => void;

/** Retries while the server starts, has not opened the document yet, or answers for an older version. */
const MAX_ATTEMPTS = 40;

/**
 * What the plan timeline and the portfolio timeline share: one webview panel that follows a
 * file (the active editor's, or the one it is opened on), asks the server for that file's
 * picture — again when the server (re)starts, and as often as a subclass schedules — drops
 * answers overtaken by a newer question or another file, and retries while the server is not
 * there yet. A subclass says how to ask, what to do with an answer, and how to act on the
 * webview's messages.
 */
export abstract class FollowingPanel<Result> implements vscode.Disposable {
  protected panel: vscode.WebviewPanel | undefined;
  protected readonly disposables: vscode.Disposable[] = [];
  protected uri: vscode.Uri | undefined;
  /** What the webview shows (kept while a newer answer is worse, e.g. a plan that stopped parsing). */
  protected shown: Result | undefined;
  protected banner: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    protected readonly extensionUri: vscode.Uri,
    protected readonly client: BaseLanguageClient,
    private readonly kind: PanelKind,
  ) {
    this.disposables.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    );
  }

  /** Opens the panel beside the editor (or reveals it) on the given file, or the active one. */
  open(uri: vscode.Uri | undefined): void {
    if (!this.panel) {
      this.attach(
        vscode.window.createWebviewPanel(
          this.kind.viewType,
          this.kind.title,
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          panelOptions(this.extensionUri),
        ),
      );
    } else {
      this.panel.reveal(undefined, true);
    }
    this.follow(uri ?? this.activeUri());
  }

  /** Takes over a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    this.panel?.dispose();
    this.attach(panel);
    const uri = restoredUri(state);
    this.follow(uri && this.accepts(uri) ? uri : this.activeUri());
  }

  /** A message as the webview would post it: validated, then acted on. True when it was accepted. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseFromWebview(raw);
    return message ? this.handle(message) : false;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The file to show when none is named: the active editor's, or a visible one's. */
  protected abstract activeUri(): vscode.Uri | undefined;
  /** True for a file this panel can show. */
  protected abstract accepts(uri: vscode.Uri): boolean;
  /** Asks the server for the file's picture; throws when the server cannot be asked. */
  protected abstract request(uri: vscode.Uri): Promise<Result | null>;
  /** The server's answer for the file still shown, to show, or to retry. */
  protected abstract answered(uri: vscode.Uri, result: Result | null, retry: Retry): void | Promise<void>;
  protected abstract handle(message: FromWebview): Promise<boolean>;
  /** A new panel (made, or restored): what the webview reported of the old one is gone. */
  protected abstract attached(): void;
  /** Another file is shown from now on: forget what belonged to the last one. */
  protected abstract switched(): void;

  /** Shows the file (or says there is none), asking the server at once. */
  protected follow(uri: vscode.Uri | undefined): void {
    if (!uri) {
      this.post({ type: 'empty', text: this.kind.nothingOpen });
      return;
    }
    if (!this.isCurrent(uri)) {
      this.uri = uri;
      this.shown = undefined;
      this.banner = null;
      this.switched();
      if (this.panel) this.panel.title = `${this.kind.titlePrefix}${uri.path.split('/').pop() ?? ''}`;
    }
    this.schedule(0);
  }

  protected isCurrent(uri: vscode.Uri): boolean {
    return this.uri?.toString() === uri.toString();
  }

  protected schedule(delay: number, attempt = 0): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(attempt), delay);
  }

  protected setBanner(text: string | null): void {
    this.banner = text;
    this.post({ type: 'banner', text });
  }

  protected post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.attached();
    attachPanel(
      panel,
      this.extensionUri,
      { portfolio: this.kind.portfolio },
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

  private async refresh(attempt: number): Promise<void> {
    const uri = this.uri;
    if (!this.panel || !uri) return;
    const generation = ++this.generation;
    const retry: Retry = (delay, why) => {
      if (attempt + 1 < MAX_ATTEMPTS) this.schedule(delay, attempt + 1);
      else this.setBanner(why);
    };
    let result: Result | null;
    try {
      result = await this.request(uri);
    } catch (error) {
      if (generation !== this.generation) return;
      if (!this.shown) this.post({ type: 'empty', text: 'Waiting for the Throughline language server…' });
      retry(500, `The Throughline language server did not answer: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (generation !== this.generation || !this.isCurrent(uri)) return;
    await this.answered(uri, result, retry);
  }
}
