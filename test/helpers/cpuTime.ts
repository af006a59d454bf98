import { openSync, readFileSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { burnCpu, processCpuMs } from '../../server/src/node/testSlowdown.js';

// `processCpuMs` (this process's CPU time, `process.cpuUsage()`) and `burnCpu` live beside the
// server's test-only slow-request switch, which burns CPU the same way.
export { burnCpu, processCpuMs };

// CPU time, for the suites' "answers fast" checks and the benchmark: what work costs the
// process itself, whatever else competes for the cores. Wall-clock time on a busy machine
// measures the machine; CPU time measures the code.

/**
 * Milliseconds the main thread of process `pid` (this one by default) has run on a CPU: the
 * first field of Linux's /proc/<pid>/schedstat, in ns. Undefined where /proc is not there.
 * The kernel brings it up to date at scheduler ticks and switches, so a reading of a thread
 * that is running lags by up to one tick (a few ms): nothing next to the suites' limits.
 *
 * The main thread, not the sum over /proc/<pid>/task/*: a Node server runs a request on its
 * main thread from the first byte read to the answer written, so that thread's time is the
 * request's cost. The other threads (V8's concurrent GC markers and compilers, libuv's pool)
 * run beside it on work started by earlier requests as often as by this one; counting them
 * would charge one request for another's garbage. (The main thread's waits for them, as in a
 * parallel scavenge, are not counted either; they are short next to the limits.)
 */
export function mainThreadCpuMs(pid: number | 'self' = 'self'): number | undefined {
  try {
    const nanoseconds = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** /proc/self/schedstat kept open (null where it cannot be): read at offset 0 it is current, in about 2 µs. */
let ownSchedstat: number | null | undefined;
const buffer = Buffer.alloc(128);

/**
 * This process's main-thread CPU time in ms, for checks of code the test process runs itself
 * (the core suites time tens of thousands of calls, so this reads a kept-open file). Where
 * /proc is not there, `processCpuMs()`: every thread's time, which is more (V8's GC helpers
 * add about 40 % on the big hostile inputs), so the limits hold there too, only tighter.
 */
export function ownCpuMs(): number {
  if (ownSchedstat === undefined) {
    try {
      ownSchedstat = openSync('/proc/self/schedstat', 'r');
    } catch {
      ownSchedstat = null;
    }
  }
  if (ownSchedstat === null) return processCpuMs();
  const length = readSync(ownSchedstat, buffer, 0, buffer.length, 0);
  return Number(buffer.toString('latin1', 0, length).split(' ')[0]) / 1e6;
}

/** Runs `work` and returns its result with the CPU time this process spent on it. */
export function withCpuTime<T>(work: () => T): { value: T; cpuMs: number } {
  const before = ownCpuMs();
  const value = work();
  return { value, cpuMs: ownCpuMs() - before };
}

/** Blocks this thread for `ms` of wall-clock time without using a CPU (a deliberately waiting step). */
export function sleepWithoutCpu(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * How many times longer wall-clock time runs than CPU time here, now: a short fixed CPU-bound
 * workload timed both ways (at least 1). Where another process's CPU time cannot be read, a
 * wall-clock limit multiplied by this stands in for a CPU-time limit.
 */
export function loadFactor(): number {
  const started = performance.now();
  const { cpuMs } = withCpuTime(() => burnCpu(50));
  const wallMs = performance.now() - started;
  return Math.max(1, wallMs / Math.max(cpuMs, 1));
}
