/** The tapering trunks: from the root stump, curving to their column, then straight up. */
import type { Family } from '../catalog/index.js';
import type { Point, TextLine, Trunk } from './scene.js';
import { arrowhead, pt, r2, sampleBezier } from './geometry.js';
import { textWidth } from './text.js';

/** Width of a trunk at its base, from the number of models it carries. */
export function trunkWidth(count: number): number {
  return Math.round(Math.min(30, Math.max(14, 10 + 1.6 * Math.sqrt(count))));
}

export interface TrunkInput {
  family: Family;
  label: string;
  /** Where it leaves the root, and the column it runs up. */
  rootX: number;
  rootY: number;
  x: number;
  /** y where the curve meets the column (the axis bottom) and where it ends. */
  bottom: number;
  top: number;
  width: number;
  /** Write the name under the curve rather than over it (the outermost of several trunks bending the same way). */
  labelBelow?: boolean;
  /** Smallest size for the name along the curve (the figure's furniture scale). */
  labelMin?: number;
}

/** Width at a height on the vertical part: tapers linearly from `width` to a third of it. */
export function widthAt(t: { top: number; bottom: number; width: number }, y: number): number {
  const w = t.width;
  const f = Math.min(1, Math.max(0, (t.bottom - y) / Math.max(1, t.bottom - t.top)));
  return w * (1 - 0.62 * f);
}

/** The centre line of a trunk's curved part, from the root to the foot of its column. */
export function spineOf(t: { rootX: number; rootY: number; x: number; bottom: number }): [Point, Point, Point, Point] {
  return [
    { x: t.rootX, y: t.rootY },
    { x: t.rootX, y: t.rootY - (t.rootY - t.bottom) * 0.55 },
    { x: t.x, y: t.rootY - (t.rootY - t.bottom) * 0.45 },
    { x: t.x, y: t.bottom },
  ];
}

/** Whether a label band (sample points of its middle line, each with a radius) touches nothing. */
export type LabelFree = (points: Point[], r: number) => boolean;

export function makeTrunk(t: TrunkInput, free?: LabelFree): Trunk {
  const spine = spineOf(t);
  const curve = sampleBezier(spine, 18);
  const steps = 8;
  const center: { p: Point; w: number }[] = curve.map((p) => ({ p, w: t.width * 1.15 }));
  for (let i = 1; i <= steps; i++) {
    const y = t.bottom + ((t.top - t.bottom) * i) / steps;
    center.push({ p: { x: t.x, y }, w: widthAt(t, y) });
  }
  const left: Point[] = [];
  const right: Point[] = [];
  center.forEach(({ p, w }, i) => {
    const a = center[Math.max(0, i - 1)].p;
    const b = center[Math.min(center.length - 1, i + 1)].p;
    let dx = b.x - a.x, dy = b.y - a.y;
    const n = Math.hypot(dx, dy) || 1;
    dx /= n;
    dy /= n;
    left.push(pt(p.x + dy * (w / 2), p.y - dx * (w / 2)));
    right.push(pt(p.x - dy * (w / 2), p.y + dx * (w / 2)));
  });
  const topW = widthAt(t, t.top);
  const arrow = arrowhead({ x: t.x, y: t.top }, { x: t.x, y: t.top - 16 }, 16, topW * 1.3);
  return {
    family: t.family,
    outline: [...left, ...right.reverse()],
    arrow,
    x: t.x,
    top: t.top,
    bottom: t.bottom,
    width: t.width,
    ...trunkLabel(t, spine, free),
  };
}

/** Length of a sampled curve. */
function curveLength(d: readonly [Point, Point, Point, Point]): number {
  const ps = sampleBezier(d, 24);
  let n = 0;
  for (let i = 1; i < ps.length; i++) n += Math.hypot(ps[i].x - ps[i - 1].x, ps[i].y - ps[i - 1].y);
  return n;
}

/**
 * The family name, as in the survey: written along the lower, curved part of the trunk, just above it,
 * in the family colour, reading left to right. A trunk that rises almost straight from the root gets
 * the name up its vertical part instead, inside the trunk.
 */
function trunkLabel(t: TrunkInput, spine: [Point, Point, Point, Point], free?: LabelFree): { label: TextLine; labelPath?: [Point, Point, Point, Point]; labelOffset?: number } {
  const run = Math.abs(t.x - t.rootX);
  const size0 = Math.max(t.labelMin ?? 0, Math.min(22, Math.max(14, t.width * 0.9)));
  if (run <= textWidth(t.label, size0) * 1.6) return { label: verticalLabel(t) };
  let first: { label: TextLine; labelPath: [Point, Point, Point, Point]; labelOffset: number } | undefined;
  // Try spots along the curve, over it and under it, nearer the column first; keep the first that
  // touches no box and no other trunk.
  for (const below of t.labelBelow ? [true, false] : [false, true]) {
    const lift = below ? -((t.width * 1.15) / 2 + 4 + size0 * 0.75) : (t.width * 1.15) / 2 + 5;
    // Left-going trunks are written from the column end, so the text is never upside down.
    const d = (t.x < t.rootX ? [spine[3], spine[2], spine[1], spine[0]] : spine).map((q) => pt(q.x, q.y - lift)) as [Point, Point, Point, Point];
    const ps = sampleBezier(d, 48);
    const cum = [0];
    for (let i = 1; i < ps.length; i++) cum.push(cum[i - 1] + Math.hypot(ps[i].x - ps[i - 1].x, ps[i].y - ps[i - 1].y));
    const len = cum[cum.length - 1];
    const size = Math.round(Math.min(size0, (size0 * len * 0.8) / textWidth(t.label, size0)) * 10) / 10;
    const tw = textWidth(t.label, size);
    for (const f of [0.3, 0.42, 0.55, 0.2, 0.68, 0.8]) {
      const at = t.x < t.rootX ? f : 1 - f;
      const c = at * len;
      if (c - tw / 2 < 0 || c + tw / 2 > len) continue;
      const band = ps.filter((_, i) => cum[i] >= c - tw / 2 - 2 && cum[i] <= c + tw / 2 + 2).map((q) => ({ x: q.x, y: q.y - size * 0.35 }));
      const mid = ps[Math.min(ps.length - 1, Math.max(0, cum.findIndex((v) => v >= c)))];
      const option = { label: { text: t.label, x: r2(mid.x), y: r2(mid.y), size, anchor: 'middle' as const, weight: 'bold' as const }, labelPath: d, labelOffset: Math.round(at * 100) / 100 };
      first ??= option;
      if (!free || free(band, size * 0.55)) return option;
    }
  }
  // Every spot along the curve touches something: up the trunk's own vertical part instead.
  return (!free && first) || { label: verticalLabel(t) };
}

function verticalLabel(t: TrunkInput): TextLine {
  const room = t.bottom - t.top - 24;
  let size = Math.min(11, t.width * 0.62);
  const len = (s: number) => textWidth(t.label, s);
  if (len(size) > room) size = Math.max(5, (size * room) / len(size));
  const y = t.bottom - 10 - len(size) / 2;
  return { text: t.label, x: t.x + size * 0.36, y, size, anchor: 'middle', rotate: -90, weight: 'bold' };
}
