import { Parser, type CST } from 'yaml';
import { ENTRY_SECTIONS } from '../../parse/blocks.js';
import { parseYaml, type ParsedYaml } from '../../parse/parseYaml.js';
import type { PlanDocument } from '../../planDocument.js';
import type { Range, TextEdit } from '../../types.js';
import { writeAtoms } from './atoms.js';
import { applyOffsetEdits, offsetEdits, toTextEdits, type OffsetEdit } from './edits.js';
import { keyText } from './flow.js';
import { detectLayout } from './layout.js';
import { Printer } from './printer.js';
import { unfaithful } from './verify.js';

// Format Document / Format Selection / `throughline format`. Comments, blank lines between
// entries (at most one), anchors, aliases, merge keys, block scalars, quoting, CRLF and a
// BOM are kept; indentation follows the file's own unit; flow collections stay on one line
// unless the line would pass `lineWidth`. A plan that does not parse is left alone.

/** Characters per line before a flow collection (`[a, b]`, `{ a: 1 }`) is written in block style instead. */
export const DEFAULT_LINE_WIDTH = 120;

export interface FormatOptions {
  /** The editor's tab size: the indent unit of a file that nests nothing yet (default 2). */
  tabSize?: number;
  /** Put the keys of each mapping the schema describes in the schema's order. */
  sortKeys?: boolean;
  lineWidth?: number;
}

/** The edits, or why the plan was left as it was. */
export type FormatResult = { edits: TextEdit[] } | { error: string; range?: Range };

interface Formatted {
  text: string;
  edits: OffsetEdit[];
  tokens: CST.Token[];
}

/** The last result: Format Selection right after Format Document (or a second request for the same version) costs nothing. */
let last: { text: string; key: string; result: Formatted | { error: string; range?: Range } } | undefined;

function format(parsed: ParsedYaml, options: FormatOptions): Formatted | { error: string; range?: Range } {
  const key = JSON.stringify([options.tabSize, options.sortKeys === true, options.lineWidth]);
  if (last && last.key === key && last.text === parsed.text) return last.result;
  const result = formatOnce(parsed, options);
  last = { text: parsed.text, key, result };
  return result;
}

function formatOnce(parsed: ParsedYaml, options: FormatOptions): Formatted | { error: string; range?: Range } {
  const { text } = parsed;
  const syntax = parsed.problems.find((problem) => problem.severity === 'error');
  if (syntax) {
    return {
      error: `The plan was not formatted: line ${syntax.range.start.line + 1} does not parse (${syntax.message.replace(/\.$/, '')}). Fix the YAML first.`,
      range: syntax.range,
    };
  }
  const tokens = [...new Parser().parse(text)];
  const document = tokens.find((token): token is CST.Document => token.type === 'document');
  const layout = detectLayout(document, text, options.tabSize ?? 2);
  const sortKeys = options.sortKeys === true;
  const atoms = new Printer(text, parsed.lineIndex, layout, { sortKeys, lineWidth: options.lineWidth ?? DEFAULT_LINE_WIDTH }).print(tokens);
  const written = writeAtoms(atoms, layout.eol, text.startsWith('\ufeff') ? { text: '\ufeff', from: 0 } : undefined);
  if (written.text === text) return { text, edits: [], tokens };
  const edits = offsetEdits(text, written.text, written.anchors);
  const problem = onlyFinalLineBreak(text, edits) ? undefined : unfaithful({ text, doc: parsed.doc }, written.text, sortKeys);
  if (problem) return { error: `The plan was not formatted: ${problem}. This is a bug in Throughline's formatter; please report it with the plan.` };
  return { text: written.text, edits, tokens };
}

/** Adding the last line break (or dropping blank lines after the last line) changes nothing a parse sees: no need to check. */
function onlyFinalLineBreak(text: string, edits: readonly OffsetEdit[]): boolean {
  if (edits.length !== 1) return false;
  const [edit] = edits;
  return edit!.end === text.length && /^[\r\n]*$/.test(edit!.newText) && /^[\r\n\t ]*$/.test(text.slice(edit!.start));
}

