// The actuals CSV (`date,id,field,value`), read with csv-parse. Its browser build is the one
// that needs no Node built-ins (the sync build uses Node's Buffer), so the core, the CLI, the
// server and the web server all read CSVs the same way; the Node bundles alias it to the
// native build, which is faster (scripts/build.mjs).
import { parse, type CsvError, type Options } from 'csv-parse/browser/esm/sync';
import { formatDay, parseIsoDate, type Day } from '../text/dates.js';
import { didYouMean } from '../text/didYouMean.js';
import { LineIndex } from '../text/lineIndex.js';
import type { Range } from '../types.js';

export const ACTUALS_COLUMNS = ['date', 'id', 'field', 'value'] as const;
export type ActualsColumn = (typeof ACTUALS_COLUMNS)[number];
export const ACTUALS_FIELDS = ['actual', 'committed'] as const;
export type ActualsField = (typeof ACTUALS_FIELDS)[number];

/** Values whose size is this or more are a typing mistake (or 1e308), not a measurement or an amount. */
export const MAX_CSV_VALUE = 1e15;

/** One usable row of the CSV. */
export interface CsvActualRow {
  /** 0-based line the row starts on. */
  line: number;
  date: string;
  day: Day;
  /** `YYYY-MM` of the date. */
  month: string;
  id: string;
  field: ActualsField;
  value: number;
}

