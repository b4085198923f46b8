/** Finding free room for the legend and the chart: the first candidate spot that touches nothing. */
import type { Point, Rect } from './scene.js';
import { contains, intersects } from './geometry.js';

export interface Obstacles {
  rects: Rect[];
  points: Point[];
}

export function isFree(r: Rect, o: Obstacles, margin: number): boolean {
  for (const q of o.rects) if (intersects(r, q, margin)) return false;
  for (const p of o.points) if (contains(r, p, margin)) return false;
  return true;
}

/** First free spot among candidate top-left corners (in order), or null. */
export function firstFree(w: number, h: number, candidates: Iterable<Point>, o: Obstacles, margin = 10): Rect | null {
  const list = [...candidates];
  if (!list.length) return null;
  // Keep only the obstacles that reach into the area the candidates cover.
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const c of list) {
    x1 = Math.min(x1, c.x);
    y1 = Math.min(y1, c.y);
    x2 = Math.max(x2, c.x + w);
    y2 = Math.max(y2, c.y + h);
  }
  const area = { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
  const near: Obstacles = { rects: o.rects.filter((q) => intersects(area, q, margin)), points: o.points.filter((p) => contains(area, p, margin)) };
  for (const c of list) {
    const r = { x: c.x, y: c.y, w, h };
    if (isFree(r, near, margin)) return r;
  }
  return null;
}
