/** Filters shared by `llmtree list`, `render` and the library API. */
import type { Catalog } from './catalog.js';
import type { Model, Family, Weights } from './schema.js';
import { earliest, latest } from './dates.js';

export type Commercial = 'yes' | 'no' | 'conditional';

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
  /** Case-insensitive text in id, name, aliases, organisation names, notes. */
  search?: string;
  tags?: string[];
  /** Only models drawn in the survey's published figure: any version (true) or the given version. */
  survey?: true | 1 | 2 | 3;
  /** Only landmark models (the default figure's selection, docs/landmarks.md). */
  landmark?: boolean;
}

/** Whether the model's licence allows commercial use: yes, no, conditional, or undefined when unknown. */
export function commercialUse(catalog: Catalog, m: Model): Commercial | undefined {
  return m.license ? catalog.licenses.get(m.license)?.commercial : undefined;
}

export function matches(catalog: Catalog, m: Model, f: ModelFilter): boolean {
  if (f.family?.length && !f.family.includes(m.family)) return false;
  if (f.weights?.length && !f.weights.includes(m.weights)) return false;
  if (f.org?.length && !m.organizations.some((o) => f.org!.includes(o))) return false;
  if (f.license?.length && !(m.license && f.license.includes(m.license))) return false;
  if (f.commercial?.length) {
    const c = commercialUse(catalog, m);
    if (!c || !f.commercial.includes(c)) return false;
  }
  if (f.survey && !(m.survey && (f.survey === true || (m.survey.versions as number[]).includes(f.survey)))) return false;
  if (f.landmark && m.landmark !== true) return false;
  if (f.tags?.length && !f.tags.every((t) => (m.tags as string[]).includes(t))) return false;
  if (f.since && latest(m.released) < earliest(f.since)) return false;
  if (f.until && earliest(m.released) > latest(f.until)) return false;
  if (f.paramsMin !== undefined || f.paramsMax !== undefined) {
    const lo = f.paramsMin ?? 0;
    const hi = f.paramsMax ?? Infinity;
    if (!m.parameters.some((p) => p.total >= lo && p.total <= hi)) return false;
  }
  if (f.search) {
    const q = f.search.toLowerCase();
    const orgNames = m.organizations.map((o) => catalog.organizations.get(o)?.name ?? o);
    const hay = [m.id, m.name, ...m.aliases, ...orgNames, m.notes ?? '', m.architecture ?? ''].join('\n').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

export function filterModels(catalog: Catalog, f: ModelFilter = {}): Model[] {
  return catalog.models.filter((m) => matches(catalog, m, f));
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
