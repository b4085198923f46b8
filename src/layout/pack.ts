/**
 * Lanes inside one family column, by interval packing (a genome browser's track layout, with
 * variable widths), aware of the branch each box will need.
 *
 * Walk the units by date (so y only decreases). A model whose parent is drawn nearby hangs off the
 * parent's *stem*: one vertical sub-branch rising from the parent's box, reserved when the parent is
 * placed so that no later box covers it; the child takes the free spot hugging the stem, and a short
 * hook joins them. A model without such a parent takes the free spot nearest the trunk. Every
 * candidate spot is scored by its distance from where it wants to be plus a heavy penalty for each
 * box its branch would pass under; the chosen branch is then reserved too, so later boxes keep off it.
 * Overlaps are impossible by construction. Coordinates are local to the column: the trunk runs
 * along x = 0; y is absolute.
 */
import type { Point } from './scene.js';

export interface PackItem {
  id: string;
  /** Vertical centre and size of the unit. */
  y: number;
  w: number;
  h: number;
  /** Offset of the box centre from the unit's left edge (the box starts at the unit's left edge). */
  boxCx: number;
  boxW: number;
  boxH: number;
  /** Parent in the same column, already placed (parents are older, so they come first). */
  parent?: string;
}

export type Curve = [Point, Point, Point, Point];

export interface Placed {
  /** Left edge of the unit. */
  x: number;
  /** -1 left of the trunk, 1 right of it. */
  side: -1 | 1;
  /** Where the branch comes from: the trunk, the parent's stem, or the parent's side (same height). */
  anchor: 'trunk' | 'stem' | 'beside';
  /** The branch, in column coordinates; for `trunk` it starts on the trunk's axis edge (adjusted later). */
  d: Curve;
}

export interface Stem {
  /** The parent whose box it rises from. */
  from: string;
  x: number;
  /** Bottom (the parent box's top) and top (the highest hook). */
  y1: number;
  y2: number;
}

export interface PackOptions {
  /** Half-width of the keep-out band around the trunk. */
  trunkHalf: number;
  hgap: number;
  vgap: number;
  /** y where the trunk's vertical part starts (branches leave the trunk above it). */
  trunkBottom: number;
}

export interface PackResult {
  placed: Map<string, Placed>;
  stems: Stem[];
}

/** Half-width of the band kept free around a stem. */
export const STEM_HALF = 8;
/** How far inside the parent's box its stem rises. */
const STEM_INSET = 10;
/** How far below a box's bottom its branch may run, tried in this order. */
const RISES = [6, 12, 20, 30, 44, 60];
/** Cost of one box under a branch, in px of displacement. */
const OUTP = 4;
const HIT = 600;
/** Lowest point a branch may reach below its box, for pruning. */
const MAX_DROP = 70;

interface Obstacle {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** `unit`: a placed box; `stem`/`path`: reserved lines (no gap needed beyond their own margin). */
  kind: 'unit' | 'stem' | 'path';
  id: string;
}

/** How far below its run a branch leaves its anchor line, so it bends off it smoothly (as in the survey). */
export const BEND = 10;

/**
 * From an anchor line at (ax, sy), leaving it upward, bending into a run along yr under the box, then
 * bending up into its bottom at (ex, eb): one smooth cubic with rounded bends at both ends.
 */
export function hook(ax: number, yr: number, ex: number, eb: number, sy = yr): Curve {
  return [
    { x: ax, y: sy },
    { x: ax, y: yr },
    { x: ex, y: yr },
    { x: ex, y: eb },
  ];
}

/** From one side point to another at a different height: a flat S. */
export function sideways(s: Point, e: Point): Curve {
  const mx = (s.x + e.x) / 2;
  return [s, { x: mx, y: s.y }, { x: mx, y: e.y }, e];
}

function at(d: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t;
  return { x: a * d[0].x + b * d[1].x + c * d[2].x + e * d[3].x, y: a * d[0].y + b * d[1].y + c * d[2].y + e * d[3].y };
}

const SAMPLES = 12;

