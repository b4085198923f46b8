/**
 * Phase 4 — placement. Packed columns are set side by side, each slid as far left as its profile
 * allows (a busy stretch of one family may sit beside a quiet stretch of its neighbour, as in the
 * survey); every node gets its absolute stem x and every model its box.
 */
import type { Catalog, Family } from '../catalog/core.js';
import type { ModelBox, Column } from './scene.js';
import type { CladeNode, Forest } from './clades.js';
import { inset, type Lane, type Packing } from './lanes.js';
import { BUCKET, Profile } from './profile.js';
import { RESTRICTED_R, type UnitShape } from './unit.js';
import { r2 } from './geometry.js';

const COLUMN_GAP = 18;
/** How far a trunk and its arrow reach above its latest box's profile (root.ts: 12 px, then a 16 px arrow). */
const TRUNK_ABOVE = 32;

export interface PackedColumn {
  family: Family;
  forest: Forest;
  packing: Packing;
  /** Half-width of the band kept free around the trunk, and the trunk's drawn width. */
  half: number;
  width: number;
}

export interface PlacedColumn extends PackedColumn {
  trunkX: number;
  x1: number;
  x2: number;
  /** Absolute stem x of every node (at its own height), and its side. */
  stemX: Map<string, number>;
  side: Map<string, -1 | 1>;
  /** x of a node's stem at any height: clades lean, so stems curve with them. */
  xAt: (id: string, y: number) => number;
}

/** Leftmost and rightmost x (relative to the trunk) in each slice of the column. */
function outline(c: PackedColumn, lo: number, n: number, trunkTop: number, trunkBottom: number, origin: number): { L: Float64Array; R: Float64Array } {
  const L = new Float64Array(n).fill(Infinity), R = new Float64Array(n).fill(-Infinity);
  const side = (p: Profile, sign: -1 | 1) => {
    for (let i = 0; i < p.n; i++) {
      const b = p.lo + i - lo;
      if (b < 0 || b >= n || p.max[i] === -Infinity) continue;
      const x = sign * (c.half + p.max[i]);
      if (x < L[b]) L[b] = x;
      if (x > R[b]) R[b] = x;
    }
  };
  side(c.packing.left, -1);
  side(c.packing.right, 1);
  const b1 = Math.max(0, Math.floor((trunkTop - origin) / BUCKET) - lo), b2 = Math.min(n - 1, Math.floor((trunkBottom + 80 - origin) / BUCKET) - lo);
  for (let b = b1; b <= b2; b++) {
    L[b] = Math.min(L[b], -c.half);
    R[b] = Math.max(R[b], c.half);
  }
  return { L, R };
}

/** Least finite value (Infinity marks an empty slice), and the greatest. */
function least(a: Float64Array): number {
  let m = Infinity;
  for (const v of a) if (v < m) m = v;
  return m;
}
function most(a: Float64Array): number {
  let m = -Infinity;
  for (const v of a) if (v > m) m = v;
  return m;
}

/** A column mirrored: every clade on the other side of its trunk. */
function flipped(c: PackedColumn): PackedColumn {
  const lanes = new Map([...c.packing.lanes].map(([id, l]) => [id, { ...l, side: -l.side as -1 | 1 }]));
  return { ...c, packing: { lanes, left: c.packing.right, right: c.packing.left } };
}

type Outline = { L: Float64Array; R: Float64Array; from: number; to: number; least: number; most: number };

/** An outline with the range of slices it occupies and its extremes, for sliding. */
function sized(o: { L: Float64Array; R: Float64Array }): Outline {
  let from = o.L.length, to = -1;
  for (let b = 0; b < o.L.length; b++) if (o.L[b] !== Infinity || o.R[b] !== -Infinity) (from = Math.min(from, b)), (to = b);
  return { ...o, from, to, least: least(o.L), most: most(o.R) };
}

/** Where a column's trunk goes, slid left against `env` (the right edge so far), and `env` then. */
function slideOne(o: Outline, env: Float64Array, left: number, prevX: number | undefined): { x: number; env: Float64Array } {
  let x = left - o.least;
  for (let b = o.from; b <= o.to; b++) if (o.L[b] !== Infinity && env[b] !== -Infinity) x = Math.max(x, env[b] + COLUMN_GAP - o.L[b]);
  if (prevX !== undefined) x = Math.max(x, prevX + 80);
  const next = Float64Array.from(env);
  for (let b = o.from; b <= o.to; b++) if (o.R[b] !== -Infinity) next[b] = Math.max(next[b], x + o.R[b]);
  return { x, env: next };
}

