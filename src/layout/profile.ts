/**
 * A horizontal profile: for each slice of height BUCKET (absolute y, from a shared origin), the
 * innermost and outermost occupied distance `u` from a stem. Subtrees are packed against each other
 * by comparing profiles, slice by slice, as in a tidy tree's contour (Reingold & Tilford), except that
 * here y is fixed by the release date and the contour runs along y.
 */
export const BUCKET = 6;

/** Shared by every profile until it holds something (`cover` gives it arrays of its own). */
const EMPTY = new Float64Array(0);

export class Profile {
  /** First slice held, and how many. */
  lo = 0;
  n = 0;
  min = EMPTY;
  max = EMPTY;

  constructor(readonly origin: number) {}

  slice(y: number): number {
    return Math.floor((y - this.origin) / BUCKET);
  }

  /** Capacity held: slices [cap0, cap0 + min.length). */
  private cap0 = 0;

  private cover(b1: number, b2: number): void {
    if (this.n && b1 >= this.lo && b2 < this.lo + this.n) return;
    const lo = this.n ? Math.min(this.lo, b1) : b1;
    const hi = this.n ? Math.max(this.lo + this.n - 1, b2) : b2;
    if (this.n && lo >= this.cap0 && hi < this.cap0 + this.minAll.length) {
      // Room held already: shift the window onto it.
      this.rebase(lo, hi);
      return;
    }
    const slack = Math.max(16, hi - lo + 1);
    const cap0 = lo - slack, len = hi - lo + 1 + 2 * slack;
    const min = new Float64Array(len).fill(Infinity);
    const max = new Float64Array(len).fill(-Infinity);
    if (this.n) {
      min.set(this.minAll.subarray(this.lo - this.cap0, this.lo - this.cap0 + this.n), this.lo - cap0);
      max.set(this.maxAll.subarray(this.lo - this.cap0, this.lo - this.cap0 + this.n), this.lo - cap0);
    }
    this.cap0 = cap0;
    this.minAll = min;
    this.maxAll = max;
    this.rebase(lo, hi);
  }

  private minAll = EMPTY;
  private maxAll = EMPTY;

  private rebase(lo: number, hi: number): void {
    this.lo = lo;
    this.n = hi - lo + 1;
    this.min = this.minAll.subarray(lo - this.cap0, lo - this.cap0 + this.n);
    this.max = this.maxAll.subarray(lo - this.cap0, lo - this.cap0 + this.n);
  }

  /** Occupy [u1, u2] over the heights [y1, y2]. */
  add(y1: number, y2: number, u1: number, u2: number): void {
    if (!(Number.isFinite(y1) && Number.isFinite(y2))) return;
    const b1 = this.slice(Math.min(y1, y2)), b2 = this.slice(Math.max(y1, y2));
    this.cover(b1, b2);
    for (let b = b1; b <= b2; b++) {
      const i = b - this.lo;
      if (u1 < this.min[i]) this.min[i] = u1;
      if (u2 > this.max[i]) this.max[i] = u2;
    }
  }

  /** Take in another profile moved outward by d. */
  merge(p: Profile, d: number): void {
    if (!p.n) return;
    this.cover(p.lo, p.lo + p.n - 1);
    const off = p.lo - this.lo;
    for (let j = 0; j < p.n; j++) {
      if (p.min[j] === Infinity) continue;
      const i = j + off;
      if (p.min[j] + d < this.min[i]) this.min[i] = p.min[j] + d;
      if (p.max[j] + d > this.max[i]) this.max[i] = p.max[j] + d;
    }
  }

  /** Take in another profile moved outward by a shift that varies with height (`shift.at(slice)`). */
  mergeSheared(p: Profile, shift: Shear): void {
    if (!p.n) return;
    this.cover(p.lo, p.lo + p.n - 1);
    const off = p.lo - this.lo;
    const sv = shift.along(p.lo, p.n);
    for (let j = 0; j < p.n; j++) {
      if (p.min[j] === Infinity) continue;
      // A stem leaning across a slice sweeps the shifts on both sides of it: take the whole sweep.
      const a = sv[j], d = sv[j + 1], b = sv[j + 2];
      const i = j + off, lo = Math.min(d, (a + d) / 2, (b + d) / 2), hi = Math.max(d, (a + d) / 2, (b + d) / 2);
      if (p.min[j] + lo < this.min[i]) this.min[i] = p.min[j] + lo;
      if (p.max[j] + hi > this.max[i]) this.max[i] = p.max[j] + hi;
    }
  }