/** The formatted text of a plan (or library, or any YAML file), for the command line. */
export function formatText(text: string, options: FormatOptions = {}): { text: string } | { error: string; range?: Range } {
  const result = format(parseYaml(text), options);
  return 'error' in result ? result : { text: result.text };
}

export function formatDocument(doc: PlanDocument, options: FormatOptions = {}): FormatResult {
  const result = format(doc.analysis.parsed, options);
  return 'error' in result ? result : { edits: toTextEdits(result.edits, doc.analysis.parsed.lineIndex) };
}

/**
 * Formats the entries the range touches: whole top-level sections, or whole channels, KPIs
 * and milestones. When the edits of those alone would not give a faithful plan (an entry
 * whose siblings must move with it), the section, then the whole plan is formatted.
 */
export function formatDocumentRange(doc: PlanDocument, range: Range, options: FormatOptions = {}): FormatResult {
  const { parsed } = doc.analysis;
  const result = format(parsed, options);
  if ('error' in result) return result;
  if (result.edits.length === 0) return { edits: [] };
  const start = parsed.lineIndex.offsetAt(range.start);
  const end = parsed.lineIndex.offsetAt(range.end);
  const units = unitsOf(result.tokens, parsed);
  const touching = (list: Span[]) => list.filter((unit) => unit.start <= end && start < Math.max(unit.end, unit.start + 1));
  const cover = (list: Span[]): Span | undefined => (list.length > 0 ? { start: list[0]!.start, end: list[list.length - 1]!.end } : undefined);
  const entries = cover(touching(units.entries));
  const sections = cover(touching(units.sections));
  for (const span of [entries, sections]) {
    if (!span) continue;
    const inside = result.edits.filter((edit) => edit.start >= span.start && edit.end <= span.end);
    if (inside.length === 0) return { edits: [] };
    if (inside.length === result.edits.length) break;
    const candidate = applyOffsetEdits(parsed.text, inside);
    if (!unfaithful({ text: parsed.text, doc: parsed.doc }, candidate, options.sortKeys === true)) return { edits: toTextEdits(inside, parsed.lineIndex) };
  }
  return { edits: toTextEdits(result.edits, parsed.lineIndex) };
}

interface Span {
  start: number;
  end: number;
}

/**
 * The plan cut into what range formatting formats whole: each top-level section (with the
 * comments above it), and inside `channels`, `kpis` and `milestones` each entry (the
 * section's own line is one more unit). Units run from the start of their first line to the
 * start of the next unit.
 */
function unitsOf(tokens: CST.Token[], parsed: ParsedYaml): { sections: Span[]; entries: Span[] } {
  const { text, lineIndex } = parsed;
  const document = tokens.find((token): token is CST.Document => token.type === 'document');
  const root = document?.value;
  const whole = [{ start: 0, end: text.length }];
  if (!root || root.type !== 'block-map') return { sections: whole, entries: whole };
  const lineStartOf = (offset: number) => lineIndex.lineStart(lineIndex.positionAt(offset).line);
  const itemStart = (item: CST.BlockMap['items'][number]): number | undefined => {
    const first = item.start.find((part) => part.type !== 'newline' && part.type !== 'space') ?? item.key ?? item.sep?.[0];
    return first ? lineStartOf(first.offset) : undefined;
  };
  const spans = (starts: number[], end: number): Span[] => starts.map((start, index) => ({ start, end: starts[index + 1] ?? end }));
  const sectionStarts: number[] = [];
  const entryStarts: number[] = [];
  for (const item of root.items) {
    const start = itemStart(item);
    if (start === undefined) continue;
    sectionStarts.push(start);
    entryStarts.push(start);
    const value = item.value;
    if (value?.type === 'block-map' && ENTRY_SECTIONS.has(keyText(item.key) ?? '')) {
      for (const entry of value.items) {
        const entryStart = itemStart(entry);
        if (entryStart !== undefined && entryStart > entryStarts[entryStarts.length - 1]!) entryStarts.push(entryStart);
      }
    }
  }
  if (sectionStarts.length === 0) return { sections: whole, entries: whole };
  sectionStarts[0] = 0;
  entryStarts[0] = 0;
  return { sections: spans(sectionStarts, text.length), entries: spans(entryStarts, text.length) };
}
