import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's full garbage collection, whatever flags node was started with (editors start the server
 * without `--expose-gc`); undefined if the runtime refuses. Returns the heap in use before and
 * after, in bytes.
 */
export function fullGarbageCollection(): (() => { before: number; after: number }) | undefined {
  const gc = exposedGc();
  if (!gc) return undefined;
  return () => {
    const before = process.memoryUsage().heapUsed;
    gc();
    return { before, after: process.memoryUsage().heapUsed };
  };
}

function exposedGc(): (() => void) | undefined {
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return global as () => void;
  try {
    // The flag set at run time gives `gc` to contexts created after it.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
