import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sha256Base64 } from '../../server/src/core/text/sha256.js';

// The core's SHA-256 (it runs in a browser worker too, where node:crypto is not) gives Node's digests.
describe('sha256Base64', () => {
  const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

  it('matches node:crypto on every padding boundary and on non-ASCII text', () => {
    const texts = ['', 'abc', 'é€😀 ü', '\r\n\u0000', ...[55, 56, 63, 64, 65, 119, 120, 128, 1000].map((length) => 'a'.repeat(length))];
    for (const text of texts) assert.equal(sha256Base64(text), node(text), `${text.length} characters`);
  });

  it('matches node:crypto on the stylesheet it hashes and on a large text', () => {
    const css = 'body { margin: 0 }\n'.repeat(2_000);
    assert.equal(sha256Base64(css), node(css));
    assert.equal(sha256Base64('abc'), 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=', 'the FIPS 180-2 test vector');
  });
});
