// Regression tests for the critical chain in model/schedule.ts: when several channels end on
// the finish day, the chain is the longest run of tight dependencies, not the earliest starter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { factsOf } from '../../../server/src/core/model/planFacts.js';
import { planWith, readExample } from './helpers.js';

function scheduleOf(text: string) {
  return factsOf(analyzeText(text).model).schedule;
}

test('the brief example: the critical path is paid-search → email-nurture, not seo alone', () => {
  const schedule = scheduleOf(readExample('examples/clean/q3-acquisition.plan.yaml'));
  // seo, paid-search and email-nurture all end on 2026-09-30; only paid-search → email-nurture is a tight dependency.
  assert.deepEqual(schedule.criticalPath, ['paid-search', 'email-nurture']);
  assert.equal(schedule.channels.get('seo')!.critical, true);
  assert.equal(schedule.channels.get('content-hub')!.slack, 10);
});

test('the longest tight chain wins over an earlier-starting channel that ends the same day', () => {
  const schedule = scheduleOf(
    planWith(`  long:
    { type: owned, mode: inbound, start: 2026-01-01, end: 2026-06-30 }
  a:
    { type: owned, mode: inbound, start: 2026-02-01, end: 2026-02-28 }
  b:
    { type: paid, mode: outbound, start: 2026-03-01, end: 2026-03-31, depends_on: [a] }
  c:
    { type: paid, mode: outbound, start: 2026-04-01, end: 2026-06-30, depends_on: [b] }`),
  );
  assert.deepEqual(schedule.criticalPath, ['a', 'b', 'c']);
});

test('a chain of equal length that starts earlier wins the tie', () => {
  const schedule = scheduleOf(
    planWith(`  x1:
    { type: owned, mode: inbound, start: 2026-02-01, end: 2026-02-28 }
  x2:
    { type: owned, mode: inbound, start: 2026-03-01, end: 2026-06-30, depends_on: [x1] }
  y1:
    { type: owned, mode: inbound, start: 2026-01-01, end: 2026-01-31 }
  y2:
    { type: owned, mode: inbound, start: 2026-02-01, end: 2026-06-30, depends_on: [y1] }`),
  );
  assert.deepEqual(schedule.criticalPath, ['y1', 'y2']);
});

test('finish-to-finish and start-to-start links count as tight when the dates sit exactly on them', () => {
  const schedule = scheduleOf(
    planWith(`  base:
    { type: owned, mode: inbound, start: 2026-01-01, end: 2026-03-31 }
  follow:
    { type: owned, mode: inbound, start: 2026-01-15, end: 2026-04-14, depends_on: [{ on: base, kind: start-to-start, lag: 2w }] }
  close:
    { type: paid, mode: outbound, start: 2026-04-01, end: 2026-04-21, depends_on: [{ on: follow, kind: finish-to-finish, lag: 1w }] }`),
  );
  assert.deepEqual(schedule.criticalPath, ['base', 'follow', 'close']);
});
