import type { PlanModel } from '../model/planModel.js';
import { enumValuesOf, keysAt, rootSchemaFor, schemaAt, type AnySchema, type KeyInfo } from '../schema/schemaNavigation.js';
import type { Position } from '../types.js';
import { cursorContext, wordAt } from './completion/context.js';
import { entrySnippets, escapeChoice, type SnippetProposal } from './completion/snippets.js';
import { detectEol, detectIndentStep } from '../yaml/edits/editContext.js';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type TextEdit } from '../lspTypes.js';
import { escapeMarkdown, markdownToPlainText } from '../text/markdown.js';
import type { PlanDocument } from '../planDocument.js';
import { keyDocumentation } from '../schema/schemaDocs.js';
import { ITEM } from '../yaml/lines.js';
import type { PathKey } from '../yaml/path.js';
import { channelMonths } from './tracking/months.js';

export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '[', ',', '-'];

export interface CompletionOptions {
  /** The client expands snippets (`textDocument.completion.completionItem.snippetSupport`). */
  snippets: boolean;
  /** `plaintext` for a client whose `completionItem.documentationFormat` lacks markdown. */
  markup?: 'markdown' | 'plaintext';
}

/**
 * Completion at the cursor: keys, enum values, ids and snippets for its context, on
 * half-typed YAML too. Without snippet support, snippets become their plain text.
 */
export function completion(doc: PlanDocument, position: Position, options: CompletionOptions = { snippets: true }): CompletionList {
  let result = completionItems(doc, position);
  if (!options.snippets) result = { ...result, items: result.items.map(plainItem) };
  if (options.markup === 'plaintext') result = { ...result, items: result.items.map(plainDocumentation) };
  return result;
}

function plainDocumentation(item: CompletionItem): CompletionItem {
  return item.documentation?.kind === 'markdown'
    ? { ...item, documentation: { kind: 'plaintext', value: markdownToPlainText(item.documentation.value) } }
    : item;
}

function completionItems(doc: PlanDocument, position: Position): CompletionList {
  const { model, parsed } = doc.analysis;
  const lines = linesOf(model);
  const line = Math.max(0, Math.min(position.line, lines.length - 1));
  const lineText = lines[line] ?? '';
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const context = cursorContext(lines, line, character);
  if (!context) return { isIncomplete: false, items: [] };
  const word = wordAt(lineText, character);
  // Right after `key:` or a bare `-`, the inserted text needs its separating space.
  const lead = context.kind === 'value' ? (context.afterColon ? ' ' : '') : lineText[word.start - 1] === '-' ? ' ' : '';
  const edit = (newText: string): TextEdit => ({
    range: { start: { line, character: word.start }, end: { line, character: word.end } },
    newText: lead + newText,
  });
  const layout = { eol: detectEol(model.text), step: detectIndentStep(parsed), restOfLine: lineText.slice(word.end), root: rootSchemaFor(doc.uri) };

  switch (context.kind) {
    case 'value':
      return list(valueItems(model, [...context.path, context.key], [], edit));
    case 'item': {
      const values = valueItems(model, context.path, context.present, edit);
      const itemPath = [...context.path, ITEM];
      const keys = context.block ? keyItems(itemPath, context.presentKeys, word.start + lead.length, false, edit, layout) : [];
      return list([...values, ...keys]);
    }
    case 'key': {
      const months = monthItems(model, context.path, context.present, edit);
      if (months) return list(months);
      const keys = keyItems(context.path, context.present, context.column, context.flow, edit, layout);
      const snippets = context.flow
        ? []
        : entrySnippets(model, context.path, context.present, { column: context.column, word: word.text, ...layout }).map((snippet) =>
            snippetItem(snippet, word.text, edit),
          );
      return list([...snippets, ...keys]);
    }
  }
}

/** Inside a channel's `phasing` or `spend`: the months the channel runs in, not yet written. */
function monthItems(model: PlanModel, path: PathKey[], present: Set<string>, edit: (text: string) => TextEdit): CompletionItem[] | undefined {
  if (path.length !== 3 || path[0] !== 'channels' || (path[2] !== 'phasing' && path[2] !== 'spend')) return undefined;
  const channel = model.channels.get(String(path[1]));
  if (!channel) return [];
  const section = path[2];
  return channelMonths(channel)
    .filter(({ month }) => !present.has(month))
    .map(({ month, days }, index) => ({
      label: month,
      kind: CompletionItemKind.Property,
      detail: `${days} day${days === 1 ? '' : 's'} of ${channel.id}`,
      sortText: String(index).padStart(4, '0'),
      insertTextFormat: section === 'spend' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
      textEdit: edit(section === 'spend' ? `${month}: { committed: \${1:0}, actual: \${2:0} }` : `${month}: `),
    }));
}

function snippetItem(snippet: SnippetProposal, typed: string, edit: (text: string) => TextEdit): CompletionItem {
  return {
    label: snippet.label,
    kind: CompletionItemKind.Snippet,
    detail: snippet.detail,
    documentation: { kind: 'markdown', value: snippet.documentation },
    sortText: '!',
    // Whatever was typed is the new entry's id: keep the snippet in the list while typing it.
    filterText: typed || snippet.label,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: edit(snippet.text),
  };
}

