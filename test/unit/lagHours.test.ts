import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze.js';
import { codeActions } from '../../server/src/core/features/codeActions.js';
import { hover } from '../../server/src/core/features/hover.js';
import { buildTimeline } from '../../server/src/core/features/timeline/model.js';
import type { PlanDocument } from '../../server/src/core/planDocument.js';
import { hoursAsDays, parseDurationDays } from '../../server/src/core/text/dates.js';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { applyEdits } from '../helpers/applyEdits.js';

// A lag in hours on a schedule of whole days rounds up to whole days, and every place that
// uses the lag (the message, "too early", the hover, the quick fix, the timeline) counts it
// the same way.

const PLAN = readFileSync('test/fixtures/rules/dependency-violated/hours-lag.fires.plan.yaml', 'utf8');
const URI = 'file:///work/lag.plan.yaml';

describe('lags in hours', () => {
  it('round up to whole days', () => {
    assert.deepEqual(
      ['0h', '1h', '23h', '24h', '25h', '36h', '48h', '49h', '3d', '2w'].map((text) => parseDurationDays(text)),
      [0, 1, 1, 1, 2, 2, 2, 3, 3, 14],
    );
    assert.equal(hoursAsDays('36h'), '36h rounds up to 2 days');
    assert.equal(hoursAsDays('24h'), '24h is 1 day');
    assert.equal(hoursAsDays('3d'), undefined);
  });

  it('are counted the same way by the message, the hover, the quick fix and the timeline', () => {
    const analysis = analyzeText(PLAN);
    const document: PlanDocument = { uri: URI, version: 1, analysis };
    const violated = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'dependency-violated');
    const influencers = violated.find((diagnostic) => diagnostic.message.startsWith('`influencers`'))!;
    // launch-pr ends 2026-06-05: finish-to-start + 36h (2 days) allows 2026-06-08; influencers starts 06-06.
    assert.match(influencers.message, /\(finish-to-start; 36h rounds up to 2 days\), but starts 2 days too early\. Start it on 2026-06-08 or later/);

    const lines = new LineIndex(PLAN);
    const channelKey = lines.positionAt(PLAN.indexOf('influencers:') + 2);
    const markdown = hover(document, channelKey)?.contents.value ?? '';
    assert.match(markdown, /`launch-pr` — finish-to-start, lag 36h rounds up to 2 days — .* — allows a start from 2026-06-08/);
    assert.match(markdown, /Earliest allowed start 2026-06-08 .*starts 2 days too early/);

    const move = codeActions(document, influencers.range, [influencers]).find((action) => action.title === 'Move start to 2026-06-08');
    assert.ok(move, 'the quick fix moves the start to the day the message gives');
    const fixed = analyzeText(applyEdits(PLAN, move.edit.changes[URI]!));
    assert.ok(!fixed.diagnostics.some((diagnostic) => diagnostic.message.startsWith('`influencers`')));

    const edge = buildTimeline(document).edges.find((item) => item.to === 'influencers');
    assert.equal(edge?.lag, 2);
    assert.equal(edge?.violationDays, 2);
  });
});
