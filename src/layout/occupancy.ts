/**
 * Free room on the page for the title, legend and chart: what the tree draws is rasterised once into a
 * coarse occupancy grid (20 px cells) with a summed-area table, so testing a candidate rectangle costs
 * O(1). Conservative: a cell that an obstacle (plus the margin) touches counts as taken.
 *
 * Built for speed (the layout places furniture on several drafts of a big page): the table covers only
 * the cells up to the last one the tree takes (the grid has room to grow the page into, all of it
 * free); a rectangle as tall as the grid (the axis) is kept as a band of columns; and what is taken
 * after the table is built (the title, the chart) is kept as a short list, so the table is built once.
 */
import type { Point, Rect } from './scene.js';

export const CELL = 20;

export class Occupancy {
  readonly cols: number;
  readonly rows: number;
  private readonly grid: Uint8Array;
  /** Cells taken in the grid lie in [0, gridCols) × [0, gridRows). */
  private gridCols = 0;
  private gridRows = 0;
  /** Columns taken from top to bottom, as a prefix count (1 + cols entries). */
  private readonly bands: Int32Array;
  private sat: Int32Array | null = null;
  /** Cell ranges [i1, i2) × [j1, j2) taken after the table was built, four numbers each. */
  private readonly late: number[] = [];

  /** The grid covers [0, width) × [0, height) of the page. */
  constructor(width: number, height: number, readonly margin = 10) {
    this.cols = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    this.grid = new Uint8Array(this.cols * this.rows);
    this.bands = new Int32Array(this.cols + 1);
  }

  /** Take every cell that [x1, x2] × [y1, y2], grown by the margin, touches. */
  private take(x1: number, y1: number, x2: number, y2: number): void {
    const m = this.margin, W = this.cols;
    const i1 = Math.max(0, Math.floor((x1 - m) / CELL)), i2 = Math.min(W - 1, Math.floor((x2 + m) / CELL));
    const j1 = Math.max(0, Math.floor((y1 - m) / CELL)), j2 = Math.min(this.rows - 1, Math.floor((y2 + m) / CELL));
    if (i1 > i2 || j1 > j2) return;
    if (this.sat) {
      this.late.push(i1, j1, i2 + 1, j2 + 1);
    } else if (j1 === 0 && j2 === this.rows - 1) {
      for (let i = i1; i <= i2; i++) this.bands[i + 1] = 1;
    } else {
      for (let j = j1; j <= j2; j++) this.grid.fill(1, j * W + i1, j * W + i2 + 1);
      if (i2 >= this.gridCols) this.gridCols = i2 + 1;
      if (j2 >= this.gridRows) this.gridRows = j2 + 1;
    }
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
      for (let i = 0; i <= n; i++) this.point(a.x + ((b.x - a.x) * i) / n, a.y + ((b.y - a.y) * i) / n);
    }
    return this;
  }

  /** take(x, y, x, y), with the cells set directly (lines take thousands of points: no fill calls). */
  private point(x: number, y: number): void {
    const m = this.margin, W = this.cols, H = this.rows;
    let i1 = Math.floor((x - m) / CELL), i2 = Math.floor((x + m) / CELL), j1 = Math.floor((y - m) / CELL), j2 = Math.floor((y + m) / CELL);
    if (i1 < 0) i1 = 0;
    if (j1 < 0) j1 = 0;
    if (i2 > W - 1) i2 = W - 1;
    if (j2 > H - 1) j2 = H - 1;
    if (i1 > i2 || j1 > j2) return;
    if (this.sat || (j1 === 0 && j2 === H - 1)) return this.take(x, y, x, y);
    const g = this.grid;
    for (let j = j1; j <= j2; j++) for (let i = j * W + i1, e = j * W + i2; i <= e; i++) g[i] = 1;
    if (i2 >= this.gridCols) this.gridCols = i2 + 1;
    if (j2 >= this.gridRows) this.gridRows = j2 + 1;
  }

  /** The summed-area table of the grid's taken part (and the bands' prefix count), built once. */
  private table(): Int32Array {
    if (this.sat) return this.sat;
    const { cols, gridCols: W, gridRows: H, grid, bands } = this;
    const sat = new Int32Array((W + 1) * (H + 1));
    for (let j = 0; j < H; j++) {
      let row = 0;
      const g = j * cols, s0 = j * (W + 1) + 1, s1 = s0 + W + 1;
      for (let i = 0; i < W; i++) {
        row += grid[g + i];
        sat[s1 + i] = sat[s0 + i] + row;
      }
    }
    for (let i = 1; i <= cols; i++) bands[i] += bands[i - 1];
    return (this.sat = sat);
  }

  /** Whether cells [i, i + ci) × [j, j + cj) are all free (cells outside the grid are free). */
  freeCells(i: number, j: number, ci: number, cj: number): boolean {
    const i1 = i > 0 ? i : 0, j1 = j > 0 ? j : 0;
    const i2 = i + ci < this.cols ? i + ci : this.cols, j2 = j + cj < this.rows ? j + cj : this.rows;
    if (i2 <= i1 || j2 <= j1) return true;
    const s = this.table();
    if (this.bands[i2] !== this.bands[i1]) return false;
    const late = this.late;
    for (let k = 0; k < late.length; k += 4) if (i1 < late[k + 2] && late[k] < i2 && j1 < late[k + 3] && late[k + 1] < j2) return false;
    const gi = i2 < this.gridCols ? i2 : this.gridCols, gj = j2 < this.gridRows ? j2 : this.gridRows;
    if (gi <= i1 || gj <= j1) return true;
    const W = this.gridCols + 1;
    return s[gj * W + gi] - s[j1 * W + gi] - s[gj * W + i1] + s[j1 * W + i1] === 0;
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
