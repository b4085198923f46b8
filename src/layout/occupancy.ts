/**
 * Free room on the page for the title, legend and chart: what the tree draws is rasterised once into a
 * coarse occupancy grid (20 px cells) with a summed-area table, so testing a candidate rectangle costs
 * O(1). Conservative: a cell that an obstacle (plus the margin) touches counts as taken.
 */
import type { Point, Rect } from './scene.js';

export const CELL = 20;

export class Occupancy {
  readonly cols: number;
  readonly rows: number;
  private readonly grid: Uint8Array;
  private sat: Int32Array | null = null;

  /** The grid covers [0, width) × [0, height) of the page. */
  constructor(width: number, height: number, readonly margin = 10) {
    this.cols = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    this.grid = new Uint8Array(this.cols * this.rows);
  }

  /** Take every cell that [x1, x2] × [y1, y2], grown by the margin, touches. */
  private take(x1: number, y1: number, x2: number, y2: number): void {
    const m = this.margin;
    const i1 = Math.max(0, Math.floor((x1 - m) / CELL)), i2 = Math.min(this.cols - 1, Math.floor((x2 + m) / CELL));
    const j1 = Math.max(0, Math.floor((y1 - m) / CELL)), j2 = Math.min(this.rows - 1, Math.floor((y2 + m) / CELL));
    for (let j = j1; j <= j2; j++) if (i1 <= i2) this.grid.fill(1, j * this.cols + i1, j * this.cols + i2 + 1);
    this.sat = null;
  }

  rect(r: Rect): this {
    this.take(r.x, r.y, r.x + r.w, r.y + r.h);
    return this;
  }

  /** A polyline, walked in steps shorter than a cell so no cell it crosses is missed. */
  line(pts: readonly Point[]): this {
    for (let k = 0; k < pts.length; k++) {
      const a = pts[k], b = pts[k + 1] ?? a;
      const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / (CELL / 2)));
      for (let i = 0; i <= n; i++) {
        const x = a.x + ((b.x - a.x) * i) / n, y = a.y + ((b.y - a.y) * i) / n;
        this.take(x, y, x, y);
      }
    }
    return this;
  }

  private table(): Int32Array {
    if (this.sat) return this.sat;
    const { cols: W, rows: H, grid } = this;
    const sat = new Int32Array((W + 1) * (H + 1));
    for (let j = 0; j < H; j++) {
      let row = 0;
      const g = j * W, s0 = j * (W + 1) + 1, s1 = s0 + W + 1;
      for (let i = 0; i < W; i++) {
        row += grid[g + i];
        sat[s1 + i] = sat[s0 + i] + row;
      }
    }
    return (this.sat = sat);
  }

  /** Whether cells [i, i + ci) × [j, j + cj) are all free (cells outside the grid are free). */
  freeCells(i: number, j: number, ci: number, cj: number): boolean {
    const i1 = Math.max(0, i), j1 = Math.max(0, j), i2 = Math.min(this.cols, i + ci), j2 = Math.min(this.rows, j + cj);
    if (i2 <= i1 || j2 <= j1) return true;
    const s = this.table(), W = this.cols + 1;
    return s[j2 * W + i2] - s[j1 * W + i2] - s[j2 * W + i1] + s[j1 * W + i1] === 0;
  }

  /** Whether a rectangle touches no taken cell. */
  free(r: Rect): boolean {
    const i = Math.floor(r.x / CELL), j = Math.floor(r.y / CELL);
    return this.freeCells(i, j, Math.floor((r.x + r.w) / CELL) - i + 1, Math.floor((r.y + r.h) / CELL) - j + 1);
  }

  /**
   * The best free spot for a w × h rectangle whose top-left corner lies on a cell corner within
   * [x1, x2] × [y1, y2]: least `cost`, ties broken by the order of the scan (top to bottom, left to right).
   */
  best(w: number, h: number, x1: number, y1: number, x2: number, y2: number, cost: (x: number, y: number) => number): Rect | null {
    const ci = Math.ceil(w / CELL) + 1, cj = Math.ceil(h / CELL) + 1;
    let best: Rect | null = null, bestCost = Infinity;
    for (let j = Math.ceil(y1 / CELL); j * CELL <= y2; j++) {
      for (let i = Math.ceil(x1 / CELL); i * CELL <= x2; i++) {
        if (!this.freeCells(i, j, ci, cj)) continue;
        const c = cost(i * CELL, j * CELL);
        if (c < bestCost - 1e-9) (bestCost = c), (best = { x: i * CELL, y: j * CELL, w, h });
      }
    }
    return best;
  }
}
