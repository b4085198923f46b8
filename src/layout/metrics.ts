/**
 * Legibility measured on a scene: edge crossings, horizontal ink, shape, label size on paper, overlaps.
 * Pure: the same numbers the tests assert, `render --metrics` prints and docs/benchmarks.md records.
 */
import type { Point, Rect, Scene } from './scene.js';
import { sampleBezier } from './geometry.js';

/** A3 landscape, in pt. */
export const A3 = { w: 1190.55, h: 841.89 };

export interface LayoutMetrics {
  boxes: number;
  /** Tree edges: branches and organisation stems' feet. */
  edges: number;
  /** Pairs of tree edges (branches, stems, trunks) that cross. */
  crossings: number;
  crossingsPerBox: number;
  /** Pairs (secondary link, tree edge) that cross; links are drawn light and are not counted above. */
  linkCrossings: number;
  /** Mean horizontal run of a tree edge, in median box heights. */
  horizontalPerEdge: number;
  /** Width ÷ height. */
  aspect: number;
  /** Median box label size, in pt, when the whole figure is fit to an A3 landscape page. */
  medianLabelPt: number;
  /** Overlapping pairs among boxes' units, the legend and the chart. */
  overlaps: number;
  width: number;
  height: number;
}

type Seg = { a: Point; b: Point; e: number };

