// What the timeline panel accepts from its webview before it edits anything: the move and
// toggle messages' shapes (messages.ts, dragMessages.ts), then the move against the timeline
// on screen (timelineMoves.ts); and the schedule the webview drags on, as sent and as checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { dragScheduleOf, parseDragSchedule } from '../../../client/src/preview/dragMessages.js';
import { parseFromWebview, parseToWebview, parseWebviewState } from '../../../client/src/preview/messages.js';
import { refusedMove } from '../../../client/src/preview/timelineMoves.js';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { timelineResult } from '../../../server/src/core/features/timeline/request.js';

const result = timelineResult(
  { uri: 'file:///p.plan.yaml', version: 3, analysis: analyzeText(readFileSync('test/fixtures/timeline/calendar.plan.yaml', 'utf8')) },
  { today: '2026-12-01', render: 'panel' },
)!;
const move = { type: 'move', channel: 'email-sale', version: 3, start: '2026-12-02', end: '2026-12-19', cascade: true } as const;

test('move and cascade messages are taken only in their exact shape', () => {
  assert.deepEqual(parseFromWebview({ ...move, extra: 'ignored' }), move);
  assert.deepEqual(parseFromWebview({ type: 'cascade', on: false }), { type: 'cascade', on: false });
  for (const junk of [
    { ...move, channel: '' },
    { ...move, channel: 'x'.repeat(10_001) },
    { ...move, version: -1 },
    { ...move, version: 1.5 },
    { ...move, start: '2026-12-2' },
    { ...move, end: 20_800 },
    { ...move, cascade: 'yes' },
    { type: 'cascade', on: 1 },
    { type: 'cascade' },
  ])
    assert.equal(parseFromWebview(junk), undefined, JSON.stringify(junk).slice(0, 80));
});

test('a move is refused unless it is for the timeline on screen, a bar on it, and dates on it', () => {
  assert.equal(refusedMove(move, result, 3), undefined);
  assert.match(refusedMove({ ...move, version: 2 }, result, 3)!, /changed while you dragged/);
  assert.match(refusedMove(move, result, 4)!, /changed while you dragged/, 'the editor is ahead of the picture');
  assert.match(refusedMove({ ...move, channel: 'nope' }, result, 3)!, /not on the timeline/);
  assert.match(refusedMove({ ...move, start: '2026-02-30' }, result, 3)!, /not calendar dates/);
  assert.match(refusedMove({ ...move, start: '2026-12-20', end: '2026-12-19' }, result, 3)!, /outside the timeline/);
  assert.match(refusedMove({ ...move, start: '2020-01-01' }, result, 3)!, /outside the timeline/);
  assert.match(refusedMove({ ...move, start: '2026-12-01', end: '2026-12-18' }, result, 3)!, /the same/);
  assert.match(refusedMove(move, undefined, 3)!, /no timeline/);
});

test('the schedule for dragging: geometry, bars, edges with business-day lags, the calendar; checked on arrival', () => {
  const schedule = dragScheduleOf(result, true)!;
  assert.deepEqual(schedule.geometry, result.geometry);
  assert.deepEqual(schedule.edges[0], { from: 'landing', to: 'email-sale', kind: 'finish-to-start', lag: 5, bd: true });
  assert.equal(schedule.calendar.weekends, true);
  assert.equal(schedule.calendar.holidays.length, 3);
  assert.equal(schedule.cascade, true);
  assert.deepEqual(parseDragSchedule(JSON.parse(JSON.stringify(schedule))), schedule);
  const render = { type: 'render', uri: 'u', version: 1, title: 't', svg: '<svg/>', banner: null };
  assert.deepEqual(parseToWebview({ ...render, schedule }), { ...render, schedule });
  assert.deepEqual(parseToWebview(render), render, 'a picture without a schedule is still a picture');
  for (const broken of [
    { ...schedule, geometry: { ...schedule.geometry, pxPerDay: 0 } },
    { ...schedule, bars: [{ id: 'a', start: 'x', end: 1 }] },
    { ...schedule, edges: [{ ...schedule.edges[0], kind: 'before' }] },
    { ...schedule, edges: [{ ...schedule.edges[0], lag: -1 }] },
    { ...schedule, calendar: { weekends: true, holidays: [1.5] } },
    { ...schedule, cascade: undefined },
  ])
    assert.equal(parseToWebview({ ...render, schedule: broken }), undefined);
  assert.deepEqual(parseToWebview({ type: 'note', text: 'Moved.', refused: false }), { type: 'note', text: 'Moved.', refused: false });
  assert.equal(parseToWebview({ type: 'note', text: 3, refused: false }), undefined);
  assert.equal(dragScheduleOf({ ...result, geometry: undefined }, false), undefined, 'no geometry, nothing to drag');
  assert.equal(parseWebviewState({ cascade: 'on' }).cascade, undefined);
});
