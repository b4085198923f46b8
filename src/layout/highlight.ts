/** Highlight: a model's lineage stands out, the rest of the figure fades. */
import type { Catalog } from '../catalog/core.js';
import { lineageIds } from '../graph/index.js';
import type { Scene } from './scene.js';

export function applyHighlight(scene: Pick<Scene, 'boxes' | 'branches' | 'stems' | 'links'>, catalog: Catalog, id: string): void {
  const hm = catalog.byId.get(id);
  const keep = hm ? lineageIds(catalog, hm) : new Set<string>();
  for (const b of scene.boxes) {
    if (keep.has(b.id)) b.highlighted = b.id === id;
    else b.faded = true;
  }
  for (const br of scene.branches) if (!keep.has(br.to) || (br.from !== null && !keep.has(br.from))) br.faded = true;
  for (const l of scene.links) if (!keep.has(l.to) || !keep.has(l.from)) l.faded = true;
  const lit = new Set<string>();
  for (const br of scene.branches) if (br.from !== null && !br.faded) lit.add(br.from);
  for (const st of scene.stems) if (!keep.has(st.from) || !lit.has(st.from)) st.faded = true;
}