type Slid = { mask: number; right: number; xs: number[] };

/**
 * The narrowest choice of mirrored columns (the fewest mirrored on a tie): a depth-first walk over the
 * choices, left to right, dropping a branch once it is already wider than the best found.
 */
function bestSlide(variants: Outline[][], left: number, n: number): Slid {
  let best: Slid | null = null;
  const flips = (m: number) => m.toString(2).replace(/0/g, '').length;
  const walk = (i: number, env: Float64Array, xs: number[], right: number, mask: number) => {
    if (best && right > best.right + 0.5) return;
    if (i === variants.length) {
      if (!best || right < best.right - 0.5 || (Math.abs(right - best.right) <= 0.5 && flips(mask) < flips(best.mask))) best = { mask, right, xs };
      return;
    }
    for (const v of [0, 1]) {
      const o = variants[i][v];
      const { x, env: next } = slideOne(o, env, left, xs[xs.length - 1]);
      walk(i + 1, next, [...xs, x], Math.max(right, x + o.most), mask | (v << i));
    }
  };
  walk(0, new Float64Array(n).fill(-Infinity), [], -Infinity, 0);
  return best!;
}

/** The columns' outlines, both ways round, and the narrowest way to slide them side by side. */
function slid(cols0: PackedColumn[], left: number, trunkBottom: number, origin: number) {
  const all = cols0.flatMap((c) => [c.packing.left, c.packing.right]).filter((p) => p.n);
  const lo = Math.min(Math.floor((trunkBottom - 200 - origin) / BUCKET), ...all.map((p) => p.lo));
  const hi = Math.max(Math.floor((trunkBottom + 100 - origin) / BUCKET), ...all.map((p) => p.lo + p.n));
  const n = hi - lo + 1;
  const variants = cols0.map((c) => [c, flipped(c)].map((v) => ({ c: v, o: sized(outline(v, lo, n, trunkTop(c, trunkBottom, origin), trunkBottom, origin)) })));
  return { variants, best: bestSlide(variants.map((v) => v.map((q) => q.o)), left, n) };
}

/** Where a column's trunk band ends at the top: a little above its highest profile. */
function trunkTop(c: PackedColumn, trunkBottom: number, origin: number): number {
  return Math.min(trunkBottom - 150, ...[c.packing.left, c.packing.right].filter((p) => p.n).map((p) => origin + p.lo * BUCKET - TRUNK_ABOVE));
}

/**
 * The right edge of the columns packed so far, each slid against the ones before it the narrower way
 * round (a greedy stand-in for placement's full search): how much room it leaves the next column's left side.
 */
export class LeftWall {
  private readonly lo: number;
  private readonly env: Float64Array;
  private prevX: number | undefined;

  /** `top`: the highest y any column reaches (the time scale's top). */
  constructor(private readonly left: number, top: number, private readonly trunkBottom: number, private readonly origin: number) {
    this.lo = Math.floor((top - 400 - origin) / BUCKET);
    this.env = new Float64Array(Math.floor((trunkBottom + 100 - origin) / BUCKET) - this.lo + 1).fill(-Infinity);
  }

  /** Room at each slice for the next column's left side: ≤ 0, relative to the furthest right edge so far (the page's left edge where nothing is). */
  room(): (slice: number) => number {
    const { env, lo, left } = this;
    const m = Math.max(left, most(env));
    return (slice) => {
      const v = slice < lo || slice >= lo + env.length ? -Infinity : env[slice - lo];
      return (v === -Infinity ? left : v) - m;
    };
  }

  add(c: PackedColumn): void {
    const top = trunkTop(c, this.trunkBottom, this.origin);
    const tries = [c, flipped(c)].map((v) => {
      const o = sized(outline(v, this.lo, this.env.length, top, this.trunkBottom, this.origin));
      const { x, env } = slideOne(o, this.env, this.left, this.prevX);
      return { x, env, right: x + o.most };
    });
    const best = tries[1].right < tries[0].right - 0.5 ? tries[1] : tries[0];
    this.env.set(best.env);
    this.prevX = best.x;
  }
}

/**
 * Columns side by side. Each column may be mirrored (its clades on the other sides of its trunk) when
 * that lets its neighbours slide further over its empty stretches: the narrowest combination is kept
 * (`bestSlide`, on outlines only), the fewest mirrored on a tie.
 */
