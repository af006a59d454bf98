// Rescheduling (core/features/reschedule): moving a channel with and without its dependants,
// pulling dependants in, business-day lags, blackouts, cycles, the whole plan; and the edit,
// which touches only the date scalars that change.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { rescheduleActions, resolveRescheduleAction } from '../../../server/src/core/features/reschedule/actions.js';
import { asWorkspaceEdit, moveLabel, plannedEdit } from '../../../server/src/core/features/reschedule/edit.js';
import { moveChannel, rescheduleDependants, rescheduleWholePlan, type Reschedule } from '../../../server/src/core/features/reschedule/plan.js';
import { parseShift, shiftDates } from '../../../server/src/core/features/reschedule/shift.js';
import { factsOf } from '../../../server/src/core/model/planFacts.js';
import { workingCalendar } from '../../../server/src/core/model/workingDays.js';
import { formatDay, parseIsoDate } from '../../../server/src/core/text/dates.js';
import type { TextEdit } from '../../../server/src/core/types.js';
import { yamlEditContext } from '../../../server/src/core/yaml/edits/editContext.js';
import { applyEdits } from '../../helpers/applyEdits.js';
import { changedDates } from '../../helpers/dateScalars.js';
import { CONTENT_WEEK_LATER_CASCADED, WRITTEN_CHANNELS } from '../../helpers/writtenPlan.js';

const day = (iso: string) => parseIsoDate(iso)!;

const PLAN = `plan: Launch
channels:
  content: { type: owned, mode: inbound, start: 2026-06-01, end: 2026-06-30 }
  search: { type: paid, mode: outbound, start: 2026-07-01, end: 2026-07-31, depends_on: [content] }
  social: { type: paid, mode: outbound, start: 2026-07-10, end: 2026-07-20, depends_on: [content] }
  email: { type: owned, mode: outbound, start: 2026-08-01, end: 2026-08-31, depends_on: [search] }
`;

function outcomeOf(text: string, run: (analysis: ReturnType<typeof analyzeText>) => Reschedule) {
  const analysis = analyzeText(text);
  return { analysis, outcome: run(analysis) };
}

/** `id start–end` for every move, in plan order. */
function movesOf(outcome: Reschedule): string[] {
  if ('refused' in outcome) throw new Error(outcome.refused);
  return outcome.moves.map((move) => `${move.id} ${formatDay(move.to.start)}–${formatDay(move.to.end)}`);
}

/** The text after the reschedule's edit, checked to change date scalars only. */
function applied(text: string, outcome: Reschedule): string {
  if ('refused' in outcome) throw new Error(outcome.refused);
  const analysis = analyzeText(text);
  const planned = plannedEdit(analysis.model, yamlEditContext(analysis.parsed), outcome.moves);
  if ('refused' in planned) throw new Error(planned.refused);
  const edit = asWorkspaceEdit('file:///p.plan.yaml', planned, { form: 'changes' }) as { changes: Record<string, TextEdit[]> };
  const after = applyEdits(text, edit.changes['file:///p.plan.yaml']!);
  changedDates(text, after);
  return after;
}

const violations = (text: string) => analyzeText(text).diagnostics.filter((d) => d.code === 'dependency-violated');

