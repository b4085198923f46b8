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

/** Grid cell of the occupancy map, in px. */
const CELL = 20;

/**
 * Free room inside a bounding rectangle. The obstacles are drawn once into a coarse occupancy grid
 * with a summed-area table, so each candidate spot costs O(1) (conservative: a cell an obstacle
 * touches counts as taken); rectangles placed afterwards (`add`) are checked exactly.
 */
export class FreeSpace {
  private readonly W: number;
  private readonly H: number;
  private readonly sat: Int32Array;
  private readonly extra: Rect[] = [];

  constructor(readonly bounds: Rect, o: Obstacles, readonly margin = 10) {
    const x1 = bounds.x, y1 = bounds.y, x2 = bounds.x + bounds.w, y2 = bounds.y + bounds.h;
    const W = (this.W = Math.max(1, Math.ceil(bounds.w / CELL) + 1));
    const H = (this.H = Math.max(1, Math.ceil(bounds.h / CELL) + 1));
    const grid = new Uint8Array(W * H);
    const mark = (ax: number, ay: number, bx: number, by: number) => {
      const i1 = Math.max(0, Math.floor((ax - margin - x1) / CELL)), i2 = Math.min(W - 1, Math.floor((bx + margin - x1) / CELL));
      const j1 = Math.max(0, Math.floor((ay - margin - y1) / CELL)), j2 = Math.min(H - 1, Math.floor((by + margin - y1) / CELL));
      for (let j = j1; j <= j2; j++) grid.fill(1, j * W + i1, j * W + i2 + 1);
    };
    for (const q of o.rects) if (q.x <= x2 + margin && q.x + q.w >= x1 - margin && q.y <= y2 + margin && q.y + q.h >= y1 - margin) mark(q.x, q.y, q.x + q.w, q.y + q.h);
    for (const p of o.points) if (p.x >= x1 - margin && p.x <= x2 + margin && p.y >= y1 - margin && p.y <= y2 + margin) mark(p.x, p.y, p.x, p.y);
    const sat = (this.sat = new Int32Array((W + 1) * (H + 1)));
    for (let j = 0; j < H; j++) {
      let row = 0;
      const g = j * W, s0 = j * (W + 1) + 1, s1 = s0 + W + 1;
      for (let i = 0; i < W; i++) {
        row += grid[g + i];
        sat[s1 + i] = sat[s0 + i] + row;
      }
    }
  }

  /** Whether a rectangle touches no obstacle (inside the bounds, conservatively) and no added rectangle. */
  free(x: number, y: number, w: number, h: number): boolean {
    const { W, H, sat, bounds } = this;
    const i1 = Math.max(0, Math.floor((x - bounds.x) / CELL)), i2 = Math.min(W - 1, Math.floor((x + w - bounds.x) / CELL));
    const j1 = Math.max(0, Math.floor((y - bounds.y) / CELL)), j2 = Math.min(H - 1, Math.floor((y + h - bounds.y) / CELL));
    if (i2 >= i1 && j2 >= j1) {
      const n = sat[(j2 + 1) * (W + 1) + i2 + 1] - sat[j1 * (W + 1) + i2 + 1] - sat[(j2 + 1) * (W + 1) + i1] + sat[j1 * (W + 1) + i1];
      if (n !== 0) return false;
    }
    const r = { x, y, w, h };
    for (const q of this.extra) if (intersects(r, q, this.margin)) return false;
    return true;
  }

  add(r: Rect): void {
    this.extra.push(r);
  }

  /** First free spot among candidate top-left corners (in order), or null. */
  first(w: number, h: number, candidates: Iterable<Point>): Rect | null {
    for (const c of candidates) if (this.free(c.x, c.y, w, h)) return { x: c.x, y: c.y, w, h };
    return null;
  }
}

/** First free spot among candidate top-left corners (in order), or null (one-off use of FreeSpace). */
export function firstFree(w: number, h: number, candidates: Iterable<Point>, o: Obstacles, margin = 10, bounds?: Rect): Rect | null {
  const list = [...candidates];
  if (!bounds) {
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const c of list) {
      x1 = Math.min(x1, c.x);
      y1 = Math.min(y1, c.y);
      x2 = Math.max(x2, c.x + w);
      y2 = Math.max(y2, c.y + h);
    }
    if (!(x2 > x1 && y2 > y1)) return null;
    bounds = { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
  }
  return new FreeSpace(bounds, o, margin).first(w, h, list);
}
