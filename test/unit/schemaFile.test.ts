import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { planSchema } from '../../server/src/core/schema/planSchema.js';
import { planJsonSchema } from '../../server/src/core/schema/jsonSchema.js';

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
