import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { librarySchema, planSchema, portfolioSchema } from '../../server/src/core/schema/planSchema.js';
import { libraryJsonSchema, planJsonSchema, portfolioJsonSchema } from '../../server/src/core/schema/jsonSchema.js';

const committedPath = join(__dirname, '..', '..', 'schema', 'plan.schema.json');

test('schema/plan.schema.json is what the zod schema generates now (run `npm run build` and commit it when this fails)', () => {
  const committed = readFileSync(committedPath, 'utf8');
  const generated = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
  assert.equal(committed, generated);
});

test('the committed JSON Schema describes every top-level key of the language', () => {
  const committed = JSON.parse(readFileSync(committedPath, 'utf8')) as { properties: Record<string, { description?: string }> };
  const zodKeys = Object.keys(planSchema.shape).sort();
  assert.deepEqual(Object.keys(committed.properties).sort(), zodKeys);
  for (const key of ['plan', 'objective', 'channels', 'kpis']) assert.ok(committed.properties[key]?.description, `\`${key}\` has a description`);
});

test('schema/plan-library.schema.json is what the library schema generates now, with its own keys and no plan title', () => {
  const path = join(__dirname, '..', '..', 'schema', 'plan-library.schema.json');
  const committed = readFileSync(path, 'utf8');
  assert.equal(committed, `${JSON.stringify(libraryJsonSchema(), null, 2)}\n`);
  const properties = Object.keys((JSON.parse(committed) as { properties: Record<string, unknown> }).properties).sort();
  assert.deepEqual(properties, Object.keys(librarySchema.shape).sort());
  assert.deepEqual(properties, ['calendar', 'imports', 'journey', 'kpis', 'media', 'owners']);
});

test('schema/portfolio.schema.json is what the portfolio schema generates now, with its title, budget, objective and plans', () => {
  const path = join(__dirname, '..', '..', 'schema', 'portfolio.schema.json');
  const committed = readFileSync(path, 'utf8');
  assert.equal(committed, `${JSON.stringify(portfolioJsonSchema(), null, 2)}\n`);
  const parsed = JSON.parse(committed) as { properties: Record<string, { properties?: Record<string, unknown> }>; required: string[] };
  assert.deepEqual(Object.keys(parsed.properties).sort(), Object.keys(portfolioSchema.shape).sort());
  assert.deepEqual(Object.keys(parsed.properties).sort(), ['budget', 'objective', 'owner', 'plans', 'portfolio']);
  assert.deepEqual(parsed.required, ['portfolio']);
  // The portfolio's objective is the plan's, without `traces_to` (a portfolio objective is what plans trace to).
  assert.ok(!('traces_to' in (parsed.properties.objective?.properties ?? {})));
  // A plan's objective may name the portfolio objective it serves.
  assert.match(readFileSync(committedPath, 'utf8'), /"traces_to"/);
});