export function placeColumns(cols0: PackedColumn[], left: number, trunkBottom: number, origin: number, minWidth: number): PlacedColumn[] {
  const { variants, best } = slid(cols0, left, trunkBottom, origin);
  const chosen = variants.map((v, i) => v[(best.mask >> i) & 1]);
  const cols = chosen.map((v) => v.c), outlines = chosen.map((v) => v.o), xs = best.xs, right = best.right;
  const extra = minWidth > right && cols.length > 1 ? (minWidth - right) / (cols.length - 1) : 0;
  return cols.map((c, i) => {
    const trunkX = xs[i] + extra * i;
    const { L, R } = outlines[i];
    const placed: PlacedColumn = {
      ...c,
      trunkX,
      x1: r2(trunkX + least(L)),
      x2: r2(trunkX + most(R)),
      stemX: new Map(),
      side: new Map(),
      xAt: () => 0,
    };
    const rel = new Map<string, { chain: Sheared[]; root: Lane }>();
    for (const r of c.forest.roots) walk(placed, r, [], c.packing.lanes.get(r.id)!, rel);
    placed.xAt = (id, y) => {
      const q = rel.get(id)!;
      let u = q.root.shear!.atY(y);
      for (const l of q.chain) u += l.shear.atY(y);
      return trunkX + q.root.side * (c.half + u);
    };
    for (const [id, n] of c.forest.nodes) placed.stemX.set(id, placed.xAt(id, n.y));
    return placed;
  });
}

/**
 * Each node's chain of leaning lanes below its clade root: their shears add up to its stem's distance
 * from the root's stem (a continuation adds nothing: it goes straight up its parent's stem).
 */
function walk(c: PlacedColumn, n: CladeNode, chain: Sheared[], root: Lane, rel: Map<string, { chain: Sheared[]; root: Lane }>): void {
  c.side.set(n.id, c.packing.lanes.get(n.id)!.side);
  rel.set(n.id, { chain, root });
  for (const ch of n.children) {
    const lane = c.packing.lanes.get(ch.id)!;
    walk(c, ch, lane.shear ? [...chain, lane as Sheared] : chain, root, rel);
  }
}

type Sheared = Lane & { shear: NonNullable<Lane['shear']> };

export function columnOf(c: PlacedColumn): Column {
  return { family: c.family, x1: c.x1, x2: c.x2, trunkX: r2(c.trunkX) };
}

/** The boxes of a placed column: right of the trunk a unit reads box then marks; left of it, mirrored. */
export function columnBoxes(c: PlacedColumn): ModelBox[] {
  const out: ModelBox[] = [];
  for (const [id, n] of c.forest.nodes) {
    if (!n.unit) continue;
    const sx = c.stemX.get(id)!, side = c.side.get(id)!;
    const x = side === 1 ? sx - inset(n) : sx + inset(n) - n.unit.w;
    out.push(placeBox(n.unit, x, n.y, side === -1));
  }
  return out;
}

/** A unit placed with its left edge at x and its centre at cy; `mirror` puts the marks left of the box. */
export function placeBox(u: UnitShape, x: number, cy: number, mirror = false): ModelBox {
  const bx = mirror ? x + u.w - u.boxW : x;
  const by = cy - u.boxH / 2;
  const mx = (lx: number, w: number) => (mirror ? x + u.w - lx - w : x + lx);
  const m = u.model;
  return {
    id: m.id,
    name: m.name,
    family: m.family,
    released: m.released,
    x: r2(bx),
    y: r2(by),
    w: u.boxW,
    h: u.boxH,
    fill: u.fill,
    lines: u.lines.map((l) => ({ ...l, x: r2(bx + l.x), y: r2(by + l.y) })),
    marks: u.marks.map((k) => ({ org: k.org, name: k.name, kind: k.kind, icon: k.icon, text: k.text, color: k.color, x: r2(mx(k.x, k.w)), y: r2(by + k.y), w: k.w, h: k.h })),
    restricted: u.restricted ? { x: r2(mx(u.restricted.x, 0)), y: r2(by + u.restricted.y), r: RESTRICTED_R, commercial: u.restricted.commercial } : undefined,
    unit: { x: r2(x), y: r2(cy - u.h / 2), w: u.w, h: u.h },
  };
}

export type { Catalog };
