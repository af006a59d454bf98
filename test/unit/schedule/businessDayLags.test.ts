// The schedule (model/schedule.ts) with lags in business days: every dependency kind across a
// weekend and a holiday, a diamond, a four-deep chain, and the backward pass (slack, critical).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { factsOf } from '../../../server/src/core/model/planFacts.js';
import { formatDay } from '../../../server/src/core/text/dates.js';

/** Christmas (Fri 25th) and the Monday bank holiday (28th) are off, as are weekends. */
const CALENDAR = 'calendar:\n  excludes: [weekends, 2026-12-25, 2026-12-28]\n';

function scheduleOf(channels: string, calendar = CALENDAR) {
  const analysis = analyzeText(`plan: Test\n${calendar}channels:\n${channels}`);
  return { schedule: factsOf(analysis.model).schedule, diagnostics: analysis.diagnostics };
}

const earliest = (channels: string, id: string, calendar?: string) => {
  const found = scheduleOf(channels, calendar).schedule.channels.get(id)!.earliestStart;
  return found === undefined ? undefined : formatDay(found);
};

const chan = (id: string, start: string, end: string, depends = '') =>
  `  ${id}: { type: owned, mode: inbound, start: ${start}, end: ${end}${depends ? `, depends_on: [${depends}]` : ''} }\n`;

test('finish-to-start: the (lag + 1)-th working day after the end', () => {
  const upstream = chan('a', '2026-12-01', '2026-12-24');
  assert.equal(
    earliest(upstream + chan('b', '2027-01-04', '2027-01-10', '{ on: a, lag: 2bd }'), 'b'),
    '2026-12-31',
    'Thu 24th + 2bd: 29th and 30th wait, 31st starts',
  );
  assert.equal(earliest(upstream + chan('b', '2027-01-04', '2027-01-10', '{ on: a, lag: 0bd }'), 'b'), '2026-12-29', 'no lag in bd: the next working day');
  assert.equal(earliest(upstream + chan('b', '2027-01-04', '2027-01-10', '{ on: a, lag: 2d }'), 'b'), '2026-12-27', 'a lag in d keeps counting calendar days');
  assert.equal(earliest(upstream + chan('b', '2027-01-04', '2027-01-10', 'a'), 'b'), '2026-12-25', 'the shorthand is the calendar rule: the day after');
});

test('start-to-start: the lag-th working day after the start', () => {
  const upstream = chan('a', '2026-12-23', '2027-01-15');
  assert.equal(earliest(upstream + chan('b', '2027-01-04', '2027-01-10', '{ on: a, kind: start-to-start, lag: 3bd }'), 'b'), '2026-12-30');
  assert.equal(earliest(upstream + chan('b', '2027-01-04', '2027-01-10', '{ on: a, kind: start-to-start, lag: 1w }'), 'b'), '2026-12-30');
  assert.equal(earliest(upstream + chan('b', '2027-01-04', '2027-01-10', '{ on: a, kind: start-to-start, lag: 5bd }'), 'b'), '2027-01-01');
});

test('finish-to-finish: the end must fall on or after the lag-th working day after the end; the start follows from the length', () => {
  const upstream = chan('a', '2026-12-01', '2026-12-24');
  // b runs 10 days (start + 9); its end must be ≥ Tue 29th (1bd after Thu 24th), so its start ≥ 20th.
  assert.equal(earliest(upstream + chan('b', '2027-01-01', '2027-01-10', '{ on: a, kind: finish-to-finish, lag: 1bd }'), 'b'), '2026-12-20');
});

test('without a calendar, bd counts every day', () => {
  const channels = chan('a', '2026-12-01', '2026-12-24') + chan('b', '2027-01-04', '2027-01-10', '{ on: a, lag: 2bd }');
  assert.equal(earliest(channels, 'b', ''), '2026-12-27');
});

test('a diamond: the later of the two branches sets the join', () => {
  const channels =
    chan('root', '2026-12-14', '2026-12-18') +
    chan('fast', '2026-12-21', '2026-12-22', '{ on: root, lag: 0bd }') +
    chan('slow', '2026-12-21', '2026-12-24', '{ on: root, lag: 0bd }') +
    chan('join', '2026-12-31', '2027-01-08', '{ on: fast, lag: 1bd }, { on: slow, lag: 1bd }');
  const { schedule, diagnostics } = scheduleOf(channels);
  assert.equal(formatDay(schedule.channels.get('fast')!.earliestStart!), '2026-12-21', 'Fri 18th → Mon 21st');
  const join = schedule.channels.get('join')!;
  // fast ends Tue 22nd: 1bd waits Wed 23rd, starts Thu 24th; slow ends Thu 24th: waits Tue 29th, starts Wed 30th.
  assert.equal(formatDay(join.earliestStart!), '2026-12-30');
  assert.equal(join.drivingEdge?.from.id, 'slow');
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'dependency-violated'),
    [],
  );
  // join starts on the 31st: slow may end as late as Tue 29th (Wed 30th waits), five calendar days
  // of slack for one working day of room; fast, ending on the 22nd, has seven.
  assert.equal(schedule.channels.get('slow')!.slack, 5);
  assert.equal(schedule.channels.get('fast')!.slack, 7);
  assert.equal(schedule.channels.get('join')!.critical, true);
});

const chain = (launchStart: string) =>
  chan('brief', '2026-12-14', '2026-12-17') +
  chan('build', '2026-12-21', '2026-12-23', '{ on: brief, lag: 1bd }') +
  chan('test', '2026-12-29', '2026-12-30', '{ on: build, lag: 1bd }') +
  chan('launch', launchStart, '2027-01-31', '{ on: test, lag: 1bd }');

test('a four-deep chain in business days is tight all the way', () => {
  const { schedule, diagnostics } = scheduleOf(chain('2027-01-01'));
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'dependency-violated'),
    [],
  );
  // brief ends Thu 17th: Fri 18th waits, Mon 21st starts; build ends Wed 23rd: Thu 24th waits, Tue 29th starts; test ends Wed 30th: Thu 31st waits, Fri 1st would start.
  assert.equal(formatDay(schedule.channels.get('build')!.earliestStart!), '2026-12-21');
  assert.equal(formatDay(schedule.channels.get('test')!.earliestStart!), '2026-12-29');
  assert.equal(formatDay(schedule.channels.get('launch')!.earliestStart!), '2027-01-01');
  assert.deepEqual(schedule.criticalPath, ['brief', 'build', 'test', 'launch']);
  for (const item of schedule.channels.values()) assert.equal(item.slack, 0, item.id);
});

test('slack in a business-day chain is counted back over the weekend and the holidays', () => {
  const { schedule } = scheduleOf(chain('2027-01-04'));
  // launch starts Mon 4th: test may end on Thu 31st (Fri 1st waits); one working day, one calendar day.
  assert.equal(schedule.channels.get('test')!.slack, 1);
  // test must start by Wed 30th: build may end on Mon 28th (29th waits) — five calendar days over Christmas.
  assert.equal(schedule.channels.get('build')!.slack, 5);
  assert.deepEqual(schedule.criticalPath, ['launch']);
});
