import type { z } from 'zod';
import { fileKindOf } from '../workspace/files.js';
import { librarySchema, planSchema, portfolioSchema } from './planSchema.js';

// Reads the zod schema as data, so completion, hover and did-you-mean come from the same
// source as validation. Paths are plan paths: keys for mappings, numbers for list items;
// any key descends into `channels` / `kpis` / `milestones` entries.

export type AnySchema = z.core.$ZodType;
type PathKey = string | number;

interface Def {
  type: string;
  innerType?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  entries?: Record<string, string>;
  in?: AnySchema;
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

export function descriptionOf(schema: AnySchema | undefined): string | undefined {
  for (let current = schema; current;) {
    const description = (current as unknown as { description?: string }).description;
    if (description) return description;
    const def = defOf(current);
    current = def.type === 'optional' || def.type === 'nullable' || def.type === 'default' ? def.innerType : undefined;
  }
  return undefined;
}

/** Strips optional/nullable/default wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let def = defOf(current); def.innerType && ['optional', 'nullable', 'default', 'readonly'].includes(def.type); def = defOf(current)) {
    current = def.innerType;
  }
  return current;
}

/** The alternatives a value at this schema may take (a union's options, or the schema itself). */
function alternatives(schema: AnySchema): AnySchema[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  return def.type === 'union' && def.options ? def.options.flatMap(alternatives) : [inner];
}

function child(schema: AnySchema, key: PathKey): AnySchema | undefined {
  for (const option of alternatives(schema)) {
    const def = defOf(option);
    if (def.type === 'object' && typeof key === 'string' && def.shape && Object.prototype.hasOwnProperty.call(def.shape, key)) return def.shape[key];
    if (def.type === 'record' && typeof key === 'string') return def.valueType;
    if (def.type === 'array' && def.element) return typeof key === 'number' ? def.element : child(def.element, key);
  }
  return undefined;
}

/** The root schema of a file: a library's (`*.plan-library.yaml`), a portfolio's (`*.portfolio.yaml`) or a plan's. */
export function rootSchemaFor(uri: string | undefined): AnySchema {
  const kind = fileKindOf(uri);
  return kind === 'library' ? librarySchema : kind === 'portfolio' ? portfolioSchema : planSchema;
}

/** The schema at a plan path, or undefined when the path leaves the language. */
export function schemaAt(path: readonly PathKey[], root: AnySchema = planSchema): AnySchema | undefined {
  let current: AnySchema | undefined = root;
  for (const key of path) {
    if (!current) return undefined;
    current = child(current, key);
  }
  return current;
}

export interface KeyInfo {
  key: string;
  description: string | undefined;
  required: boolean;
  /** What the value is: 'object', 'array', 'string', 'number', 'enum' … */
  valueKind: string;
  enumValues: string[];
}

function keyInfo(key: string, schema: AnySchema): KeyInfo {
  const kinds = alternatives(schema).map((option) => defOf(option).type);
  return {
    key,
    description: descriptionOf(schema),
    required: defOf(schema).type !== 'optional',
    valueKind: kinds[0] ?? 'unknown',
    enumValues: enumValuesOf(schema),
  };
}

/** Keys a mapping at this path may hold (empty for id-keyed maps and non-mappings). */
export function keysAt(path: readonly PathKey[], root: AnySchema = planSchema): KeyInfo[] {
  const schema = schemaAt(path, root);
  if (!schema) return [];
  for (const option of alternatives(schema)) {
    const def = defOf(option);
    const shape = def.type === 'object' ? def.shape : def.type === 'array' && def.element ? objectShape(def.element) : undefined;
    if (shape) return Object.entries(shape).map(([key, value]) => keyInfo(key, value));
  }
  return [];
}

function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  for (const option of alternatives(schema)) {
    const def = defOf(option);
    if (def.type === 'object') return def.shape;
  }
  return undefined;
}

export function allowedKeysAt(path: readonly PathKey[], root: AnySchema = planSchema): string[] {
  return keysAt(path, root).map((info) => info.key);
}

export function enumValuesOf(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  return alternatives(schema).flatMap((option) => {
    const def = defOf(option);
    if (def.type === 'enum' && def.entries) return Object.values(def.entries).map(String);
    if (def.type === 'array' && def.element) return enumValuesOf(def.element);
    return [];
  });
}

/** True when the path names an id-keyed map (`channels`, `kpis`, `milestones`). */
export function isRecordAt(path: readonly PathKey[]): boolean {
  const schema = schemaAt(path);
  return !!schema && alternatives(schema).some((option) => defOf(option).type === 'record');
}