describe('moving a channel', () => {
  const move = (id: string, start: string, end: string, cascade: boolean, text = PLAN) =>
    outcomeOf(text, ({ model }) => moveChannel(model, factsOf(model), id, { start: day(start), end: day(end) }, cascade)).outcome;

  test('without the cascade only the channel moves, even when that breaks its dependants', () => {
    const outcome = move('content', '2026-06-06', '2026-07-05', false);
    assert.deepEqual(movesOf(outcome), ['content 2026-06-06–2026-07-05']);
    assert.equal(violations(applied(PLAN, outcome)).length, 1, 'search now starts too early');
  });

  test('with the cascade, tight dependants are pushed and keep their length; one with room stays', () => {
    const outcome = move('content', '2026-06-06', '2026-07-05', true);
    assert.deepEqual(movesOf(outcome), ['content 2026-06-06–2026-07-05', 'search 2026-07-06–2026-08-05', 'email 2026-08-06–2026-09-05']);
    assert.deepEqual(violations(applied(PLAN, outcome)), []);
  });

  test('pulled in: moving earlier takes the dependants that started exactly when allowed; social, with room, keeps its dates', () => {
    const outcome = move('content', '2026-05-27', '2026-06-25', true);
    assert.deepEqual(movesOf(outcome), ['content 2026-05-27–2026-06-25', 'search 2026-06-26–2026-07-26', 'email 2026-07-27–2026-08-26']);
  });

  test('resizing the end pushes finish-to-start dependants by the days it grew', () => {
    const outcome = move('search', '2026-07-01', '2026-08-03', true);
    assert.deepEqual(movesOf(outcome), ['search 2026-07-01–2026-08-03', 'email 2026-08-04–2026-09-03']);
    if ('refused' in outcome) return;
    assert.deepEqual(outcome.moves.map(moveLabel), ['`search` end +3 days', '`email` +3 days']);
  });

  test('a reversed range is refused', () => {
    assert.deepEqual(move('content', '2026-06-10', '2026-06-01', true), { refused: '`content` would end (2026-06-01) before it starts (2026-06-10).' });
  });

  test('a cascade through a cycle is refused, naming the cycle', () => {
    const cyclic = PLAN.replace('depends_on: [content] }\n  social', 'depends_on: [content, email] }\n  social');
    const outcome = move('content', '2026-06-06', '2026-07-05', true, cyclic);
    assert.ok('refused' in outcome);
    assert.match(outcome.refused, /`search` → `email` → `search`|`email` → `search` → `email`/);
    assert.deepEqual(movesOf(move('content', '2026-06-06', '2026-07-05', false, cyclic)), ['content 2026-06-06–2026-07-05'], 'without the cascade it moves');
  });
});

describe('business days and blackouts', () => {
  const text = `plan: Christmas
calendar:
  excludes: [weekends, 2026-12-25, 2026-12-28]
  blackouts:
    - { from: 2027-01-04, to: 2027-01-08, why: January freeze, applies_to: [email] }
channels:
  build: { type: owned, mode: inbound, start: 2026-12-01, end: 2026-12-17 }
  review: { type: owned, mode: inbound, start: 2026-12-21, end: 2026-12-22, depends_on: [{ on: build, lag: 1bd }] }
  send: { type: owned, mode: outbound, medium: email, start: 2026-12-24, end: 2026-12-31, depends_on: [{ on: review, lag: 0bd }] }
`;
  const move = (start: string, end: string) =>
    outcomeOf(text, ({ model }) => moveChannel(model, factsOf(model), 'build', { start: day(start), end: day(end) }, true)).outcome;

  test('the cascade counts business-day lags over the weekend and the holidays', () => {
    // build ends Mon 21st: Tue 22nd waits, review starts Wed 23rd and ends Thu 24th; send: the next working day is Tue 29th.
    assert.deepEqual(movesOf(move('2026-12-05', '2026-12-21')), ['build 2026-12-05–2026-12-21', 'review 2026-12-23–2026-12-24', 'send 2026-12-29–2027-01-05']);
  });

  test('a dependant the cascade would start in a blackout of its medium starts the day after it', () => {
    // build ends Thu 31st: Fri 1st waits, review Mon 4th–Tue 5th; send could start Wed 6th, inside the January freeze.
    const outcome = move('2026-12-15', '2026-12-31');
    assert.deepEqual(movesOf(outcome), ['build 2026-12-15–2026-12-31', 'review 2027-01-04–2027-01-05', 'send 2027-01-09–2027-01-16']);
    const after = applied(text, outcome);
    assert.deepEqual(
      analyzeText(after).diagnostics.filter((d) => d.code === 'launch-in-blackout' || d.code === 'dependency-violated'),
      [],
    );
  });

  test("the user's own channel keeps the dates the user gave, blackout or not", () => {
    const outcome = outcomeOf(text, ({ model }) =>
      moveChannel(model, factsOf(model), 'send', { start: day('2027-01-05'), end: day('2027-01-12') }, true),
    ).outcome;
    assert.deepEqual(movesOf(outcome), ['send 2027-01-05–2027-01-12']);
    assert.equal(analyzeText(applied(text, outcome)).diagnostics.filter((d) => d.code === 'launch-in-blackout').length, 1);
  });
});