export interface CsvProblem {
  range: Range;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedActualsCsv {
  text: string;
  lineIndex: LineIndex;
  /** Rows that passed the file's own checks, in file order; the plan decides whether their ids mean anything. */
  rows: CsvActualRow[];
  /** What is wrong with the file by itself: encoding aside, header, rows, dates, numbers. */
  problems: CsvProblem[];
  /** The range of one cell of a usable row, for a diagnostic on it. */
  cellRange(row: CsvActualRow, column: ActualsColumn): Range;
  /** The range of a usable row's line. */
  rowRange(row: CsvActualRow): Range;
}

interface RecordAt {
  values: string[];
  line: number;
}

const PARSE_OPTIONS: Options = { relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'], bom: true };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Reads an actuals CSV: a BOM, CRLF, quoted fields and blank lines are normal; anything unusable is a positioned problem. */
export function parseActualsCsv(text: string): ParsedActualsCsv {
  const lineIndex = new LineIndex(text);
  const problems: CsvProblem[] = [];
  const records = readRecords(text, lineIndex, problems);
  const result: ParsedActualsCsv = {
    text,
    lineIndex,
    rows: [],
    problems,
    cellRange: (row, column) => cellRange(text, lineIndex, row.line, order.indexOf(column)),
    rowRange: (row) => lineRange(lineIndex, row.line),
  };
  let order: ActualsColumn[] = [...ACTUALS_COLUMNS];
  const header = records.find((record) => !isBlank(record.values));
  if (!header) {
    problems.unshift({
      range: lineIndex.range(0, Math.min(text.length, 1)),
      message: `The actuals file is empty: its first line is the header \`${ACTUALS_COLUMNS.join(',')}\`, then one row per value.`,
      severity: 'error',
    });
    return result;
  }
  const headerOrder = readHeader(header.values);
  if (!headerOrder) {
    problems.unshift({
      range: lineRange(lineIndex, header.line),
      message: `The first line must be the header \`${ACTUALS_COLUMNS.join(',')}\`, not \`${quoted(header.values.join(','))}\`. No row is read until it is.`,
      severity: 'error',
    });
    return result;
  }
  order = headerOrder;
  for (const record of records) {
    if (record === header || record.line < header.line || isBlank(record.values)) continue;
    const row = readRow(record, order, text, lineIndex, problems);
    if (row) result.rows.push(row);
  }
  dedupe(problems);
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return result;
}

/**
 * The records with the line each starts on. Without a quote character, record n is line n (a
 * line break always ends a record); with one, csv-parse says at which byte each record ends
 * and gives its raw text, so its first byte is known. A record csv-parse cannot read is a
 * problem, and reading starts again on the line after it: csv-parse itself, told to skip such
 * a record, can stay inside a quote it misread and drop the good rows after it unreported.
 * The file is read in blocks of lines, so starting again costs a block, not the rest of the
 * file; a quoted field still open at a block's end is read again in a block twice as long. A
 * quote never closed takes the rest of the file with it: there is no telling where it ends.
 */
function readRecords(text: string, lineIndex: LineIndex, problems: CsvProblem[]): RecordAt[] {
  if (!text.includes('"')) {
    const values = parse(text, { ...PARSE_OPTIONS, skip_records_with_error: true }) as string[][];
    return values.map((record, line) => ({ values: record, line }));
  }
  const records: RecordAt[] = [];
  const lines = lineIndex.lineCount;
  let from = 0;
  let size = BLOCK_LINES;
  while (from < lines) {
    const to = Math.min(lines, from + size);
    const outcome = readBlock(text, from, to, lineIndex, records);
    if (outcome === 'read') {
      from = to;
      size = BLOCK_LINES;
    } else if (outcome.unclosed && to < lines) {
      from = outcome.resume;
      size *= 2;
    } else {
      problems.push(outcome.problem);
      if (outcome.unclosed) break;
      from = Math.max(outcome.problem.range.start.line + 1, outcome.resume);
      size = BLOCK_LINES;
    }
  }
  return records;
}

/** Lines read by one call of csv-parse, when the file has quotes. */
const BLOCK_LINES = 2048;

type BlockOutcome = 'read' | { problem: CsvProblem; unclosed: boolean; resume: number };

/** Reads the records of lines `from` to `to` (exclusive), up to the first that cannot be read. */
function readBlock(text: string, from: number, to: number, lineIndex: LineIndex, records: RecordAt[]): BlockOutcome {
  const base = lineIndex.lineStart(from);
  const block = text.slice(base, to >= lineIndex.lineCount ? text.length : lineIndex.lineStart(to));
  const toChar = byteToChar(block);
  const encoder = new TextEncoder();
  let lastEnd = from - 1;
  const onRecord = (row: { record: string[]; raw: string }, info: { bytes: number }): string[] => {
    // The raw text lacks the second character of a CRLF that ends the record.
    const tail = row.raw.endsWith('\r') && block.charCodeAt(toChar(info.bytes) - 1) === 10 ? 1 : 0;
    const start = base + toChar(info.bytes - encoder.encode(row.raw).length - tail);
    const line = lineIndex.positionAt(start).line;
    records.push({ values: row.record, line });
    lastEnd = lineIndex.positionAt(Math.max(start, base + toChar(info.bytes) - 1)).line;
    return row.record;
  };
  try {
    parse(block, { ...PARSE_OPTIONS, raw: true, on_record: onRecord as never });
    return 'read';
  } catch (error) {
    const unclosed = (error as CsvError)?.code === 'CSV_QUOTE_NOT_CLOSED';
    return { problem: quoteProblem(error as CsvError, from, lastEnd + 1, lineIndex), unclosed, resume: Math.max(lastEnd + 1, from + (unclosed ? 0 : 1)) };
  }
}

/** Maps UTF-8 byte offsets of the text (asked in increasing order, mostly) to UTF-16 offsets. */
function byteToChar(text: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex -- ASCII is the common case: bytes are characters
  if (!/[^\u0000-\u007f]/.test(text)) return (byte) => byte;
  let char = 0;
  let bytes = 0;
  return (byte) => {
    if (byte < bytes) {
      char = 0;
      bytes = 0;
    }
    while (bytes < byte && char < text.length) {
      const code = text.codePointAt(char)!;
      bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      char += code >= 0x10000 ? 2 : 1;
    }
    return char;
  };
}

/** The problem of a record csv-parse could not read; its error counts lines from `fromLine`. */
function quoteProblem(error: CsvError, fromLine: number, firstUnread: number, lineIndex: LineIndex): CsvProblem {
  const reported = typeof error?.lines === 'number' ? fromLine + error.lines - 1 : firstUnread;
  const code = error?.code ?? '';
  const line = code === 'CSV_QUOTE_NOT_CLOSED' ? Math.min(firstUnread, lineIndex.lineCount - 1) : Math.max(0, reported);
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'A quoted field opened here is never closed: add the closing `"`.'
      : code === 'INVALID_OPENING_QUOTE'
        ? 'A `"` inside an unquoted field: quote the whole field and double the quote (`"a ""b"""`).'
        : code === 'CSV_INVALID_CLOSING_QUOTE'
          ? 'Text after a closing `"`: a quoted field ends at its closing quote, so put the comma right after it.'
          : `This row cannot be read: ${String(error?.message ?? error).split('\n')[0]}.`;
  return { range: lineRange(lineIndex, line), message: `${what} The row is not read.`, severity: 'error' };
}

/** csv-parse may report one broken record both as skipped and as thrown: keep one problem per line. */
function dedupe(problems: CsvProblem[]): void {
  const seen = new Set<string>();
  for (let i = problems.length - 1; i >= 0; i--) {
    const key = `${problems[i]!.range.start.line}:${problems[i]!.range.start.character}`;
    if (seen.has(key)) problems.splice(i, 1);
    else seen.add(key);
  }
}

function readHeader(values: string[]): ActualsColumn[] | undefined {
  const names = values.map((value) => value.trim().toLowerCase());
  if (names.length !== ACTUALS_COLUMNS.length) return undefined;
  if (!ACTUALS_COLUMNS.every((column) => names.includes(column))) return undefined;
  return names as ActualsColumn[];
}

function readRow(record: RecordAt, order: ActualsColumn[], text: string, lineIndex: LineIndex, problems: CsvProblem[]): CsvActualRow | undefined {
  const { values, line } = record;
  if (values.length !== order.length) {
    problems.push({
      range: lineRange(lineIndex, line),
      message: `This row has ${values.length} field${values.length === 1 ? '' : 's'}; every row has ${order.length}: \`${order.join(',')}\`. The row is not read.`,
      severity: 'error',
    });
    return undefined;
  }
  const cell = (column: ActualsColumn) => values[order.indexOf(column)]!.trim();
  const report = (column: ActualsColumn, message: string) => {
    problems.push({ range: cellRange(text, lineIndex, line, order.indexOf(column), values), message: `${message} The row is not read.`, severity: 'error' });
  };
  let ok = true;
  const date = cell('date');
  const day = parseIsoDate(date);
  if (day === undefined) {
    ok = false;
    report(
      'date',
      /^\d{4}-\d{2}-\d{2}$/.test(date) ? `\`${quoted(date)}\` is not a day on the calendar.` : `\`${quoted(date)}\` is not a date: write YYYY-MM-DD.`,
    );
  }
  const id = cell('id');
  if (id === '') {
    ok = false;
    report('id', 'The id is empty: name a KPI (for `actual`) or a channel (for `actual` or `committed`).');
  }
  const field = cell('field').toLowerCase();
  if (!(ACTUALS_FIELDS as readonly string[]).includes(field)) {
    ok = false;
    report('field', `\`${quoted(cell('field'))}\` is not a field: use \`actual\` or \`committed\`.${didYouMean(field, ACTUALS_FIELDS)}`);
  }
  const valueText = cell('value');
  const value = NUMBER.test(valueText) ? Number(valueText) : Number.NaN;
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_CSV_VALUE) {
    ok = false;
    report(
      'value',
      valueText === ''
        ? 'The value is empty.'
        : Number.isFinite(value)
          ? `\`${quoted(valueText)}\` is too large for a measured value or an amount.`
          : `\`${quoted(valueText)}\` is not a number: write digits with an optional \`.\` and sign (e.g. \`1250.50\`), without separators, units or formulas.`,
    );
  }
  if (!ok || day === undefined) return undefined;
  return { line, date, day, month: formatDay(day).slice(0, 7), id, field: field as ActualsField, value };
}

function isBlank(values: string[]): boolean {
  return values.every((value) => value.trim() === '');
}

function lineRange(lineIndex: LineIndex, line: number): Range {
  const start = lineIndex.lineStart(line);
  const end = start + lineIndex.lineText(line).length;
  return lineIndex.range(start, Math.max(end, Math.min(start + 1, lineIndex.offsetAt({ line: lineIndex.lineCount, character: 0 }))));
}

/**
 * One cell's range. An unquoted record's values are its text, so cell n starts after the
 * values before it and their commas; a quoted record is read again alone, with csv-parse
 * telling where each field ends.
 */
function cellRange(text: string, lineIndex: LineIndex, line: number, column: number, knownValues?: string[]): Range {
  const start = lineIndex.lineStart(line);
  const lineText = lineIndex.lineText(line);
  if (!lineText.includes('"')) {
    const values = knownValues ?? lineText.split(',');
    let offset = start;
    for (let i = 0; i < column && i < values.length; i++) offset += values[i]!.length + 1;
    const end = offset + (values[column]?.length ?? 0);
    return end > offset ? lineIndex.range(offset, end) : lineRange(lineIndex, line);
  }
  const ends: number[] = [];
  const recordText = text.slice(start);
  try {
    parse(recordText, { ...PARSE_OPTIONS, skip_records_with_error: false, to: 1, cast: (value, context) => (ends.push(context.bytes), value) });
  } catch {
    return lineRange(lineIndex, line);
  }
  const bytes = new TextEncoder().encode(recordText);
  const decoder = new TextDecoder();
  const toChars = (byteOffset: number) => decoder.decode(bytes.subarray(0, byteOffset)).length;
  const from = column === 0 ? 0 : toChars((ends[column - 1] ?? 0) + 1);
  const to = ends[column] === undefined ? from : toChars(ends[column]!);
  return to > from ? lineIndex.range(start + from, start + to) : lineRange(lineIndex, line);
}

/** A cell's text as a message quotes it: at most 80 characters, on one line. */
export function quoted(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const line = text.replace(/[\u0000-\u001f]/g, ' ').replace(/`/g, "'");
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
