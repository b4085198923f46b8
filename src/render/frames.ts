/**
 * The frames of an animation as RGBA rasters, drawn incrementally. The layout is computed once, so a box
 * never moves: from one frame to the next only a few regions change — the band the growing clip newly
 * uncovers, the boxes, branches, links and stems that appear, the axis and the bar chart. The first frame
 * is drawn whole; each later one redraws only its changed regions, each from an SVG of the frame cropped
 * to that region (its viewBox) that holds just the elements near it, and pastes them over the previous
 * frame. Regions are whole pixels, so a redrawn region has the pixels a whole-frame drawing would have
 * there (test/animation.test.ts compares them). Anything else that differs between two frames (legend,
 * title, trunks, size, colours) redraws the whole frame.
 */
import type { Branch, Link, ModelBox, OrgMark, Rect, Scene, StemLine } from '../layout/index.js';
import { bbox } from '../layout/index.js';
import { renderSvg } from './svg.js';
import { rasterise } from './raster.js';

/** A region in whole output pixels. */
export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Patch extends PixelRect {
  /** RGBA of the region, row by row. */
  data: Uint8Array;
}

export interface FrameRasters {
  width: number;
  height: number;
  /** Per frame, the regions drawn since the previous frame (the first frame: one patch, the whole frame). */
  patches: Patch[][];
}

export interface FrameOptions {
  /** Output width in px. */
  width: number;
  icons?: ReadonlyMap<string, string>;
}

/** Elements this far (scene units) outside a region are still drawn into it: a label may overhang its box. */
const NEAR = 24;

/** Px² two regions may waste when drawn as one. */
const MERGE_SLACK = 4096;

const pad = (r: Rect, m: number): Rect => ({ x: r.x - m, y: r.y - m, w: r.w + 2 * m, h: r.h + 2 * m });

const bounds = (points: readonly { x: number; y: number }[], m: number): Rect => pad(bbox(points), m);

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

const meets = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Extents of the drawn elements (scene units), strokes and highlight rings included.
const boxRect = (b: ModelBox) => pad(union(b, b.unit), 6);
const curveRect = (c: Branch | Link) => bounds('arrow' in c ? [...c.d, ...c.arrow] : c.d, 3);
const stemRect = (s: StemLine) => bounds([...(s.path ?? [{ x: s.x, y: s.y1 }, { x: s.x, y: s.y2 }]), ...(s.foot ?? [])], 3);

function axisRect(a: Scene['axis']): Rect {
  const k = a.ticks.length ? a.ticks[0].pill.h / 20 : 1;
  const r = bounds([{ x: a.x - 12 * k, y: a.top - 2 }, { x: a.x + 12 * k, y: a.bottom + 4 * k }], 4);
  return a.ticks.reduce((u, t) => union(u, pad(bounds([t.pill, { x: t.pill.x + t.pill.w, y: t.pill.y + t.pill.h }, t.label], 4), 4 * k)), r);
}

const chartRect = (c: NonNullable<Scene['chart']>) => pad(c, 12);

/** Elements keyed so that two frames can be compared (a frame shows a subset of the last frame's). */
function keyed<T>(xs: readonly T[] | undefined, key: (x: T) => string, rect: (x: T) => Rect): Map<string, Rect> {
  return new Map((xs ?? []).map((x) => [key(x), rect(x)]));
}

function parts(s: Scene): Map<string, Rect> {
  return new Map([
    ...keyed(s.boxes, (b) => `box ${b.id}`, boxRect),
    ...keyed(s.branches, (b) => `branch ${b.from} ${b.to}`, curveRect),
    ...keyed(s.links, (l) => `link ${l.from} ${l.to}`, curveRect),
    ...keyed(s.stems, (t) => `stem ${t.from} ${t.x} ${t.y1} ${t.y2}`, stemRect),
  ]);
}

/** What must look the same in two frames for a partial redraw. */
function fixed(s: Scene): string {
  const { boxes, branches, links, stems, chart, axis, clipTop, ...rest } = s;
  void boxes, branches, links, stems, chart, axis, clipTop;
  return JSON.stringify(rest);
}