describe('rescheduling actions', () => {
  const diamond = `plan: Diamond
channels:
  a: { type: owned, mode: inbound, start: 2026-03-01, end: 2026-03-10 }
  b: { type: owned, mode: inbound, start: 2026-03-20, end: 2026-03-25, depends_on: [a] }
  c: { type: owned, mode: inbound, start: 2026-03-05, end: 2026-03-15, depends_on: [{ on: a, kind: start-to-start, lag: 2d }] }
  d: { type: paid, mode: outbound, start: 2026-04-10, end: 2026-04-30, depends_on: [b, { on: c, kind: finish-to-finish, lag: 1w }] }
  e: { type: paid, mode: outbound, start: 2026-03-01, end: 2026-03-31, depends_on: [d] }
  lone: { type: earned, mode: inbound, start: 2026-01-01, end: 2026-01-31 }
`;

  test('dependants of a channel move to their earliest allowed dates, earlier or later, and break nothing', () => {
    const { outcome } = outcomeOf(diamond, ({ model }) => rescheduleDependants(model, factsOf(model), 'a'));
    // b: the day after a ends (11th); c: a's start + 2d (3rd); d: after b (17th), end ≥ c's end (13th) + 7 → start ≥ 2nd; e after d.
    assert.deepEqual(movesOf(outcome), ['b 2026-03-11–2026-03-16', 'c 2026-03-03–2026-03-13', 'd 2026-03-17–2026-04-06', 'e 2026-04-07–2026-05-07']);
    assert.deepEqual(violations(applied(diamond, outcome)), []);
  });

  test('the whole plan: every channel with a dependency at its earliest; channels that depend on nothing stay', () => {
    const { outcome } = outcomeOf(diamond, ({ model }) => rescheduleWholePlan(model, factsOf(model)));
    const moved = movesOf(outcome);
    assert.ok(!moved.some((move) => move.startsWith('a ') || move.startsWith('lone ')));
    assert.deepEqual(violations(diamond).length, 1, 'e starts before d ends');
    assert.deepEqual(violations(applied(diamond, outcome)), []);
  });

  test('a four-deep chain in business days, rescheduled whole, is tight and unbroken', () => {
    const chain = `plan: Chain
calendar: { excludes: [weekends, 2026-12-25, 2026-12-28] }
channels:
  brief: { type: owned, mode: inbound, start: 2026-12-14, end: 2026-12-17 }
  build: { type: owned, mode: inbound, start: 2027-01-11, end: 2027-01-13, depends_on: [{ on: brief, lag: 1bd }] }
  test: { type: owned, mode: inbound, start: 2027-01-20, end: 2027-01-21, depends_on: [{ on: build, lag: 1bd }] }
  launch: { type: paid, mode: outbound, start: 2026-12-01, end: 2026-12-28, depends_on: [{ on: test, lag: 1bd }] }
`;
    const { outcome } = outcomeOf(chain, ({ model }) => rescheduleWholePlan(model, factsOf(model)));
    assert.deepEqual(movesOf(outcome), ['build 2026-12-21–2026-12-23', 'test 2026-12-29–2026-12-30', 'launch 2027-01-01–2027-01-28']);
    const after = applied(chain, outcome);
    assert.deepEqual(violations(after), []);
    assert.deepEqual(factsOf(analyzeText(after).model).schedule.criticalPath, ['brief', 'build', 'test', 'launch']);
  });

  test('a cycle anywhere refuses the whole-plan reschedule, naming it', () => {
    const cyclic = diamond.replace('  a: { type: owned, mode: inbound,', '  a: { type: owned, mode: inbound, depends_on: [e],');
    const { outcome } = outcomeOf(cyclic, ({ model }) => rescheduleWholePlan(model, factsOf(model)));
    assert.ok('refused' in outcome);
    assert.match(outcome.refused, /^Cannot reschedule the plan: `\w` → .* depend on each other in a cycle/);
  });

  test('nothing to do gives no moves', () => {
    const { outcome } = outcomeOf(PLAN.replace('2026-07-10, end: 2026-07-20', '2026-07-01, end: 2026-07-11'), ({ model }) =>
      rescheduleWholePlan(model, factsOf(model)),
    );
    assert.deepEqual(movesOf(outcome), []);
  });
});

