import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_FIXTURES } from '../../scripts/docs/ruleFixtures.js';
import { analyzeText } from '../../server/src/core/analyze.js';
import { addOwner } from '../../server/src/core/features/quickFixes/placeholders.js';
import { quickFixes, quickFixFor } from '../../server/src/core/features/quickFixes/index.js';
import { fixSchemaProblem } from '../../server/src/core/features/quickFixes/schemaFixes.js';
import { isRuleName, ruleNames, rules, type RuleDataMap, type RuleName } from '../../server/src/core/rules/index.js';
import type { RuleSettings } from '../../server/src/core/config.js';

// Rule names are a type derived from the registry. The `@ts-expect-error` lines below are
// checked by `npx tsc --noEmit -p .` (the typecheck step of `npm test`): if a typo or a fix
// registered under the wrong rule compiled, the directive itself would be the error.

/** The rules whose findings carry `data`: the keys of `RuleDataMap`, spelled out for the runtime check. */
const RULES_WITH_DATA = ['schema'] as const satisfies readonly (keyof RuleDataMap)[];
const everyDataRuleListed: Exclude<keyof RuleDataMap, (typeof RULES_WITH_DATA)[number]> extends never ? true : false = true;

describe('rule names', () => {
  it('are unique kebab-case names, one per registered rule', () => {
    assert.equal(new Set(ruleNames).size, rules.length);
    for (const name of ruleNames) assert.match(name, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(isRuleName('owner-missing'));
    assert.ok(!isRuleName('owner-missng'));
    assert.ok(!isRuleName('file-too-large'), 'the server’s own notes are diagnostic codes, not rules');
  });

  it('key the quick fixes: every key is a rule', () => {
    const keys = Object.keys(quickFixes);
    assert.ok(keys.length > 0);
    for (const key of keys) assert.ok(isRuleName(key), `quick fix for \`${key}\`, which is not a rule`);
    assert.equal(quickFixFor('owner-missing'), addOwner);
    assert.equal(quickFixFor('owner-missng'), undefined);
    assert.equal(quickFixFor('toString'), undefined, 'inherited properties are not fixes');
  });

  it('do not compile when misspelt, in the quick fixes and in the settings', () => {
    const fixes: typeof quickFixes = {
      // @ts-expect-error -- not a rule name
      'owner-missng': addOwner,
    };
    const misplaced: typeof quickFixes = {
      // @ts-expect-error -- the schema fix reads the schema rule's data; it is not a fix for owner-missing
      'owner-missing': fixSchemaProblem,
    };
    // @ts-expect-error -- not a rule name
    const settings: RuleSettings = { 'owner-missng': 'off' };
    const name: RuleName = 'owner-missing';
    assert.ok(fixes && misplaced && settings && name && everyDataRuleListed);
  });

  it('name the only rules whose diagnostics carry data, and that data is what their fix reads', () => {
    const seen = new Set<string>();
    for (const folder of readdirSync(RULE_FIXTURES)) {
      for (const file of readdirSync(join(RULE_FIXTURES, folder)).filter((name) => name.endsWith('.plan.yaml'))) {
        for (const diagnostic of analyzeText(readFileSync(join(RULE_FIXTURES, folder, file), 'utf8')).diagnostics) {
          if (diagnostic.data === undefined) continue;
          seen.add(diagnostic.code);
          assert.ok((RULES_WITH_DATA as readonly string[]).includes(diagnostic.code), `${folder}/${file}: \`${diagnostic.code}\` reports data no fix reads`);
          const keys = Object.keys(diagnostic.data).sort();
          assert.ok(['allowed', 'key,suggestion'].includes(keys.join(',')), `${folder}/${file}: schema data ${JSON.stringify(diagnostic.data)}`);
        }
      }
    }
    assert.deepEqual([...seen], ['schema'], 'the fixtures exercise the schema fix’s data');
  });
});
