/** Checks that a model's variants agree with their entry (docs/variants.md). */
import type { Model, ParentEdge } from './schema.js';
import type { Located } from './load.js';
import { earliest, latest } from './dates.js';
import { formatCount } from './query.js';

type At = (r: Located<unknown>, path: (string | number)[], message: string) => void;

const OPENNESS = { closed: 0, restricted: 1, open: 2 } as const;

/**
 * A variant may not name an unknown licence, predate its entry, be more open than its entry (the
 * entry's weights are what the figure draws), have more active than total parameters, come after a
 * larger variant, repeat a label, or name a base that is not among the entry's parents.
 */
export function checkVariants(m: Located<Model>, knownLicense: (id: string) => boolean, at: At, today?: string): void {
  const v = m.value;
  const variants = v.variants ?? [];
  v.parents.forEach((p, i) => {
    if (p.since && latest(p.since) < earliest(v.released)) at(m, ['parents', i, 'since'], `since ${p.since} is before the entry's release (${v.released}); leave it out`);
  });
  if (!variants.length) return;
  if (v.parameters.length) at(m, ['parameters'], 'give sizes once: an entry with "variants" takes its parameters from them, so drop "parameters"');
  const labels = new Set<string>();
  let largest: { total: number; label: string } | undefined;
  variants.forEach((x, i) => {
    const here = (field: string, message: string) => at(m, ['variants', i, field], `variant "${x.label}": ${message}`);
    if (labels.has(x.label)) here('label', 'label used twice');
    labels.add(x.label);
    if (x.license && !knownLicense(x.license)) here('license', `unknown licence "${x.license}"`);
    if (x.released && latest(x.released) < earliest(v.released))
      here('released', `released ${x.released}, before its entry (${v.released}); a variant date is only for a later release`);
    if (x.released && today && earliest(x.released) > today) here('released', `release date ${x.released} is in the future (today is ${today})`);
    if (x.weights && OPENNESS[x.weights] > OPENNESS[v.weights])
      here('weights', `weights "${x.weights}" are more open than the entry's "${v.weights}" (the entry records the most open variant)`);
    if ((x.weights ?? v.weights) !== 'closed' && !(x.license ?? v.license)) here('weights', 'weights can be obtained but no licence is given');
    if (x.active !== undefined && x.total === undefined) here('active', 'active parameters given without a total');
    if (x.active !== undefined && x.total !== undefined && x.active > x.total)
      here('active', `${formatCount(x.active)} active parameters is more than the ${formatCount(x.total)} total`);
    if (x.base && !v.parents.some((p) => p.model === x.base)) here('base', `base "${x.base}" is not one of the entry's parents`);
    if (x.total !== undefined) {
      if (largest && x.total < largest.total)
        here('total', `${formatCount(x.total)} is listed after the larger "${largest.label}" (${formatCount(largest.total)}): list variants from smallest to largest`);
      else largest = { total: x.total, label: x.label };
    }
  });
}

/**
 * The date from which a parent edge holds: its `since`, else the latest variant built on that parent,
 * else the entry's release. The parent must be no later than this.
 */
export function edgeDate(m: Model, p: ParentEdge): string {
  if (p.since) return p.since;
  const dates = (m.variants ?? []).filter((x) => x.base === p.model && x.released).map((x) => x.released!);
  return dates.sort().at(-1) ?? m.released;
}
