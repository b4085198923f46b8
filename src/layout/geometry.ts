/** Small geometry helpers: rectangles, cubic Béziers, arrowheads, rounding. */
import type { Point, Rect } from './scene.js';

/** Round to 0.01 px so output is short and stable. */
export const r2 = (v: number) => Math.round(v * 100) / 100;
export const pt = (x: number, y: number): Point => ({ x: r2(x), y: r2(y) });

export function intersects(a: Rect, b: Rect, margin = 0): boolean {
  return a.x < b.x + b.w + margin && a.x + a.w + margin > b.x && a.y < b.y + b.h + margin && a.y + a.h + margin > b.y;
}

export function contains(r: Rect, p: Point, margin = 0): boolean {
  return p.x >= r.x - margin && p.x <= r.x + r.w + margin && p.y >= r.y - margin && p.y <= r.y + r.h + margin;
}

export function bezierAt(d: readonly [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t;
  return { x: a * d[0].x + b * d[1].x + c * d[2].x + e * d[3].x, y: a * d[0].y + b * d[1].y + c * d[2].y + e * d[3].y };
}

export function sampleBezier(d: readonly [Point, Point, Point, Point], n: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= n; i++) out.push(bezierAt(d, i / n));
  return out;
}

/** A small triangular arrowhead with its tip at `tip`, pointing away from `from`. */
export function arrowhead(from: Point, tip: Point, len: number, half: number): [Point, Point, Point] {
  let dx = tip.x - from.x, dy = tip.y - from.y;
  const n = Math.hypot(dx, dy) || 1;
  dx /= n;
  dy /= n;
  const bx = tip.x - dx * len, by = tip.y - dy * len;
  return [pt(tip.x, tip.y), pt(bx - dy * half, by + dx * half), pt(bx + dy * half, by - dx * half)];
}

export function bbox(points: readonly Point[]): Rect {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}
