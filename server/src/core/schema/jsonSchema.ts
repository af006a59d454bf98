import { z } from 'zod';
import { librarySchema, planSchema, portfolioSchema } from './planSchema.js';

/** The JSON Schema of the plan language, generated from the zod schema (see scripts/build.mjs). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://throughline.dev/schema/plan.schema.json',
    title: 'Throughline integrated marketing plan',
  };
}

/** The JSON Schema of a library (`*.plan-library.yaml`). */
export function libraryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(librarySchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://throughline.dev/schema/plan-library.schema.json',
    title: 'Throughline plan library',
  };
}

/** The JSON Schema of a portfolio (`*.portfolio.yaml`). */
export function portfolioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(portfolioSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://throughline.dev/schema/portfolio.schema.json',
    title: 'Throughline portfolio',
  };
}
