import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullGarbageCollection } from '../../../server/src/node/memory.js';

describe('fullGarbageCollection (the Node entry, after work over many plans)', () => {
  it('is offered though node was started without --expose-gc, and frees what nothing references any more', () => {
    assert.equal(process.execArgv.includes('--expose-gc'), false);
    const collect = fullGarbageCollection();
    assert.ok(collect, 'a full collection is available');
    collect();
    // About 64 MB of objects, held until just before the collection.
    let garbage: { index: number; label: string }[][] | undefined = Array.from({ length: 64 }, (_, block) =>
      Array.from({ length: 16_384 }, (_, index) => ({ index, label: `block ${block} item ${index}` })),
    );
    assert.equal(garbage.length, 64);
    garbage = undefined;
    const { before, after } = collect();
    assert.ok(before - after > 32 * 2 ** 20, `freed ${Math.round((before - after) / 2 ** 20)} MB (heap ${before} → ${after} bytes)`);
  });
});
