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

/** `FC_SCALE=<n>` multiplies run counts and CPU-time budgets, for a deeper search than CI's. */
export const SCALE = Math.max(1, Number(process.env.FC_SCALE ?? 1) || 1);

/** fast-check settings: the shared seed and a run count (a `CpuBudget` may end the work sooner). */
export function fcParameters(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: Math.round(numRuns * SCALE) };
}

/**
 * Runs a property and rethrows a failure with the seed to reproduce it in the first line
 * (fast-check's report has the shrunk counterexample; the seed is what a human copies).
 */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns: number): fc.RunDetails<Ts> {
  return passedOrThrow(fc.check(property, fcParameters(numRuns) as fc.Parameters<Ts>));
}

/** `assertProperty` for a property whose runs are asynchronous (e.g. talk to a server). */
export async function assertAsyncProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<fc.RunDetails<Ts>> {
  return passedOrThrow(await fc.check(property, fcParameters(numRuns) as fc.Parameters<Ts>));
}

/**
 * A property's budget of CPU time (FC_SCALE multiplies it): once the work it wraps has used
 * that much, later runs pass without doing anything, so a slow machine checks fewer sequences
 * but a busy one checks as many as an idle one (a wall-clock limit would let load decide how
 * many ran, and the suites assert a minimum). After a run has failed, every run does its work,
 * so fast-check shrinks the failure in full.
 */
export class CpuBudget {
  /** Runs that did their work. */
  ran = 0;
  private failed = false;
  private readonly limitMs: number;
  private readonly startMs: number;

  constructor(
    budgetMs: number,
    private readonly cpuMs: () => number,
  ) {
    this.limitMs = budgetMs * SCALE;
    this.startMs = cpuMs();
  }

  get spentMs(): number {
    return this.cpuMs() - this.startMs;
  }

  describe(): string {
    return `${this.ran} ran, ${this.spentMs.toFixed(0)} ms of a ${this.limitMs} ms CPU-time budget used`;
  }

  /** A property body that does its work only while the budget lasts. */
  wrap<A extends unknown[]>(body: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      if (this.take()) this.watch(() => body(...args));
    };
  }

  /** `wrap` for an asynchronous body. */
  wrapAsync<A extends unknown[]>(body: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return async (...args) => {
      if (this.take()) await this.watch(() => body(...args));
    };
  }

  /** Whether a run may do its work (counting it if so). */
  private take(): boolean {
    if (!this.failed && this.spentMs > this.limitMs) return false;
    this.ran++;
    return true;
  }

  /** Runs `work`, noting a failure, thrown or rejected. */
  private watch<R>(work: () => R): R {
    try {
      const result = work();
      return result instanceof Promise ? (result.catch(this.fail) as R) : result;
    } catch (error) {
      return this.fail(error);
    }
  }

  private readonly fail = (error: unknown): never => {
    this.failed = true;
    throw error;
  };
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
