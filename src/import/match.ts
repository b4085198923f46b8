/** Finding the catalog model a source record describes: by Hub id, id, alias or name, then a looser name. */
import { normalizeName, type Catalog, type Model } from '../catalog/core.js';
import type { SourceRecord } from './types.js';

/** Every Hub repo of an entry: its own `hf` and its variants'. */
export function hubIds(m: Model): string[] {
  return [...m.hf, ...(m.variants ?? []).flatMap((v) => v.hf ?? [])];
}

/**
 * The entry as a source record of one of its variants should see it: a record matched through a
 * variant's Hub id is compared with that variant's date, licence, weights and size.
 */
export function asVariant(m: Model, repo: string | undefined): Model {
  const r = repo?.toLowerCase();
  const v = r ? (m.variants ?? []).find((x) => (x.hf ?? []).some((h) => h.toLowerCase() === r)) : undefined;
  if (!v) return m;
  return {
    ...m,
    released: v.released ?? m.released,
    license: v.license ?? m.license,
    weights: v.weights ?? m.weights,
    parameters: v.total ? [{ total: v.total, ...(v.active ? { active: v.active } : {}) }] : m.parameters,
  };
}

export type MatchBy = 'hf' | 'id' | 'alias' | 'name';

/** Catalog model id as a source name would become one: lower case, spaces → "-". */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** A size suffix: "-70B", " 1.5B", "-8x7B", "-560m". */
export const SIZE = /[-_\s]+(\d+[xX])?\d+(\.\d+)?[BbMmKkTt]\b/g;

/** A name without its size: "PaLM (540B)" → "PaLM", "Llama 2-70B" → "Llama 2". */
export function sizelessName(name: string): string {
  return name.replace(/\s*\((\d+[xX])?\d+(\.\d+)?[BbMmKkTt]\)/g, '').replace(SIZE, '').trim() || name;
}

/** A looser form of a name: no parentheses, no size suffix ("Llama 2-70B" → "llama2"), no owner prefix. */
export function looseName(name: string): string {
  const s = name
    .replace(/^[\w.-]+\//, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(SIZE, ' ')
    .replace(/[-_\s]+(hf|base)$/i, '');
  return normalizeName(s.trim());
}

export class Matcher {
  private readonly byHf = new Map<string, Model>();
  private readonly byLoose = new Map<string, Model | null>();

  constructor(readonly catalog: Catalog) {
    for (const m of catalog.models) {
      for (const h of hubIds(m)) this.byHf.set(h.toLowerCase(), m);
      for (const n of [m.id, m.name, ...m.aliases]) {
        const k = looseName(n);
        if (!k) continue;
        const prev = this.byLoose.get(k);
        // A loose name shared by two models is ambiguous: it matches neither.
        this.byLoose.set(k, prev === undefined || prev === m ? m : null);
      }
    }
  }

  /** Hub repo id → catalog model, case-insensitively. */
  hubModel(repo: string): Model | undefined {
    return this.byHf.get(repo.toLowerCase());
  }

  match(r: SourceRecord): { model: Model; by: MatchBy } | undefined {
    for (const h of r.hf ?? []) {
      const m = this.hubModel(h);
      if (m) return { model: asVariant(m, h), by: 'hf' };
    }
    if (r.source === 'hf') return undefined; // a Hub repo is a catalog model only through `hf`
    const id = slug(r.name);
    const byId = this.catalog.byId.get(id);
    if (byId) return { model: byId, by: 'id' };
    const m = this.catalog.resolve(r.name);
    if (m) return { model: m, by: m.name === r.name || normalizeName(m.name) === normalizeName(r.name) ? 'name' : 'alias' };
    const loose = this.byLoose.get(looseName(r.name));
    if (loose) return { model: loose, by: 'name' };
    return undefined;
  }
}
