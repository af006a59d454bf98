import { z } from 'zod';
import { planSchema } from './planSchema.js';

/** The JSON Schema of the plan language, generated from the zod schema (see scripts/build.mjs). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://throughline.dev/schema/plan.schema.json',
    title: 'Throughline integrated marketing plan',
  };
}
