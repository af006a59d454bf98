import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_CSV_VALUE, parseActualsCsv } from '../../../server/src/core/actuals/csv.js';
import { decodeTextFile } from '../../../server/src/core/workspace/files.js';
import { expectGolden } from '../../helpers/golden.js';

// The actuals CSV read by csv-parse: every problem positioned in the file (0-based LSP
// ranges), the good rows read. test/fixtures/actuals/<case>.csv → <case>.golden.txt shows each
// problem under the text it points at.

const FIXTURES = 'test/fixtures/actuals';

function describeParse(text: string): string {
  const csv = parseActualsCsv(text);
  const lines = text.split(/\r\n|\r|\n/);
  const out = [`rows: ${csv.rows.length}`];
  for (const row of csv.rows) out.push(`  line ${row.line + 1}: ${row.date} ${row.id} ${row.field} ${row.value}`);
  out.push(`problems: ${csv.problems.length}`);
  for (const problem of csv.problems) {
    const { start, end } = problem.range;
    const shown = start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : `${lines[start.line]!.slice(start.character)}⏎…`;
    out.push(
      `  ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${problem.severity} [${JSON.stringify(shown)}] ${problem.message}`,
    );
  }
  return `${out.join('\n')}\n`;
}

describe('actuals CSV', () => {
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.csv'))) {
    it(`reads ${file} as its golden says`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      expectGolden(join(FIXTURES, file.replace(/\.csv$/, '.golden.txt')), describeParse(text));
    });
  }

  it('accepts a BOM, CRLF, quoted fields and blank lines, and reads the same rows as from the plain file', () => {
    const plain = 'date,id,field,value\n2026-07-07,paid-conversions,actual,120\n2026-07-31,seo,committed,6000\n';
    const dressed = '\uFEFFDate, ID ,Field,Value\r\n\r\n"2026-07-07","paid-conversions",actual," 120"\r\n2026-07-31,seo,"committed",6000\r\n\r\n';
    const strip = (text: string) => parseActualsCsv(text).rows.map(({ date, id, field, value }) => ({ date, id, field, value }));
    assert.deepEqual(parseActualsCsv(dressed).problems, []);
    assert.deepEqual(strip(dressed), strip(plain));
  });

  it('keeps a formula as text: it is not a number, and nothing about it is evaluated', () => {
    const csv = parseActualsCsv('date,id,field,value\n2026-07-07,kpi,actual,"=HYPERLINK(""http://x"",""y"")"\n2026-07-08,kpi,actual,=1+2\n');
    assert.equal(csv.rows.length, 0);
    assert.deepEqual(
      csv.problems.map((problem) => problem.message.slice(0, 30)),
      ['`=HYPERLINK("http://x","y")` i', '`=1+2` is not a number: write '],
    );
  });

  it('refuses 1e308, numbers too large to be amounts, NaN and Infinity, and a date that is not on the calendar', () => {
    const csv = parseActualsCsv(
      `date,id,field,value\n2026-07-07,a,actual,1e308\n2026-07-07,a,actual,${'9'.repeat(16)}\n2026-07-07,a,actual,NaN\n2026-07-07,a,actual,Infinity\n2026-02-30,a,actual,1\n`,
    );
    assert.equal(csv.rows.length, 0);
    assert.equal(csv.problems.length, 5);
    assert.ok(MAX_CSV_VALUE <= 1e15);
  });

  it('a file with NUL bytes or that is not UTF-8 never reaches the parser: the host refuses it', () => {
    assert.equal((decodeTextFile(new Uint8Array([100, 97, 0, 116])) as { kind: string }).kind, 'binary');
    assert.equal((decodeTextFile(new Uint8Array([0xff, 0xfe, 0x41])) as { kind: string }).kind, 'not-utf8');
  });

  it('positions the cells of a quoted row with multi-byte text by UTF-16 columns', () => {
    const text = 'date,id,field,value\n"2026-07-07","kpi-é✓",actual,"twelve"\n';
    const [problem] = parseActualsCsv(text).problems;
    assert.deepEqual(problem!.range, { start: { line: 1, character: 29 }, end: { line: 1, character: 37 } });
    assert.equal(text.split('\n')[1]!.slice(29, 37), '"twelve"');
  });

  it('reads 100,000 rows', () => {
    const rows = ['date,id,field,value'];
    for (let i = 0; i < 100_000; i++) rows.push(`2026-07-${String(1 + (i % 28)).padStart(2, '0')},kpi-${i % 100},actual,${i}`);
    const csv = parseActualsCsv(rows.join('\n'));
    assert.equal(csv.rows.length, 100_000);
    assert.equal(csv.rows[99_999]!.line, 100_000);
  });
});
