/** The loaded catalog with its indexes. */
import type { Model, Organization, License } from './schema.js';
import { normalizeName } from './names.js';
import { compareDates } from './dates.js';
import { sizesOf } from './variants.js';

export interface Catalog {
  dir: string;
  /** Models sorted by release date, then id. */
  models: Model[];
  organizations: Map<string, Organization>;
  licenses: Map<string, License>;
  byId: Map<string, Model>;
  /** Child models of each model id, sorted like `models`. */
  children: Map<string, Model[]>;
  /** Find a model by id, name or alias, in any spelling. */
  resolve(idOrAlias: string): Model | undefined;
}

export function makeCatalog(dir: string, models: Model[], organizations: Organization[], licenses: License[]): Catalog {
  // One source of truth for sizes: an entry with variants gets its `parameters` from them.
  const sorted = models.map((m) => (m.variants?.length ? { ...m, parameters: sizesOf(m) } : m)).sort(byRelease);
  const byId = new Map<string, Model>();
  for (const m of sorted) if (!byId.has(m.id)) byId.set(m.id, m);
  // The spelling index is built on the first lookup by name (a render never needs it: start-up time).
  let names: Map<string, Model> | undefined;
  const byName = (): Map<string, Model> => {
    if (names) return names;
    names = new Map();
    for (const m of byId.values()) {
      for (const s of [m.id, m.name, ...m.aliases]) {
        const k = normalizeName(s);
        if (!names.has(k)) names.set(k, m);
      }
    }
    return names;
  };
  const children = new Map<string, Model[]>();
  for (const m of byId.values()) {
    for (const p of m.parents) {
      if (!byId.has(p.model)) continue;
      const list = children.get(p.model) ?? [];
      if (!list.includes(m)) list.push(m);
      children.set(p.model, list);
    }
  }
  return {
    dir,
    models: [...byId.values()],
    organizations: new Map(organizations.map((o) => [o.id, o])),
    licenses: new Map(licenses.map((l) => [l.id, l])),
    byId,
    children,
    resolve: (s) => byId.get(s) ?? byName().get(normalizeName(s)),
  };
}

export function byRelease(a: Model, b: Model): number {
  return compareDates(a.released, b.released) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
