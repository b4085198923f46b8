/** Closest known names to a mistyped one. */
import { distance } from 'fastest-levenshtein';

/** A longer input is no typo of a name: no suggestions, and no edit distances over huge strings. */
const MAX_INPUT = 100;

export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  if (input.length > MAX_INPUT) return [];
  const q = input.toLowerCase();
  const limit = Math.max(2, Math.floor(q.length / 3));
  return candidates
    .filter((c) => c.length <= MAX_INPUT)
    .map((c) => ({ c, d: c.toLowerCase().startsWith(q) && q.length >= 3 ? 0.5 : Math.abs(c.length - q.length) > limit ? Infinity : distance(q, c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map((x) => x.c);
}
