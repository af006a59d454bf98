// Hostile actuals CSVs: what a spreadsheet export, a paste or a malicious file can put in
// `actuals_file`. Each case knows which of its lines are bad (each must get a problem on that
// line) and which are good (read, and no problem on them), so the suites check positions, not
// only that nothing threw. Cases are functions so the big ones are only built when used.

export const CSV_HEADER = 'date,id,field,value';
export const CSV_NAME = 'hostile.actuals.csv';

/** The plan every hostile CSV is read against: one channel and one KPI the good rows name. */
export const PLAN_WITH_ACTUALS_FILE = `plan: Hostile actuals
as_of: 2026-08-15
actuals_file: ./${CSV_NAME}
objective: { id: q3, statement: Grow, metric: customers, target: 4000, deadline: 2026-09-30 }
budget: { total: 200000, currency: GBP }
channels:
  paid-search:
    type: paid
    mode: outbound
    owner: Paid lead
    start: 2026-07-01
    end: 2026-09-30
    budget: 180000
    phasing: { 2026-07: 60000, 2026-08: 60000, 2026-09: 60000 }
    spend: { 2026-08: { committed: 1000 } }
    kpis: [paid-conversions]
kpis:
  paid-conversions:
    traces_to: q3
    owner: Paid lead
    measure: { baseline: 0, target: 2600, cadence: weekly, aggregation: cumulative }
    actuals: { 2026-07-01: 10 }
`;

/** Text no CSV-derived output (the review pack, the tracking numbers) may ever contain. */
export const MUST_STAY_TEXT = ['HYPERLINK', 'cmd|', 'C calc', '<script', 'onerror', '@SUM'];

export interface HostileCsv {
  text: string;
  /** 0-based lines that must each get a problem. */
  bad: number[];
  /** 0-based lines that must be read as rows, with no problem on them. */
  good: number[];
  /** The host refuses the bytes on disk (NUL): the plan says the file cannot be read instead. */
  refusedOnDisk?: boolean;
}

type Line = { text: string; bad: boolean };
const good = (text: string): Line => ({ text, bad: false });
const bad = (text: string): Line => ({ text, bad: true });
let kpiDay = 0;
/** A good KPI row on a date no other row of the case uses (the same KPI and date twice is a problem). */
const goodKpi = (value = 100): Line => {
  kpiDay = (kpiDay % 60) + 1;
  const day = new Date(Date.UTC(2026, 6, 1 + kpiDay)).toISOString().slice(0, 10);
  return good(`${day},paid-conversions,actual,${value}`);
};
const goodMoney = (day = 10, field = 'actual', value = 250): Line => good(`2026-07-${String(day).padStart(2, '0')},paid-search,${field},${value}`);

/** The header then the lines, joined by `eol`; `good` and `bad` follow from each line's kind. */
function csv(lines: Line[], options: { eol?: string; bom?: boolean; trailing?: boolean } = {}): HostileCsv {
  kpiDay = 0;
  const eol = options.eol ?? '\n';
  const text = `${options.bom ? '\ufeff' : ''}${[CSV_HEADER, ...lines.map((line) => line.text)].join(eol)}${options.trailing === false ? '' : eol}`;
  const kind = (wanted: boolean) => lines.flatMap((line, i) => (line.bad === wanted ? [i + 1] : []));
  return { text, bad: kind(true), good: kind(false) };
}

const MB = 1024 * 1024;