/** A snippet item as plain text: placeholders keep their default (a choice its first value), tab stops vanish. */
function plainItem(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const newText = item.textEdit.newText
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
  return { ...item, insertTextFormat: InsertTextFormat.PlainText, textEdit: { ...item.textEdit, newText } };
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

const linesCache = new WeakMap<PlanModel, string[]>();

function linesOf(model: PlanModel): string[] {
  let lines = linesCache.get(model);
  if (!lines) {
    lines = model.text.split(/\r\n|\r|\n/);
    linesCache.set(model, lines);
  }
  return lines;
}

interface Layout {
  eol: string;
  step: number;
  /** The line's text after the word being typed. */
  restOfLine: string;
  /** The file's root schema: a plan's or a library's. */
  root: AnySchema;
}

function keyItems(path: PathKey[], present: Set<string>, column: number, flow: boolean, edit: (text: string) => TextEdit, layout: Layout): CompletionItem[] {
  const colonFollows = /^\s*:/.test(layout.restOfLine);
  return keysAt(path, layout.root)
    .filter((info) => !present.has(info.key))
    .map((info, index) => {
      const insert = colonFollows ? { text: info.key, snippet: false } : keyInsertText(path, info, column, flow, layout);
      const documentation = keyDocumentation([...path, info.key], layout.root);
      return {
        label: info.key,
        kind: CompletionItemKind.Property,
        detail: info.required ? 'required' : info.valueKind,
        ...(documentation ? { documentation: { kind: 'markdown' as const, value: documentation } } : {}),
        sortText: `${info.required ? '0' : '1'}${String(index).padStart(3, '0')}`,
        insertTextFormat: insert.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
        textEdit: edit(insert.text),
      };
    });
}

/** `key: `, or the start of the block the key holds, at the file's indentation. */
function keyInsertText(path: PathKey[], info: KeyInfo, column: number, flow: boolean, layout: Layout): { text: string; snippet: boolean } {
  const nested = `${layout.eol}${' '.repeat(column + layout.step)}`;
  const valuePath = [...path, info.key];
  if (info.enumValues.length > 0 && info.valueKind === 'enum')
    return { text: `${info.key}: \${1|${info.enumValues.map(escapeChoice).join(',')}|}`, snippet: true };
  if (info.valueKind === 'array') {
    const objectItems = keysAt(valuePath, layout.root).length > 0;
    if (flow || !objectItems) return { text: `${info.key}: [$0]`, snippet: true };
    return { text: `${info.key}:${nested}- $0`, snippet: true };
  }
  if (!flow && (info.valueKind === 'object' || info.valueKind === 'record')) return { text: `${info.key}:${nested}$0`, snippet: true };
  return { text: `${info.key}: `, snippet: false };
}

interface ValueCandidate {
  value: string;
  detail: string | undefined;
  documentation?: string;
  kind: CompletionItemKind;
}

function valueItems(model: PlanModel, valuePath: PathKey[], present: string[], edit: (text: string) => TextEdit): CompletionItem[] {
  const taken = new Set(present);
  return valueCandidates(model, valuePath)
    .filter((candidate) => !taken.has(candidate.value))
    .map((candidate, index) => ({
      label: candidate.value,
      kind: candidate.kind,
      ...(candidate.detail ? { detail: candidate.detail } : {}),
      ...(candidate.documentation ? { documentation: { kind: 'markdown' as const, value: candidate.documentation } } : {}),
      sortText: String(index).padStart(4, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: edit(candidate.value),
    }));
}

/** What may be written at a value path: ids of the right kind, or the schema's enum values. */
function valueCandidates(model: PlanModel, valuePath: PathKey[]): ValueCandidate[] {
  const [section, owner, field, , subField] = valuePath;
  if (section === 'channels' && typeof owner === 'string') {
    const dependency = field === 'depends_on' && (valuePath.length === 3 || (valuePath.length === 5 && subField === 'on'));
    if (dependency) return channelCandidates(model, owner);
    if (field === 'kpis' && valuePath.length === 3) return kpiCandidates(model, undefined);
    if (field === 'stages' && valuePath.length === 3) return stageCandidates(model);
  }
  if (section === 'kpis' && typeof owner === 'string' && field === 'traces_to' && valuePath.length === 3) {
    return [...objectiveCandidates(model), ...kpiCandidates(model, owner)];
  }
  return enumValuesOf(schemaAt(valuePath)).map((value) => ({ value, detail: undefined, kind: CompletionItemKind.EnumMember }));
}

function channelCandidates(model: PlanModel, exclude: string): ValueCandidate[] {
  return [...model.channels.values()]
    .filter((channel) => channel.id !== exclude)
    .map((channel) => ({
      value: channel.id,
      detail:
        [channel.type?.value, channel.start && channel.end ? `${channel.start.value} → ${channel.end.value}` : undefined].filter(Boolean).join(' · ') ||
        'channel',
      kind: CompletionItemKind.Module,
    }));
}

function kpiCandidates(model: PlanModel, exclude: string | undefined): ValueCandidate[] {
  return [...model.kpis.values()]
    .filter((kpi) => kpi.id !== exclude)
    .map((kpi) => ({
      value: kpi.id,
      detail: kpi.tracesTo ? `KPI → ${kpi.tracesTo.value}` : 'KPI',
      ...(kpi.measure?.definition ? { documentation: escapeMarkdown(kpi.measure.definition.value) } : {}),
      kind: CompletionItemKind.Field,
    }));
}

function stageCandidates(model: PlanModel): ValueCandidate[] {
  return model.journey.map((stage) => ({
    value: stage.value,
    detail: 'journey stage',
    ...(stage.need ? { documentation: escapeMarkdown(stage.need) } : {}),
    kind: CompletionItemKind.EnumMember,
  }));
}

function objectiveCandidates(model: PlanModel): ValueCandidate[] {
  return model.objectives.flatMap((objective) =>
    objective.id
      ? [
          {
            value: objective.id.value,
            detail: 'objective',
            ...(objective.statement ? { documentation: escapeMarkdown(objective.statement.value) } : {}),
            kind: CompletionItemKind.Constant,
          },
        ]
      : [],
  );
}
