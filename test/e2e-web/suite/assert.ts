// `node:assert/strict` for the web worker extension host, where Node's module is not: the
// web suite's bundle maps that import here (scripts/e2e/build-web-suite.mjs), so the same
// test files run in both hosts. Only what the suites use, with Node's strict semantics:
// `equal` is Object.is, `deepEqual` compares structure and prototypes.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
  ) {
    super(message);
  }
}

type Message = string | Error | undefined;

function fail(message: Message, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message?: Message): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`, actual, expected);
}

export function notEqual(actual: unknown, expected: unknown, message?: Message): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: Message): asserts actual is T {
  if (!deepStrictEqual(actual, expected))
    fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\n!==\n${show(expected)}`, actual, expected);
}

export function match(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || !pattern.test(value)) fail(message, `The input did not match ${pattern}: ${show(value)}`, value, pattern);
}

export function doesNotMatch(value: string, pattern: RegExp, message?: Message): void {
  if (typeof value !== 'string' || pattern.test(value)) fail(message, `The input was expected to not match ${pattern}: ${show(value)}`, value, pattern);
}

function deepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || a instanceof Set) return deepStrictEqual([...a], [...(b as Map<unknown, unknown> | Set<unknown>)]);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && deepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Resolves when `promise` rejects with an error `validate` accepts (a function that returns true, or a RegExp the message matches). */
export async function rejects(
  promise: Promise<unknown> | (() => Promise<unknown>),
  validate?: ((error: Error) => boolean) | RegExp,
  message?: Message,
): Promise<void> {
  let settled: { error: unknown } | undefined;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    settled = { error };
  }
  if (!settled) return fail(message, 'Missing expected rejection.');
  const { error } = settled;
  if (validate instanceof RegExp) {
    if (!validate.test(String(error))) fail(message, `The error did not match ${validate}: ${show(String(error))}`, error, validate);
  } else if (validate && validate(error as Error) !== true) fail(message, 'The "validate" function is expected to return "true".', error, validate);
}
