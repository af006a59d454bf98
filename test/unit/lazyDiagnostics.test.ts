import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeText, createParseState } from '../../server/src/core/analyze.js';

const problems = readFileSync('examples/problems/new-user.plan.yaml', 'utf8');
const summary = (diagnostics: { code: string; range: unknown; message: string }[]) =>
  diagnostics.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`);

describe('diagnostics computed when first read', () => {
  it('runs the rules once, on first read, and gives what an eager analysis gives', () => {
    const analysis = analyzeText(problems, {}, createParseState());
    const first = analysis.diagnostics;
    assert.ok(first.length > 0);
    assert.equal(analysis.diagnostics, first, 'the same array on every read: the rules ran once');
    assert.deepEqual(summary(first), summary(analyzeText(problems).diagnostics));
  });

  it('stays exact for a version whose shared blocks a later version has moved', () => {
    const state = createParseState();
    analyzeText(problems, {}, state);
    const edited = problems.replace('\nchannels:', '\n# a comment line that moves every block below it\nchannels:');
    const older = analyzeText(edited, {}, state);
    // Two more lines above the channels: the cached channel blocks shift by the parse of `newer`.
    const newer = analyzeText(edited.replace('\nchannels:', '\n# one more\n# and another\nchannels:'), {}, state);
    assert.equal(state.last.mode, 'incremental');
    assert.deepEqual(summary(older.diagnostics), summary(analyzeText(edited).diagnostics));
    assert.deepEqual(summary(newer.diagnostics), summary(analyzeText(newer.parsed.text).diagnostics));
  });
});
