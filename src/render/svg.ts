/** Scene → a self-contained SVG string. Text stays text; every catalog string is XML-escaped. */
import type { BarChart, Branch, Legend, ModelBox, OrgMark, Palette, Scene, TextLine, Trunk } from '../layout/index.js';
import { hasWide, FONT_FAMILY, CJK_FONT_FAMILY, ARROW_LEN, ARROW_HALF } from '../layout/index.js';
import type { Family } from '../catalog/core.js';
import { xml, num } from './escape.js';
import { parseIcon, type IconSvg } from './icons.js';

export interface SvgOptions {
  /** Icon SVG text by the organisation's `icon` path (read by the caller). */
  icons?: ReadonlyMap<string, string>;
  /** Output width in px; the height follows the aspect ratio (viewBox unchanged). */
  width?: number;
  /**
   * Draw only this region of the scene (scene units) at `width` × `height` px: an animation redraws the
   * parts of a frame that changed (src/render/frames.ts). Numbers are written at full precision so that
   * the region lands on whole pixels.
   */
  view?: { x: number; y: number; w: number; h: number; width: number; height: number };
  /**
   * A <title> (a tooltip) in each model box and on each of its organisation marks; default true. The
   * explorer shows its own tooltip, so its figures leave them out: some 1,100 fewer elements to parse.
   */
  boxTitles?: boolean;
  /**
   * Arrowheads as markers the branches draw (`marker-end`) rather than a polygon each; default false.
   * For browsers (the explorer: some 550 fewer elements to parse, style and lay out); resvg 2.6 panics on
   * markers in cropped animation frames, so files keep the polygons.
   */
  arrowMarkers?: boolean;
}

const FADED = '0.15';

