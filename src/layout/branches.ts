/** Branches: smooth cubic curves with small arrowheads, from the trunk, a parent's stem or a parent's side. */
import type { Branch, ModelBox, Point } from './scene.js';
import { arrowhead, pt } from './geometry.js';

export const ARROW_LEN = 6;
export const ARROW_HALF = 3;

/** A routed curve as a scene branch, with its arrowhead along the end tangent. */
export function finishBranch(from: string | null, to: ModelBox, d: [Point, Point, Point, Point]): Branch {
  const e = d[3];
  const c = d[2].x === e.x && d[2].y === e.y ? d[1] : d[2];
  const arrow = arrowhead(c, e, ARROW_LEN, ARROW_HALF);
  return { from, to: to.id, family: to.family, d: d.map((p) => pt(p.x, p.y)) as Branch['d'], arrow };
}
