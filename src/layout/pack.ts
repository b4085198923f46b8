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
  const local: Obstacle[] = [];
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

    const blocked: [number, number][] = [[-o.trunkHalf, o.trunkHalf]];
    for (const r of solids) {
      if (r.top < bottom && r.bottom > top) blocked.push(r.kind === 'unit' ? [r.left - o.hgap, r.right + o.hgap] : [r.left - 2, r.right + 2]);
    }
    for (const r of paths) if (r.top < bottom && r.bottom > top) blocked.push([r.left - 2, r.right + 2]);
    const free = (x: number) => {
      for (const [a, b] of blocked) if (x < b && x + it.w > a) return false;
      return true;
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
    const base = (x: number) => {
      let c = Infinity;
      for (const w of wants) c = Math.min(c, Math.abs(x - w.x) + w.penalty);
      return c;
    };
    const cands = new Set<number>(wants.map((w) => w.x));
    for (const [a, b] of blocked) {
      cands.add(b);
      cands.add(a - it.w);
    }
    const order = [...cands].map((x) => ({ x, c: base(x) })).sort((a, b) => a.c - b.c || a.x - b.x);

    // The boxes and stems any branch of this unit could pass under: every branch runs between the
    // unit's centre and at most MAX_DROP below its box, or to its parent's side at the parent's height.
    const skip = parent?.id;
    const wy1 = Math.min(it.y, parent ? parent.y - parent.boxH / 2 : Infinity) - 1;
    const wy2 = Math.max(eb + MAX_DROP, parent ? parent.y + parent.boxH / 2 : -Infinity, anchor === 'trunk' ? -Infinity : eb) + 1;
    local.length = 0;
    for (const r of solids) if (r.top < wy2 && r.bottom > wy1 && r.id !== skip && r.id !== it.id) local.push(r);
    if (anchor !== 'trunk' && trunk.bottom > wy1) local.push(trunk);

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
      for (const r of local) {
        if (!(r.left < x2 && r.right > x1 && r.top < y2 && r.bottom > y1)) continue;
        if (!sampled) {
          sampleInto(d);
          sampled = true;
        }
        const l = r.left + 0.5, rt = r.right - 0.5, t = r.top + 0.5, b = r.bottom - 0.5;
        for (let i = 0; i < SAMPLES; i++) {
          const ax = SBUF[2 * i], ay = SBUF[2 * i + 1], bx = SBUF[2 * i + 2], by = SBUF[2 * i + 3];
          if ((ax < bx ? ax : bx) < rt && (ax > bx ? ax : bx) > l && (ay < by ? ay : by) < b && (ay > by ? ay : by) > t) {
            n += r.kind === 'stem' ? 0.05 : 1;
            break;
          }
        }
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
    for (const c of order) {
      if (best && c.c >= best.cost) break;
      if (!free(c.x)) continue;
      budget = best ? (best.cost - c.c) / HIT : Infinity;
      const r = route(c.x);
      const cost = c.c + HIT * r.hits;
      if (!best || cost < best.cost - 1e-9) best = { x: c.x, cost, d: r.d };
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
