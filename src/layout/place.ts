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

/**
 * First free spot among candidate top-left corners (in order), or null. The obstacles are drawn once
 * into a coarse occupancy grid with a summed-area table, so each candidate costs O(1) (conservative:
 * a cell an obstacle touches counts as taken).
 */
export function firstFree(w: number, h: number, candidates: Iterable<Point>, o: Obstacles, margin = 10, bounds?: Rect): Rect | null {
  const list = bounds ? candidates : [...candidates];
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  if (bounds) {
    x1 = bounds.x;
    y1 = bounds.y;
    x2 = bounds.x + bounds.w;
    y2 = bounds.y + bounds.h;
  } else {
    for (const c of list as Point[]) {
      x1 = Math.min(x1, c.x);
      y1 = Math.min(y1, c.y);
      x2 = Math.max(x2, c.x + w);
      y2 = Math.max(y2, c.y + h);
    }
  }
  if (!(x2 > x1 && y2 > y1)) return null;
  const cell = 10;
  const W = Math.ceil((x2 - x1) / cell) + 1, H = Math.ceil((y2 - y1) / cell) + 1;
  const grid = new Uint8Array(W * H);
  const mark = (ax: number, ay: number, bx: number, by: number) => {
    const i1 = Math.max(0, Math.floor((ax - margin - x1) / cell)), i2 = Math.min(W - 1, Math.floor((bx + margin - x1) / cell));
    const j1 = Math.max(0, Math.floor((ay - margin - y1) / cell)), j2 = Math.min(H - 1, Math.floor((by + margin - y1) / cell));
    for (let j = j1; j <= j2; j++) for (let i = i1; i <= i2; i++) grid[j * W + i] = 1;
  };
  for (const q of o.rects) if (q.x <= x2 + margin && q.x + q.w >= x1 - margin && q.y <= y2 + margin && q.y + q.h >= y1 - margin) mark(q.x, q.y, q.x + q.w, q.y + q.h);
  for (const p of o.points) if (p.x >= x1 - margin && p.x <= x2 + margin && p.y >= y1 - margin && p.y <= y2 + margin) mark(p.x, p.y, p.x, p.y);
  const sat = new Int32Array((W + 1) * (H + 1));
  for (let j = 0; j < H; j++) {
    let row = 0;
    for (let i = 0; i < W; i++) {
      row += grid[j * W + i];
      sat[(j + 1) * (W + 1) + i + 1] = sat[j * (W + 1) + i + 1] + row;
    }
  }
  for (const c of list) {
    const i1 = Math.max(0, Math.floor((c.x - x1) / cell)), i2 = Math.min(W - 1, Math.floor((c.x + w - x1) / cell));
    const j1 = Math.max(0, Math.floor((c.y - y1) / cell)), j2 = Math.min(H - 1, Math.floor((c.y + h - y1) / cell));
    const n = sat[(j2 + 1) * (W + 1) + i2 + 1] - sat[j1 * (W + 1) + i2 + 1] - sat[(j2 + 1) * (W + 1) + i1] + sat[j1 * (W + 1) + i1];
    if (n === 0) return { x: c.x, y: c.y, w, h };
  }
  return null;
}