export function renderSvg(scene: Scene, options: SvgOptions = {}): string {
  const p = scene.palette;
  const defs: Defs = { parsed: parsedIcons(options.icons), icons: new Map(), licences: new Set(), arrows: options.arrowMarkers ? new Set() : undefined };
  // The root sets font-family and text-anchor="middle" for every text; a text says only how it differs.
  const font = (s: string) => (hasWide(s) ? ` font-family="${xml(`${scene.font.cjkFamily}, ${scene.font.family}`)}"` : '');
  const text = (t: TextLine, fill: string, extra = '') => {
    const rot = t.rotate ? ` transform="rotate(${num(t.rotate)} ${num(t.x)} ${num(t.y)})"` : '';
    const weight = t.weight === 'bold' ? ' font-weight="bold"' : '';
    const anchor = t.anchor === 'middle' ? '' : ` text-anchor="${t.anchor}"`;
    return `<text x="${num(t.x)}" y="${num(t.y)}" font-size="${num(t.size)}"${anchor}${font(t.text)} fill="${fill}"${weight}${rot}${extra}>${xml(t.text)}</text>`;
  };
  const out: string[] = [];
  const v = options.view;
  const w = v ? v.width : (options.width ?? scene.width);
  const h = v ? v.height : Math.round((scene.height * w) / scene.width);
  const viewBox = v ? `${v.x} ${v.y} ${v.w} ${v.h}` : `0 0 ${scene.width} ${scene.height}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="${viewBox}" font-family="${xml(scene.font.family)}" text-anchor="middle">`,
    `<rect x="0" y="0" width="${scene.width}" height="${scene.height}" fill="${p.background}"/>`,
    '', // the definitions (icons, licence markers, arrowheads), once the figure is drawn
  );
  // Year lines and axis.
  const ax = scene.axis;
  out.push('<g id="years">');
  for (const l of ax.lines) out.push(`<line x1="${num(l.x1)}" y1="${num(l.y)}" x2="${num(l.x2)}" y2="${num(l.y)}" stroke="${p.yearLine}" stroke-width="2" stroke-dasharray="8 6"/>`);
  out.push('</g>');
  // An animation frame shows the tree only up to its date.
  const clip = scene.clipTop !== undefined ? ' clip-path="url(#grown)"' : '';
  if (clip) out.push(`<clipPath id="grown"><rect x="0" y="${num(scene.clipTop!)}" width="${scene.width}" height="${num(Math.max(0, scene.height - scene.clipTop!))}"/></clipPath>`);
  // Branches under trunks, trunks under boxes.
  out.push(`<g id="branches" fill="none" stroke-width="1.6" stroke-linecap="round"${clip}>`);
  for (const st of scene.stems ?? []) {
    const op = st.faded ? ` opacity="${FADED}"` : '';
    const from = `data-from="${xml(st.from)}"`;
    if (st.path) out.push(`<path ${from} d="${polyline(st.path)}" stroke="${p.family[st.family]}"${op}/>`);
    else out.push(`<line ${from} x1="${num(st.x)}" y1="${num(st.y1)}" x2="${num(st.x)}" y2="${num(st.y2)}" stroke="${p.family[st.family]}"${op}/>`);
    if (st.foot) out.push(`<path ${from} d="${curve(st.foot)}" stroke="${p.family[st.family]}"${op}/>`);
  }
  for (const b of scene.branches) out.push(branch(b, p, defs.arrows));
  out.push('</g>');
  // Secondary links (a merge's other parents, parents in other columns): thin, dashed, light.
  out.push('<g id="links" fill="none" stroke-width="1" stroke-dasharray="3 3" opacity="0.45">');
  for (const l of scene.links ?? []) out.push(`<path d="${curve(l.d)}" stroke="${p.family[l.family]}"${l.faded ? ` opacity="${FADED}"` : ''}/>`);
  out.push('</g>');
  if (scene.stump) out.push(`<polygon id="stump" points="${scene.stump.outline.map((q) => `${num(q.x)},${num(q.y)}`).join(' ')}" fill="${p.family['pre-transformer']}"/>`);
  out.push(`<g id="trunks"${clip}>`);
  for (const t of scene.trunks) out.push(trunk(t, p, text));
  out.push('</g>');
  // The axis grows with its year pills (20 px tall at scale 1).
  const k = ax.ticks.length ? ax.ticks[0].pill.h / 20 : 1;
  out.push(`<g id="axis"><line x1="${num(ax.x)}" y1="${num(ax.bottom)}" x2="${num(ax.x)}" y2="${num(ax.top + 14 * k)}" stroke="${p.axis}" stroke-width="${num(5 * k)}"/>`);
  out.push(`<polygon points="${num(ax.x)},${num(ax.top)} ${num(ax.x - 9 * k)},${num(ax.top + 20 * k)} ${num(ax.x + 9 * k)},${num(ax.top + 20 * k)}" fill="${p.axis}"/>`);
  for (const tk of ax.ticks) {
    out.push(`<rect x="${num(tk.pill.x)}" y="${num(tk.pill.y)}" width="${num(tk.pill.w)}" height="${num(tk.pill.h)}" rx="${num(tk.pill.h / 2)}" fill="${p.pill}" stroke="${p.axis}" stroke-width="${num(2.5 * k)}"/>`);
    out.push(text(tk.label, p.axis));
  }
  out.push('</g>');
  out.push('<g id="models">');
  const titled = options.boxTitles ?? true;
  for (const b of scene.boxes) out.push(box(b, p, text, defs, titled));
  out.push('</g>');
  out.push(legend(scene.legend, p, text, defs));
  if (scene.chart) out.push(chart(scene.chart, p, text, defs));
  out.push('<g id="title">', ...scene.title.map((t) => text(t, p.text)), '</g>');
  out.push('</svg>');
  out[2] = defsElement(defs, p);
  return out.filter((s) => s).join('\n') + '\n';
}

/** Icons parsed (by the organisation's `icon` path), and what this figure draws from definitions made once. */
interface Defs {
  parsed: Map<string, IconSvg | null>;
  /** The icons drawn, by definition id. */
  icons: Map<string, IconSvg>;
  /** The licence markers drawn. */
  licences: Set<LicenceMark>;
  /** The families whose arrowhead marker the branches draw; absent when arrowheads are polygons. */
  arrows?: Set<Family>;
}