/** The curve as short straight pieces, each as its bounding box. */
function pieces(d: Curve): { top: number; bottom: number; left: number; right: number }[] {
  const out = [];
  let p = d[0];
  for (let i = 1; i <= SAMPLES; i++) {
    const q = at(d, i / SAMPLES);
    out.push({ top: Math.min(p.y, q.y), bottom: Math.max(p.y, q.y), left: Math.min(p.x, q.x), right: Math.max(p.x, q.x) });
    p = q;
  }
  return out;
}

/** Pieces per group (SAMPLES is a multiple of it): a group's bounding box rules out its pieces at once. */
const GROUP = 4;
/** The pieces' bounding boxes, their groups' and (SPAN: x1, x2, y1, y2) all of them together. */
const PX1 = new Float64Array(SAMPLES), PX2 = new Float64Array(SAMPLES), PY1 = new Float64Array(SAMPLES), PY2 = new Float64Array(SAMPLES);
const GX1 = new Float64Array(SAMPLES / GROUP), GX2 = new Float64Array(SAMPLES / GROUP), GY1 = new Float64Array(SAMPLES / GROUP), GY2 = new Float64Array(SAMPLES / GROUP);
const SPAN = new Float64Array(4);
/** The curve's short straight pieces, each as its bounding box, into reused buffers (without allocating). */
function piecesInto(d: Curve): void {
  sampleInto(d);
  for (let i = 0; i < SAMPLES; i++) {
    const ax = SBUF[2 * i], ay = SBUF[2 * i + 1], bx = SBUF[2 * i + 2], by = SBUF[2 * i + 3];
    PX1[i] = ax < bx ? ax : bx;
    PX2[i] = ax > bx ? ax : bx;
    PY1[i] = ay < by ? ay : by;
    PY2[i] = ay > by ? ay : by;
  }
  // Each run of GROUP pieces' bounding box, so whole runs can be ruled out at once.
  for (let g = 0; g < SAMPLES / GROUP; g++) {
    let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
    for (let i = g * GROUP; i < (g + 1) * GROUP; i++) {
      if (PX1[i] < x1) x1 = PX1[i];
      if (PX2[i] > x2) x2 = PX2[i];
      if (PY1[i] < y1) y1 = PY1[i];
      if (PY2[i] > y2) y2 = PY2[i];
    }
    GX1[g] = x1;
    GX2[g] = x2;
    GY1[g] = y1;
    GY2[g] = y2;
  }
  let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
  for (let g = 0; g < SAMPLES / GROUP; g++) {
    if (GX1[g] < x1) x1 = GX1[g];
    if (GX2[g] > x2) x2 = GX2[g];
    if (GY1[g] < y1) y1 = GY1[g];
    if (GY2[g] > y2) y2 = GY2[g];
  }
  SPAN[0] = x1;
  SPAN[1] = x2;
  SPAN[2] = y1;
  SPAN[3] = y2;
}

/** Whether one of the pieces (see `piecesInto`) meets the open box (l, rt) × (t, b). */
function piecesHit(l: number, rt: number, t: number, b: number): boolean {
  for (let g = 0; g < SAMPLES / GROUP; g++) {
    if (!(GX1[g] < rt && GX2[g] > l && GY1[g] < b && GY2[g] > t)) continue;
    for (let i = g * GROUP; i < (g + 1) * GROUP; i++) if (PX1[i] < rt && PX2[i] > l && PY1[i] < b && PY2[i] > t) return true;
  }
  return false;
}

/** The curve's sample points into a reused buffer (x0, y0, x1, y1, …), without allocating. */
const SBUF = new Float64Array(2 * (SAMPLES + 1));
function sampleInto(d: Curve): void {
  const x0 = d[0].x, y0 = d[0].y, x1 = d[1].x, y1 = d[1].y, x2 = d[2].x, y2 = d[2].y, x3 = d[3].x, y3 = d[3].y;
  for (let i = 0; i <= SAMPLES; i++) {
    const t = i / SAMPLES, u = 1 - t;
    const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t;
    SBUF[2 * i] = a * x0 + b * x1 + c * x2 + e * x3;
    SBUF[2 * i + 1] = a * y0 + b * y1 + c * y2 + e * y3;
  }
}

