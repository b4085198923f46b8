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
  for (const c of candidates) {
    const r = { x: c.x, y: c.y, w, h };
    if (isFree(r, o, margin)) return r;
  }
  return null;
}
