import type { Logger } from '../guard.js';

// TEST-ONLY switch: THROUGHLINE_TEST_SLOW_REQUEST=<method>:<ms>[:sleep] makes one request
// handler slow on purpose, so the robustness suites can show that their time checks still
// fail (test/robustness/server/timeChecks.test.ts). `textDocument/hover:1500` burns 1,500 ms of
// CPU before answering each hover; `textDocument/hover:1500:sleep` waits 1,500 ms without using
// the CPU, as a server starved by a busy machine would. It is read from the server process's
// environment once, when the server starts: nothing a plan, a workspace or the editor's settings
// contain can set it. Unset (always, outside these tests) it changes nothing.

export const SLOW_REQUEST_VARIABLE = 'THROUGHLINE_TEST_SLOW_REQUEST';

export interface Slowdown {
  method: string;
  ms: number;
  mode: 'burn' | 'sleep';
}

/** The switch's value, or undefined when it is unset; a malformed value is an Error saying why. */
export function parseSlowdown(value: string | undefined): Slowdown | undefined | Error {
  if (value === undefined || value === '') return undefined;
  const match = /^([^\s:]+):(\d{1,6})(?::(burn|sleep))?$/.exec(value);
  if (!match) return new Error(`${SLOW_REQUEST_VARIABLE} should be <method>:<ms> or <method>:<ms>:sleep, got "${value.slice(0, 100)}"; ignored`);
  return { method: match[1]!, ms: Number(match[2]), mode: match[3] === 'sleep' ? 'sleep' : 'burn' };
}

/**
 * This process's CPU time in ms: `process.cpuUsage()`, user + system of every thread (Node 20
 * has no per-thread variant); microsecond resolution, about 1 µs a call.
 */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Keeps this thread busy until the process has used `ms` more CPU time. */
export function burnCpu(ms: number): void {
  const until = processCpuMs() + ms;
  while (processCpuMs() < until) {
    for (let i = 0; i < 10_000; i++) Math.sqrt(i);
  }
}

/**
 * Wraps request handlers: the one the switch names is slowed as it says, every other is
 * returned unchanged. Reads the environment once, when called (at server start).
 */
export function slowRequestsForTests(log: Logger, environment: NodeJS.ProcessEnv = process.env) {
  const slowdown = parseSlowdown(environment[SLOW_REQUEST_VARIABLE]);
  if (slowdown instanceof Error) log.warn(slowdown.message);
  return <P, R>(method: string, handler: (params: P) => R): ((params: P) => R | Promise<R>) => {
    if (slowdown === undefined || slowdown instanceof Error || slowdown.method !== method) return handler;
    const { ms, mode } = slowdown;
    log.warn(
      `${SLOW_REQUEST_VARIABLE} (a test-only switch) is set: every ${method} ${mode === 'burn' ? `uses ${ms} ms of CPU` : `waits ${ms} ms`} before answering`,
    );
    if (mode === 'burn') {
      return (params) => {
        burnCpu(ms);
        return handler(params);
      };
    }
    return (params) => new Promise<void>((resolve) => setTimeout(resolve, ms)).then((): R => handler(params));
  };
}