/** Growable scratch buffers, reused across units (the packer is synchronous, so sharing them is safe). */
let BL = new Float64Array(256);
let BR = new Float64Array(256);
let SL = new Float64Array(256);
let SR = new Float64Array(256);
let XS = new Float64Array(2 * 256 + 8);
let XG = new Float64Array(2 * 256 + 8);
/** The obstacles a unit's branch could pass under, flat (see `pack`). */
let OL = new Float64Array(256), OR = new Float64Array(256), OT = new Float64Array(256), OB = new Float64Array(256);
let OX1 = new Float64Array(256), OX2 = new Float64Array(256), OY1 = new Float64Array(256), OY2 = new Float64Array(256), OW = new Float64Array(256);
function grow(n: number): void {
  if (BL.length >= n) return;
  const m = Math.max(n, 2 * BL.length);
  const copy = (a: Float64Array) => {
    const b = new Float64Array(m);
    b.set(a);
    return b;
  };
  BL = copy(BL);
  BR = copy(BR);
  SL = new Float64Array(m);
  SR = new Float64Array(m);
  XS = new Float64Array(2 * m + 8);
  XG = new Float64Array(2 * m + 8);
  OL = new Float64Array(m + 1);
  OR = new Float64Array(m + 1);
  OT = new Float64Array(m + 1);
  OB = new Float64Array(m + 1);
  OX1 = new Float64Array(m + 1);
  OX2 = new Float64Array(m + 1);
  OY1 = new Float64Array(m + 1);
  OY2 = new Float64Array(m + 1);
  OW = new Float64Array(m + 1);
}

