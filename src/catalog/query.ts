/** Filters shared by `llmtree list`, `render` and the library API. */
import type { Catalog } from './catalog.js';
import type { Model, Family, Weights, Modality } from './schema.js';
import { earliest, latest } from './dates.js';
import { resolveVariants, type ResolvedVariant } from './variants.js';

export type Commercial = 'yes' | 'no' | 'conditional';

/**
 * A filter. Facts that may differ between an entry's variants (licence, commercial use, weights,
 * parameters, context, modality) are matched per variant: an entry matches when one of its variants
 * matches all of them. The other fields are the entry's.
 */
export interface ModelFilter {
  family?: Family[];
  weights?: Weights[];
  org?: string[];
  license?: string[];
  commercial?: Commercial[];
  /** Released on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  /** Released on or before this date. */
  until?: string;
  /** Some published size is at least this many parameters. */
  paramsMin?: number;
  /** Some published size is at most this many parameters. */
  paramsMax?: number;
  /** The context window is at least this many tokens (unknown context never matches). */
  minContext?: number;
  modality?: Modality[];
  /** Case-insensitive text in id, name, aliases, organisation names, notes. */
  search?: string;
  tags?: string[];
  /** Only models drawn in the survey's published figure: any version (true) or the given version. */
  survey?: true | 1 | 2 | 3;
}

/** An entry that passed a filter, with the variants that matched. */
export interface VariantMatch {
  model: Model;
  variants: ResolvedVariant[];
}

/** Whether a licence allows commercial use: yes, no, conditional, or undefined when unknown. */
export function licenseCommercial(catalog: Catalog, license: string | undefined): Commercial | undefined {
  return license ? catalog.licenses.get(license)?.commercial : undefined;
}

/** Whether the entry's own licence allows commercial use (its variants may differ: see resolveVariants). */
export function commercialUse(catalog: Catalog, m: Model): Commercial | undefined {
  return licenseCommercial(catalog, m.license);
}

/** Whether one variant passes the per-variant part of the filter. */
export function variantMatches(catalog: Catalog, v: ResolvedVariant, f: ModelFilter): boolean {
  if (f.weights?.length && !f.weights.includes(v.weights)) return false;
  if (f.license?.length && !(v.license && f.license.includes(v.license))) return false;
  if (f.commercial?.length) {
    const c = licenseCommercial(catalog, v.license);
    if (!c || !f.commercial.includes(c)) return false;
  }
  if (f.paramsMin !== undefined || f.paramsMax !== undefined) {
    const lo = f.paramsMin ?? 0;
    const hi = f.paramsMax ?? Infinity;
    if (!v.parameters.some((p) => p.total >= lo && p.total <= hi)) return false;
  }
  if (f.minContext !== undefined && !(v.context !== undefined && v.context >= f.minContext)) return false;
  if (f.modality?.length && !f.modality.includes(v.modality)) return false;
  return true;
}

/** Whether the entry passes the entry-level part of the filter. */
function entryMatches(catalog: Catalog, m: Model, f: ModelFilter): boolean {
  if (f.family?.length && !f.family.includes(m.family)) return false;
  if (f.org?.length && !m.organizations.some((o) => f.org!.includes(o))) return false;
  if (f.survey && !(m.survey && (f.survey === true || (m.survey.versions as number[]).includes(f.survey)))) return false;
  if (f.tags?.length && !f.tags.every((t) => (m.tags as string[]).includes(t))) return false;
  if (f.since && latest(m.released) < earliest(f.since)) return false;
  if (f.until && earliest(m.released) > latest(f.until)) return false;
  if (f.search) {
    const q = f.search.toLowerCase();
    const orgNames = m.organizations.map((o) => catalog.organizations.get(o)?.name ?? o);
    const labels = (m.variants ?? []).map((v) => v.label);
    const hay = [m.id, m.name, ...m.aliases, ...labels, ...orgNames, m.notes ?? '', m.architecture ?? ''].join('\n').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** The entry's variants that pass the filter; none when the entry itself does not. */
export function matchingVariants(catalog: Catalog, m: Model, f: ModelFilter): ResolvedVariant[] {
  if (!entryMatches(catalog, m, f)) return [];
  return resolveVariants(m).filter((v) => variantMatches(catalog, v, f));
}

export function matches(catalog: Catalog, m: Model, f: ModelFilter): boolean {
  return matchingVariants(catalog, m, f).length > 0;
}

/** Entries with at least one variant passing the filter (one result per entry, in catalog order). */
export function filterModels(catalog: Catalog, f: ModelFilter = {}): Model[] {
  return catalog.models.filter((m) => matches(catalog, m, f));
}

/** Like filterModels, with the variants of each entry that matched. */
export function filterVariants(catalog: Catalog, f: ModelFilter = {}): VariantMatch[] {
  const out: VariantMatch[] = [];
  for (const model of catalog.models) {
    const variants = matchingVariants(catalog, model, f);
    if (variants.length) out.push({ model, variants });
  }
  return out;
}

/** Parse "7B", "560M", "1.5T", "70e9", "7000000000" into a number; null if malformed. */
export function parseCount(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([KMBT])?\s*$/i.exec(s);
  if (!m) return null;
  const mult = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[(m[2] ?? '').toUpperCase() as 'K'] ?? 1;
  return Number(m[1]) * mult;
}

export function formatCount(n: number): string {
  for (const [s, v] of [['T', 1e12], ['B', 1e9], ['M', 1e6], ['K', 1e3]] as const) {
    if (n >= v) return `${+(n / v).toFixed(n / v < 10 ? 2 : 1)}${s}`;
  }
  return String(n);
}
