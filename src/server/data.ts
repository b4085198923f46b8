/** The explorer's read-only JSON: the whole catalog, one model, a laid-out scene. Shared by `serve` and `site`. */
import { readFileSync } from 'node:fs';
import { commercialUse, filterModels, type Catalog, type Model, type Organization, type License } from '../catalog/core.js';
import type { Guide } from '../catalog/guide-schema.js';
import { iconFile } from '../catalog/icon-file.js';
import { layoutTree, type Scene } from '../layout/index.js';
import { filterFromOptions, type FilterOptions } from '../cli/filters.js';
import { renderOptions } from '../cli/render.js';
import { explorerSvg, figureMeta, type FigureMeta } from './figure.js';

export const API_VERSION = 1;

export interface CatalogPayload {
  version: typeof API_VERSION;
  models: Model[];
  organizations: Organization[];
  licenses: License[];
  guide?: Guide;
  /** Organisation icon SVG text by the organisation's `icon` path (sanitised again by the renderer). */
  icons: Record<string, string>;
}

export function catalogPayload(catalog: Catalog, guide?: Guide): CatalogPayload {
  const icons: Record<string, string> = {};
  for (const o of catalog.organizations.values()) {
    if (!o.icon || o.icon in icons) continue;
    const { file } = iconFile(catalog.dir, o.icon);
    if (!file) continue;
    try {
      icons[o.icon] = readFileSync(file, 'utf8');
    } catch {
      // unreadable icon: the renderer draws the badge instead
    }
  }
  return {
    version: API_VERSION,
    models: catalog.models,
    organizations: [...catalog.organizations.values()],
    licenses: [...catalog.licenses.values()],
    guide,
    icons,
  };
}

export interface ModelPayload {
  model: Model;
  commercial?: string;
  children: string[];
}

export function modelPayload(catalog: Catalog, id: string): ModelPayload | undefined {
  const model = catalog.byId.get(id);
  if (!model) return undefined;
  return { model, commercial: commercialUse(catalog, model), children: (catalog.children.get(id) ?? []).map((c) => c.id) };
}

/** Query parameters of /api/scene, named like the CLI's flags (`params-min` or `paramsMin`). */
export function scenePayload(catalog: Catalog, query: URLSearchParams): Scene {
  const get = (k: string) => query.get(k) ?? query.get(k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())) ?? undefined;
  const flags: FilterOptions & Record<string, string | undefined> = {};
  for (const k of ['family', 'weights', 'org', 'license', 'commercial', 'since', 'until', 'params-min', 'params-max', 'search', 'survey']) {
    const v = get(k);
    if (v !== undefined) flags[k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  }
  const filter = filterFromOptions(flags, catalog);
  const options = renderOptions(
    { from: get('from'), to: get('to'), theme: get('theme'), lang: get('lang'), highlight: get('highlight'), timeScale: get('time-scale'), top: get('top') },
    catalog,
  );
  return layoutTree(catalog, filterModels(catalog, filter), options);
}

/**
 * The whole catalog's figure for the explorer's first paint, in one language and theme: the SVG text
 * (every catalog string escaped by the renderer) and the facts the page needs beside it.
 */
export function figurePayload(catalog: Catalog, icons: Record<string, string>, lang: 'en' | 'zh', theme: 'light' | 'dark'): { svg: string; meta: FigureMeta } {
  const scene = scenePayload(catalog, new URLSearchParams({ lang, theme }));
  return { svg: explorerSvg(scene, new Map(Object.entries(icons))), meta: figureMeta(scene) };
}
