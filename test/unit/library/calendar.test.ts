import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkedFilesOf } from '../../../server/src/core/actuals/linkedFiles.js';
import { analyzeText, type AnalyzeOptions } from '../../../server/src/core/analyze.js';
import { factsOf } from '../../../server/src/core/model/planFacts.js';
import { formatDay } from '../../../server/src/core/text/dates.js';
import type { TextFile } from '../../../server/src/core/workspace/files.js';

// A library's `calendar`: a plan importing it gets the library's excluded days and blackouts,
// with its own calendar's entries added; what is wrong in the library's calendar is reported
// in the library.

const ROOT = 'file:///work/plans';
const PLAN_URI = `${ROOT}/q4.plan.yaml`;
const LIBRARY_URI = `${ROOT}/shared/calendar.plan-library.yaml`;

const LIBRARY = `calendar:
  excludes: [weekends, 2026-12-25]
  blackouts:
    - { from: 2026-11-23, to: 2026-11-30, why: Black Friday freeze }
`;

const plan = (calendar: string) => `plan: Q4
imports: [./shared/calendar.plan-library.yaml]
channels:
  black-friday-email:
    type: owned
    medium: email
    start: 2026-11-25
    end: 2026-12-10
  boxing-day-social:
    type: paid
    medium: social
    start: 2026-12-27
    end: 2027-01-05
${calendar}`;

function options(files: Record<string, string>, planUri = PLAN_URI): AnalyzeOptions {
  return { planUri, files: linkedFilesOf(new Map<string, TextFile>(Object.entries(files).map(([uri, text]) => [uri, { text }]))) };
}

const blackouts = (text: string, files = { [LIBRARY_URI]: LIBRARY }) =>
  analyzeText(text, options(files))
    .diagnostics.filter((d) => d.code === 'launch-in-blackout')
    .map((d) => `${d.range.start.line + 1} ${d.message}`);

describe('a calendar in a library', () => {
  it("freezes launches in an importing plan: a library blackout is a launch-in-blackout on the plan's channel start", () => {
    assert.deepEqual(blackouts(plan('')), [
      '7 `black-friday-email` starts on 2026-11-25, inside the blackout "Black Friday freeze" (2026-11-23 to 2026-11-30, for every channel). Start it on 2026-12-01 or later (the first day no blackout of its medium covers), or change the blackout.',
    ]);
    // Without the library's calendar, nothing is frozen.
    assert.deepEqual(blackouts(plan(''), { [LIBRARY_URI]: 'kpis: {}\n' }), []);
  });

  it("adds the plan's own excludes and blackouts to the library's", () => {
    const text = plan(`calendar:
  excludes: [2026-12-28]
  blackouts:
    - { from: 2026-12-26, to: 2026-12-27, why: Boxing Day, applies_to: [social] }
`);
    const { model } = analyzeText(text, options({ [LIBRARY_URI]: LIBRARY }));
    const calendar = factsOf(model).calendar;
    assert.equal(calendar.working.weekends, true, "the library's weekends");
    assert.deepEqual(calendar.working.holidays.map(formatDay), ['2026-12-25', '2026-12-28']);
    assert.deepEqual(
      calendar.blackouts.map((blackout) => blackout.why),
      ['Black Friday freeze', 'Boxing Day'],
    );
    assert.equal(blackouts(text).length, 2, 'the library blackout and the plan blackout');
    // The calendar section the plan's features see is the plan's own, where it writes one.
    assert.equal(model.calendar?.keyRange.start.line, text.split('\n').indexOf('calendar:'));
  });

  it('is part of the library schema, and a mistake in it is reported in the library, not in the plan', () => {
    const broken = 'calendar:\n  blackouts:\n    - { from: 2026-11-30, to: 2026-11-23 }\n';
    const inLibrary = analyzeText(broken, options({}, LIBRARY_URI)).diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(inLibrary, ['3 schema']);
    const planDiagnostics = (library: string) =>
      analyzeText(plan(''), options({ [LIBRARY_URI]: library })).diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(planDiagnostics(broken), planDiagnostics('kpis: {}\n'));
    assert.deepEqual(
      analyzeText(LIBRARY, options({}, LIBRARY_URI)).diagnostics.map((d) => d.code),
      [],
    );
  });
});
