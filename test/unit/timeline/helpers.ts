import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/core/analyze.js';
import type { PlanDocument } from '../../../server/src/core/planDocument.js';
import { buildTimeline } from '../../../server/src/core/features/timeline/model.js';
import type { TimelineModel } from '../../../server/src/core/features/timeline/types.js';

export const repoRoot = join(__dirname, '..', '..', '..');

export function planDocument(text: string): PlanDocument {
  return { uri: 'file:///test.plan.yaml', version: 1, analysis: analyzeText(text) };
}

export function timelineOf(text: string, today?: string): TimelineModel {
  return buildTimeline(planDocument(text), today === undefined ? {} : { today });
}

export function readExample(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

/** A plan with the given channels block (indented two spaces under `channels:`) and a three-stage journey. */
export function planWith(channels: string, extra = ''): string {
  return `plan: Test plan
period: { start: 2026-01-01, end: 2026-12-31 }
objective: { id: goal, statement: Sell, metric: sales, target: 10, deadline: 2026-12-31 }
budget: { total: 1000, currency: GBP }
journey:
  - { stage: aware }
  - { stage: consider }
  - { stage: convert }
channels:
${channels}
${extra}`;
}
