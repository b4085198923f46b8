/**
 * Phase 5 — routing. Every tree edge becomes a smooth cubic: a sub-branch leaves its stem (or the
 * trunk's edge) going up, bends along its run and rises into the child's box from below; a
 * continuation goes straight up its stem. Merges' other parents and parents in other columns become
 * light secondary links.
 */
import type { Branch, Link, ModelBox, Point, StemLine, Trunk } from './scene.js';
import type { CladeNode } from './clades.js';
import type { PlacedColumn } from './placement.js';
import { finishBranch } from './branches.js';
import { widthAt } from './trunks.js';
import { r2, pt } from './geometry.js';

/** How far below its run a sub-branch leaves its stem, so it bends off smoothly. */
const BEND = 6;

type Curve = [Point, Point, Point, Point];

/** From a stem at ax (leaving it at sy, going up), bending along yr, up into (ex, eb). */
export function hook(ax: number, yr: number, ex: number, eb: number, sy: number): Curve {
  return [
    { x: ax, y: sy },
    { x: ax, y: yr },
    { x: ex, y: yr },
    { x: ex, y: eb },
  ];
}

const top = (n: CladeNode) => (n.unit ? n.y - n.unit.boxH / 2 : n.y);
const bottom = (n: CladeNode) => (n.unit ? n.y + n.unit.boxH / 2 : n.y);

export interface Routes {
  branches: Branch[];
  stems: StemLine[];
}

export function routeColumn(c: PlacedColumn, trunk: Trunk, boxes: ReadonlyMap<string, ModelBox>, trunkBottom: number): Routes {
  const out: Routes = { branches: [], stems: [] };
  for (const r of c.forest.roots) {
    const lane = c.packing.lanes.get(r.id)!;
    const run = lane.run!;
    const edge = c.trunkX + lane.side * (widthAt(trunk, run) / 2 - 1);
    const sy = Math.min(run + BEND, trunkBottom);
    if (r.model) hooked(c, null, `trunk:${c.family}`, { x: edge, y: sy }, { x: edge, y: run }, r, run, boxes, out);
    else out.stems.push(orgStem(c, r, [{ x: edge, y: sy }, { x: edge, y: run }, { x: c.xAt(r.id, run), y: run }, { x: c.xAt(r.id, bottom(r)), y: bottom(r) }]));
    routeNode(c, r, boxes, out);
  }
  return out;
}

/** Sampling step of a leaning stem: a slice, so branches leaving it start on the drawn line. */
const STEM_STEP = 6;

/** A stem from y1 (bottom) up to y2, following its clade's lean (straight stretches kept as one segment). */
function stemPath(c: PlacedColumn, id: string, y1: number, y2: number): Point[] {
  const n = Math.max(1, Math.ceil((y1 - y2) / STEM_STEP));
  const pts = Array.from({ length: n + 1 }, (_, i) => {
    const y = y1 + ((y2 - y1) * i) / n;
    return pt(c.xAt(id, y), y);
  });
  // Keep the corners only: a point in line with its neighbours (upright or leaning alike) adds nothing.
  const out = [pts[0]];
  for (let i = 1; i < pts.length - 1; i++) {
    const a = out[out.length - 1], p = pts[i], b = pts[i + 1];
    if (Math.abs((p.x - a.x) * (b.y - p.y) - (b.x - p.x) * (p.y - a.y)) > 0.5 * Math.abs(b.y - a.y)) out.push(p);
  }
  if (pts.length > 1) out.push(pts[pts.length - 1]);
  return out;
}

/** Longest rise a hook's curve makes on its own; a longer one climbs a straight stalk, as packed. */
const MAX_RISE = 36;

/**
 * A sub-branch from a stem (start, bend) along its run to the child: one cubic when the child sits just
 * above the run, else a hook into the child's stalk, the stalk up (leaning with the clade), and a short
 * arrowed end into the box.
 */
