/**
 * Phase 6 — title, legend, chart, axis, and the page. The page is the tree's extent, padded to the
 * target shape; the title (upper left), the legend (upper left) and the chart (lower right) then go
 * into empty parts of it, as in the survey's figure. Only when one fits nowhere does the page grow,
 * rightward or downward, whichever leaves the smaller page (after padding it to the shape again).
 */
import type { Catalog, Family, Model } from '../catalog/core.js';
import type { BarChart, Legend, Rect, Scene, TextLine } from './scene.js';
import type { Strings } from './i18n.js';
import type { Frame } from './frame.js';
import { MARGIN } from './frame.js';
import { legend, LEGEND_SHAPES } from './legend.js';
import { barChart } from './chart.js';
import { axis, PILL_W } from './axis.js';
import { CELL, Occupancy } from './occupancy.js';
import { textWidth } from './text.js';
import { sampleBezier } from './geometry.js';

/** The title belongs at the top: its top edge no lower than this share of the page. */
const TITLE_TOP = 0.12;
/** Room kept between furniture and the tree (the panels' 6 px padding included). */
const CLEAR = 12;

export interface FurnitureInput {
  catalog: Catalog;
  f: Frame;
  s: Strings;
  chartTop: number;
  families: Family[];
  plotRight: number;
  bottom: number;
  /** What the title, legend and chart must not cover. */
  parts: Pick<Scene, 'boxes' | 'trunks' | 'stems' | 'branches' | 'links' | 'stump'>;
  minWidth: number;
  /** Page shape (width ÷ height): the page is padded to it. */
  aspect?: number;
  /** Models counted in the chart (all drawn ones; the animation passes the ones shown so far). */
  counted?: readonly Model[];
}

export interface Furniture {
  legend: Legend;
  chart: BarChart | null;
  axis: Scene['axis'];
  title: TextLine[];
  width: number;
  height: number;
  /** Whether the title found room at the top of the page (else it went wherever it fit). */
  titleFits: boolean;
}

interface Page {
  w: number;
  h: number;
}

/** The page padded to the shape: the smallest page of that shape holding w × h (rounded up at the end). */
export function padPage(w: number, h: number, aspect: number | undefined): Page {
  if (!aspect) return { w, h };
  const W = Math.max(w, aspect * h - 1e-6);
  return { w: W, h: Math.max(h, W / aspect) };
}

/** The tree, drawn into the occupancy grid. */
function occupancy(input: FurnitureInput, w: number, h: number): Occupancy {
  const { parts, f } = input;
  const occ = new Occupancy(w, h, CLEAR);
  // The axis, its pills and its arrow.
  occ.rect({ x: 0, y: 0, w: f.axisX + (PILL_W / 2) * f.k, h });
  for (const b of parts.boxes) occ.rect(b.unit);
  for (const tr of parts.trunks) {
    occ.rect({ x: tr.x - tr.width / 2, y: tr.top - 18, w: tr.width, h: tr.bottom - tr.top + 18 });
    occ.line([...tr.outline, tr.outline[0]]).line(tr.arrow);
    if (tr.labelPath) occ.line(sampleBezier(tr.labelPath, 12));
  }
  if (parts.stump) occ.line([...parts.stump.outline, parts.stump.outline[0]]);
  for (const st of parts.stems) {
    occ.line(st.path ?? [{ x: st.x, y: st.y1 }, { x: st.x, y: st.y2 }]);
    if (st.foot) occ.line(sampleBezier(st.foot, 12));
  }
  for (const br of parts.branches) occ.line(sampleBezier(br.d, 12)).line(br.arrow);
  for (const l of parts.links) occ.line(sampleBezier(l.d, 12));
  return occ;
}

type Corner = 'tl' | 'tr' | 'bl' | 'br';

/**
 * Where one piece of furniture goes: the free spot inside the page nearest its corner; else the spot
 * needing the least growth of the page, rightward or downward, whichever leaves the smaller page once
 * padded to the shape. `top`: the lowest y its top edge may take; `grow` false: inside the page or nowhere.
 */
