/**
 * The figure in the page: the same layoutTree and renderSvg as `llmtree render`. The SVG text comes only
 * from renderSvg (here, in the layout worker, or the server's first-paint figure), which escapes every
 * catalog string and rebuilds icons from an allow-list; it is parsed inside an inert <template>.
 */
import { layoutTree } from '../../src/layout/index.js';
import { explorerSvg, figureMeta, type FigureMeta } from '../../src/server/figure.js';
import type { Model } from '../../src/catalog/core.js';
import type { Data } from './data.js';

export interface Drawn {
  key: string;
  figure: FigureMeta;
  svg: SVGSVGElement;
  boxes: Map<string, SVGGElement>;
  /** Branch paths, each drawing its arrowhead (data-to, data-from). */
  edges: SVGElement[];
  /** Shared stems (data-from). */
  stems: SVGElement[];
  ids: Set<string>;
  /** What the redraws need, read from the SVG once (`prepare`) rather than on every filter change. */
  links?: Links;
}

/** The boxes and edges as parallel arrays, with the class each last got, so a redraw writes only changes. */
interface Links {
  boxIds: string[];
  boxEls: SVGGElement[];
  edgeTo: string[];
  edgeFrom: (string | undefined)[];
  stemFrom: string[];
  /** 1 where the element has class `off`: boxes, then edges, then stems. */
  off: Uint8Array;
  /** Whether any element may have `dim`, `selected` or `candidate`. */
  emphasized: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function draw(d: Data, models: Model[], key: string, lang: 'en' | 'zh', theme: 'light' | 'dark'): Drawn {
  performance.mark('layout-start');
  const scene = layoutTree(d.catalog, models, { lang, theme });
  performance.mark('layout-end');
  return fromSvg(figureMeta(scene), explorerSvg(scene, d.icons), key);
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

/** Read the box ids and edge ends once (the first paint leaves this for after the frame). */
export function prepare(t: Drawn): Links {
  if (t.links) return t.links;
  const boxIds = [...t.boxes.keys()];
  t.links = {
    boxIds,
    boxEls: [...t.boxes.values()],
    edgeTo: t.edges.map((e) => e.dataset.to!),
    edgeFrom: t.edges.map((e) => e.dataset.from),
    stemFrom: t.stems.map((e) => e.dataset.from!),
    off: new Uint8Array(boxIds.length + t.edges.length + t.stems.length),
    emphasized: false,
  };
  return t.links;
}

/** Toggle `off` on element `i` of the links' order only if it changes. */
function setOff(l: Links, el: Element, i: number, off: boolean): void {
  if (l.off[i] === +off) return;
  l.off[i] = +off;
  el.classList.toggle('off', off);
}

/** Show only the `visible` models, the branches between them, and the stems that still lead somewhere. */
export function applyVisibility(t: Drawn, visible: Set<string>): void {
  const l = prepare(t);
  const nb = l.boxIds.length;
  for (let i = 0; i < nb; i++) setOff(l, l.boxEls[i], i, !visible.has(l.boxIds[i]));
  const live = new Set<string>();
  for (let i = 0; i < t.edges.length; i++) {
    const from = l.edgeFrom[i];
    const on = visible.has(l.edgeTo[i]) && (!from || visible.has(from));
    setOff(l, t.edges[i], nb + i, !on);
    if (on && from) live.add(from);
  }
  const ns = nb + t.edges.length;
  for (let i = 0; i < t.stems.length; i++) setOff(l, t.stems[i], ns + i, !live.has(l.stemFrom[i]));
}

/** Fade what is outside the lineage; mark the selection and the guide's candidates. */
export function applyEmphasis(t: Drawn, lineage: Set<string> | undefined, selected: string | undefined, candidates: Set<string>): void {
  const l = prepare(t);
  const any = !!lineage || selected !== undefined || candidates.size > 0;
  // Nothing to mark and nothing marked: a filter change then touches no element here.
  if (!any && !l.emphasized) return;
  l.emphasized = any;
  for (let i = 0; i < l.boxIds.length; i++) {
    const id = l.boxIds[i];
    const g = l.boxEls[i];
    g.classList.toggle('dim', !!lineage && !lineage.has(id));
    g.classList.toggle('selected', id === selected);
    g.classList.toggle('candidate', candidates.has(id));
  }
  for (let i = 0; i < t.edges.length; i++) {
    const from = l.edgeFrom[i];
    t.edges[i].classList.toggle('dim', !!lineage && !(lineage.has(l.edgeTo[i]) && (!from || lineage.has(from))));
  }
  for (let i = 0; i < t.stems.length; i++) t.stems[i].classList.toggle('dim', !!lineage && !lineage.has(l.stemFrom[i]));
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
