/** The catalog as the page uses it: fetched once as JSON, indexed with the same code as the CLI, filtered. */
import { makeCatalog, filterModels, parseCount, earliest, latest, type Catalog, type Model, type ModelFilter, type Organization, type License, type Family, type Weights, type Commercial } from '../../src/catalog/core.js';
import type { Guide } from '../../src/guide/index.js';
import type { State } from './state.js';

export interface Payload {
  version: number;
  models: Model[];
  organizations: Organization[];
  licenses: License[];
  guide?: Guide;
  icons: Record<string, string>;
}

export interface Data {
  catalog: Catalog;
  guide?: Guide;
  icons: Map<string, string>;
  /** Whether any model is flagged as a landmark (else the landmark view shows every model). */
  hasLandmarks: boolean;
  /** First and last release month of the catalog, YYYY-MM. */
  first: string;
  last: string;
}

/** `response` lets the caller start the request early and read the body later. */
export async function loadData(url = 'api/catalog.json', response: Promise<Response> = fetch(url)): Promise<Data> {
  const r = await response;
  if (!r.ok) throw new Error(`cannot load the catalog (${url}: HTTP ${r.status})`);
  const p = (await r.json()) as Payload;
  const catalog = makeCatalog('', p.models, p.organizations, p.licenses);
  const months = catalog.models.map((m) => earliest(m.released).slice(0, 7)).sort();
  return {
    catalog,
    guide: p.guide,
    icons: new Map(Object.entries(p.icons ?? {})),
    hasLandmarks: catalog.models.some((m) => m.landmark === true),
    first: months[0] ?? '2017-01',
    last: months[months.length - 1] ?? '2017-01',
  };
}

/** The state's filters as the library's ModelFilter (the same object `llmtree list` builds from its flags). */
export function filterOf(s: State): ModelFilter {
  const count = (v?: string) => (v ? parseCount(v) ?? undefined : undefined);
  return {
    family: s.family.length ? (s.family as Family[]) : undefined,
    weights: s.weights.length ? (s.weights as Weights[]) : undefined,
    org: s.org.length ? s.org : undefined,
    license: s.license.length ? s.license : undefined,
    commercial: s.commercial.length ? (s.commercial as Commercial[]) : undefined,
    since: s.since !== undefined ? String(s.since) : undefined,
    until: s.until !== undefined ? String(s.until) : undefined,
    paramsMin: count(s.pmin),
    paramsMax: count(s.pmax),
  };
}

/** The models the filters select (before the time slider). */
export function selectModels(d: Data, s: State): Model[] {
  const models = filterModels(d.catalog, filterOf(s));
  return s.view === 'landmark' && d.hasLandmarks ? models.filter((m) => m.landmark === true) : models;
}

/** Whether the model is released by the end of the month `time` (YYYY-MM); no time means always. */
export function releasedBy(m: Model, time?: string): boolean {
  return !time || earliest(m.released) <= latest(time);
}

/** A key for the layout a state needs: the selected models and the figure's language and theme. */
export function layoutKey(s: State): string {
  return JSON.stringify([s.family, s.weights, s.org, s.license, s.commercial, s.since, s.until, s.pmin, s.pmax, s.view, s.lang, s.theme]);
}

export function baseKey(s: State): string {
  return JSON.stringify([[], [], [], [], [], undefined, undefined, undefined, undefined, 'all', s.lang, s.theme]);
}

/** Months from `first` to `last` inclusive, YYYY-MM. */
export function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