describe('the edit', () => {
  const written = ['\uFEFF# A plan as people write it: comments, quotes, flow and block style, CRLF', 'plan: Launch   # the title', ...WRITTEN_CHANNELS].join(
    '\r\n',
  );

  test('changes only the date scalars, in their own quoting, and nothing around them', () => {
    const { outcome } = outcomeOf(written, ({ model }) =>
      moveChannel(model, factsOf(model), 'content', { start: day('2026-06-08'), end: day('2026-07-07') }, true),
    );
    const after = applied(written, outcome);
    assert.deepEqual(changedDates(written, after), CONTENT_WEEK_LATER_CASCADED);
    assert.ok(after.startsWith('\uFEFF#'), 'the BOM stays');
    assert.equal(after.split('\r\n').length, written.split('\r\n').length, 'CRLF line breaks stay');
  });

  test('annotates each moved channel for the preview, asking for confirmation', () => {
    const analysis = analyzeText(written);
    const outcome = moveChannel(analysis.model, factsOf(analysis.model), 'content', { start: day('2026-06-08'), end: day('2026-07-07') }, true);
    if ('refused' in outcome) throw new Error(outcome.refused);
    const planned = plannedEdit(analysis.model, yamlEditContext(analysis.parsed), outcome.moves);
    if ('refused' in planned) throw new Error(planned.refused);
    const edit = asWorkspaceEdit('file:///p.plan.yaml', planned, { form: 'documentChanges', version: 7, annotate: true, confirm: true });
    assert.ok('documentChanges' in edit);
    assert.equal(edit.documentChanges[0]!.textDocument.version, 7);
    assert.deepEqual(
      Object.values(edit.changeAnnotations!).map((annotation) => [annotation.label, annotation.needsConfirmation]),
      [
        ['`content` +7 days', true],
        ['`search` +7 days', true],
        ['`email` +7 days', true],
      ],
    );
    assert.equal(Object.values(edit.changeAnnotations!)[0]!.description, '2026-06-01 – 2026-06-30 → 2026-06-08 – 2026-07-07');
    const ids = new Set(edit.documentChanges[0]!.edits.map((item) => (item as { annotationId: string }).annotationId));
    assert.deepEqual([...ids].sort(), Object.keys(edit.changeAnnotations!).sort(), 'every edit belongs to one channel annotation');
  });

  test('a date written through an anchor or alias is not edited: the reschedule is refused and says why', () => {
    const shared = `plan: Shared
channels:
  a: { type: owned, mode: inbound, start: &launch 2026-06-01, end: 2026-06-30 }
  b: { type: owned, mode: inbound, start: *launch, end: 2026-07-31 }
`;
    for (const id of ['a', 'b']) {
      const analysis = analyzeText(shared);
      const outcome = moveChannel(analysis.model, factsOf(analysis.model), id, { start: day('2026-06-02'), end: day('2026-08-01') }, false);
      if ('refused' in outcome) throw new Error(outcome.refused);
      const planned = plannedEdit(analysis.model, yamlEditContext(analysis.parsed), outcome.moves);
      assert.ok('refused' in planned, id);
      assert.match(planned.refused, new RegExp(`^\`${id}\`'s \`start\` is written through a YAML anchor or alias`));
    }
  });

  test('dates beyond the year 9999 are refused', () => {
    const analysis = analyzeText(PLAN);
    const outcome = moveChannel(analysis.model, factsOf(analysis.model), 'email', { start: day('9999-12-01'), end: day('9999-12-31') + 5 }, false);
    assert.deepEqual(outcome, { refused: '`email` would move outside the years 0000–9999 (to after 9999-12-31).' });
  });
});

