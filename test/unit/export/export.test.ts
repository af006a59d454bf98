// The plan exports, read back the way their recipients read them: the iCalendar file with
// ical.js (a calendar parser, RFC 5545 recurrence included), the CSV with csv-parse. Golden
// files hold the exact bytes; the parsers check that the bytes mean what they should.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { escapeText, foldLine, stableUid } from '../../../server/src/core/features/export/icalendar.js';
import { planCalendar } from '../../../server/src/core/features/export/planCalendar.js';
import { CSV_COLUMNS, planCsv } from '../../../server/src/core/features/export/planCsv.js';
import { expectGolden } from '../../helpers/golden.js';

const repoRoot = join(__dirname, '..', '..', '..');
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'export');
const NOW = new Date('2026-11-23T12:26:00Z');
const PLANS = {
  'q3-acquisition': join(repoRoot, 'examples', 'clean', 'q3-acquisition.plan.yaml'),
  'edge-cases': join(FIXTURES, 'edge-cases.plan.yaml'),
};

function analysisOf(name: keyof typeof PLANS) {
  return analyzeText(readFileSync(PLANS[name], 'utf8'));
}

function calendarOf(name: keyof typeof PLANS) {
  return planCalendar(analysisOf(name), { planKey: `${name}.plan.yaml`, now: NOW });
}

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

function occurrences(event: ICAL.Event): string[] {
  const iterator = event.iterator();
  const days: string[] = [];
  for (let next = iterator.next(); next && days.length < 100; next = iterator.next()) days.push(next.toString());
  return days;
}

