/** Counts behind the survey's bar chart and the catalog summary. */
import type { Catalog, Model, Family } from '../catalog/core.js';
import { FAMILIES, year } from '../catalog/core.js';

export interface OrgCount {
  org: string;
  name: string;
  open: number;
  closed: number;
  total: number;
}

export interface Stats {
  models: number;
  byOrganization: OrgCount[];
  byFamily: { family: Family; open: number; closed: number; total: number }[];
  byYear: { year: number; open: number; closed: number; total: number }[];
}

/** "Open" in the figure's sense: weights anyone can obtain (open or restricted). */
export function isOpen(m: Model): boolean {
  return m.weights !== 'closed';
}

/**
 * Models per organisation, split open vs closed, largest total first (ties by name).
 * A model made by several organisations counts once for each.
 */
export function countByOrganization(catalog: Catalog, models: readonly Model[]): OrgCount[] {
  const counts = new Map<string, OrgCount>();
  for (const m of models) {
    for (const org of new Set(m.organizations)) {
      const c = counts.get(org) ?? { org, name: catalog.organizations.get(org)?.name ?? org, open: 0, closed: 0, total: 0 };
      if (isOpen(m)) c.open++;
      else c.closed++;
      c.total++;
      counts.set(org, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.total - a.total || b.open - a.open || (a.org < b.org ? -1 : 1));
}

export function stats(catalog: Catalog, models: readonly Model[] = catalog.models): Stats {
  const byFamily = FAMILIES.map((family) => {
    const ms = models.filter((m) => m.family === family);
    const open = ms.filter(isOpen).length;
    return { family, open, closed: ms.length - open, total: ms.length };
  }).filter((f) => f.total > 0);
  const years = new Map<number, { year: number; open: number; closed: number; total: number }>();
  for (const m of models) {
    const y = year(m.released);
    const c = years.get(y) ?? { year: y, open: 0, closed: 0, total: 0 };
    if (isOpen(m)) c.open++;
    else c.closed++;
    c.total++;
    years.set(y, c);
  }
  return {
    models: models.length,
    byOrganization: countByOrganization(catalog, models),
    byFamily,
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
  };
}
