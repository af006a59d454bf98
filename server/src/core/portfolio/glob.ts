// Globs in a portfolio's `plans:` (`./regions/*.plan.yaml`, `**/*.plan.yaml`), matched in the
// core against plan URIs the adapter listed: no file system is read here.

/** True when the written entry is a glob (`*`, `?`, `[…]` or `{a,b}`), not a plain path. */
export function isGlob(written: string): boolean {
  return /[*?[{]/.test(written);
}

/**
 * The literal folder part of a glob and the pattern below it: `./regions/*.plan.yaml` →
 * `./regions` and `*.plan.yaml`; `**\/*.plan.yaml` → `.` and the whole glob.
 */
export function splitGlob(written: string): { base: string; pattern: string[] } {
  const segments = written.split('/').filter((segment) => segment !== '' && segment !== '.');
  const first = segments.findIndex((segment) => isGlob(segment));
  const cut = first === -1 ? segments.length : first;
  return { base: segments.slice(0, cut).join('/') || '.', pattern: segments.slice(cut) };
}

/** Matches a `/`-separated relative path (decoded) against glob segments; `**` spans any number of folders. */
export function matchGlob(pattern: readonly string[], path: string): boolean {
  const parts = path.split('/').filter((part) => part !== '');
  // Iterative with memo: a hostile `**/**/**/…` cannot make it exponential.
  const memo = new Map<number, boolean>();
  const matchFrom = (p: number, s: number): boolean => {
    const key = p * (parts.length + 1) + s;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (p === pattern.length) result = s === parts.length;
    else if (pattern[p] === '**') result = matchFrom(p + 1, s) || (s < parts.length && matchFrom(p, s + 1));
    else result = s < parts.length && segmentRegex(pattern[p]!).test(parts[s]!) && matchFrom(p + 1, s + 1);
    memo.set(key, result);
    return result;
  };
  return matchFrom(0, 0);
}

const regexCache = new Map<string, RegExp>();

/** One segment as a regular expression: `*` any run of characters but `/`, `?` one, `[abc]`, `{a,b}`. */
function segmentRegex(segment: string): RegExp {
  let known = regexCache.get(segment);
  if (known) return known;
  let source = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        const body = segment
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/[\\\]]/g, '\\$&');
        source += `[${body}]`;
        i = close;
      }
    } else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  source += ')'.repeat(braces);
  try {
    known = new RegExp(`^${source}$`);
  } catch {
    known = /(?!)/;
  }
  if (regexCache.size > 256) regexCache.clear();
  regexCache.set(segment, known);
  return known;
}
