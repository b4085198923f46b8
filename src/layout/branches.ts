/** Branches: smooth cubic curves with small arrowheads, out of a parent's box or out of the trunk. */
import type { Branch, ModelBox, Point, Trunk } from './scene.js';
import { arrowhead, pt } from './geometry.js';
import { widthAt } from './trunks.js';

const ARROW_LEN = 6;
const ARROW_HALF = 3;

function finish(from: string | null, to: ModelBox, d: [Point, Point, Point, Point]): Branch {
  const e = d[3];
  const c = d[2].x === e.x && d[2].y === e.y ? d[1] : d[2];
  // The curve stops at the arrow's base, so the line does not poke through the tip.
  const arrow = arrowhead(c, e, ARROW_LEN, ARROW_HALF);
  return { from, to: to.id, family: to.family, d: d.map((p) => pt(p.x, p.y)) as Branch['d'], arrow };
}

/** From the parent's box top to the child's box bottom (or its near side when they sit level). */
export function parentBranch(parent: ModelBox, child: ModelBox): Branch {
  const s = { x: parent.x + parent.w / 2, y: parent.y };
  const cbottom = child.y + child.h;
  if (cbottom < s.y - 10) {
    const e = { x: child.x + child.w / 2, y: cbottom + 1 };
    const mid = (s.y + e.y) / 2;
    return finish(parent.id, child, [s, { x: s.x, y: mid }, { x: e.x, y: mid }, e]);
  }
  const right = child.x + child.w / 2 > s.x;
  const e = { x: right ? child.x - 1 : child.x + child.w + 1, y: child.y + child.h / 2 };
  return finish(parent.id, child, [s, { x: s.x, y: s.y - 14 }, { x: e.x + (right ? -14 : 14), y: e.y }, e]);
}

/** From the trunk's edge, a little below the box, curving up into the box's bottom. */
export function trunkBranch(trunk: Trunk, box: ModelBox): Branch {
  const cx = box.x + box.w / 2;
  const side = cx < trunk.x ? -1 : 1;
  const bottom = box.y + box.h;
  const sy = Math.min(trunk.bottom - 2, bottom + 12 + Math.min(26, Math.abs(cx - trunk.x) * 0.08));
  const s = { x: trunk.x + side * (widthAt(trunk, sy) / 2 - 1), y: sy };
  const e = { x: cx, y: bottom + 1 };
  if (sy - e.y < 4) {
    // Level with the trunk's base: come in from the side.
    const se = { x: side > 0 ? box.x - 1 : box.x + box.w + 1, y: box.y + box.h / 2 };
    return finish(null, box, [s, { x: (s.x + se.x) / 2, y: s.y }, { x: (s.x + se.x) / 2, y: se.y }, se]);
  }
  return finish(null, box, [s, { x: s.x + (e.x - s.x) * 0.55, y: s.y }, { x: e.x, y: s.y - (s.y - e.y) * 0.2 }, e]);
}
