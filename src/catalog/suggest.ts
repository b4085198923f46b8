/** Closest known names to a mistyped one. */
import { distance } from 'fastest-levenshtein';

export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const q = input.toLowerCase();
  const limit = Math.max(2, Math.floor(q.length / 3));
  return candidates
    .map((c) => ({ c, d: c.toLowerCase().startsWith(q) && q.length >= 3 ? 0.5 : distance(q, c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map((x) => x.c);
}
