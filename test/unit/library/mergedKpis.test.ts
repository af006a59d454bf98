import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MergedKpis } from '../../../server/src/core/model/mergedKpis.js';
import type { KpiModel } from '../../../server/src/core/model/planModel.js';

// The merged KPIs are a view, not a map: every way of walking it must give what a Map built
// from the library's KPIs, refined by the plan's, then the plan's own, would give.

const kpi = (id: string, from: string) => ({ id, from }) as unknown as KpiModel;
const library = new Map([
  ['leads', kpi('leads', 'library')],
  ['signups', kpi('signups', 'library')],
  ['revenue', kpi('revenue', 'library')],
]);
const plan = new Map([
  ['pipeline', kpi('pipeline', 'plan')],
  ['signups', kpi('signups', 'plan')],
]);
const refine = (imported: KpiModel, local: KpiModel) => kpi(imported.id, `library refined by ${(local as unknown as { from: string }).from}`);

describe('MergedKpis', () => {
  const merged = new MergedKpis(library, plan, refine);
  const expected = new Map([
    ['leads', library.get('leads')!],
    ['signups', merged.get('signups')!],
    ['revenue', library.get('revenue')!],
    ['pipeline', plan.get('pipeline')!],
  ]);

  it('holds each id once: the library order, its refinements in place, then the plan’s own', () => {
    assert.equal((merged.get('signups') as unknown as { from: string }).from, 'library refined by plan');
    assert.equal(merged.size, 4);
    assert.deepEqual([...merged.entries()], [...expected.entries()]);
    assert.deepEqual([...merged], [...expected]);
  });

  it('keys(), values() and forEach walk it in the same order as entries()', () => {
    assert.deepEqual([...merged.keys()], [...expected.keys()]);
    assert.deepEqual([...merged.values()], [...expected.values()]);
    const visited: [string, KpiModel][] = [];
    merged.forEach((value, id) => visited.push([id, value]));
    assert.deepEqual(visited, [...expected.entries()]);
  });

  it('has() and get() agree with the walk', () => {
    for (const [id, value] of expected) {
      assert.ok(merged.has(id));
      assert.equal(merged.get(id), value);
    }
    assert.equal(merged.has('unknown'), false);
    assert.equal(merged.get('unknown'), undefined);
  });
});
