/** The built-in prototypes a `__proto__` or `constructor` key could reach through a plain `{}`. */
const WATCHED: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Map.prototype', Map.prototype],
];

/** Own property names and values of the watched prototypes and of globalThis, as text. */
export function snapshotBuiltins(): Map<string, string> {
  const snapshot = new Map<string, string>();
  for (const [name, target] of WATCHED) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      snapshot.set(`${name}.${String(key)}`, describe(descriptor));
    }
    snapshot.set(`${name} [[Prototype]]`, String(Object.getPrototypeOf(target)?.constructor?.name));
  }
  for (const key of Reflect.ownKeys(globalThis)) snapshot.set(`globalThis.${String(key)}`, 'present');
  return snapshot;
}

function describe(descriptor: PropertyDescriptor): string {
  const value = descriptor.value;
  const shown = typeof value === 'function' ? `function ${value.name}` : typeof value === 'object' && value !== null ? 'object' : String(value);
  return `${shown} ${descriptor.get ? 'get' : ''}${descriptor.set ? 'set' : ''} ${descriptor.writable ? 'w' : ''}${descriptor.enumerable ? 'e' : ''}${descriptor.configurable ? 'c' : ''}`;
}

/** What changed between two snapshots (added, removed or replaced properties). */
export function builtinChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [key, value] of after) if (before.get(key) !== value) changes.push(`${key}: ${before.get(key) ?? '(absent)'} → ${value}`);
  for (const key of before.keys()) if (!after.has(key)) changes.push(`${key}: removed`);
  return changes;
}