export const hostileCsvCases: Record<string, () => HostileCsv> = {
  'empty file': () => ({ text: '', bad: [0], good: [] }),
  'whitespace only': () => ({ text: ' \n\t\n', bad: [0], good: [] }),
  'header only': () => ({ text: CSV_HEADER, bad: [], good: [] }),
  'header only, CRLF and a BOM': () => ({ text: `\ufeff${CSV_HEADER}\r\n`, bad: [], good: [] }),
  'a header that is not the header': () => ({ text: 'date;id;field;value\n2026-07-07;paid-conversions;actual;1\n', bad: [0], good: [] }),
  'a 1 MB header': () => ({ text: `${'h'.repeat(MB)}\n2026-07-07,paid-conversions,actual,1\n`, bad: [0], good: [] }),
  'BOM and CRLF': () => csv([goodKpi(), goodMoney(), bad('2026-07-20,paid-search,actual,lots'), goodKpi(200)], { eol: '\r\n', bom: true }),
  'only CR line breaks': () => csv([goodKpi(), bad('2026-13-01,paid-conversions,actual,5'), goodMoney()], { eol: '\r' }),
  'no line break at the end': () => csv([goodKpi(), bad('2026-07-20,paid-search,actual,')], { trailing: false }),
  'huge cells (1 MB)': () =>
    csv([
      goodKpi(),
      bad(`2026-07-08,paid-conversions,actual,${'9'.repeat(MB)}`),
      bad(`2026-07-09,${'x'.repeat(MB)},actual,5`),
      bad(`"${'y'.repeat(MB)}",paid-conversions,actual,5`),
      bad(`2026-07-10,paid-search,${'z'.repeat(MB)},5`),
      goodMoney(),
    ]),
  'spreadsheet formulas': () =>
    csv([
      goodKpi(),
      bad('2026-07-08,paid-conversions,actual,"=HYPERLINK(""http://x"",""y"")"'),
      bad("2026-07-09,paid-conversions,actual,+cmd|' /C calc'!A0"),
      bad('=HYPERLINK("http://x","y"),paid-conversions,actual,1'),
      bad('2026-07-10,@SUM(A1:A9),actual,1'),
      bad('2026-07-11,paid-search,-2+3,1'),
      bad('2026-07-12,paid-conversions,actual,=1+2'),
      bad('"=cmd|\' /C calc\'!A0",paid-conversions,actual,1'),
      goodMoney(),
    ]),
  'markup and scripts in cells': () =>
    csv([
      bad('2026-07-08,<script>alert(1)</script>,actual,1'),
      bad('2026-07-09,paid-conversions,actual,<img src=x onerror=alert(1)>'),
      bad('"<script>alert(1)</script>",paid-search,actual,1'),
      goodKpi(),
    ]),
  'NUL bytes': () => ({
    ...csv([goodKpi(), bad('2026-07-08,paid-\u0000conversions,actual,5'), bad('2026-07-09,paid-conversions,actual,5\u0000'), bad('\u0000'), goodMoney()]),
    refusedOnDisk: true,
  }),
  'numbers out of range': () =>
    csv([
      bad('2026-07-08,paid-conversions,actual,1e308'),
      bad('2026-07-09,paid-conversions,actual,-1e308'),
      bad('2026-07-10,paid-conversions,actual,NaN'),
      bad('2026-07-11,paid-conversions,actual,Infinity'),
      bad('2026-07-12,paid-conversions,actual,-Infinity'),
      bad('2026-07-13,paid-conversions,actual,1e999'),
      bad('2026-07-14,paid-search,actual,0x10'),
      bad('2026-07-15,paid-search,actual,"1,000"'),
      bad(`2026-07-16,paid-search,actual,${'9'.repeat(400)}`),
      goodKpi(),
      goodMoney(11, 'committed', 12.5),
    ]),
  'impossible dates': () =>
    csv([
      bad('2026-02-30,paid-conversions,actual,1'),
      bad('2026-13-01,paid-conversions,actual,1'),
      bad('2026-00-10,paid-conversions,actual,1'),
      bad('2026-07-32,paid-search,actual,1'),
      bad('2026-7-1,paid-search,actual,1'),
      bad('07/01/2026,paid-search,actual,1'),
      bad('2026-07-01T00:00:00Z,paid-search,actual,1'),
      bad('99999-01-01,paid-search,actual,1'),
      goodKpi(),
    ]),
  'ragged rows': () =>
    csv([
      goodKpi(),
      bad('2026-07-08,paid-conversions,actual'),
      bad('2026-07-09,paid-conversions,actual,5,extra'),
      bad('2026-07-10'),
      bad('2026-07-11,paid-search,actual,5,'),
      bad('x'),
      goodMoney(),
    ]),
  'a quote inside an unquoted field': () => csv([goodKpi(), bad('2026-07-09,paid"conversions,actual,5'), goodMoney()]),
  'text after a closing quote': () => csv([goodKpi(), bad('2026-07-09,"paid-conversions"x,actual,5'), goodMoney()]),
  'unterminated quote': () => {
    // The open quote swallows every line after it: those lines are no rows, and get no problem of their own.
    const opened = csv([goodKpi(), goodMoney(), bad('2026-07-09,"paid-conversions,actual,5')]);
    return { ...opened, text: `${opened.text}2026-07-10,paid-conversions,actual,6\n2026-07-11,paid-search,actual,7\n` };
  },
  '100,000 rows, one in a thousand bad': () =>
    csv(
      Array.from({ length: 100_000 }, (_, i) =>
        i % 1000 === 999
          ? bad(`2026-07-${String(1 + (i % 28)).padStart(2, '0')},paid-search,actual,${i}x`)
          : goodMoney(1 + (i % 28), i % 2 ? 'actual' : 'committed', 1),
      ),
    ),
  '100,000 quoted rows, a broken quote in one in a thousand': () =>
    csv(Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 999 ? bad(`2026-07-01,"paid-search"x,actual,${i}`) : goodMoney(1 + (i % 28), '"actual"', 1)))),
};
