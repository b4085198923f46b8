/**
 * The figure in the page: the same layoutTree and renderSvg as `llmtree render`. The SVG text comes only
 * from renderSvg (here, in the layout worker, or the server's first-paint figure), which escapes every
 * catalog string and rebuilds icons from an allow-list; it is parsed inside an inert <template>.
 */
import { layoutTree } from '../../src/layout/index.js';
import { renderSvg } from '../../src/render/svg.js';
import { figureMeta, type FigureMeta } from '../../src/server/figure.js';
import type { Model } from '../../src/catalog/core.js';
import type { Data } from './data.js';

export interface Drawn {
  key: string;
  figure: FigureMeta;
  svg: SVGSVGElement;
  boxes: Map<string, SVGGElement>;
  /** Branch paths and arrowheads (data-to, data-from). */
  edges: SVGElement[];
  /** Shared stems (data-from). */
  stems: SVGElement[];
  ids: Set<string>;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function draw(d: Data, models: Model[], key: string, lang: 'en' | 'zh', theme: 'light' | 'dark'): Drawn {
  performance.mark('layout-start');
  const scene = layoutTree(d.catalog, models, { lang, theme });
  performance.mark('layout-end');
  return fromSvg(figureMeta(scene), renderSvg(scene, { icons: d.icons, boxTitles: false }), key);
}

/** Draw a figure rendered elsewhere (the server's first-paint figure, or the layout worker). */
export function fromSvg(figure: FigureMeta, text: string, key: string): Drawn {
  const svg = parseSvg(text);
  performance.mark('parse-end');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', figure.title);
  const boxes = new Map<string, SVGGElement>();
  for (const g of svg.querySelectorAll<SVGGElement>('g.model[data-id]')) boxes.set(g.dataset.id!, g);
  return {
    key,
    figure,
    svg,
    boxes,
    edges: [...svg.querySelectorAll<SVGElement>('#branches [data-to]')],
    // A model's stem (path and foot); an organisation's (`org:<id>`) stays, as nothing says which boxes hang on it.
    stems: [...svg.querySelectorAll<SVGElement>('#branches [data-from]:not([data-to]):not([data-from^="org:"])')],
    ids: new Set(figure.boxes.map((b) => b.id)),
  };
}

const BAD = 'script, foreignObject, iframe, object, embed, style, animate, set, animateTransform, animateMotion, image, a';

/**
 * Parse renderSvg's text in an inert <template> (nothing in it loads or runs) and keep only drawing.
 * renderSvg writes elements and attributes only from fixed templates, escapes every value and rebuilds
 * icons from an allow-list, so this is a second line of defence, kept cheap: one query for elements no
 * figure has, and the page's Content-Security-Policy allows no inline script at all.
 */
export function parseSvg(text: string): SVGSVGElement {
  const t = document.createElement('template');
  t.innerHTML = text;
  const root = t.content.firstElementChild;
  if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || root.nextElementSibling) throw new Error('the figure is not an SVG');
  for (const bad of root.querySelectorAll(BAD)) bad.remove();
  return root as SVGSVGElement;
}

/** Show only the `visible` models, the branches between them, and the stems that still lead somewhere. */
export function applyVisibility(t: Drawn, visible: Set<string>): void {
  for (const [id, g] of t.boxes) g.classList.toggle('off', !visible.has(id));
  const live = new Set<string>();
  for (const e of t.edges) {
    const from = e.dataset.from;
    const on = visible.has(e.dataset.to!) && (!from || visible.has(from));
    e.classList.toggle('off', !on);
    if (on && from) live.add(from);
  }
  for (const s of t.stems) s.classList.toggle('off', !live.has(s.dataset.from!));
}

/** Fade what is outside the lineage; mark the selection and the guide's candidates. */
export function applyEmphasis(t: Drawn, lineage: Set<string> | undefined, selected: string | undefined, candidates: Set<string>): void {
  for (const [id, g] of t.boxes) {
    g.classList.toggle('dim', !!lineage && !lineage.has(id));
    g.classList.toggle('selected', id === selected);
    g.classList.toggle('candidate', candidates.has(id));
  }
  for (const e of t.edges) {
    const from = e.dataset.from;
    e.classList.toggle('dim', !!lineage && !(lineage.has(e.dataset.to!) && (!from || lineage.has(from))));
  }
  for (const s of t.stems) s.classList.toggle('dim', !!lineage && !lineage.has(s.dataset.from!));
}

/** The current view as a standalone SVG: hidden models and their branches left out, faded ones kept faded. */
export function exportSvg(t: Drawn): string {
  const clone = t.svg.cloneNode(true) as SVGSVGElement;
  for (const el of clone.querySelectorAll('.off')) el.remove();
  for (const el of clone.querySelectorAll('.dim')) el.setAttribute('opacity', '0.15');
  for (const el of clone.querySelectorAll('.dim, .selected, .candidate')) {
    el.classList.remove('dim', 'selected', 'candidate');
    if (!el.getAttribute('class')) el.removeAttribute('class');
  }
  clone.removeAttribute('style');
  clone.removeAttribute('role');
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}
