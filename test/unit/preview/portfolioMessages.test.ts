import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromWebview } from '../../../client/src/preview/messages.js';
import { webviewPage } from '../../../client/src/preview/webviewPage.js';

// The portfolio panel's side of the webview protocol: a lane click is taken only in its exact
// shape (the extension then checks the URI is a lane), and the page has no drag or export.

test('openPlan and rendered-with-lanes messages are taken only in their exact shape', () => {
  assert.deepEqual(parseFromWebview({ type: 'openPlan', uri: 'file:///a.plan.yaml', extra: 1 }), { type: 'openPlan', uri: 'file:///a.plan.yaml' });
  assert.deepEqual(parseFromWebview({ type: 'rendered', version: 2, bars: 0, arrows: 0, lanes: 3 }), {
    type: 'rendered',
    version: 2,
    bars: 0,
    arrows: 0,
    lanes: 3,
  });
  assert.deepEqual(parseFromWebview({ type: 'rendered', version: 2, bars: 1, arrows: 0 }), { type: 'rendered', version: 2, bars: 1, arrows: 0 });
  for (const junk of [
    { type: 'openPlan' },
    { type: 'openPlan', uri: '' },
    { type: 'openPlan', uri: 42 },
    { type: 'openPlan', uri: 'x'.repeat(10_001) },
    { type: 'rendered', version: 2, bars: 0, arrows: 0, lanes: -1 },
    { type: 'rendered', version: 2, bars: 0, arrows: 0, lanes: '3' },
  ])
    assert.equal(parseFromWebview(junk), undefined, JSON.stringify(junk).slice(0, 80));
});

test('the portfolio page: the portfolio stylesheet, no drag toggle or export button, the same CSP', () => {
  const options = {
    cspSource: 'https://webview.test',
    nonce: 'bm9uY2U',
    scriptUri: 'https://webview.test/preview.js',
    styleUri: 'https://webview.test/preview.css',
  };
  const plan = webviewPage(options);
  const portfolio = webviewPage({ ...options, portfolio: true });
  assert.match(plan, /id="cascade"/);
  assert.match(plan, /id="export"/);
  assert.doesNotMatch(portfolio, /id="cascade"|id="export"/);
  assert.match(portfolio, /\.tl \.plan-lane \{ cursor: pointer; \}/);
  assert.match(portfolio, /<title>Portfolio timeline<\/title>/);
  const csp = (page: string) => /Content-Security-Policy" content="([^"]*)"/.exec(page)![1];
  assert.equal(csp(portfolio), csp(plan));
  assert.match(csp(portfolio)!, /script-src 'nonce-bm9uY2U'/);
});
