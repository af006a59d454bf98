// Finding things in a plan's text, so tests name what they look for ("the `content-hbu` in
// paid-search's depends_on") and never hard-code line numbers that break when a plan changes.
import * as vscode from 'vscode';

function withIndices(pattern: RegExp, global: boolean): RegExp {
  const flags = new Set([...pattern.flags, 'd', ...(global ? ['g'] : [])]);
  return new RegExp(pattern.source, [...flags].join(''));
}

function rangeOfMatch(document: vscode.TextDocument, match: RegExpExecArray): vscode.Range {
  // The first capture group is the token; without one, the whole match.
  const [start, end] = match.indices?.[1] ?? match.indices?.[0] ?? [match.index, match.index + match[0].length];
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** The range of the first match of `pattern` (its first capture group if it has one); throws if none. */
export function rangeOf(document: vscode.TextDocument, pattern: RegExp): vscode.Range {
  const match = withIndices(pattern, false).exec(document.getText());
  if (!match) throw new Error(`${pattern} does not occur in ${vscode.workspace.asRelativePath(document.uri)}`);
  return rangeOfMatch(document, match);
}

/** The ranges of every match of `pattern` (of its first capture group if it has one). */
export function rangesOf(document: vscode.TextDocument, pattern: RegExp): vscode.Range[] {
  return [...document.getText().matchAll(withIndices(pattern, true))].map((match) => rangeOfMatch(document, match));
}

/** The ids of the `channels:` map: its keys at two spaces' indentation, in the order written. */
export function channelIds(text: string): string[] {
  const section = /^channels:\n((?:[ #].*\n|\n)*)/m.exec(text)?.[1] ?? '';
  return [...section.matchAll(/^ {2}([A-Za-z0-9][\w-]*):/gm)].map((match) => match[1]!);
}

/** Where the text of `range` starts, as `line:column` (1-based, as editors show it), for messages. */
export function at(range: vscode.Range | vscode.Position): string {
  const position = range instanceof vscode.Range ? range.start : range;
  return `${position.line + 1}:${position.character + 1}`;
}