function hooked(c: PlacedColumn, from: string | null, owner: string, start: Point, bend: Point, ch: CladeNode, run: number, boxes: ReadonlyMap<string, ModelBox>, out: Routes): void {
  const eb = bottom(ch);
  const at = (y: number) => ({ x: c.xAt(ch.id, y), y });
  if (run - eb <= MAX_RISE) {
    out.branches.push(finishBranch(from, boxes.get(ch.id)!, [start, bend, at(run), at(eb)]));
    return;
  }
  const y1 = run - 12, y2 = eb + 18;
  const foot: Curve = [pt(start.x, start.y), pt(bend.x, bend.y), pt(at(run).x, run), pt(at(y1).x, y1)];
  out.stems.push({ from: from ?? owner, family: c.family, x: r2(at(y1).x), y1: r2(y1), y2: r2(y2), path: stemPath(c, ch.id, y1, y2), foot });
  out.branches.push(finishBranch(from, boxes.get(ch.id)!, [at(y2), at(y2 - (y2 - eb) / 3), at(eb + (y2 - eb) / 3), at(eb)]));
}

/** An organisation's shared stem, with its foot curving out of the trunk. */
function orgStem(c: PlacedColumn, n: CladeNode, foot: Curve): StemLine {
  const runs = n.children.map((ch) => c.packing.lanes.get(ch.id)!.run!);
  const y2 = Math.min(...runs) + BEND;
  return { from: n.id, family: c.family, x: r2(c.stemX.get(n.id)!), y1: r2(n.y), y2: r2(y2), path: stemPath(c, n.id, n.y, y2), foot: foot.map((p) => pt(p.x, p.y)) as Curve };
}

function routeNode(c: PlacedColumn, n: CladeNode, boxes: ReadonlyMap<string, ModelBox>, out: Routes): void {
  const at = (id: string, y: number) => ({ x: c.xAt(id, y), y });
  let stemTop = Infinity;
  for (const ch of n.children) {
    const lane = c.packing.lanes.get(ch.id)!;
    const from = n.model ? n.id : null;
    if (lane.run === undefined) {
      // Straight on up the stem (leaning with the clade), the last stretch as the arrowed branch.
      const y1 = top(n), y2 = bottom(ch), ym = Math.min(y1, y2 + 18);
      if (ym < y1 - 1) out.stems.push({ from: n.id, family: c.family, x: r2(c.stemX.get(n.id)!), y1: r2(y1), y2: r2(ym), path: stemPath(c, n.id, y1, ym) });
      out.branches.push(finishBranch(from, boxes.get(ch.id)!, [at(n.id, ym), at(n.id, ym - (ym - y2) / 3), at(n.id, y2 + (ym - y2) / 3), at(n.id, y2)]));
    } else {
      const sy = Math.min(lane.run + BEND, n.model ? top(n) : n.y);
      hooked(c, from, n.id, at(n.id, sy), at(n.id, lane.run), ch, lane.run, boxes, out);
      stemTop = Math.min(stemTop, sy);
    }
    routeNode(c, ch, boxes, out);
  }
  if (n.model && stemTop < top(n)) out.stems.push({ from: n.id, family: c.family, x: r2(c.stemX.get(n.id)!), y1: r2(top(n)), y2: r2(stemTop), path: stemPath(c, n.id, top(n), stemTop) });
}

/** Light links for the parent edges the tree does not draw: from the parent's box top to the child's box bottom. */
export function secondaryLinks(edges: { from: string; to: string }[], boxes: ReadonlyMap<string, ModelBox>): Link[] {
  const out: Link[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const key = `${e.from}>${e.to}`;
    const a = boxes.get(e.from), b = boxes.get(e.to);
    if (!a || !b || seen.has(key)) continue;
    seen.add(key);
    const s = { x: a.x + a.w / 2, y: a.y };
    const t = { x: b.x + b.w / 2, y: b.y + b.h };
    const k = Math.max(20, Math.abs(s.y - t.y) / 2);
    out.push({ from: e.from, to: e.to, family: b.family, d: [pt(s.x, s.y), pt(s.x, s.y - k), pt(t.x, t.y + k), pt(t.x, t.y)] });
  }
  return out;
}
