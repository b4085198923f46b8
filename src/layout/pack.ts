/**
 * Lanes inside one family column, by interval packing (a genome browser's track layout, with
 * variable widths): walk the units by date; each takes the free horizontal position nearest its
 * parent's (or nearest the trunk when it has none). Overlaps are impossible by construction.
 * Coordinates are local to the column: the trunk runs along x = 0.
 */
export interface PackItem {
  id: string;
  /** Vertical centre and size of the unit. */
  y: number;
  w: number;
  h: number;
  /** Offset of the box centre from the unit's left edge. */
  boxCx: number;
  /** Parent in the same column, already placed (parents are older, so they come first). */
  parent?: string;
}

export interface Placed {
  /** Left edge of the unit. */
  x: number;
  /** -1 left of the trunk, 1 right of it. */
  side: -1 | 1;
}

export interface PackOptions {
  /** Half-width of the keep-out band around the trunk. */
  trunkHalf: number;
  hgap: number;
  vgap: number;
}

export function pack(items: readonly PackItem[], o: PackOptions): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  /** Placed units as [top, bottom, left, right]; in date order, so y decreases as we go. */
  const rects: { top: number; bottom: number; left: number; right: number }[] = [];
  const indexOf = new Map<string, number>();
  const parentCx = new Map<string, number>();
  let lastSide: -1 | 1 = -1;
  for (const it of items) {
    const top = it.y - it.h / 2 - o.vgap;
    const bottom = it.y + it.h / 2 + o.vgap;
    const blocked: [number, number][] = [[-o.trunkHalf, o.trunkHalf]];
    for (let i = rects.length - 1; i >= 0; i--) {
      const r = rects[i];
      if (r.top < bottom && r.bottom > top) blocked.push([r.left - o.hgap, r.right + o.hgap]);
    }
    const parent = it.parent ? placed.get(it.parent) : undefined;
    const parentRect = parent ? rects[indexOf.get(it.parent!)!] : undefined;
    let best: { x: number; cost: number } | undefined;
    const consider = (x: number, want: number, penalty: number) => {
      for (const [a, b] of blocked) if (x < b && x + it.w > a) return;
      const cost = Math.abs(x - want) + penalty;
      if (!best || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) <= 1e-9 && x < best.x)) best = { x, cost };
    };
    const candidates = (want: number) => [want, ...blocked.flatMap(([a, b]) => [b, a - it.w])];
    if (parent && parentRect) {
      const want = parentRect.left + parentCx.get(it.parent!)! - it.boxCx;
      for (const x of candidates(want)) {
        const side: -1 | 1 = x + it.w / 2 < 0 ? -1 : 1;
        consider(x, want, side === parent.side ? 0 : 1e6);
      }
    } else {
      // Nearest the trunk, on either side; ties go to the side used least recently.
      for (const side of [lastSide === 1 ? -1 : 1, lastSide] as const) {
        const want = side === 1 ? o.trunkHalf : -o.trunkHalf - it.w;
        for (const x of candidates(want)) {
          const s: -1 | 1 = x + it.w / 2 < 0 ? -1 : 1;
          if (s !== side) continue;
          consider(x, want, 0);
        }
      }
    }
    const x = best!.x;
    const side: -1 | 1 = x + it.w / 2 < 0 ? -1 : 1;
    if (!parent) lastSide = side;
    placed.set(it.id, { x, side });
    indexOf.set(it.id, rects.length);
    parentCx.set(it.id, it.boxCx);
    rects.push({ top: it.y - it.h / 2, bottom: it.y + it.h / 2, left: x, right: x + it.w });
  }
  return placed;
}
