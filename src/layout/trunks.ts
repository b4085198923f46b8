/** The tapering trunks: from the root stump, curving to their column, then straight up. */
import type { Family } from '../catalog/index.js';
import type { Point, TextLine, Trunk } from './scene.js';
import { arrowhead, pt, sampleBezier } from './geometry.js';
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
}

/** Width at a height on the vertical part: tapers linearly from `width` to a third of it. */
export function widthAt(t: { top: number; bottom: number; width: number }, y: number): number {
  const w = t.width;
  const f = Math.min(1, Math.max(0, (t.bottom - y) / Math.max(1, t.bottom - t.top)));
  return w * (1 - 0.62 * f);
}

export function makeTrunk(t: TrunkInput): Trunk {
  const curve = sampleBezier(
    [
      { x: t.rootX, y: t.rootY },
      { x: t.rootX, y: t.rootY - (t.rootY - t.bottom) * 0.55 },
      { x: t.x, y: t.rootY - (t.rootY - t.bottom) * 0.45 },
      { x: t.x, y: t.bottom },
    ],
    18,
  );
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
    label: trunkLabel(t),
  };
}

/** The family name written up the trunk, inside it, near its base; smaller when the trunk is short. */
function trunkLabel(t: TrunkInput): TextLine {
  const room = t.bottom - t.top - 24;
  let size = Math.min(11, t.width * 0.62);
  const len = (s: number) => textWidth(t.label, s);
  if (len(size) > room) size = Math.max(5, (size * room) / len(size));
  const y = t.bottom - 10 - len(size) / 2;
  return { text: t.label, x: t.x + size * 0.36, y, size, anchor: 'middle', rotate: -90, weight: 'bold' };
}