describe('shifts', () => {
  test('parses signed days, weeks and business days', () => {
    assert.deepEqual(parseShift('+3d'), { amount: 3, unit: 'd' });
    assert.deepEqual(parseShift('-2w'), { amount: -2, unit: 'w' });
    assert.deepEqual(parseShift('5bd'), { amount: 5, unit: 'bd' });
    assert.deepEqual(parseShift(' \u22124 BD '), { amount: -4, unit: 'bd' });
    for (const bad of ['', '3', 'd', '+3h', '1.5d', '++3d', '3 days', '99999999d']) assert.equal(parseShift(bad), undefined, bad);
  });

  test('a business-day shift lands the start on a working day and keeps the length', () => {
    const calendar = workingCalendar(true, [day('2026-12-25'), day('2026-12-28')]);
    const dates = { start: day('2026-12-23'), end: day('2026-12-30') };
    const shifted = shiftDates(dates, { amount: 2, unit: 'bd' }, calendar);
    assert.deepEqual([formatDay(shifted.start), formatDay(shifted.end)], ['2026-12-29', '2027-01-05']);
    const back = shiftDates(dates, { amount: -1, unit: 'w' }, calendar);
    assert.deepEqual([formatDay(back.start), formatDay(back.end)], ['2026-12-16', '2026-12-23']);
  });
});

describe('the code actions in the core', () => {
  const doc = (text: string) => ({ uri: 'file:///p.plan.yaml', version: 4, analysis: analyzeText(text) });
  const at = (line: number) => ({ start: { line, character: 4 }, end: { line, character: 4 } });
  const vscodeLike = { documentChanges: true, changeAnnotations: true, disabledSupport: true, resolveEdits: true };

  test('listed with data, resolved into the annotated edit on the document as it is', () => {
    const document = doc(PLAN);
    const actions = rescheduleActions(document, at(2), vscodeLike);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.edit === undefined]),
      [
        ['Reschedule dependants of `content`', 'refactor.rewrite', true],
        ['Reschedule the whole plan', 'source.reschedule', true],
      ],
    );
    const { action, refused } = resolveRescheduleAction(document, actions[0]!);
    assert.equal(refused, undefined);
    assert.ok(action.edit && 'documentChanges' in action.edit);
    assert.equal(action.edit.documentChanges[0]!.textDocument.version, 4);
    assert.equal('data' in action, false);
    // social had room: the earliest schedule pulls it in to the day after content ends.
    assert.deepEqual(
      Object.values(action.edit.changeAnnotations!).map((annotation) => annotation.label),
      ['`social` -9 days'],
    );
  });

  test('a date written through an alias: listed, then refused with the reason when chosen', () => {
    const shared = PLAN.replace('start: 2026-07-10, end: 2026-07-20', 'start: &d 2026-07-10, end: 2026-07-20').replace('start: 2026-08-01', 'start: *d');
    const document = doc(shared);
    const [dependants] = rescheduleActions(document, at(2), vscodeLike);
    const { action, refused } = resolveRescheduleAction(document, dependants!);
    assert.equal(action.edit, undefined);
    assert.match(refused ?? '', /`social`'s `start` is written through a YAML anchor or alias/);
    // Without resolving, the same reason shows as the action's disabled reason.
    const [eager] = rescheduleActions(document, at(2), { ...vscodeLike, resolveEdits: false });
    assert.match(eager!.disabled?.reason ?? '', /written through a YAML anchor or alias/);
  });

  test('channels without dependants and plans without dependencies offer nothing to reschedule there', () => {
    assert.deepEqual(
      rescheduleActions(doc(PLAN), at(5), vscodeLike).map((action) => action.title),
      ['Reschedule the whole plan'],
    );
    assert.deepEqual(
      rescheduleActions(doc('plan: x\nchannels:\n  a: { type: owned, mode: inbound, start: 2026-01-01, end: 2026-01-02 }\n'), at(2), vscodeLike),
      [],
    );
    assert.deepEqual(
      rescheduleActions(doc(PLAN), at(2), { ...vscodeLike, only: ['refactor'] }).map((action) => action.kind),
      ['refactor.rewrite'],
    );
  });
});
