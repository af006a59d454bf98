// The extension runs in the web worker extension host, the one vscode.dev and github.dev
// have, and not in code-server's Node extension host: the runner forces it there with
// `remote.extensionKind` (scripts/e2e/web.mjs), and these tests check that it took.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CLEAN_PLAN, EXTENSION_ID, openInEditor, waitFor } from '../../e2e/suite/helpers';
import { serverLogs } from './runnerHooks';

suite('web worker extension host', () => {
  test('Throughline runs here, in a browser worker without Node', async () => {
    // This suite runs in the extension host that runs the extension (VS Code picks the host by
    // the extension that holds the suite), and an extension runs in one host only.
    assert.equal(typeof process, 'undefined', 'no Node `process` in this extension host');
    const workerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
    assert.ok(workerScope && globalThis instanceof workerScope, 'this extension host is a web worker');

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded in this extension host`);
    await openInEditor(CLEAN_PLAN);
    await waitFor(() => extension.isActive, { what: `${EXTENSION_ID} to activate` });
    // A remote (Node) extension host reports Workspace; the browser's own host reports UI.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'it runs on the browser side, not in the remote Node extension host');
    assert.equal((extension.packageJSON as { browser?: string }).browser, './out/web/extension.js');
  });

  test("the Node extension host is running, and its log never names Throughline's activation", async () => {
    const logs = await waitFor(
      async () => {
        const found = await serverLogs('remoteexthost.log');
        // The Node host logs each extension it activates; wait until it has activated one.
        return found.some(({ text }) => /ExtensionService#_doActivateExtension /.test(text)) ? found : undefined;
      },
      { what: "the Node extension host's log to show an extension's activation" },
    );
    for (const { uri, text } of logs) {
      // The host lists every extension it knows when it starts (Throughline among them when the
      // test runs as root); only a line about activating it would mean it ran there.
      const activations = text.split('\n').filter((line) => line.includes(EXTENSION_ID) && /activat/i.test(line));
      assert.deepEqual(activations, [], `${uri.path} does not log ${EXTENSION_ID}'s activation`);
    }
  });
});
