import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { hover } from '../../../server/src/core/features/hover.js';
import { escapeMarkdown } from '../../../server/src/core/text/markdown.js';
import { withCursor } from '../../helpers/cursor.js';

const clean = readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8').replace(/\|/g, '||');

function hoverAt(marked: string): string | undefined {
  const { text, cursor } = withCursor(marked);
  return hover({ uri: 'file:///t.plan.yaml', version: 1, analysis: analyzeText(text) }, cursor)?.contents.value;
}

describe('hover', () => {
  it('on a channel without dependencies: slack and its dependant', () => {
    const value = hoverAt(clean.replace('  content-hub:\n', '  content|-hub:\n'))!;
    assert.match(value, /\*\*2026-05-15 → 2026-06-20\*\* \(37 days\)/);
    assert.match(value, /No dependency holds it back · slack 10 days, not on the critical path/);
    assert.match(value, /\*\*Downstream\*\* \(1 dependant\)\n- `paid-search` — finish-to-start, no lag — 2026-07-01 → 2026-09-30/);
    assert.doesNotMatch(value, /Upstream/);
  });

  it('on a dependency use: the channel it names, with the start each upstream edge allows', () => {
    const value = hoverAt(clean.replace('depends_on: [{ on: paid-search,', 'depends_on: [{ on: paid|-search,'))!;
    assert.match(value, /\*\*Channel\*\* `paid-search`/);
    assert.match(value, /- `content-hub` — finish-to-start, no lag — 2026-05-15 → 2026-06-20 — allows a start from 2026-06-21/);
    assert.match(value, /- `seo` — start-to-start, lag 8w — 2026-05-01 → 2026-09-30 — allows a start from 2026-06-26/);
  });

  it('says by how many days a channel starts too early', () => {
    const value = hoverAt(clean.replace('  email-nurture:\n', '  email|-nurture:\n').replace('    start: 2026-07-08\n', '    start: 2026-07-02\n'))!;
    assert.match(value, /Earliest allowed start 2026-07-08 \(set by `paid-search`\) — \*\*starts 6 days too early\*\*/);
  });

  it('names an unknown dependency', () => {
    const value = hoverAt(clean.replace('      - content-hub\n', '      - content-hbu|\n'))!;
    assert.equal(value, 'No channel `content-hbu` is defined under `channels`.');
    const owner = hoverAt(clean.replace('      - content-hub\n', '      - content-hbu\n').replace('  paid-search:\n', '  paid|-search:\n'))!;
    assert.match(owner, /- `content-hbu` — not a channel of this plan/);
  });

  it('on a KPI: a broken trace says where it breaks', () => {
    const dangling = hoverAt(clean.replace('  organic-sessions:\n    traces_to: assisted-signups', '  organic|-sessions:\n    traces_to: assisted-signup'))!;
    assert.match(dangling, /`organic-sessions` → `assisted-signup` — \*\*broken\*\*/);
    const missing = hoverAt(clean.replace('  organic-sessions:\n    traces_to: assisted-signups\n', '  organic|-sessions:\n'))!;
    assert.match(missing, /\*\*stops\*\* at `organic-sessions`, which has no `traces_to`/);
    const cycle = hoverAt(clean.replace('  organic-sessions:\n    traces_to: assisted-signups', '  organic|-sessions:\n    traces_to: organic-sessions'))!;
    assert.match(cycle, /\*\*loops\*\*: `organic-sessions` → `organic-sessions`/);
  });

  it('on a KPI: the measurement summary and the channels reporting it', () => {
    const value = hoverAt(clean.replace('  paid-conversions:\n    traces_to', '  paid-conv|ersions:\n    traces_to'))!;
    assert.match(
      value,
      /Measure: New customers whose converting session came from paid search {2}\nsource Google Ads \+ CRM · customers · 0 → 2,600 · weekly · ready by 2026-06-24/,
    );
    assert.match(value, /Reported by `paid-search`/);
  });

  it('on the objective and on a stage', () => {
    assert.match(
      hoverAt(clean.replace('traces_to: q3-acquisition', 'traces_to: q3|-acquisition'))!,
      /\*\*Objective\*\* `q3-acquisition`[\s\S]*4 KPIs of 4 trace to it \(3 directly\)/,
    );
    assert.match(
      hoverAt(clean.replace('stage: aware,', 'stage: aw|are,'))!,
      /\*\*Journey stage\*\* `aware` \(1 of 3\)\n\nNeed: Know we exist and what we solve\n\nServed by `seo`/,
    );
  });

  it('on a key: the schema docs for that path', () => {
    assert.match(hoverAt(clean.replace('    start: 2026-07-01', '    sta|rt: 2026-07-01'))!, /^`start` — channel, required\n\nFirst day the channel runs/);
    assert.match(hoverAt(clean.replace('period: { start:', 'period: { st|art:'))!, /^`start` — period, required\n\nFirst day of the plan window/);
    assert.match(
      hoverAt(clean.replace('      cadence: weekly\n      ready_by: 2026-04-24', '      cad|ence: weekly\n      ready_by: 2026-04-24'))!,
      /`cadence` — measure[\s\S]*Values: `daily` · `weekly`/,
    );
    assert.equal(hoverAt(clean.replace('governance:', 'governance:\n  unknown_k|ey: 1')), undefined);
  });

  it('escapes plan text so it cannot format or inject markup', () => {
    const value = hoverAt(
      clean.replace('    owner: SEO lead\n    stages', '    owner: "*bold* <img src=x> [link](http://x) `tick`"\n    stages').replace('  seo:\n', '  s|eo:\n'),
    )!;
    assert.match(value, /owner \\\*bold\\\* \\<img src=x\\> \\\[link\\\]\\\(http:\/\/x\\\) \\`tick\\`/);
    assert.equal(escapeMarkdown('# title'), '\\# title');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
  });
});
