import type { CorpusPlan } from './corpus.js';

/**
 * Where the prefixes of a plan end: every character for the examples (they hold every key, so
 * typing them from scratch covers the language); for the fixtures, every line boundary and
 * `insideLines` seeded points inside lines. Typing every fixture one character at a time took
 * most of CI's time and grew with each fixture added, for cases the examples already cover.
 */
export function prefixEnds(plan: CorpusPlan, random: () => number, insideLines: number): number[] {
  const { text } = plan;
  if (plan.path.startsWith('examples/')) return Array.from({ length: text.length }, (_, i) => i + 1);
  const ends = new Set<number>([text.length]);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') ends.add(i + 1);
  for (let i = 0; i < insideLines; i++) ends.add(1 + Math.floor(random() * text.length));
  return [...ends].sort((a, b) => a - b);
}
