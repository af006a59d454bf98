import * as vscode from 'vscode';
import { isLibraryFileName, isPortfolioFileName, type Range } from '../../../server/src/core/index.js';

export { localToday } from '../../../server/src/core/index.js';

export const PLAN_LANGUAGE_ID = 'marketing-plan';

/** A plan: in the plan language or named `*.plan.yaml`, and not a library or a portfolio (they share the language but have no timeline of their own). */
export function isPlanDocument(document: vscode.TextDocument): boolean {
  const path = document.uri.path;
  if (isLibraryFileName(path) || isPortfolioFileName(path)) return false;
  return document.languageId === PLAN_LANGUAGE_ID || /\.plan\.ya?ml$/i.test(path);
}

/** A URI that may be a plan's (a restored panel's): anything but a library or a portfolio. */
export function isPlanUri(uri: vscode.Uri): boolean {
  return !isLibraryFileName(uri.path) && !isPortfolioFileName(uri.path);
}

/** The plan in the active editor, or else in the first visible plan editor. */
export function activePlanUri(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && isPlanDocument(active.document)) return active.document.uri;
  return vscode.window.visibleTextEditors.find((editor) => isPlanDocument(editor.document))?.document.uri;
}

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function contains(range: Range, position: vscode.Position): boolean {
  const compare = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line - b.line || a.character - b.character;
  return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

/** Shows the document (in the editor column it is already visible in, if any) and selects the range. */
export async function revealRange(uri: vscode.Uri, range: Range): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const document = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  const target = toVscodeRange(range);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