/**
 * Each icon drawn once, in <defs>, as a pattern filling its mark's rectangle wherever a box or bar
 * carries it (its viewBox fits the icon into the rectangle, centred): one plain element per mark, where
 * a <use> would clone the icon's elements into a shadow tree a browser styles and lays out again for
 * every mark. The pattern's content inherits from the definition, so it resets what the root sets for text.
 */
function defsElement(defs: Defs, p: Palette): string {
  const { icons, licences, arrows = new Set<Family>() } = defs;
  if (!icons.size && !arrows.size && !licences.size) return '';
  const patterns = [...icons.values()].map((i) => `<pattern id="${xml(i.id)}" width="1" height="1" viewBox="${i.viewBox.map(num).join(' ')}"><g text-anchor="start">${i.body}</g></pattern>`);
  return `<defs>${[...arrows].sort().map((f) => arrowMarker(f, p)).join('')}${licenceDefs(licences, p)}${patterns.join('')}</defs>`;
}

/**
 * A family's arrowhead, drawn by each branch at its end (`marker-end`), along the end tangent as the
 * scene's `arrow` is: part of the branch's own drawing rather than an element of its own.
 */
function arrowMarker(f: Family, p: Palette): string {
  const l = ARROW_LEN, h = ARROW_HALF;
  return `<marker id="arrow-${f}" viewBox="0 0 ${l} ${2 * h}" refX="${l}" refY="${h}" markerWidth="${l}" markerHeight="${2 * h}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L${l} ${h}L0 ${2 * h}Z" fill="${p.family[f]}"/></marker>`;
}

/** Icons parsed once per map and text: an animation draws many SVGs with the same icons. */
const parsed = new WeakMap<ReadonlyMap<string, string>, Map<string, { raw: string; icon: IconSvg | null }>>();

function parsedIcons(raw: ReadonlyMap<string, string> | undefined): Map<string, IconSvg | null> {
  const icons = new Map<string, IconSvg | null>();
  if (!raw) return icons;
  const memo = parsed.get(raw) ?? new Map<string, { raw: string; icon: IconSvg | null }>();
  parsed.set(raw, memo);
  for (const [k, v] of raw) {
    let m = memo.get(k);
    if (m?.raw !== v) memo.set(k, (m = { raw: v, icon: parseIcon(v) }));
    icons.set(k, m!.icon);
  }
  return icons;
}

type TextFn = (t: TextLine, fill: string, extra?: string) => string;

/** Points further than this (scene units) from the straight line through their neighbours are drawn. */
const STRAIGHT = 0.01;

/**
 * A polyline as path data, without the points that lie on a straight run: a routed stem steps along a
 * grid, so most of its points (about 60% in the whole catalog's figure) add nothing to the drawing.
 * A point is left out only while every point left out since the last one drawn stays within STRAIGHT
 * of the segment that replaces them.
 */
export function polyline(pts: readonly { x: number; y: number }[]): string {
  const kept = pts.length ? [pts[0]] : [];
  let skipped: { x: number; y: number }[] = [];
  for (let i = 1; i < pts.length - 1; i++) {
    const a = kept[kept.length - 1], e = pts[i + 1];
    const dx = e.x - a.x, dy = e.y - a.y, len = Math.hypot(dx, dy);
    const off = (q: { x: number; y: number }) => (len ? Math.abs(dx * (q.y - a.y) - dy * (q.x - a.x)) / len : Math.hypot(q.x - a.x, q.y - a.y));
    const between = (q: { x: number; y: number }) => len > 0 && (q.x - a.x) * dx + (q.y - a.y) * dy >= 0 && (e.x - q.x) * dx + (e.y - q.y) * dy >= 0;
    skipped.push(pts[i]);
    if (!skipped.every((q) => between(q) && off(q) <= STRAIGHT)) (kept.push(pts[i]), (skipped = []));
  }
  if (pts.length > 1) kept.push(pts[pts.length - 1]);
  return rounded(kept);
}

/** Radius of a stem's rounded corners (scene units): leaning stems bend rather than kink. */
const CORNER = 18;

/**
 * Path data through the points with each corner rounded: the path leaves a segment up to CORNER before
 * the corner (never past half of it) and curves into the next one with a quadratic whose control point
 * is the corner, so it stays inside the corner's angle, where the packing kept the stem's sweep free.
 */
