/**
 * How current the catalog is: per organisation and per lineage, the newest model and its date, with a
 * flag on those that have nothing within the last N months. Pure: the caller passes "today".
 */
import type { Catalog, Model } from '../catalog/core.js';
import { latest, compareDates } from '../catalog/dates.js';

export interface Newest {
  id: string;
  name: string;
  released: string;
}

export interface OrgFreshness {
  org: string;
  name: string;
  models: number;
  /** Absent when the organisation has no model in the catalog. */
  newest?: Newest;
  /** True when the newest model is older than the cut-off (or there is none). */
  stale: boolean;
}

export interface LineageFreshness {
  /** The lineage's oldest member: the root of its chain of same-lab parent edges. */
  root: string;
  rootName: string;
  organizations: string[];
  models: number;
  newest: Newest;
  stale: boolean;
}

export interface Freshness {
  today: string;
  months: number;
  /** Models released on or after this day count as recent. */
  cutoff: string;
  organizations: OrgFreshness[];
  lineages: LineageFreshness[];
}

/** `today` minus `months` calendar months, as YYYY-MM-DD (clamped to the month's last day). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const days = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
}

const newestOf = (ms: readonly Model[]): Model =>
  ms.reduce((a, b) => (compareDates(latest(b.released), latest(a.released)) > 0 ? b : a));

const brief = (m: Model): Newest => ({ id: m.id, name: m.name, released: m.released });

/** A parent made by one of the same organisations: the edge that keeps a lineage within one lab. */
function sameLabParent(catalog: Catalog, m: Model): Model | undefined {
  for (const p of m.parents) {
    const pm = catalog.byId.get(p.model);
    if (pm && pm.organizations.some((o) => m.organizations.includes(o))) return pm;
  }
  return undefined;
}

/** The root of a model's chain of same-lab parents (cycle-safe). */
export function lineageRoot(catalog: Catalog, m: Model): Model {
  const seen = new Set<string>([m.id]);
  let cur = m;
  for (let p = sameLabParent(catalog, cur); p && !seen.has(p.id); p = sameLabParent(catalog, cur)) {
    seen.add(p.id);
    cur = p;
  }
  return cur;
}

function orgFreshness(catalog: Catalog, cutoff: string): OrgFreshness[] {
  const byOrg = new Map<string, Model[]>();
  for (const o of catalog.organizations.keys()) byOrg.set(o, []);
  for (const m of catalog.models) for (const o of new Set(m.organizations)) byOrg.set(o, [...(byOrg.get(o) ?? []), m]);
  return [...byOrg].map(([org, ms]) => {
    const name = catalog.organizations.get(org)?.name ?? org;
    if (ms.length === 0) return { org, name, models: 0, stale: true };
    const n = newestOf(ms);
    return { org, name, models: ms.length, newest: brief(n), stale: latest(n.released) < cutoff };
  });
}

function lineageFreshness(catalog: Catalog, cutoff: string, minSize: number): LineageFreshness[] {
  const groups = new Map<string, Model[]>();
  for (const m of catalog.models) {
    const r = lineageRoot(catalog, m).id;
    groups.set(r, [...(groups.get(r) ?? []), m]);
  }
  const out: LineageFreshness[] = [];
  for (const [root, ms] of groups) {
    if (ms.length < minSize) continue;
    const n = newestOf(ms);
    const orgs = [...new Set(ms.flatMap((m) => m.organizations))].sort();
    out.push({ root, rootName: catalog.byId.get(root)!.name, organizations: orgs, models: ms.length, newest: brief(n), stale: latest(n.released) < cutoff });
  }
  return out;
}

/** Oldest "newest release" first: the likeliest gaps lead. Ties by id. */
const byNewest = <T extends { newest?: Newest }>(key: (x: T) => string) => (a: T, b: T): number => {
  if (!a.newest || !b.newest) return a.newest ? 1 : b.newest ? -1 : key(a) < key(b) ? -1 : 1;
  return compareDates(latest(a.newest.released), latest(b.newest.released)) || (key(a) < key(b) ? -1 : 1);
};

export function freshness(catalog: Catalog, options: { today: string; months?: number; minLineage?: number }): Freshness {
  const months = options.months ?? 6;
  const cutoff = monthsBefore(options.today, months);
  return {
    today: options.today,
    months,
    cutoff,
    organizations: orgFreshness(catalog, cutoff).sort(byNewest((x) => x.org)),
    lineages: lineageFreshness(catalog, cutoff, options.minLineage ?? 2).sort(byNewest((x) => x.root)),
  };
}
