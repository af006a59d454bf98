import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze.js';
import { codeActions, MAX_DIAGNOSTICS_FIXED } from '../../../server/src/core/features/codeActions.js';
import type { Diagnostic } from '../../../server/src/core/types.js';
import { MAX_PUBLISHED_DIAGNOSTICS, publishable } from '../../../server/src/diagnosticsPublisher.js';
import { withCpuTime } from '../../helpers/cpuTime.js';

// Regressions found by the server robustness suite: a pasted plan with thousands of problems
// made a select-all code action request run for minutes (every sent diagnostic was matched
// against every current one, and every one got its fixes), and sent tens of megabytes of
// diagnostics per keystroke.

/** 3,000 channels in one dependency cycle, each reporting an undefined KPI: 9,000+ diagnostics. */
const CHANNELS = 3000;
const cycle = `plan: x\nchannels:\n${Array.from({ length: CHANNELS }, (_, i) => `  c${i}: { type: owned, mode: inbound, owner: o, start: 2026-01-01, end: 2026-01-02, kpis: [k], depends_on: [c${(i + 1) % CHANNELS}] }`).join('\n')}\n`;

describe('a plan with thousands of diagnostics', () => {
  const analysis = analyzeText(cycle);
  const doc = { uri: 'file:///many.plan.yaml', version: 1, analysis };
  const everything = { start: { line: 0, character: 0 }, end: { line: CHANNELS + 2, character: 0 } };

  it('has thousands of fixable diagnostics', () => {
    assert.ok(analysis.diagnostics.length > 3 * MAX_PUBLISHED_DIAGNOSTICS, `${analysis.diagnostics.length} diagnostics`);
  });

  it('code actions for all of them fix the first ones only, quickly', () => {
    const sent = JSON.parse(JSON.stringify(analysis.diagnostics)) as Diagnostic[];
    const { value: actions, cpuMs } = withCpuTime(() => codeActions(doc, everything, sent));
    const fixed = new Set(actions.flatMap((action) => action.diagnostics));
    assert.ok(actions.length > 0);
    assert.ok(fixed.size <= MAX_DIAGNOSTICS_FIXED, `${fixed.size} diagnostics fixed`);
    // CPU time, so a busy machine does not decide it; it took minutes before.
    assert.ok(cpuMs < 5000, `used ${cpuMs.toFixed(0)} ms of CPU time`);
  });

  it('publishes the most severe ones up to the limit, and one saying how many were left out', () => {
    const published = publishable(analysis.diagnostics);
    assert.equal(published.length, MAX_PUBLISHED_DIAGNOSTICS);
    const note = published.at(-1)!;
    assert.equal(note.code, 'too-many-problems');
    assert.match(
      note.message,
      new RegExp(`found ${analysis.diagnostics.length} problems .* the other ${analysis.diagnostics.length - MAX_PUBLISHED_DIAGNOSTICS + 1}\\.$`),
    );
    const severities = published.slice(0, -1).map((diagnostic) => diagnostic.severity);
    assert.deepEqual(
      severities,
      [...severities].sort((a, b) => a - b),
      'errors first',
    );
    const worst = Math.min(...analysis.diagnostics.map((diagnostic) => diagnostic.severity));
    assert.equal(severities[0], worst);
  });

  it('publishes a plan with fewer problems unchanged', () => {
    const few = analysis.diagnostics.slice(0, 10);
    assert.equal(publishable(few), few);
  });
});