function rounded(q: readonly { x: number; y: number }[]): string {
  if (q.length < 3) return q.map((p, i) => `${i ? 'L' : 'M'}${num(p.x)} ${num(p.y)}`).join('');
  let d = `M${num(q[0].x)} ${num(q[0].y)}`;
  for (let i = 1; i < q.length - 1; i++) {
    const a = q[i - 1], p = q[i], b = q[i + 1];
    const la = Math.hypot(p.x - a.x, p.y - a.y), lb = Math.hypot(b.x - p.x, b.y - p.y);
    const r = Math.min(CORNER, la / 2, lb / 2);
    if (r < 0.5) {
      d += `L${num(p.x)} ${num(p.y)}`;
      continue;
    }
    const s = { x: p.x + ((a.x - p.x) * r) / la, y: p.y + ((a.y - p.y) * r) / la };
    const e = { x: p.x + ((b.x - p.x) * r) / lb, y: p.y + ((b.y - p.y) * r) / lb };
    d += `L${num(s.x)} ${num(s.y)}Q${num(p.x)} ${num(p.y)} ${num(e.x)} ${num(e.y)}`;
  }
  const z = q[q.length - 1];
  return d + `L${num(z.x)} ${num(z.y)}`;
}

function curve(d: readonly { x: number; y: number }[]): string {
  const [s, c1, c2, e] = d;
  return `M${num(s.x)} ${num(s.y)}C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(e.x)} ${num(e.y)}`;
}

/** A branch; its arrowhead a polygon of its own, or (`arrows` given) the family's marker, noted as used. */
function branch(b: Branch, p: Palette, arrows: Set<Family> | undefined): string {
  const c = p.family[b.family];
  const [s, c1, c2, e] = b.d;
  const op = b.faded ? ` opacity="${FADED}"` : '';
  const ids = `${b.from ? ` data-from="${xml(b.from)}"` : ''} data-to="${xml(b.to)}"`;
  const d = `M${num(s.x)} ${num(s.y)}C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(e.x)} ${num(e.y)}`;
  if (arrows) {
    arrows.add(b.family);
    return `<path${ids} d="${d}" stroke="${c}" marker-end="url(#arrow-${b.family})"${op}/>`;
  }
  return `<path${ids} d="${d}" stroke="${c}"${op}/><polygon${ids} points="${b.arrow.map((q) => `${num(q.x)},${num(q.y)}`).join(' ')}" fill="${c}" stroke="none"${op}/>`;
}

function trunk(t: Trunk, p: Palette, text: TextFn): string {
  const c = p.family[t.family];
  const d = t.outline.map((q, i) => `${i ? 'L' : 'M'}${num(q.x)} ${num(q.y)}`).join('') + 'Z';
  return (
    `<g id="trunk-${t.family}"><path d="${d}" fill="${c}"/>` +
    `<polygon points="${t.arrow.map((q) => `${num(q.x)},${num(q.y)}`).join(' ')}" fill="${c}"/>` +
    (t.labelPath ? trunkPathLabel(t, p) : text(t.label, p.onFill)) +
    '</g>'
  );
}

function trunkPathLabel(t: Trunk, p: Palette): string {
  const [a, b, c, d] = t.labelPath!;
  const id = `trunk-label-${t.family}`;
  const l = t.label;
  return (
    `<path id="${id}" d="M${num(a.x)} ${num(a.y)}C${num(b.x)} ${num(b.y)} ${num(c.x)} ${num(c.y)} ${num(d.x)} ${num(d.y)}" fill="none" stroke="none"/>` +
    `<text font-size="${num(l.size)}"${hasWide(l.text) ? ` font-family="${xml(`${CJK_FONT_FAMILY}, ${FONT_FAMILY}`)}"` : ''} font-weight="bold" fill="${p.family[t.family]}">` +
    `<textPath href="#${id}" startOffset="${Math.round((t.labelOffset ?? 0.5) * 100)}%">${xml(l.text)}</textPath></text>`
  );
}