/** How many of the first n values of a sorted array are < v (strict) or <= v (`orEqual`). */
function countBelow(a: Float64Array, n: number, v: number, orEqual: boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v || (orEqual && a[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function pack(input: readonly PackItem[], o: PackOptions): PackResult {
  // Bottom to top (a date known only to the year sits mid-year, so date order is not quite y order).
  const items = input.map((it, i) => ({ it, i })).sort((a, b) => b.it.y - a.it.y || a.i - b.i).map((e) => e.it);
  const placed = new Map<string, Placed>();
  const byId = new Map(items.map((it) => [it.id, it]));
  const maxH = Math.max(0, ...items.map((it) => it.h));
  const trunk: Obstacle = { top: -Infinity, bottom: o.trunkBottom, left: -o.trunkHalf + 6, right: o.trunkHalf - 6, kind: 'unit', id: '' };

  // Stems: for each parent, how high its hooked children reach (children clearly above its box).
  const stemTop = new Map<string, number>();
  const boxTop = (it: PackItem) => it.y - it.boxH / 2;
  const boxBottom = (it: PackItem) => it.y + it.boxH / 2;
  for (const it of items) {
    const p = it.parent ? byId.get(it.parent) : undefined;
    if (!p) continue;
    const yr = boxBottom(it) + 1 + RISES[0];
    if (yr <= boxTop(p) - 2) stemTop.set(p.id, Math.min(stemTop.get(p.id) ?? Infinity, yr));
  }
  const stemX = new Map<string, number>();
  const stemUsed = new Map<string, number>();

  // Boxes and stems (what a branch must not pass under), and reserved branch pieces (only keep boxes off).
  let solids: Obstacle[] = [];
  let paths: Obstacle[] = [];
  let tick = 0;
  let lastSide: -1 | 1 = -1;
  for (const it of items) {
    const top = it.y - it.h / 2 - o.vgap;
    const bottom = it.y + it.h / 2 + o.vgap;
    // Forget what no later unit or branch can reach any more (y only decreases).
    const reach = it.y + maxH / 2 + o.vgap + MAX_DROP;
    if ((++tick & 15) === 0) {
      solids = solids.filter((r) => r.top <= reach);
      paths = paths.filter((r) => r.top <= reach);
    }

    // The intervals of x this unit's span [x, x + w) must not overlap, as flat [BL[i], BR[i]] pairs.
    grow(solids.length + paths.length + 1);
    let nb = 0;
    BL[0] = -o.trunkHalf;
    BR[nb++] = o.trunkHalf;
    for (const r of solids) {
      if (r.top < bottom && r.bottom > top) {
        if (r.kind === 'unit') {
          BL[nb] = r.left - o.hgap;
          BR[nb++] = r.right + o.hgap;
        } else {
          BL[nb] = r.left - 2;
          BR[nb++] = r.right + 2;
        }
      }
    }
    for (const r of paths) {
      if (r.top < bottom && r.bottom > top) {
        BL[nb] = r.left - 2;
        BR[nb++] = r.right + 2;
      }
    }
    // [x, x + w) overlaps an interval [a, b] iff a < x + w and b > x. With a <= b and w > 0, every interval
    // with b <= x also has a < x + w, so the overlapping ones number #(a < x + w) - #(b <= x): two binary
    // searches over the left and right ends, each sorted on its own.
    let ordered = it.w > 0;
    for (let i = 0; i < nb; i++) if (!(BL[i] <= BR[i])) ordered = false;
    SL.set(BL.subarray(0, nb));
    SR.set(BR.subarray(0, nb));
    SL.subarray(0, nb).sort();
    SR.subarray(0, nb).sort();
    const free = (x: number) => {
      if (!ordered) {
        for (let i = 0; i < nb; i++) if (x < BR[i] && x + it.w > BL[i]) return false;
        return true;
      }
      return countBelow(SL, nb, x + it.w, false) === countBelow(SR, nb, x, true);
    };
    const eb = boxBottom(it) + 1;
    let parent = it.parent ? byId.get(it.parent) : undefined;
    const pp = parent ? placed.get(parent.id) : undefined;
    if (parent && !pp) parent = undefined;
    const sx = parent ? stemX.get(parent.id) : undefined;
    const onStem = parent !== undefined && sx !== undefined && eb + RISES[0] <= boxTop(parent) - 2;

    // Where the unit wants to be, with a small preference between the two sides.
    const wants: { x: number; penalty: number }[] = [];
    let anchor: Placed['anchor'] = 'trunk';
    if (parent && pp && onStem) {
      anchor = 'stem';
      const outward = pp.side;
      wants.push({ x: sx! + STEM_HALF, penalty: outward === 1 ? OUTP : 4 - OUTP }, { x: sx! - STEM_HALF - it.w, penalty: outward === -1 ? OUTP : 4 - OUTP });
    } else if (parent && pp) {
      anchor = 'beside';
      wants.push({ x: pp.x + parent.w + 14, penalty: 0 }, { x: pp.x - 14 - it.w, penalty: 20 });
    } else {
      const first = lastSide === 1 ? -1 : 1;
      wants.push({ x: first === 1 ? o.trunkHalf : -o.trunkHalf - it.w, penalty: 0 }, { x: first === 1 ? -o.trunkHalf - it.w : o.trunkHalf, penalty: 0.5 });
    }
    // Candidate spots: where the unit wants to be, and flush against either end of every blocked
    // interval, distinct, in order of (cost, x), where a spot's cost is its distance from the nearer
    // want plus that want's penalty. They are produced lazily, since the search below usually stops
    // early: the distinct x values in order (a merge of the sorted ends), then walked outward from each
    // want; along each walk that want's cost never decreases, so merging the four walks orders the costs.
    const [w0, w1] = wants;
    const w0x = w0.x, w0p = w0.penalty, w1x = w1.x, w1p = w1.penalty;
    const base = (x: number) => Math.min(Math.abs(x - w0x) + w0p, Math.abs(x - w1x) + w1p);
    const wlo = Math.min(w0x, w1x), whi = Math.max(w0x, w1x);
    let nd = 0;
    {
      let i = 0, j = 0, k = 0;
      const w = it.w;
      while (i < nb || j < nb || k < 2) {
        let v = Infinity;
        if (i < nb) v = SR[i];
        if (j < nb && SL[j] - w < v) v = SL[j] - w;
        const wv = k === 0 ? wlo : k === 1 ? whi : Infinity;
        if (wv < v) v = wv;
        if (i < nb && SR[i] === v) i++;
        else if (j < nb && SL[j] - w === v) j++;
        else k++;
        if (nd === 0 || XS[nd - 1] !== v) XS[nd++] = v;
      }
    }
    // Only free spots can be chosen (the others would merely be skipped), so drop the rest in one sweep:
    // as x grows so does x + w, so both counts of `free` only move forward.
    {
      let nf = 0;
      if (ordered) {
        let pa = 0, pb = 0;
        for (let i = 0; i < nd; i++) {
          const x = XS[i], xe = x + it.w;
          while (pa < nb && SL[pa] < xe) pa++;
          while (pb < nb && SR[pb] <= x) pb++;
          if (pa === pb) XS[nf++] = x;
        }
      } else {
        for (let i = 0; i < nd; i++) if (free(XS[i])) XS[nf++] = XS[i];
      }
      nd = nf;
    }
    let r0 = countBelow(XS, nd, w0x, false), l0 = r0 - 1;
    let r1 = countBelow(XS, nd, w1x, false), l1 = r1 - 1;
    let gn = 0, gi = 0;
    let groupCost = Infinity;
    /** The next candidate in (cost, x) order into `XG[gi]` at `groupCost`; false when none are left. */
    const next = (): boolean => {
      if (++gi < gn) return true;
      for (;;) {
        let cmin = Infinity;
        if (r0 < nd) cmin = Math.min(cmin, Math.abs(XS[r0] - w0x) + w0p);
        if (l0 >= 0) cmin = Math.min(cmin, Math.abs(XS[l0] - w0x) + w0p);
        if (r1 < nd) cmin = Math.min(cmin, Math.abs(XS[r1] - w1x) + w1p);
        if (l1 >= 0) cmin = Math.min(cmin, Math.abs(XS[l1] - w1x) + w1p);
        if (cmin === Infinity) return false;
        // Every spot at exactly this cost (a spot seen again from the other want at a higher cost was
        // already produced at its lowest), in x order, once each.
        gn = 0;
        const take = (x: number) => {
          if (base(x) !== cmin) return;
          let p = gn++;
          while (p > 0 && XG[p - 1] > x) {
            XG[p] = XG[p - 1];
            p--;
          }
          if (p > 0 && XG[p - 1] === x) {
            for (let q = p; q < gn - 1; q++) XG[q] = XG[q + 1];
            gn--;
          } else XG[p] = x;
        };
        while (r0 < nd && Math.abs(XS[r0] - w0x) + w0p === cmin) take(XS[r0++]);
        while (l0 >= 0 && Math.abs(XS[l0] - w0x) + w0p === cmin) take(XS[l0--]);
        while (r1 < nd && Math.abs(XS[r1] - w1x) + w1p === cmin) take(XS[r1++]);
        while (l1 >= 0 && Math.abs(XS[l1] - w1x) + w1p === cmin) take(XS[l1--]);
        if (gn === 0) continue;
        gi = 0;
        groupCost = cmin;
        return true;
      }
    };

    // The boxes and stems any branch of this unit could pass under: every branch runs between the
    // unit's centre and at most MAX_DROP below its box, or to its parent's side at the parent's height.
    const skip = parent?.id;
    const wy1 = Math.min(it.y, parent ? parent.y - parent.boxH / 2 : Infinity) - 1;
    const wy2 = Math.max(eb + MAX_DROP, parent ? parent.y + parent.boxH / 2 : -Infinity, anchor === 'trunk' ? -Infinity : eb) + 1;
    // As flat arrays: each one's box shrunk by half a pixel, and what passing under it costs.
    let nl = 0;
    const addLocal = (r: Obstacle) => {
      OL[nl] = r.left + 0.5;
      OR[nl] = r.right - 0.5;
      OT[nl] = r.top + 0.5;
      OB[nl] = r.bottom - 0.5;
      OX1[nl] = r.left;
      OX2[nl] = r.right;
      OY1[nl] = r.top;
      OY2[nl] = r.bottom;
      OW[nl++] = r.kind === 'stem' ? 0.05 : 1;
    };
    for (const r of solids) if (r.top < wy2 && r.bottom > wy1 && r.id !== skip && r.id !== it.id) addLocal(r);
    if (anchor !== 'trunk' && trunk.bottom > wy1) addLocal(trunk);

    // The branch for a unit at x, and how many boxes it passes under (counting stops past `budget`).
    let budget = Infinity;
    const hits = (d: Curve) => {
      let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity;
      for (const p of d) {
        if (p.x < x1) x1 = p.x;
        if (p.x > x2) x2 = p.x;
        if (p.y < y1) y1 = p.y;
        if (p.y > y2) y2 = p.y;
      }
      let n = 0;
      let sampled = false;
      for (let k = 0; k < nl; k++) {
        if (!(OX1[k] < x2 && OX2[k] > x1 && OY1[k] < y2 && OY2[k] > y1)) continue;
        if (!sampled) {
          piecesInto(d);
          sampled = true;
        }
        const l = OL[k], rt = OR[k], t = OT[k], b = OB[k];
        if (t < SPAN[2] && b > SPAN[3] && l < rt) {
          // Spanning the whole curve's height: consecutive pieces share their ends, so together they cover
          // [SPAN x1, SPAN x2] without a gap, and one of them meets (l, rt) iff that interval does.
          if (SPAN[0] < rt && SPAN[1] > l) n += OW[k];
        } else if (piecesHit(l, rt, t, b)) n += OW[k];
        if (n > budget) return n;
      }
      return n;
    };
    const route = (x: number): { d: Curve; hits: number } => {
      const cx = x + it.boxCx;
      if (anchor === 'beside') {
        const right = cx > pp!.x + parent!.boxCx;
        const s = { x: right ? pp!.x + parent!.w + 1 : pp!.x - 1, y: parent!.y };
        const e = { x: right ? x - 1 : x + it.w + 1, y: it.y };
        const d = sideways(s, e);
        return { d, hits: hits(d) };
      }
      const ax = anchor === 'stem' ? sx! : cx < 0 ? -o.trunkHalf + 6 : o.trunkHalf - 6;
      const dir = cx < ax ? -1 : 1;
      const inset = Math.min(12, it.boxW / 3);
      const ex = dir > 0 ? x + inset : x + it.boxW - inset;
      const limit = anchor === 'stem' ? boxTop(parent!) - 2 : o.trunkBottom - 2;
      let best: { d: Curve; hits: number } | undefined;
      for (const rise of RISES) {
        const yr = Math.min(eb + rise, limit);
        if (yr - eb < 3) {
          // Level with the trunk's base: come in from the side.
          const d = sideways({ x: ax, y: limit }, { x: dir > 0 ? x - 1 : x + it.w + 1, y: it.y });
          return { d, hits: hits(d) };
        }
        const d = hook(ax, yr, ex, eb, Math.min(yr + BEND, limit));
        const h = hits(d);
        if (!best || h < best.hits) best = { d, hits: h };
        if (h === 0 || yr === limit) break;
      }
      return best!;
    };

    let best: { x: number; cost: number; d: Curve } | undefined;
    gi = -1;
    while (next()) {
      const c = { x: XG[gi], c: groupCost };
      if (best && c.c >= best.cost) break;
      budget = best ? (best.cost - c.c) / HIT : Infinity;
      const r = route(c.x);
      const total = c.c + HIT * r.hits;
      if (!best || total < best.cost - 1e-9) best = { x: c.x, cost: total, d: r.d };
    }
    const x = best!.x;
    const side: -1 | 1 = x + it.w / 2 < 0 ? -1 : 1;
    if (!parent) lastSide = side;
    placed.set(it.id, { x, side, anchor, d: best!.d });
    solids.push({ top: it.y - it.h / 2, bottom: it.y + it.h / 2, left: x, right: x + it.w, kind: 'unit', id: it.id });
    // Reserve the branch (it runs below the box, so only the part above the box's own bottom matters less).
    for (const q of pieces(best!.d)) paths.push({ top: q.top - 1, bottom: q.bottom + 1, left: q.left - 1, right: q.right + 1, kind: 'path', id: it.id });
    if (anchor === 'stem') stemUsed.set(parent!.id, Math.min(stemUsed.get(parent!.id) ?? Infinity, best!.d[0].y));
    // Reserve this unit's own stem, up to its highest hooked child.
    const st = stemTop.get(it.id);
    if (st !== undefined) {
      // The stem rises from the box's top near its trunk-side edge, so children can sit right above.
      const s = side > 0 ? x + Math.min(STEM_INSET, it.boxCx) : x + it.boxW - Math.min(STEM_INSET, it.boxCx);
      stemX.set(it.id, s);
      solids.push({ top: st - 2, bottom: boxTop(it), left: s - STEM_HALF + 2, right: s + STEM_HALF - 2, kind: 'stem', id: it.id });
    }
  }
  const stems: Stem[] = [];
  for (const it of items) {
    const top = stemUsed.get(it.id);
    if (top !== undefined) stems.push({ from: it.id, x: stemX.get(it.id)!, y1: boxTop(it), y2: top });
  }
  return { placed, stems };
}
