import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch, didYouMean, editDistance } from '../../server/src/core/text/didYouMean.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('seo', 'seo'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('budget', 'budgett'), 1);
    assert.equal(editDistance('budget', 'budjet'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('counts two swapped neighbouring letters as one edit', () => {
    assert.equal(editDistance('content-hub', 'content-hbu'), 1);
    assert.equal(editDistance('paid', 'piad'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['payed', 'paid'],
      ['consder', 'consider'],
      ['inbound', 'outbound'],
      ['', 'x'],
    ] as const) {
      assert.equal(editDistance(a, b), editDistance(b, a), `${a} / ${b}`);
    }
  });

  it('stops early once the distance is over the limit, answering limit + 1', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 3), 4);
    assert.equal(editDistance('budget', 'budjet', 1), 1);
  });
});

describe('closestMatch', () => {
  it('finds the id that was meant', () => {
    assert.equal(closestMatch('content-hbu', ['seo', 'content-hub', 'paid-search']), 'content-hub');
    assert.equal(closestMatch('consder', ['aware', 'consider', 'convert']), 'consider');
    assert.equal(closestMatch('payed', ['paid', 'owned', 'earned']), 'paid');
  });

  it('ignores case', () => {
    assert.equal(closestMatch('SEO', ['seo', 'pr']), 'seo');
  });

  it('prefers the closest of several candidates, the first one on a tie', () => {
    assert.equal(closestMatch('email-conversion', ['email-conversions', 'paid-conversions']), 'email-conversions');
    assert.equal(closestMatch('ab', ['ax', 'ay']), 'ax');
  });

  it('suggests nothing when no candidate is a plausible typo', () => {
    assert.equal(closestMatch('brand-campaign', ['seo', 'content-hub', 'paid-search']), undefined);
    assert.equal(closestMatch('pr', ['seo', 'sms']), undefined);
    assert.equal(closestMatch('anything', []), undefined);
  });
});

describe('didYouMean', () => {
  it('is a sentence to append to a message, or empty', () => {
    assert.equal(didYouMean('budgett', ['budget', 'owner']), ' Did you mean `budget`?');
    assert.equal(didYouMean('zzz', ['budget', 'owner']), '');
  });
});