function mark(m: OrgMark, defs: Defs, text: TextFn, titled = true): string {
  const title = titled ? `<title>${xml(m.name)}</title>` : '';
  const icon = m.kind === 'icon' && m.icon ? defs.parsed.get(m.icon) : undefined;
  if (icon) {
    defs.icons.set(icon.id, icon);
    const rect = `<rect x="${num(m.x)}" y="${num(m.y)}" width="${num(m.w)}" height="${num(m.h)}" fill="url(#${xml(icon.id)})"/>`;
    return title ? `<g>${title}${rect}</g>` : rect;
  }
  const label = m.text ?? '?';
  const size = Math.max(8, Math.round(m.h * 0.57 * 10) / 10);
  const badge =
    `<rect x="${num(m.x)}" y="${num(m.y)}" width="${num(m.w)}" height="${num(m.h)}" rx="3" fill="${m.color}"/>` +
    text({ text: label, x: m.x + m.w / 2, y: m.y + m.h / 2 + size * 0.36, size, anchor: 'middle', weight: 'bold' }, '#FFFFFF');
  return title ? `<g>${title}${badge}</g>` : badge;
}

function box(b: ModelBox, p: Palette, text: TextFn, defs: Defs, titled: boolean): string {
  const c = p.family[b.family];
  const filled = b.fill === 'filled';
  const op = b.faded ? ` opacity="${FADED}"` : '';
  const parts = [`<g id="m-${xml(b.id)}" class="model" data-id="${xml(b.id)}"${op}>${titled ? `<title>${xml(`${b.name} (${b.released})`)}</title>` : ''}`];
  if (b.highlighted) parts.push(`<rect x="${num(b.x - 4)}" y="${num(b.y - 4)}" width="${num(b.w + 8)}" height="${num(b.h + 8)}" rx="8" fill="none" stroke="${p.restricted}" stroke-width="2"/>`);
  parts.push(`<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="5" fill="${filled ? c : p.hollow}" stroke="${c}" stroke-width="2"/>`);
  for (const l of b.lines) parts.push(text(l, filled ? p.onFill : c));
  for (const m of b.marks) parts.push(mark(m, defs, text, titled));
  if (b.restricted) parts.push(restricted(b.restricted.x, b.restricted.y, b.restricted.r, b.restricted.commercial === 'conditional', defs.licences));
  parts.push('</g>');
  return parts.join('');
}

/**
 * Licence markers, deliberately unlike the round organisation badges: a struck-through "$" (no
 * commercial use) and a small caution triangle with "!" (commercial use only under conditions). Each
 * kind is drawn once, as a pattern, and a marker is one rectangle filled with it (`used` notes the kinds
 * drawn): a text and a shape per marker were some 260 texts more for a browser to lay out.
 */
function restricted(x: number, y: number, r: number, conditional: boolean, used: Set<LicenceMark>): string {
  const kind: LicenceMark = conditional ? 'conditional' : 'no';
  used.add(kind);
  const half = r * MARK_ROOM;
  return `<rect x="${num(x - half)}" y="${num(y - half)}" width="${num(2 * half)}" height="${num(2 * half)}" fill="url(#licence-${kind})"/>`;
}

type LicenceMark = 'no' | 'conditional';

/** A licence marker's pattern tile, as a share of its radius: room for the triangle's stroke and the "$". */
const MARK_ROOM = 1.3;

/** The licence markers' patterns: each drawn at radius 5 around the tile's centre. */
function licenceDefs(used: Set<LicenceMark>, p: Palette): string {
  const r = 5, half = r * MARK_ROOM, box = `${num(-half)} ${num(-half)} ${num(2 * half)} ${num(2 * half)}`;
  const shape = (kind: LicenceMark) => {
    if (kind === 'conditional') {
      const h = r * 0.95;
      return (
        `<polygon points="0,${num(-h - 0.6)} ${num(r + 0.4)},${num(h)} ${num(-r - 0.4)},${num(h)}" fill="${p.caution}" stroke="${p.caution}" stroke-width="1" stroke-linejoin="round"/>` +
        `<text x="0" y="${num(h - 1)}" font-size="${num(r * 1.5)}" font-weight="bold" fill="#1E1E1E">!</text>`
      );
    }
    return (
      `<text x="0" y="${num(r * 0.78)}" font-size="${num(r * 2.3)}" font-weight="bold" fill="${p.restricted}">$</text>` +
      `<line x1="${-r}" y1="${r}" x2="${r}" y2="${-r}" stroke="${p.restricted}" stroke-width="1.5" stroke-linecap="round"/>`
    );
  };
  return [...used].sort().map((k) => `<pattern id="licence-${k}" width="1" height="1" viewBox="${box}">${shape(k)}</pattern>`).join('');
}

