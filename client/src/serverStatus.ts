import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from './commandIds.js';
import { LANGUAGE_ID } from './clientOptions.js';

const DETAIL: Record<State, string> = {
  [State.Starting]: 'language server starting…',
  [State.Running]: 'language server running',
  [State.Stopped]: 'language server stopped',
  [State.StartFailed]: 'language server failed to start',
};

/** The `{}` item in the status bar of a plan: shows whether the server runs; restart from it. */
export function createServerStatus(client: BaseLanguageClient): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('throughline.server', { language: LANGUAGE_ID });
  item.name = 'Throughline language server';
  item.text = 'Throughline';
  const show = (state: State) => {
    item.detail = DETAIL[state];
    item.busy = state === State.Starting;
    item.severity = state === State.Running || state === State.Starting ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
    item.command =
      state === State.Running || state === State.Starting
        ? { title: 'Show Output', command: COMMANDS.showOutput }
        : { title: 'Restart', command: COMMANDS.restartServer };
  };
  show(client.state);
  const listener = client.onDidChangeState((event) => show(event.newState));
  return vscode.Disposable.from(item, listener);
}
