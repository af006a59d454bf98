import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseError } from 'vscode-languageserver/node';
import { guardNotification, guardRequest, invalidParams, type Logger } from '../../server/src/guard.js';

function recorder(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, error: (message) => errors.push(message), warn: () => {}, info: () => {} };
}

describe('the handler guard', () => {
  it('passes answers through', async () => {
    const log = recorder();
    assert.equal(await guardRequest(log, 'x', (n: number) => n + 1)(1, undefined), 2);
    assert.deepEqual(log.errors, []);
  });

  it('answers an exception as an internal error and logs its stack', async () => {
    const log = recorder();
    const answer = await guardRequest(log, 'textDocument/hover', () => {
      throw new TypeError('boom');
    })(null, undefined);
    assert.ok(answer instanceof ResponseError);
    assert.equal(answer.code, -32603);
    assert.match(answer.message, /could not answer textDocument\/hover: boom/);
    assert.match(log.errors[0]!, /textDocument\/hover failed: TypeError: boom\n\s+at /);
  });

  it('answers a rejected promise the same way', async () => {
    const log = recorder();
    const answer = await guardRequest(log, 'm', async () => Promise.reject(new Error('late')))(null, undefined);
    assert.ok(answer instanceof ResponseError && answer.code === -32603);
    assert.equal(log.errors.length, 1);
  });

  it('answers a request error with its own code, without logging it as a failure', async () => {
    const log = recorder();
    const answer = await guardRequest(log, 'm', () => {
      throw invalidParams('bad position');
    })(null, undefined);
    assert.ok(answer instanceof ResponseError && answer.code === -32602 && answer.message === 'bad position');
    assert.deepEqual(log.errors, []);
  });

  it('swallows and logs what a notification handler throws, synchronously or later', async () => {
    const log = recorder();
    guardNotification(log, 'sync', () => {
      throw new Error('now');
    })(null);
    guardNotification(log, 'async', async () => {
      throw new Error('later');
    })(null);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(log.errors.length, 2);
    assert.match(log.errors.join('\n'), /sync failed: Error: now[\s\S]*async failed: Error: later/);
  });
});
