import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isMap, isSeq, type Pair } from 'yaml';
import { analyzeText, createParseState } from '../../server/src/core/analyze.js';
import { effectivePairs } from '../../server/src/core/parse/merge.js';
import { parseYaml, resolveNode } from '../../server/src/core/parse/parseYaml.js';
import type { Diagnostic } from '../../server/src/core/types.js';

// One mistake, one diagnostic: a value the schema rejects gets its `schema` error, and no
// other rule fires because of it — not on that text (a budget written as text is not also
// "no budget"), and not elsewhere through sums, dates or traces it would have fed.

/** Values of every kind the schema rejects somewhere: the ones a key accepts are skipped. */
const INVALID_VALUES = ['"lots"', '42', '[a, b]', '{ a: 1 }', '~', '-5', '2026-02-30', '"two words"', 'nope'];

// Every value of the clean plan; the values the shared-defaults plan merges from its `x-` keys.
const PLANS = {
  clean: { text: readFileSync('examples/clean/q3-acquisition.plan.yaml', 'utf8'), mergedOnly: false },
  'shared defaults': { text: readFileSync('test/fixtures/merges/shared-defaults.plan.yaml', 'utf8'), mergedOnly: true },
};

interface Site {
  path: string;
  /** The value is merged in with `<<`. */
  merged: boolean;
  /** What is written there now. */
  shape: 'mapping' | 'list' | 'scalar';
  /** Offsets of the value's text (where the value is written, merged text included). */
  start: number;
  end: number;
}

/** Every key with a scalar, list or mapping value in the plan (merges applied), with where its value is written. */
function valueSites(text: string): Site[] {
  const { doc } = parseYaml(text);
  assert.ok(doc);
  const sites = new Map<string, Site>();
  const visit = (node: unknown, path: string, depth: number, merged: boolean) => {
    const value = resolveNode(node, doc);
    if (depth > 6) return;
    if (isSeq(value)) value.items.forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1, merged));
    if (!isMap(value)) return;
    for (const { key, pair, via } of effectivePairs(value, doc)) {
      if (depth === 0 && key.startsWith('x-')) continue;
      const child = `${path ? `${path}.` : ''}${key}`;
      const range = (pair as Pair<unknown, { range?: [number, number, number] }>).value?.range;
      const resolved = resolveNode(pair.value, doc);
      const shape = isMap(resolved) ? 'mapping' : isSeq(resolved) ? 'list' : 'scalar';
      // A block collection's range runs on to the next line: replace its text only.
      const end = range ? range[0] + text.slice(range[0], range[1]).trimEnd().length : 0;
      if (range && end > range[0] && !sites.has(`${range[0]}`))
        sites.set(`${range[0]}`, { path: child, merged: via !== undefined || merged, shape, start: range[0], end });
      visit(pair.value, child, depth + 1, via !== undefined || merged);
    }
  };
  visit(doc.contents, '', 0, false);
  return [...sites.values()];
}

const describeAll = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

describe('one mistake, one diagnostic', () => {
  for (const [name, { text, mergedOnly }] of Object.entries(PLANS)) {
    it(`a value the schema rejects anywhere in the ${name} plan makes only \`schema\` fire`, () => {
      assert.deepEqual(describeAll(analyzeText(text).diagnostics), [], 'the plan starts clean');
      const failures: string[] = [];
      let tried = 0;
      // One parse state for every variant: each differs from the plan in one value, so most blocks are reused (incremental = full is tested elsewhere).
      const state = createParseState();
      for (const site of valueSites(text).filter((candidate) => !mergedOnly || candidate.merged)) {
        for (const value of INVALID_VALUES) {
          // Another mapping for a mapping (another list for a list) takes away what the old one held: other rules rightly miss
          // it. So does an empty entry (`seo:`), which is an entry with no keys yet, not an invalid value.
          const emptied = value === '~' && site.shape === 'mapping';
          if ((site.shape === 'mapping' && value.startsWith('{')) || (site.shape === 'list' && value.startsWith('[')) || emptied) continue;
          const mutated = text.slice(0, site.start) + value + text.slice(site.end);
          const { diagnostics } = analyzeText(mutated, {}, state);
          if (!diagnostics.some((diagnostic) => diagnostic.code === 'schema')) continue; // the key accepts this value
          if (diagnostics.some((diagnostic) => diagnostic.code === 'yaml-syntax')) continue; // not a value in this place
          tried++;
          const others = diagnostics.filter((diagnostic) => diagnostic.code !== 'schema');
          if (others.length > 0) failures.push(`${site.path}: ${value} → ${describeAll(others).join(' | ')}`);
        }
      }
      assert.ok(tried > (mergedOnly ? 20 : 300), `${tried} invalid values tried`);
      if (process.env.ONE_MISTAKE_LOG) console.error(failures.join('\n'));
      assert.deepEqual(failures, []);
    });
  }

  it('a paid channel’s budget written as text is one `schema` error: not also "no budget", nor a sum that is off', () => {
    const clean = PLANS.clean.text;
    const text = clean.replace('budget: 180000', 'budget: "180,000"');
    assert.notEqual(text, clean);
    const { diagnostics } = analyzeText(text);
    assert.deepEqual(
      diagnostics.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`),
      ['schema: `channels.paid-search.budget` should be a number, not text "180,000".'],
    );
  });

  it('an empty value of an optional key is not written yet: the rule that needs it reports it, once', () => {
    const text = PLANS.clean.text.replace('owner: SEO lead\n    stages', 'owner:\n    stages');
    assert.deepEqual(
      analyzeText(text).diagnostics.map((diagnostic) => diagnostic.code),
      ['owner-missing'],
    );
  });
});
