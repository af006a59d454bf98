import { performance } from 'node:perf_hooks';
import { loadFactor, mainThreadCpuMs } from '../../helpers/cpuTime.js';

// What one request costs the server, measured so that a busy machine does not decide the
// verdict: the CPU time the server's main thread spent between the request being sent and its
// answer arriving (Linux /proc/<pid>/schedstat). Where that cannot be read, wall-clock time is
// compared with the limit times a load factor measured at that moment, and the message says so.

export interface RequestCost {
  /** Server main-thread CPU time, in ms; undefined where it cannot be read. */
  cpuMs: number | undefined;
  wallMs: number;
}

export type Clock = 'cpu' | 'wall';

export class RequestMeter {
  /** `clock: 'wall'` measures as on a machine without /proc, to test that fallback. */
  constructor(
    private readonly pid: number,
    private readonly clock: Clock = 'cpu',
  ) {}

  /** Starts measuring one request; the returned function ends it. */
  start(): () => RequestCost {
    const cpuBefore = this.cpu();
    const started = performance.now();
    return () => {
      const wallMs = performance.now() - started;
      const cpuAfter = this.cpu();
      return { cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, wallMs };
    };
  }

  /** Why `cost` breaks `limitMs`, or undefined when it does not. */
  overLimit(cost: RequestCost, limitMs: number): string | undefined {
    if (cost.cpuMs !== undefined) {
      if (cost.cpuMs <= limitMs) return undefined;
      return `used ${cost.cpuMs.toFixed(0)} ms of server CPU time (limit ${limitMs} ms; answered after ${cost.wallMs.toFixed(0)} ms)`;
    }
    if (cost.wallMs <= limitMs) return undefined;
    const factor = loadFactor();
    const scaled = limitMs * factor;
    if (cost.wallMs <= scaled) return undefined;
    return `answered after ${cost.wallMs.toFixed(0)} ms (limit ${scaled.toFixed(0)} ms: ${limitMs} ms × the load factor ${factor.toFixed(2)} measured now; wall-clock time, as the server's CPU time cannot be read here from /proc/${this.pid}/schedstat)`;
  }

  private cpu(): number | undefined {
    return this.clock === 'cpu' ? mainThreadCpuMs(this.pid) : undefined;
  }
}

/** The cost as the suites print it: CPU time first where it is known. */
export function describeCost(cost: RequestCost): string {
  return cost.cpuMs === undefined
    ? `${cost.wallMs.toFixed(0)} ms wall-clock`
    : `${cost.cpuMs.toFixed(0)} ms server CPU (${cost.wallMs.toFixed(0)} ms wall-clock)`;
}

/** Compares by CPU time where both are known, else by wall-clock time. */
export function costlier(a: RequestCost, b: RequestCost): boolean {
  return a.cpuMs !== undefined && b.cpuMs !== undefined ? a.cpuMs > b.cpuMs : a.wallMs > b.wallMs;
}
