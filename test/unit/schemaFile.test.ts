import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { librarySchema, planSchema } from '../../server/src/core/schema/planSchema.js';
import { libraryJsonSchema, planJsonSchema } from '../../server/src/core/schema/jsonSchema.js';

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
