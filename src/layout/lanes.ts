/**
 * Phase 3 — columns and lanes. Each clade is packed around its stem, bottom-up: the continuation
 * straight above the node, then the other children (smaller subtrees first), each outward of everything
 * packed before it wherever both are present, and leaning toward the stem (at most SLOPE) wherever
 * nothing is in the way, so a sub-branch hugs its parent's stem instead of keeping one distance from it
 * all the way up. A child's sub-branch runs along `run`, the first height below its box where nothing
 * but the stem is in the way. Clade roots lean the same way against the clades inside them, and take
 * the side of the trunk that keeps the column narrower — counting, on the left, the room the columns
 * already set leave above their busy years (`wall`). Distances are `u`, measured outward from the stem;
 * the side (left or right of the trunk) only mirrors them, so every shape is the same on either side.
 */
import type { CladeNode } from './clades.js';
import { BUCKET, Profile, Shear } from './profile.js';

/** Room between a stem and the box of a child hooked off it. */
const STEM_GAP = 4;
/** Horizontal gap between units; vertical gap above and below a unit. */
export const HGAP = 6;
export const VGAP = 3;
/** First rise of a sub-branch below its box, and the step when that height is taken. */
const RISE = 7;
const STEP = 3;
/** Half-width kept around stems and sub-branch runs. */
const LINE = 2;
/** How far below its run a sub-branch leaves its stem (routing's BEND), with a margin. */
const JUNCTION = 10;
/** Most a clade's lean changes per px of height. */
const SLOPE = 2;

export interface Lane {
  /** Height of the horizontal run of its sub-branch (absent for a continuation: straight up). */
  run?: number;
  side: -1 | 1;
  /**
   * Clade roots and sub-branches: how far out the whole subtree sits at each height, from its parent's
   * stem (or the trunk's edge); it leans to hug what was packed inside it. None for a continuation: it
   * goes straight up its parent's stem.
   */
  shear?: Shear;
}

export interface Packing {
  lanes: Map<string, Lane>;
  /** Per side: the column's profile outward of the trunk's edge. */
  left: Profile;
  right: Profile;
}

/** Where a box sits on its stem: the stem rises from the box top this far in from the inner edge. */
export function inset(n: CladeNode): number {
  return n.unit ? Math.min(10, n.unit.boxW / 3) : 0;
}

function boxBottom(n: CladeNode): number {
  return n.unit ? n.y + n.unit.boxH / 2 : n.y;
}

function boxTop(n: CladeNode): number {
  return n.unit ? n.y - n.unit.boxH / 2 : n.y;
}

/**
 * A free run height for `child`'s sub-branch beside what `acc` already holds, and the child's shape
 * with the sub-branch's rise from its run into the box. `limit` is the lowest the run may go (the
 * parent's box top, or the trunk's foot).
 */
function fit(acc: Profile, shape: Profile, child: CladeNode, floor: number, limit: number): { run: number; shape: Profile } {
  let run = Math.min(Math.max(boxBottom(child) + RISE, floor), limit);
  for (let r = run; r <= limit; r += STEP) {
    if (acc.clearBeyond(r - LINE - 1, r + LINE + 1, LINE + 1)) {
      run = r;
      break;
    }
  }
  shape.add(Math.min(run, boxBottom(child)), Math.max(run, boxBottom(child)), -LINE, LINE);
  return { run, shape };
}

export function packColumn(roots: CladeNode[], origin: number, trunkBottom: number, wall?: (slice: number) => number): Packing {
  const lanes = new Map<string, Lane>();
  const left = new Profile(origin), right = new Profile(origin);
  let lastSide: -1 | 1 = -1;
  // Left of the trunk, the columns already set leave room where they are low (`wall`).
  const w = (side: -1 | 1) => (side === -1 ? wall : undefined);
  // Each side's extent (against the wall on the left), kept up to date as clades are merged.
  const extent = { [-1]: 0, [1]: 0 } as Record<-1 | 1, number>;
  for (const r of roots) {
    const shape = packNode(r, origin, lanes);
    const tries = ([1, -1] as const).map((side) => {
      const acc = side === 1 ? right : left;
      const f = fit(acc, cloneProfile(shape), r, -Infinity, trunkBottom - 4);
      const shear = lean(acc, f.shape, r, lanes);
      // The column is as wide as its wider side: how wide it gets with the clade on this side.
      const wide = Math.max(extent[side], Profile.shearedExtent(f.shape, shear, w(side)), extent[-side as -1 | 1]);
      return { side, acc, ...f, shear, wide };
    });
    // The side that keeps the column narrower; on a tie the one not used last, so it stays balanced.
    tries.sort((a, b) => a.wide - b.wide || (a.side === lastSide ? 1 : -1));
    const best = tries[0];
    lastSide = best.side;
    best.acc.mergeSheared(best.shape, best.shear);
    best.acc.add(best.run - LINE, best.run + LINE, 0, best.shear.at(best.acc.slice(best.run)));
    lanes.set(r.id, { run: best.run, side: best.side, shear: best.shear });
    extent[best.side] = best.acc.extent(w(best.side));
  }
  setSides(roots, lanes);
  return { lanes, left, right };
}

/**
 * How far out `shape` (a clade or a sub-branch, hooked off the stem `acc` is packed around) sits at each
 * height: outward of everything in `acc` wherever both are present, leaning toward the stem elsewhere,
 * level across each of its boxes and junctions.
 */
