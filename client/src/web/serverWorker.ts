import type * as vscode from 'vscode';

/**
 * Runs the language server bundle (out/web/server.js) in a dedicated worker made from the
 * bundle's own text, behind a `blob:` URL.
 *
 * Why not `new Worker(<bundle URI>)`, as vscode-yaml does: the web worker extension host wraps
 * `Worker` and refuses `vscode-remote:` URLs ("Creating workers from remote extensions is
 * currently not supported"), which is where code-server and every VS Code server serve
 * extensions from; vscode.dev serves them from https, which it would accept. A `blob:` URL is
 * accepted by both (the host's own bootstrap imports it, and its CSP allows blob: workers).
 * Why not the server inside the extension host over a MessageChannel, which also works
 * everywhere: the extension host is one thread shared by every extension, and the analysis of
 * a large plan after each keystroke would hold them all up. In a worker of its own it does not.
 *
 * The text is fetched as the extension host fetched this extension's own code: its `fetch`
 * maps `vscode-remote:` and `file:` URIs to the server's resource URLs, and fetches `https:`
 * as it is.
 */
export class ServerWorker implements vscode.Disposable {
  private worker: Worker | undefined;
  private scriptUrl: Promise<string> | undefined;

  constructor(private readonly bundle: vscode.Uri) {}

  /** A new worker running the server (a restart ends the previous one). */
  async start(): Promise<Worker> {
    this.worker?.terminate();
    this.worker = undefined;
    this.scriptUrl ??= this.load().catch((error: unknown) => {
      this.scriptUrl = undefined; // the next start tries again
      throw error;
    });
    this.worker = new Worker(await this.scriptUrl, { name: 'Throughline language server' });
    return this.worker;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    void this.scriptUrl?.then(
      (url) => URL.revokeObjectURL(url),
      () => undefined,
    );
    this.scriptUrl = undefined;
  }

  private async load(): Promise<string> {
    let response: Response;
    try {
      response = await fetch(this.bundle.toString());
    } catch (error) {
      throw new Error(`could not load ${this.bundle.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new Error(`could not load ${this.bundle.toString()}: HTTP ${response.status} ${response.statusText}`);
    const script = new Blob([await response.arrayBuffer()], { type: 'text/javascript' });
    return URL.createObjectURL(script);
  }
}
