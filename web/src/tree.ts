/** The figure in the page: the same layoutTree and renderSvg as `llmtree render`, parsed as XML (never as HTML). */
import { layoutTree, type Scene } from '../../src/layout/index.js';
import { renderSvg } from '../../src/render/svg.js';
import type { Model } from '../../src/catalog/core.js';
import type { Data } from './data.js';

export interface Drawn {
  key: string;
  scene: Scene;
  svgText: string;
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
  return fromScene(d, scene, key);
}

/** Draw a scene laid out elsewhere (the server's precomputed figure, or the layout worker). */
export function fromScene(d: Data, scene: Scene, key: string, text?: string): Drawn {
  const svgText = text ?? renderSvg(scene, { icons: d.icons });
  performance.mark('svg-end');
  const svg = parseSvg(svgText);
  performance.mark('parse-end');
  for (const t of svg.querySelectorAll('g.model > title')) t.remove(); // the page shows its own tooltip
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', scene.title.map((t) => t.text).join(' '));
  const boxes = new Map<string, SVGGElement>();
  for (const g of svg.querySelectorAll<SVGGElement>('g.model[data-id]')) boxes.set(g.dataset.id!, g);
  return {
    key,
    scene,
    svgText,
    svg,
    boxes,
    edges: [...svg.querySelectorAll<SVGElement>('#branches [data-to]')],
    stems: [...svg.querySelectorAll<SVGElement>('#branches line[data-from]')],
    ids: new Set(scene.boxes.map((b) => b.id)),
  };
}

/** Parse SVG text as XML and keep only drawing: no scripts, foreign content, handlers or outside links. */
export function parseSvg(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) throw new Error('the figure is not well-formed SVG');
  for (const bad of root.querySelectorAll('script, foreignObject, iframe, object, embed, style, animate, set, animateTransform, animateMotion')) bad.remove();
  // renderSvg writes attributes only from fixed templates (values escaped) and icons from an allow-list;
  // this pass is a second line of defence, so it stays cheap: one walk, attribute names only.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = root as Element | null; el; el = walker.nextNode() as Element | null) {
    for (const name of el.getAttributeNames()) {
      const c = name.charCodeAt(0) | 32;
      if ((c === 111 && (name.charCodeAt(1) | 32) === 110) || ((name === 'href' || name === 'xlink:href') && !el.getAttribute(name)!.startsWith('#'))) el.removeAttribute(name);
    }
  }
  return document.adoptNode(root) as unknown as SVGSVGElement;
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