function place(occ: Occupancy, page: Page, aspect: number | undefined, w: number, h: number, corner: Corner, top = Infinity, grow = true): { r: Rect; page: Page } | null {
  const at = { right: corner[1] === 'r', bottom: corner[0] === 'b' };
  const cell = (v: number) => Math.floor(v / CELL);
  const i1 = Math.ceil(MARGIN / CELL), j1 = i1;
  const iIn = cell(page.w - MARGIN - w), jIn = Math.min(cell(page.h - MARGIN - h), cell(top));
  const grown = (r: Rect) => ({ r, page: padPage(Math.max(page.w, r.x + w + MARGIN), Math.max(page.h, r.y + h + MARGIN), aspect) });
  const inside = iIn >= i1 && jIn >= j1 ? occ.nearest(w, h, i1, j1, iIn, jIn, at) : null;
  if (inside || !grow) return inside && grown(inside);
  // Growth: past the right edge (a column at a time), or past the bottom (a row at a time).
  const iOut = cell(page.w + CLEAR), jOut = Math.min(cell(page.h + CLEAR), cell(top));
  const right = jIn >= j1 ? occ.sweep(w, h, Math.max(i1, iIn + 1), j1, iOut, jIn, true, at.bottom) : null;
  const down = iIn >= i1 && jOut > jIn ? occ.sweep(w, h, i1, Math.max(j1, jIn + 1), iIn, jOut, false, at.right) : null;
  const options = [right, down].filter((r): r is Rect => r !== null).map(grown);
  const size = (p: Page) => (aspect ? p.w : p.w * p.h);
  options.sort((a, b) => size(a.page) - size(b.page));
  if (options.length) return options[0];
  // Wider than the page, or no room above `top`: beside the page's upper right.
  return j1 * CELL <= top ? grown({ x: iOut * CELL, y: j1 * CELL, w, h }) : null;
}

export function furniture(input: FurnitureInput): Furniture {
  const { catalog, f, s, aspect } = input;
  const k = f.kPanel;
  const markers = { no: input.parts.boxes.some((b) => b.restricted?.commercial === 'no'), conditional: input.parts.boxes.some((b) => b.restricted?.commercial === 'conditional') };
  const counted = input.counted ?? f.drawn;
  const chartProbe = barChart(catalog, counted, input.chartTop, s, 0, 0, k);
  const legends = LEGEND_SHAPES.map((shape) => ({ shape, probe: legend(input.families, s, markers, 0, 0, k, shape) }));
  const titleW = Math.ceil(Math.max(0, ...f.titleLines.map((l) => textWidth(l, f.titleFont))));
  const titleH = f.titleLines.length * (f.titleFont + 6);
  let page = padPage(Math.max(input.minWidth, input.plotRight + MARGIN), input.bottom + MARGIN, aspect);
  // Room to grow: rightward and downward by every piece, and the padding that follows.
  const sizes = [{ w: titleW, h: titleH }, chartProbe ?? { w: 0, h: 0 }, ...legends.map((l) => l.probe)];
  const growW = sizes.reduce((a, q) => a + q.w + 2 * CLEAR, 0), growH = sizes.reduce((a, q) => a + q.h + 2 * CLEAR, 0);
  const occ = occupancy(input, page.w + growW + (aspect ? growH * aspect : 0), page.h + growH + (aspect ? growW / aspect : 0));

  let titleRect: Rect | null = null;
  let titleFits = true;
  if (titleW > 0) {
    // Inside the page's top, without growing it; else (titleFits false) the caller keeps a band for it.
    const fit = place(occ, page, aspect, titleW, titleH, 'tl', Math.max(f.headerH - titleH, TITLE_TOP * page.h), false);
    const at = fit ?? place(occ, page, aspect, titleW, titleH, 'tl')!;
    titleFits = fit !== null;
    titleRect = at.r;
    page = at.page;
    occ.rect(titleRect);
  }
  let chartRect: Rect | null = null;
  if (chartProbe) {
    const at = place(occ, page, aspect, chartProbe.w, chartProbe.h, 'br')!;
    chartRect = at.r;
    page = at.page;
    occ.rect(chartRect);
  }
  let pick: { shape: (typeof LEGEND_SHAPES)[number]; r: Rect; page: Page; cost: number } | null = null;
  for (const { shape, probe } of legends) {
    const at = place(occ, page, aspect, probe.w, probe.h, 'tl');
    if (!at) continue;
    const cost = (aspect ? at.page.w : at.page.w * at.page.h) * 1e6 + near(at.r, titleRect) + (probe.w * probe.h) / 1000;
    if (!pick || cost < pick.cost) pick = { shape, r: at.r, page: at.page, cost };
  }
  page = pick!.page;
  const leg = legend(input.families, s, markers, pick!.r.x, pick!.r.y, k, pick!.shape);
  const chart = chartProbe && chartRect ? barChart(catalog, counted, input.chartTop, s, chartRect.x, chartRect.y, k) : null;
  const tx = titleRect?.x ?? f.axisX + 40, ty = titleRect?.y ?? MARGIN;
  const title: TextLine[] = f.titleLines.map((l, i) => ({ text: l, x: tx, y: ty + (i + 1) * (f.titleFont + 6) - 6, size: f.titleFont, anchor: 'start', weight: 'bold' }));
  const width = Math.ceil(page.w), height = Math.ceil(page.h);
  const ax = axis(f.scale, f.axisX, Math.min(f.scale.top - 30, f.headerH + 10), height - MARGIN / 2, width - MARGIN, f.k);
  return { legend: leg, chart, axis: ax, title, width, height, titleFits };
}

/** Distance from the legend to the title (the legend sits best under it): with its area, it decides between shapes. */
function near(r: Rect, title: Rect | null): number {
  if (!title) return r.x + r.y;
  return Math.abs(r.x - title.x) + Math.abs(r.y - (title.y + title.h));
}