const orient = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
/** Proper crossing: each segment strictly separates the other's ends (touching and collinear runs do not count). */
function cross(s: Seg, t: Seg): boolean {
  const d1 = orient(s.a, s.b, t.a), d2 = orient(s.a, s.b, t.b), d3 = orient(t.a, t.b, s.a), d4 = orient(t.a, t.b, s.b);
  const eps = 1e-6;
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

/** A drawn line with the nodes it touches: lines meeting at a node (a stem and its hooks) do not cross there. */
type Line = { pts: Point[]; nodes: string[]; owner?: string };

function polylines(scene: Scene): { tree: Line[]; links: Line[] } {
  const tree: Line[] = [];
  for (const b of scene.branches) tree.push({ pts: sampleBezier(b.d, 16), nodes: [b.from ?? `trunk:${b.family}`, b.to] });
  for (const s of scene.stems) {
    tree.push({ pts: s.path ?? [{ x: s.x, y: s.y1 }, { x: s.x, y: s.y2 }], nodes: [s.from], owner: s.from });
    if (s.foot) tree.push({ pts: sampleBezier(s.foot, 16), nodes: [s.from, `trunk:${s.family}`] });
  }
  for (const t of scene.trunks) tree.push({ pts: [{ x: t.x, y: t.bottom }, { x: t.x, y: t.top }], nodes: [`trunk:${t.family}`], owner: `trunk:${t.family}` });
  return { tree, links: scene.links.map((l) => ({ pts: sampleBezier(l.d, 16), nodes: [l.from, l.to] })) };
}

const near = (p: Point, q: Point) => Math.abs(p.x - q.x) < 3 && Math.abs(p.y - q.y) < 3;
/** Where two segments cross (they are known to cross properly). */
function meet(s: Seg, t: Seg): Point {
  const d = (s.b.x - s.a.x) * (t.b.y - t.a.y) - (s.b.y - s.a.y) * (t.b.x - t.a.x);
  const u = ((t.a.x - s.a.x) * (t.b.y - t.a.y) - (t.a.y - s.a.y) * (t.b.x - t.a.x)) / d;
  return { x: s.a.x + u * (s.b.x - s.a.x), y: s.a.y + u * (s.b.y - s.a.y) };
}

/** Edge pairs that cross: segments bucketed in a grid, each pair of edges counted once. */
function countCrossings(a: Line[], b: Line[] | null): number {
  const CELL = 48;
  const grid = new Map<number, Seg[]>();
  const lines = b ? [...a, ...b] : a;
  const segs = (ls: Line[], base: number) => ls.flatMap((l, e) => l.pts.slice(1).map((p, i) => ({ a: l.pts[i], b: p, e: e + base })));
  const ends = (e: number) => [lines[e].pts[0], lines[e].pts[lines[e].pts.length - 1]];
  // A stem (or trunk) meets the lines that leave it; two lines leaving the same stem still count.
  const owns = (e: number, f: number) => lines[e].owner !== undefined && lines[f].nodes.includes(lines[e].owner!);
  const related = (e: number, f: number) => owns(e, f) || owns(f, e);
  const A = segs(a, 0);
  const B = b ? segs(b, a.length) : A;
  for (const s of A) {
    for (const key of cells(s, CELL)) {
      const list = grid.get(key);
      if (list) list.push(s);
      else grid.set(key, [s]);
    }
  }
  const pairs = new Set<number>();
  const n = a.length + (b?.length ?? 0);
  for (const t of B) {
    for (const key of cells(t, CELL)) {
      for (const s of grid.get(key) ?? []) {
        if (s.e === t.e || (!b && s.e > t.e)) continue;
        if (pairs.has(s.e * n + t.e) || related(s.e, t.e) || !cross(s, t)) continue;
        const p = meet(s, t);
        if (![...ends(s.e), ...ends(t.e)].some((q) => near(p, q))) pairs.add(s.e * n + t.e);
      }
    }
  }
  return pairs.size;
}

function cells(s: Seg, cell: number): number[] {
  const out: number[] = [];
  const x1 = Math.floor(Math.min(s.a.x, s.b.x) / cell), x2 = Math.floor(Math.max(s.a.x, s.b.x) / cell);
  const y1 = Math.floor(Math.min(s.a.y, s.b.y) / cell), y2 = Math.floor(Math.max(s.a.y, s.b.y) / cell);
  for (let x = x1; x <= x2; x++) for (let y = y1; y <= y2; y++) out.push(x * 100003 + y);
  return out;
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

function countOverlaps(scene: Scene): number {
  const rects: Rect[] = [...scene.boxes.map((b) => b.unit), scene.legend, ...(scene.chart ? [scene.chart] : [])];
  const order = rects.map((r, i) => ({ r, i })).sort((p, q) => p.r.x - q.r.x);
  let n = 0;
  for (let i = 0; i < order.length; i++)
    for (let j = i + 1; j < order.length && order[j].r.x < order[i].r.x + order[i].r.w; j++) if (overlap(order[i].r, order[j].r)) n++;
  return n;
}

const median = (v: number[]) => {
  if (!v.length) return 0;
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

export function layoutMetrics(scene: Scene): LayoutMetrics {
  const { tree, links } = polylines(scene);
  const crossings = countCrossings(tree, null);
  // Every edge ends in one arrowed branch, except an organisation's stem (its foot is the edge); a
  // long sub-branch is drawn as a foot, a stalk and its arrowed end, and counts once with all its run.
  const feet = scene.stems.filter((s) => s.foot).map((s) => s.foot!);
  const runs = [...scene.branches.map((b) => b.d), ...feet].map((d) => Math.abs(d[3].x - d[0].x));
  const edges = scene.branches.length + scene.stems.filter((s) => s.from.startsWith('org:')).length;
  const boxH = median(scene.boxes.map((b) => b.h)) || 1;
  const fit = Math.min(A3.w / scene.width, A3.h / scene.height);
  const labels = scene.boxes.map((b) => Math.max(0, ...b.lines.map((l) => l.size)) * fit);
  const boxes = scene.boxes.length;
  return {
    boxes,
    edges,
    crossings,
    crossingsPerBox: round(boxes ? crossings / boxes : 0, 3),
    linkCrossings: links.length ? countCrossings(tree, links) : 0,
    horizontalPerEdge: round(edges ? runs.reduce((a, b) => a + b, 0) / edges / boxH : 0),
    aspect: round(scene.width / scene.height),
    medianLabelPt: round(median(labels), 1),
    overlaps: countOverlaps(scene),
    width: scene.width,
    height: scene.height,
  };
}