/** An opaque panel behind the legend and the chart, so year lines and nothing else show through. */
function panel(r: { x: number; y: number; w: number; h: number }, p: Palette): string {
  const pad = 6;
  return `<rect x="${num(r.x - pad)}" y="${num(r.y - pad)}" width="${num(r.w + 2 * pad)}" height="${num(r.h + 2 * pad)}" rx="6" fill="${p.background}" stroke="${p.yearLine}" stroke-width="1.5"/>`;
}

function legend(l: Legend, p: Palette, text: TextFn, defs: Defs): string {
  const parts = ['<g id="legend">', panel(l, p)];
  for (const it of l.items) {
    const s = it.swatch;
    if (it.kind === 'family') parts.push(`<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" rx="4" fill="${p.family[it.family!]}"/>`);
    else if (it.kind === 'open') parts.push(`<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" rx="4" fill="${p.muted}" stroke="${p.muted}" stroke-width="2"/>`);
    else if (it.kind === 'closed') parts.push(`<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" rx="4" fill="${p.hollow}" stroke="${p.muted}" stroke-width="2"/>`);
    else if (it.kind === 'restricted' || it.kind === 'conditional') parts.push(restricted(s.x + s.w / 2, s.y + s.h / 2, s.w / 2, it.kind === 'conditional', defs.licences));
    parts.push(text(it.label, p.text));
  }
  parts.push('</g>');
  return parts.join('');
}

function chart(c: BarChart, p: Palette, text: TextFn, defs: Defs): string {
  const parts = ['<g id="chart">', panel(c, p), text(c.caption, p.text)];
  if (c.note) parts.push(text(c.note, p.muted));
  const top = c.bars.length ? c.bars[0].openRect.y - 3 : c.y;
  const bottom = c.bars.length ? c.bars[c.bars.length - 1].openRect.y + c.bars[0].openRect.h + 3 : c.y;
  for (const b of c.bars) {
    const r = (q: { x: number; y: number; w: number; h: number }, fill: string) =>
      q.w > 0 ? `<rect x="${num(q.x)}" y="${num(q.y)}" width="${num(q.w)}" height="${num(q.h)}" fill="${fill}" stroke="${p.chartClosed}" stroke-width="1"/>` : '';
    parts.push(`<g class="bar" data-org="${xml(b.mark.org)}"><title>${xml(`${b.name}: ${b.open} open, ${b.closed} closed`)}</title>`, r(b.closedRect, p.hollow), r(b.openRect, p.chartOpen));
    if (b.closedLabel) parts.push(text(b.closedLabel, p.text));
    // A count inside the (light peach) open bar is always dark; elsewhere it takes the theme's text colour.
    if (b.openLabel) parts.push(text(b.openLabel, b.openLabel.anchor === 'middle' ? '#3B3F45' : p.text));
    parts.push(mark(b.mark, defs, text), '</g>');
  }
  for (const n of c.names) parts.push(text(n, p.text));
  parts.push(`<line x1="${num(c.axisX)}" y1="${num(top)}" x2="${num(c.axisX)}" y2="${num(bottom)}" stroke="${p.chartClosed}" stroke-width="2"/>`);
  for (const k of c.key) {
    const s = k.swatch;
    parts.push(`<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" fill="${k.kind === 'open' ? p.chartOpen : p.hollow}" stroke="${p.chartClosed}" stroke-width="1"/>`, text(k.label, p.text));
  }
  parts.push('</g>');
  return parts.join('');
}