function lean(acc: Profile, shape: Profile, n: CladeNode, lanes: Map<string, Lane>): Shear {
  const shear = acc.shear(shape, HGAP, inset(n) + STEM_GAP, SLOPE);
  if (!shear.level()) flatten(shear, boxSlices(n, acc, lanes), SLOPE);
  return shear;
}

/**
 * The slices each box of a clade spans, and each junction (where a sub-branch leaves its stem, from
 * its run to a little below): the stem stays upright there, so the branch leaves it cleanly.
 */
function boxSlices(r: CladeNode, p: Profile, lanes: Map<string, Lane>): [number, number][] {
  const out: [number, number][] = [];
  const walk = (n: CladeNode) => {
    if (n.unit) out.push([p.slice(n.y - n.unit.h / 2 - VGAP), p.slice(n.y + n.unit.h / 2 + VGAP)]);
    for (const c of n.children) {
      const run = lanes.get(c.id)?.run;
      if (run !== undefined) out.push([p.slice(run - LINE), p.slice(run + JUNCTION)]);
      walk(c);
    }
  };
  walk(r);
  return out;
}

/**
 * Make the lean constant across every box, so boxes side by side move together and never close up:
 * each box's slices take the largest shift among them, then the slope limit is restored (it only raises).
 */
function flatten(shear: Shear, boxes: [number, number][], slope: number): void {
  const s = shear.s, lo = shear.lo, step = slope * BUCKET;
  // Boxes that share a slice move as one: merge overlapping ranges first.
  const sorted = [...boxes].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  boxes = [];
  for (const [b1, b2] of sorted) {
    const last = boxes[boxes.length - 1];
    if (last && b1 <= last[1]) last[1] = Math.max(last[1], b2);
    else boxes.push([b1, b2]);
  }
  const level = () => {
    let changed = false;
    for (const [b1, b2] of boxes) {
      const i1 = Math.max(0, b1 - lo), i2 = Math.min(s.length - 1, b2 - lo);
      let m = -Infinity;
      for (let i = i1; i <= i2; i++) m = Math.max(m, s[i]);
      for (let i = i1; i <= i2; i++) if (s[i] !== m) (s[i] = m), (changed = true);
    }
    return changed;
  };
  for (let pass = 0; pass < 4 && level(); pass++) {
    for (let j = 1; j < s.length; j++) s[j] = Math.max(s[j], s[j - 1] - step);
    for (let j = s.length - 2; j >= 0; j--) s[j] = Math.max(s[j], s[j + 1] - step);
  }
  // The last word is levelling: a box never straddles two shifts (the slope may jump a little instead).
  level();
}

function cloneProfile(p: Profile): Profile {
  const q = new Profile(p.origin);
  q.merge(p, 0);
  return q;
}

/** Pack a node's subtree around its stem; returns its profile and records each child's lane. */
function packNode(n: CladeNode, origin: number, lanes: Map<string, Lane>): Profile {
  const acc = new Profile(origin);
  if (n.unit) acc.add(n.y - n.unit.h / 2 - VGAP, n.y + n.unit.h / 2 + VGAP, -inset(n), n.unit.w - inset(n));
  const cont = n.continuation;
  if (cont) {
    acc.merge(packNode(cont, origin, lanes), 0);
    acc.add(boxBottom(cont), boxTop(n), -LINE, LINE);
    lanes.set(cont.id, { side: 1 });
  }
  // An org stem has no box: its stem reaches as low as its earliest sub-branch needs.
  const limit = n.unit ? boxTop(n) - 3 : Infinity;
  let stemTop = n.unit ? boxTop(n) : -Infinity;
  let stemBottom = n.unit ? boxTop(n) : -Infinity;
  for (const c of packOrder(n.children)) {
    if (c === cont) continue;
    // A child younger than the continuation passes below the continuation's box.
    const floor = cont && c.y - (c.unit?.boxH ?? 0) / 2 < boxBottom(cont) + 4 ? boxBottom(cont) + RISE : -Infinity;
    const f = fit(acc, packNode(c, origin, lanes), c, floor, limit);
    // The sub-branch leans like a clade: toward its parent's stem wherever nothing packed before it is in the way.
    const shear = lean(acc, f.shape, c, lanes);
    acc.mergeSheared(f.shape, shear);
    acc.add(f.run - LINE, f.run + LINE, 0, shear.at(acc.slice(f.run)));
    lanes.set(c.id, { run: f.run, side: 1, shear });
    stemTop = Math.min(stemTop === -Infinity ? f.run : stemTop, f.run);
    stemBottom = Math.max(stemBottom, f.run + LINE);
  }
  if (!n.unit) n.y = stemBottom + 2;
  if (stemTop !== -Infinity && stemBottom > stemTop) acc.add(stemTop, stemBottom, -LINE, LINE);
  return acc;
}

/**
 * Children are packed smaller subtrees first (latest first among equals): leaves take the places nearest
 * their parent's stem, each at its own height, and the lineages that live on go outward of them, so a
 * hub's many leaves stack beside its stem instead of each being pushed outward of every later lineage.
 */
function packOrder(children: CladeNode[]): CladeNode[] {
  return [...children].sort((a, b) => a.size - b.size || b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Children inherit their clade root's side. */
function setSides(roots: CladeNode[], lanes: Map<string, Lane>): void {
  const walk = (n: CladeNode, side: -1 | 1) => {
    lanes.get(n.id)!.side = side;
    for (const c of n.children) walk(c, side);
  };
  for (const r of roots) walk(r, lanes.get(r.id)!.side);
}