/** The regions (scene units) that differ between two frames, or undefined when the whole frame must be drawn. */
export function changedRegions(prev: Scene, next: Scene): Rect[] | undefined {
  if (fixed(prev) !== fixed(next)) return undefined;
  const out: Rect[] = [];
  if (prev.clipTop !== next.clipTop) {
    if (prev.clipTop === undefined || next.clipTop === undefined) return undefined;
    const top = Math.min(prev.clipTop, next.clipTop), bottom = Math.max(prev.clipTop, next.clipTop);
    out.push({ x: -4, y: top - 4, w: next.width + 8, h: bottom - top + 8 });
  }
  const a = parts(prev), b = parts(next);
  for (const [k, r] of a) if (!b.has(k)) out.push(r);
  for (const [k, r] of b) if (!a.has(k)) out.push(r);
  if (JSON.stringify(prev.axis) !== JSON.stringify(next.axis)) out.push(union(axisRect(prev.axis), axisRect(next.axis)));
  if (JSON.stringify(prev.chart) !== JSON.stringify(next.chart)) {
    const rs = [prev.chart, next.chart].filter((c) => c).map((c) => chartRect(c!));
    if (rs.length) out.push(rs.reduce(union));
  }
  return out;
}

/** Regions in whole pixels within the canvas, overlapping (or nearly touching) ones merged. */
export function toPixels(regions: readonly Rect[], k: number, width: number, height: number): PixelRect[] {
  let rs: PixelRect[] = [];
  for (const r of regions) {
    const x0 = Math.max(0, Math.floor(r.x * k) - 1), y0 = Math.max(0, Math.floor(r.y * k) - 1);
    const x1 = Math.min(width, Math.ceil((r.x + r.w) * k) + 1), y1 = Math.min(height, Math.ceil((r.y + r.h) * k) + 1);
    if (x1 > x0 && y1 > y0) rs.push({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  }
  // Two regions are drawn as one when that adds little area (each drawing has a fixed cost); overlapping
  // regions may stay apart, as both hold the same pixels where they overlap.
  const area = (r: PixelRect) => r.w * r.h;
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < rs.length && !merged; i++) {
      for (let j = i + 1; j < rs.length && !merged; j++) {
        const u = union(rs[i], rs[j]);
        if (area(u) <= area(rs[i]) + area(rs[j]) + MERGE_SLACK) {
          rs = [...rs.slice(0, i), u, ...rs.slice(i + 1, j), ...rs.slice(j + 1)];
          merged = true;
        }
      }
    }
  }
  return rs.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** A text line's extent, roughly (its width is not known here: wide enough for any label). */
function textRect(t: { x: number; y: number; size: number; anchor: string; rotate?: number }): Rect {
  const w = 60 * t.size;
  if (t.rotate) return pad({ x: t.x, y: t.y, w: 0, h: 0 }, w);
  const x = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { x, y: t.y - 1.2 * t.size, w, h: 1.6 * t.size };
}

/**
 * The scene with only the elements near a region: a region's drawing parses no more than it must.
 * resvg 2.6 panics on a layer (a translucent or clipped group, an icon with opacity, clip or mask) that
 * lies wholly outside the canvas, so lines, curves and trunks (translucent or clipped) are kept only if
 * their bounds meet `visible` (the canvas less a pixel) below the clip, and icons outside it become
 * badges. What they would paint lies outside `visible`, in the bleed that is cut off.
 */
export function cropScene(scene: Scene, region: Rect, visible: Rect = region): Scene {
  const near = pad(region, NEAR);
  const keep = <T>(xs: readonly T[] | undefined, rect: (x: T) => Rect) => (xs ?? []).filter((x) => meets(rect(x), near));
  const below = scene.clipTop === undefined ? visible : clipBelow(visible, scene.clipTop);
  const shown = <T>(xs: readonly T[], rect: (x: T) => Rect, clipped: boolean) => xs.filter((x) => below && meets(rect(x), clipped ? below : visible));
  const noIcon = (m: OrgMark): OrgMark => (m.kind === 'icon' && !meets(m, visible) ? { ...m, kind: 'badge' } : m);
  const boxes = keep(scene.boxes, boxRect)
    .filter((b) => !b.faded || [b, ...b.marks].some((r) => meets(r, visible)))
    .map((b) => (b.marks.some((m) => noIcon(m) !== m) ? { ...b, marks: b.marks.map(noIcon) } : b));
  const chart = scene.chart && meets(chartRect(scene.chart), near) ? { ...scene.chart, bars: scene.chart.bars.map((b) => ({ ...b, mark: noIcon(b.mark) })) } : null;
  const legend = meets(pad(scene.legend, 12), near) ? scene.legend : { ...scene.legend, items: [] };
  return {
    ...scene,
    boxes,
    branches: shown(scene.branches, (b) => bounds([...b.d, ...b.arrow], 0), true),
    links: scene.links ? shown(scene.links, (l) => bounds(l.d, 0), false) : scene.links,
    stems: scene.stems ? shown(scene.stems, (t) => bounds([...(t.path ?? [{ x: t.x, y: t.y1 }, { x: t.x, y: t.y2 }]), ...(t.foot ?? [])], 0), true) : scene.stems,
    trunks: shown(scene.trunks, (t) => bounds([...t.outline, ...t.arrow, ...(t.labelPath ?? []), t.label], 0), true),
    // The first tick stays: the axis takes its scale from it (svg.ts).
    axis: { ...scene.axis, ticks: scene.axis.ticks.filter((t, i) => i === 0 || meets(union(pad(t.pill, 4), textRect(t.label)), near)) },
    chart,
    legend,
    title: keep(scene.title, textRect),
  };
}

/** The part of a rectangle below y (undefined if none). */
function clipBelow(r: Rect, y: number): Rect | undefined {
  const top = Math.max(r.y, y);
  return top < r.y + r.h ? { x: r.x, y: top, w: r.w, h: r.y + r.h - top } : undefined;
}

/** Extra px drawn around a region and then cut off: anti-aliasing right at a drawing's edge can differ. */
const BLEED = 4;

/** One region of a frame, drawn at k output px per scene unit. */
export function drawRegion(scene: Scene, px: PixelRect, k: number, icons?: ReadonlyMap<string, string>): Patch {
  const big = { x: px.x - BLEED, y: px.y - BLEED, w: px.w + 2 * BLEED, h: px.h + 2 * BLEED };
  const view = { x: big.x / k, y: big.y / k, w: big.w / k, h: big.h / k };
  const visible = { x: view.x + 1 / k, y: view.y + 1 / k, w: view.w - 2 / k, h: view.h - 2 / k };
  const svg = renderSvg(cropScene(scene, view, visible), { icons, view: { ...view, width: big.w, height: big.h } });
  const r = rasterise(svg, scene.palette.background);
  if (r.width !== big.w || r.height !== big.h) throw new Error(`drawRegion: drew ${r.width}×${r.height} px for a ${big.w}×${big.h} region`);
  const data = new Uint8Array(px.w * px.h * 4);
  for (let row = 0; row < px.h; row++) {
    const from = ((row + BLEED) * big.w + BLEED) * 4;
    data.set(r.data.subarray(from, from + px.w * 4), row * px.w * 4);
  }
  return { ...px, data };
}

/**
 * Whether regions of these frames can be drawn apart. resvg 2.6 can panic (and abort the process) on a
 * translucent group nested in a clipped one, or an icon's own opacity, clip or mask, when the canvas
 * shows only part of it; such frames (a highlighted lineage fades the rest) are drawn whole.
 */
function regionsDrawSafely(last: Scene, icons?: ReadonlyMap<string, string>): boolean {
  const faded = [...last.boxes, ...last.branches, ...(last.stems ?? []), ...(last.links ?? []), ...last.trunks].some((x) => x.faded);
  const layered = [...(icons?.values() ?? [])].some((t) => /(^|[^-\w])(opacity|clip-path|mask|filter)\s*[=:]/i.test(t));
  return !faded && !layered;
}

/** Every frame of the animation, as the patches that turn the previous frame into it. */
export function frameRasters(scenes: readonly Scene[], o: FrameOptions): FrameRasters {
  if (!scenes.length) throw new Error('frameRasters: no frames');
  const width = Math.round(o.width);
  const k = width / scenes[0].width;
  const height = Math.max(1, Math.round(scenes[0].height * k));
  const whole: PixelRect = { x: 0, y: 0, w: width, h: height };
  const partial = regionsDrawSafely(scenes[scenes.length - 1], o.icons);
  const patches = scenes.map((s, i) => {
    if (s.width !== scenes[0].width || s.height !== scenes[0].height) throw new Error('frameRasters: every frame must have the same size');
    const regions = i && partial ? changedRegions(scenes[i - 1], s) : undefined;
    const pxs = regions ? toPixels(regions, k, width, height) : [whole];
    return pxs.map((px) => drawRegion(s, px, k, o.icons));
  });
  return { width, height, patches };
}

/** Paste a patch into an RGBA canvas `width` px wide (or into an index canvas, with `bytes` 1). */
export function paste(canvas: Uint8Array, width: number, p: PixelRect, data: Uint8Array, bytes = 4): void {
  for (let row = 0; row < p.h; row++) canvas.set(data.subarray(row * p.w * bytes, (row + 1) * p.w * bytes), ((p.y + row) * width + p.x) * bytes);
}

/** The frames one after another as whole RGBA rasters (one canvas, updated in place: copy a frame to keep it). */
export function* wholeFrames(r: FrameRasters): Generator<Uint8Array> {
  const canvas = new Uint8Array(r.width * r.height * 4);
  for (const ps of r.patches) {
    for (const p of ps) paste(canvas, r.width, p, p.data);
    yield canvas;
  }
}
