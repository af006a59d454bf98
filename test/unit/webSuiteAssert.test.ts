import * as nodeAssert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as webAssert from '../e2e-web/suite/assert.js';

// The web suite runs the Node suite's test files with test/e2e-web/suite/assert.ts in place of
// node:assert/strict: it must pass and fail exactly where Node's does, or a web test could pass
// what the Node one fails.

const throws = (run: () => void) => {
  try {
    run();
    return false;
  } catch {
    return true;
  }
};

const cases: Array<[string, (assert: typeof webAssert) => void]> = [
  ['ok true', (a) => a.ok(1)],
  ['ok false', (a) => a.ok('')],
  ['ok undefined', (a) => a.ok(undefined)],
  ['equal same', (a) => a.equal('x', 'x')],
  ['equal loose', (a) => a.equal(1, '1' as unknown as number)],
  ['equal NaN', (a) => a.equal(NaN, NaN)],
  ['equal objects', (a) => a.equal({}, {})],
  ['notEqual', (a) => a.notEqual(1, 2)],
  ['notEqual same', (a) => a.notEqual(null, null)],
  ['deepEqual arrays', (a) => a.deepEqual(['a', 'b'], ['a', 'b'])],
  ['deepEqual order', (a) => a.deepEqual(['a', 'b'], ['b', 'a'])],
  ['deepEqual nested', (a) => a.deepEqual({ x: [1, { y: 'z' }] }, { x: [1, { y: 'z' }] })],
  ['deepEqual nested differs', (a) => a.deepEqual({ x: [1, { y: 'z' }] }, { x: [1, { y: 'w' }] })],
  ['deepEqual missing key', (a) => a.deepEqual({ x: 1, y: undefined }, { x: 1, z: undefined })],
  ['deepEqual extra key', (a) => a.deepEqual({ x: 1 }, { x: 1, y: 2 })],
  ['deepEqual strict types', (a) => a.deepEqual([1], ['1'])],
  ['deepEqual prototypes', (a) => a.deepEqual(Object.create(null) as object, {})],
  ['deepEqual empty', (a) => a.deepEqual([], [])],
  ['deepEqual array vs object', (a) => a.deepEqual([], {})],
  ['match', (a) => a.match('content-hub', /hub/)],
  ['match fails', (a) => a.match('seo', /hub/)],
  ['doesNotMatch', (a) => a.doesNotMatch('seo', /hub/)],
  ['doesNotMatch fails', (a) => a.doesNotMatch('content-hub', /hub/)],
];

describe('the web suite’s node:assert/strict', () => {
  it('passes and fails where node:assert/strict does', () => {
    for (const [name, run] of cases) {
      nodeAssert.equal(
        throws(() => run(webAssert)),
        throws(() => run(nodeAssert as unknown as typeof webAssert)),
        name,
      );
    }
  });

  it('rejects where node:assert/strict does', async () => {
    const refused = () => Promise.reject(new Error('`x` is already the id of a KPI'));
    const rejectCases: Array<[string, (assert: typeof webAssert) => Promise<void>]> = [
      ['rejects, validated', (a) => a.rejects(refused(), (error: Error) => /already the id/.test(error.message))],
      ['rejects, not validated', (a) => a.rejects(refused(), (error: Error) => /nothing/.test(error.message))],
      ['rejects, RegExp', (a) => a.rejects(refused(), /already the id/)],
      ['rejects, RegExp fails', (a) => a.rejects(refused(), /nothing/)],
      ['resolves', (a) => a.rejects(Promise.resolve(1), () => true)],
      ['rejects, a function', (a) => a.rejects(refused)],
    ];
    const rejected = async (run: () => Promise<void>) =>
      run().then(
        () => false,
        () => true,
      );
    for (const [name, run] of rejectCases) {
      nodeAssert.equal(await rejected(() => run(webAssert)), await rejected(() => run(nodeAssert as unknown as typeof webAssert)), name);
    }
  });

  it('throws the message it is given', () => {
    nodeAssert.throws(() => webAssert.ok(false, 'the plan is open'), { name: 'AssertionError', message: 'the plan is open' });
    nodeAssert.throws(() => webAssert.equal(1, 2), /1 !== 2/);
  });
});