describe('iCalendar export', () => {
  for (const name of Object.keys(PLANS) as (keyof typeof PLANS)[]) {
    it(`${name}: matches the golden file`, () => expectGolden(join(FIXTURES, `${name}.ics`), calendarOf(name).text));
  }

  it('is RFC 5545 text: CRLF line ends, no line over 75 octets, folded lines start with a space', () => {
    for (const name of Object.keys(PLANS) as (keyof typeof PLANS)[]) {
      const { text } = calendarOf(name);
      assert.ok(text.endsWith('\r\n'));
      assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
      for (const line of text.split('\r\n').slice(0, -1))
        assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${name}: ${line} is ${Buffer.byteLength(line)} octets`);
    }
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    assert.ok(folded.length > 1 && folded.slice(1).every((line) => line.startsWith(' ')));
    assert.ok(folded.every((line) => Buffer.byteLength(line) <= 75 && !line.includes('\uFFFD')));
    assert.equal(folded.map((line, index) => (index === 0 ? line : line.slice(1))).join(''), `SUMMARY:${'é'.repeat(60)}`, 'never split inside a character');
  });

  it('the clean example: launches, ends, deadline, ready_by dates and three review rhythms, as ical.js reads them', () => {
    const parsed = events(calendarOf('q3-acquisition').text);
    const summaries = parsed.map((event) => `${event.startDate.toString()} ${event.summary}`);
    assert.ok(summaries.includes('2026-05-01 Launch: seo'));
    assert.ok(summaries.includes('2026-06-20 Ends: content-hub'));
    assert.ok(summaries.includes('2026-09-30 Deadline: Acquire 4,000 new customers in Q3 at a blended CPA under £85'));
    assert.ok(summaries.includes('2026-04-24 Measurement ready: organic-sessions'));
    for (const event of parsed) {
      assert.ok(event.startDate.isDate, `${event.summary} is an all-day event`);
      assert.equal(event.endDate.toString(), event.startDate.clone().adjust(1, 0, 0, 0).toString() || event.endDate.toString());
    }
    const reviews = Object.fromEntries(parsed.filter((event) => event.isRecurring()).map((event) => [event.summary, occurrences(event)]));
    assert.deepEqual(Object.keys(reviews).sort(), ['Monthly review', 'Quarterly review', 'Weekly review']);
    // Within the period 2026-05-01 – 2026-09-30, from its first day.
    assert.equal(reviews['Weekly review']!.length, 22);
    assert.equal(reviews['Weekly review']![0], '2026-05-01');
    assert.equal(reviews['Weekly review']!.at(-1), '2026-09-25');
    assert.deepEqual(reviews['Monthly review'], ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01']);
    assert.deepEqual(reviews['Quarterly review'], ['2026-05-01', '2026-08-01']);
  });

  it('keeps every UID unique within a plan and the same across exports; another plan key gives other UIDs', () => {
    const first = events(calendarOf('q3-acquisition').text).map((event) => event.uid);
    assert.equal(new Set(first).size, first.length);
    const later = planCalendar(analysisOf('q3-acquisition'), { planKey: 'q3-acquisition.plan.yaml', now: new Date('2027-01-01T00:00:00Z') });
    assert.deepEqual(
      events(later.text).map((event) => event.uid),
      first,
    );
    const other = events(planCalendar(analysisOf('q3-acquisition'), { planKey: 'q4.plan.yaml', now: NOW }).text).map((event) => event.uid);
    assert.equal(other.filter((uid) => first.includes(uid)).length, 0);
    assert.notEqual(stableUid('plan', 'launch', 'a b'), stableUid('plan', 'launch', 'a-b'), 'ids that read the same still differ');
  });

  it('plan text comes back exactly as written: commas, semicolons, backslashes, quotes, newlines and non-ASCII survive escaping and folding', () => {
    const parsed = events(calendarOf('edge-cases').text);
    const calendar = new ICAL.Component(ICAL.parse(calendarOf('edge-cases').text));
    const title = 'Launch, phase 1; "EMEA" \\ rollout';
    // ical.js leaves X- properties as written; the events' TEXT values it unescapes.
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), escapeText(title));
    assert.ok(parsed.every((event) => event.description.endsWith(`\nPlan: ${title}`)));
    const long = parsed.find((event) => event.summary.startsWith('Launch: Ünïcødé'))!;
    assert.equal(
      long.summary,
      'Launch: Ünïcødé 🚀 launch with a name long enough that its calendar lines must be folded more than once, by octets not characters: ✓✓✓✓✓✓✓✓',
    );
    const ready = parsed.find((event) => event.summary.startsWith('Measurement ready'))!;
    assert.equal(ready.summary, 'Measurement ready: Sign-ups\tper week');
    assert.match(ready.description, /^Definition: Accounts opened,\nfirst line; second line$/m);
    assert.equal(parsed.find((event) => event.summary.startsWith('Milestone'))?.summary, 'Milestone: Go-live, EMEA; all markets');
    // The channel with impossible dates has no events; everything else dated does.
    assert.equal(parsed.filter((event) => /^(Launch|Ends): undated$/.test(event.summary)).length, 0);
    assert.match(ready.description, /Reported by: formula-owner, at-owner, undated/);
    assert.equal(escapeText('a\u0007b\r\nc'), 'ab\\nc', 'control characters dropped, CRLF one escaped newline');
  });

  it('monthly and quarterly reviews recur within the period even when it starts on the 31st; nothing carries an alarm, link or attachment', () => {
    const { text } = calendarOf('edge-cases');
    const reviews = Object.fromEntries(
      events(text)
        .filter((event) => event.isRecurring())
        .map((event) => [event.summary, occurrences(event)]),
    );
    assert.equal(reviews['Weekly review']![0], '2026-01-31');
    assert.ok(reviews['Weekly review']!.every((day) => day <= '2026-06-30'));
    // RFC 5545 skips months without a 31st: the monthly review falls on the 31st of the months that have one.
    assert.deepEqual(reviews['Monthly review'], ['2026-01-31', '2026-03-31', '2026-05-31']);
    assert.doesNotMatch(text, /^(BEGIN:VALARM|URL|ATTACH|X-ALT-DESC|ATTENDEE|ORGANIZER)/m);
  });

  it('a plan with reviews but no dates says why the reviews are missing; an empty plan is a valid empty calendar', () => {
    const noDates = planCalendar(analyzeText('plan: Undated\nreviews:\n  weekly: { owner: Me }\n'), { now: NOW });
    assert.equal(noDates.events, 0);
    assert.match(noDates.notes[0]!, /no period and no dated channel/);
    assert.equal(events(noDates.text).length, 0);
    const broken = planCalendar(analyzeText('plan: [unclosed\nchannels: {'), { now: NOW });
    assert.equal(new ICAL.Component(ICAL.parse(broken.text)).name, 'vcalendar');
  });
});

describe('CSV export', () => {
  for (const name of Object.keys(PLANS) as (keyof typeof PLANS)[]) {
    it(`${name}: matches the golden file`, () => expectGolden(join(FIXTURES, `${name}.csv`), planCsv(analysisOf(name)).text));
  }

  const rowsOf = (name: keyof typeof PLANS) => parseCsv(planCsv(analysisOf(name)).text, { bom: true, columns: true }) as Record<string, string>[];

  it('the clean example: the documented columns, a row per channel then per KPI, RFC 4180 with CRLF and a BOM', () => {
    const text = planCsv(analysisOf('q3-acquisition')).text;
    assert.ok(text.startsWith('\uFEFFrecord,id,'));
    assert.ok(text.endsWith('\r\n'));
    const header = (parseCsv(text, { bom: true, to_line: 1 }) as string[][])[0];
    assert.deepEqual(header, [...CSV_COLUMNS], 'no phasing columns when no channel has phasing');
    const rows = rowsOf('q3-acquisition');
    assert.deepEqual(
      rows.map((row) => `${row.record}:${row.id}`),
      [
        'channel:seo',
        'channel:content-hub',
        'channel:paid-search',
        'channel:email-nurture',
        'kpi:organic-sessions',
        'kpi:assisted-signups',
        'kpi:paid-conversions',
        'kpi:email-conversions',
      ],
    );
    const paid = rows.find((row) => row.id === 'paid-search')!;
    assert.deepEqual(
      { start: paid.start, end: paid.end, days: paid.days, budget: paid.budget, share: paid.budget_share, depends: paid.depends_on, traces: paid.traces_to },
      { start: '2026-07-01', end: '2026-09-30', days: '92', budget: '180000', share: '0.6667', depends: 'content-hub; seo (start-to-start +8w)', traces: '' },
    );
    const kpi = rows.find((row) => row.id === 'paid-conversions')!;
    assert.deepEqual(
      { channels: kpi.channels, traces: kpi.traces_to, target: kpi.target, ready: kpi.ready_by, type: kpi.type },
      { channels: 'paid-search', traces: 'q3-acquisition', target: '2600', ready: '2026-06-24', type: '' },
    );
  });

  it('neutralises every text cell a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const rows = rowsOf('edge-cases');
    const starts = /^[=+\-@\t\r]/;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (/^-?\d+(\.\d+)?$/.test(value)) continue; // a number, not a formula
        assert.doesNotMatch(value, starts, `${row.id}.${column} = ${JSON.stringify(value)} could run as a formula`);
      }
    }
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    assert.equal(byId['formula-owner']!.name, `'=HYPERLINK("http://example.invalid","click")`);
    assert.equal(byId['formula-owner']!.owner, `'+cmd|' /C calc'!A0`);
    assert.equal(byId['at-owner']!.owner, `'@SUM(1+1)`);
    assert.equal(byId['undated']!.owner, `'-2+3`);
    assert.equal(byId['signups']!.owner, `'\tTabbed owner`);
    assert.equal(byId['signups']!.baseline, '-5', 'a negative number stays a number');
    assert.equal(byId['signups']!.definition, 'Accounts opened,\nfirst line; second line', 'quotes keep commas and newlines inside one cell');
  });

  it('adds a column per month of phasing, in order, with only valid months and amounts', () => {
    const rows = rowsOf('edge-cases');
    const phasing = Object.keys(rows[0]!).filter((column) => column.startsWith('phasing '));
    assert.deepEqual(phasing, ['phasing 2026-02', 'phasing 2026-03', 'phasing 2026-04', 'phasing 2026-05']);
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    assert.equal(byId['formula-owner']!['phasing 2026-03'], '30000');
    assert.equal(byId['formula-owner']!['phasing 2026-04'], '');
    assert.equal(byId['at-owner']!['phasing 2026-05'], '20000');
    assert.equal(byId['undated']!.start, '2026-02-30', 'a broken date is kept as written');
    assert.equal(byId['undated']!.days, '');
  });
});
