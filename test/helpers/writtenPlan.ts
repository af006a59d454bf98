// The channels of a plan as people write it — comments, quoted dates, flow and block style,
// keys out of order — shared by the unit and e2e tests of date-scalar edits. `content` →
// `search` → `email`, finish to start, each a month long.
export const WRITTEN_CHANNELS: readonly string[] = [
  'channels:',
  '  content:',
  '    type: owned',
  '    mode: inbound',
  '    start: "2026-06-01"   # quoted',
  "    end: '2026-06-30'",
  '  search: { type: paid, mode: outbound, start: 2026-07-01, end: 2026-07-31, depends_on: [content] }   # flow',
  '  email:',
  '    type: owned',
  '    mode: outbound',
  '    # the end comes first here',
  '    end: 2026-08-31',
  '    start: 2026-08-01',
  '    depends_on:',
  '      - search',
  '',
];

/** The dates that change when `content` moves a week later with its dependants, in text order. */
export const CONTENT_WEEK_LATER_CASCADED: readonly string[] = [
  '"2026-06-01" → "2026-06-08"',
  "'2026-06-30' → '2026-07-07'",
  '2026-07-01 → 2026-07-08',
  '2026-07-31 → 2026-08-07',
  '2026-08-31 → 2026-09-07',
  '2026-08-01 → 2026-08-08',
];
