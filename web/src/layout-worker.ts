/** Lays out a filtered figure off the main thread, with the same code as the page and `llmtree render`. */
import { makeCatalog, filterModels, type Catalog, type ModelFilter } from '../../src/catalog/core.js';
import { layoutTree } from '../../src/layout/index.js';
import { explorerSvg, figureMeta } from '../../src/server/figure.js';
import type { Payload } from './data.js';

export interface LayoutRequest {
  key: string;
  filter: ModelFilter;
  landmarks: boolean;
  lang: 'en' | 'zh';
  theme: 'light' | 'dark';
}

let ready: Promise<{ catalog: Catalog; icons: Map<string, string> }> | undefined;

self.onmessage = async (e: MessageEvent<{ catalogUrl?: string } & Partial<LayoutRequest>>) => {
  if (e.data.catalogUrl) {
    const url = e.data.catalogUrl;
    ready = fetch(url)
      .then((r) => r.json() as Promise<Payload>)
      .then((p) => ({ catalog: makeCatalog('', p.models, p.organizations, p.licenses), icons: new Map(Object.entries(p.icons ?? {})) }));
    return;
  }
  const r = e.data as LayoutRequest;
  const { catalog, icons } = await ready!;
  let models = filterModels(catalog, r.filter);
  if (r.landmarks) models = models.filter((m) => m.landmark === true);
  const scene = layoutTree(catalog, models, { lang: r.lang, theme: r.theme });
  // Only the SVG text and the box positions cross to the page: the whole scene would cost a structured clone.
  self.postMessage({ key: r.key, figure: figureMeta(scene), svgText: explorerSvg(scene, icons) });
};
