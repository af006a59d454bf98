import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtureCases } from '../../scripts/docs/ruleFixtures.js';
import { analyzeText, MAX_MESSAGE } from '../../server/src/core/analyze.js';
import { rules } from '../../server/src/core/rules/index.js';
import { MAX_QUOTED } from '../../server/src/core/text/quote.js';
import { hostileCases } from '../robustness/support/hostile.js';

// Messages quote the plan, and only what they quote is ever cut: the prose around it stays
// whole however long the ids are, and no message grows without bound.

/** Every rule fixture and example plan. */
function plans(): { name: string; text: string }[] {
  const fixtures = rules.flatMap((rule) => fixtureCases(rule.name).map((item) => ({ name: item.planPath, text: readFileSync(item.planPath, 'utf8') })));
  const examples = readdirSync('examples', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => ({ name: join('examples', file), text: readFileSync(join('examples', file), 'utf8') }));
  return [...fixtures, ...examples];
}

/** Ids (keys of `channels`, `kpis`, `milestones`, journey stages, the objective id) in a plan. */
function idsOf(text: string): string[] {
  const { model } = analyzeText(text);
  const ids = [...model.channels.keys(), ...model.kpis.keys(), ...model.milestones.keys(), ...model.journey.map((stage) => stage.value)];
  for (const objective of model.objectives) if (objective.id) ids.push(objective.id.value);
  return [...new Set(ids)].filter((id) => /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(id));
}

/** `_` is a valid id character that no fixture id uses: every id grows by a long run of it. */
const PADDING = '_'.repeat(3 * MAX_QUOTED);

function withLongIds(text: string, ids: string[]): string {
  // Longest first, so `paid-search` is not rewritten through `paid`; enum values (`medium: social`) are not ids.
  const sorted = [...ids].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_.-])(?<!(?:type|mode|medium|kind|cadence|model): )(${sorted.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9_.-])`,
    'g',
  );
  return text.replace(pattern, (id) => `${id}${PADDING}`);
}

/** A message as a sentence: it ends like one, and its code spans are closed. */
function assertWhole(message: string, where: string): void {
  assert.match(message, /[.?]$/, `${where}: "${message}" ends mid-sentence`);
  assert.equal((message.match(/`/g) ?? []).length % 2, 0, `${where}: "${message}" leaves a code span open`);
  assert.ok(message.length <= MAX_MESSAGE, `${where}: a message of ${message.length} characters`);
}

describe('diagnostic messages', () => {
  it('are whole sentences on every rule fixture and example plan', () => {
    for (const { name, text } of plans()) {
      for (const diagnostic of analyzeText(text).diagnostics) assertWhole(diagnostic.message, `${name} ${diagnostic.code}`);
    }
  });

  it('cut only the ids they quote, however long the ids are: the prose is the same word for word', () => {
    let compared = 0;
    for (const { name, text } of plans()) {
      const ids = idsOf(text);
      if (ids.length === 0) continue;
      const before = analyzeText(text).diagnostics;
      const after = analyzeText(withLongIds(text, ids)).diagnostics;
      assert.equal(after.length, before.length, `${name}: the same problems with long ids`);
      for (const [index, diagnostic] of after.entries()) {
        const where = `${name} ${diagnostic.code}`;
        assertWhole(diagnostic.message, where);
        assert.ok(!diagnostic.message.includes(`${'_'.repeat(MAX_QUOTED)}`), `${where}: "${diagnostic.message.slice(0, 200)}…" quotes a long id whole`);
        // An id cut to MAX_QUOTED characters ends in `…`: without the padding, the message is the original one.
        const restored = diagnostic.message.replace(/_+…?/g, '');
        const original = before[index]!.message.replace(/_+/g, '');
        if (/Did you mean/.test(original + restored)) continue; // a long shared suffix makes other ids look alike
        assert.equal(restored, original, where);
        compared++;
      }
    }
    assert.ok(compared > 100, `compared ${compared} messages`);
  });

  for (const name of [
    '200 KB id',
    '200 KB scalar',
    'ids that look like markup, script, paths and URLs',
    'numbers out of range',
    'impossible dates',
    'prototype names as ids',
  ]) {
    it(`are whole sentences within the bound on hostile input: ${name}`, () => {
      const { diagnostics } = analyzeText(hostileCases[name]!());
      assert.ok(diagnostics.length > 0);
      for (const diagnostic of diagnostics) assertWhole(diagnostic.message, diagnostic.code);
      // Far below the bound: the last-resort cut in analyze.ts is never what keeps a message short.
      const longest = Math.max(...diagnostics.map((diagnostic) => diagnostic.message.length));
      assert.ok(longest < MAX_MESSAGE / 2, `a message of ${longest} characters`);
    });
  }

  it('are whole sentences within the bound when the YAML parser quotes plan text (a long tag, a long block scalar header)', () => {
    const text = `plan: !${'t'.repeat(3000)} x\nkpis: |${'z'.repeat(3000)}\n  x\n`;
    const syntax = analyzeText(text).diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.equal(syntax.length, 2);
    for (const diagnostic of syntax) {
      assertWhole(diagnostic.message, diagnostic.code);
      assert.ok(diagnostic.message.length < 200, diagnostic.message);
    }
  });

  it('lists many ids as the first few and "and N more"', () => {
    const stages = Array.from({ length: 40 }, (_, i) => `  - { stage: stage-${i} }`).join('\n');
    const text = `plan: x\njourney:\n${stages}\nchannels:\n  a: { type: owned, mode: inbound, start: 2026-01-01, end: 2026-01-02, stages: [nowhere-near] }\n`;
    const unknown = analyzeText(text).diagnostics.find((diagnostic) => diagnostic.code === 'stage-unknown');
    assert.match(unknown?.message ?? '', /Use one of: stage-0, stage-1, stage-2, stage-3, stage-4, stage-5 and 34 more\.$/);
  });
});
