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

  /** Cells a w × h rectangle on a cell corner covers (one more each way: it may end on a cell edge). */
  static span(w: number, h: number): [number, number] {
    return [Math.ceil(w / CELL) + 1, Math.ceil(h / CELL) + 1];
  }

  /**
   * The free spot nearest a corner of a region: top-left corners on cell corners within cells
   * [i1, i2] × [j1, j2], scanned by growing L1 distance from the corner (ties: nearer in y first).
   */
  nearest(w: number, h: number, i1: number, j1: number, i2: number, j2: number, corner: { right: boolean; bottom: boolean }): Rect | null {
    const [ci, cj] = Occupancy.span(w, h);
    const ni = i2 - i1, nj = j2 - j1;
    for (let d = 0; d <= ni + nj; d++) {
      for (let dj = Math.max(0, d - ni); dj <= Math.min(d, nj); dj++) {
        const i = corner.right ? i2 - (d - dj) : i1 + (d - dj), j = corner.bottom ? j2 - dj : j1 + dj;
        if (this.freeCells(i, j, ci, cj)) return { x: i * CELL, y: j * CELL, w, h };
      }
    }
    return null;
  }

  /**
   * The first free spot line by line: columns i1 → i2 (outer) then rows from one end (`byColumn`), or
   * rows j1 → j2 (outer) then columns from one end. Finds the least growth of a page to the right or down.
   */
  sweep(w: number, h: number, i1: number, j1: number, i2: number, j2: number, byColumn: boolean, fromEnd: boolean): Rect | null {
    const [ci, cj] = Occupancy.span(w, h);
    const [o1, o2, n1, n2] = byColumn ? [i1, i2, j1, j2] : [j1, j2, i1, i2];
    for (let o = o1; o <= o2; o++) {
      for (let n = n1; n <= n2; n++) {
        const m = fromEnd ? n2 - (n - n1) : n;
        const [i, j] = byColumn ? [o, m] : [m, o];
        if (this.freeCells(i, j, ci, cj)) return { x: i * CELL, y: j * CELL, w, h };
      }
    }
    return null;
  }
}
