import fc from 'fast-check';

/**
 * One seed for every randomised robustness test: fixed by default so CI sees the same cases
 * every run, `FC_SEED=<integer>` to explore others. Failures print it with the shrunk case.
 */
export const DEFAULT_SEED = 20260501;

function seedFromEnvironment(): number {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${raw}"`);
  return seed;
}

export const SEED = seedFromEnvironment();

/** `FC_SCALE=<n>` multiplies run counts and time limits, for a deeper search than CI's. */
export const SCALE = Math.max(1, Number(process.env.FC_SCALE ?? 1) || 1);

/** fast-check settings: the shared seed, a run count and a wall-clock limit for the whole property. */
export function fcParameters(numRuns: number, timeLimitMs: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.round(numRuns * SCALE), interruptAfterTimeLimit: Math.round(timeLimitMs * SCALE), markInterruptAsFailure: false };
}

/**
 * Runs a property and rethrows a failure with the seed to reproduce it in the first line
 * (fast-check's report has the shrunk counterexample; the seed is what a human copies).
 */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns: number, timeLimitMs: number): fc.RunDetails<Ts> {
  return passedOrThrow(fc.check(property, fcParameters(numRuns, timeLimitMs) as fc.Parameters<Ts>));
}

/** `assertProperty` for a property whose runs are asynchronous (e.g. talk to a server). */
export async function assertAsyncProperty<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<Ts>,
  numRuns: number,
  timeLimitMs: number,
): Promise<fc.RunDetails<Ts>> {
  return passedOrThrow(await fc.check(property, fcParameters(numRuns, timeLimitMs) as fc.Parameters<Ts>));
}

function passedOrThrow<Ts>(details: fc.RunDetails<Ts>): fc.RunDetails<Ts> {
  if (details.failed) {
    throw new Error(
      `property failed with FC_SEED=${SEED} (rerun: FC_SEED=${SEED} node scripts/run-node-tests.mjs test/robustness)\n${fc.defaultReportMessage(details)}\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
    );
  }
  return details;
}

/** A small deterministic generator (mulberry32) for choices that need no shrinking. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