  /** Outermost extent `p` would reach merged with `mergeSheared(p, shift)` (nothing is merged). */
  static shearedExtent(p: Profile, shift: Shear, wall?: (slice: number) => number): number {
    let m = 0;
    const sv = shift.along(p.lo, p.n);
    for (let j = 0; j < p.n; j++) {
      if (p.min[j] === Infinity) continue;
      const a = sv[j], d = sv[j + 1], b = sv[j + 2];
      const v = p.max[j] + Math.max(d, (a + d) / 2, (b + d) / 2) + (wall ? wall(p.lo + j) : 0);
      if (v > m) m = v;
    }
    return m;
  }

  /**
   * The least shear that puts `p` at least `gap` outward of this profile in every slice, never below
   * `floor`, and changing by at most `slope` px per px of height, so stems lean rather than jump.
   */
  shear(p: Profile, gap: number, floor: number, slope: number): Shear {
    const need = new Float64Array(p.n).fill(floor);
    for (let j = 0; j < p.n; j++) {
      const i = p.lo + j - this.lo;
      if (i < 0 || i >= this.n || p.min[j] === Infinity || this.max[i] === -Infinity) continue;
      need[j] = Math.max(floor, this.max[i] + gap - p.min[j]);
    }
    // Upper envelope of cones: s(j) = max_k need(k) - slope·|j − k|·BUCKET, in two linear passes.
    const step = slope * BUCKET;
    const s = Float64Array.from(need);
    for (let j = 1; j < p.n; j++) s[j] = Math.max(s[j], s[j - 1] - step);
    for (let j = p.n - 2; j >= 0; j--) s[j] = Math.max(s[j], s[j + 1] - step);
    return new Shear(this.origin, p.lo, s);
  }

  /** Whether nothing reaches beyond u over the heights [y1, y2]. */
  clearBeyond(y1: number, y2: number, u: number): boolean {
    const b1 = Math.max(this.slice(y1), this.lo), b2 = Math.min(this.slice(y2), this.lo + this.n - 1);
    for (let b = b1; b <= b2; b++) if (this.max[b - this.lo] > u) return false;
    return true;
  }

  /** Outermost extent over all heights (0 when empty). */
  extent(wall?: (slice: number) => number): number {
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      const v = this.max[i] + (wall ? wall(this.lo + i) : 0);
      if (v > m) m = v;
    }
    return m;
  }
}

/** A horizontal shift per slice (constant beyond both ends). */
export class Shear {
  constructor(readonly origin: number, readonly lo: number, readonly s: Float64Array) {}

  at(slice: number): number {
    if (!this.s.length) return 0;
    return this.s[Math.min(this.s.length - 1, Math.max(0, slice - this.lo))];
  }

  /** Whether the shift is the same at every height (nothing leans: no box can straddle two shifts). */
  level(): boolean {
    const s = this.s;
    for (let i = 1; i < s.length; i++) if (s[i] !== s[0]) return false;
    return true;
  }

  /** Shifts of the slices lo − 1 … lo + n, in one array (a hot loop reads them without a call each). */
  along(lo: number, n: number): Float64Array {
    const out = new Float64Array(n + 2), s = this.s, last = s.length - 1;
    if (last < 0) return out;
    for (let j = 0; j < n + 2; j++) {
      const k = lo - 1 + j - this.lo;
      out[j] = s[k < 0 ? 0 : k > last ? last : k];
    }
    return out;
  }

  /** Shift at a height, interpolated between slice centres. */
  atY(y: number): number {
    if (!this.s.length) return 0;
    const f = (y - this.origin) / BUCKET - 0.5 - this.lo;
    const i = Math.floor(f);
    const a = this.s[Math.min(this.s.length - 1, Math.max(0, i))], b = this.s[Math.min(this.s.length - 1, Math.max(0, i + 1))];
    const w = Math.min(1, Math.max(0, f - i));
    return a + (b - a) * w;
  }

  static constant(d: number, origin: number): Shear {
    return new Shear(origin, 0, Float64Array.of(d));
  }
}
