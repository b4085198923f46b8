/**
 * Phase 4 (continued) — the root: the stump under the columns' meeting point with the pre-Transformer
 * models on it, and the tapering trunks fanning out of it, each family's name written along its curve.
 */
import type { Family } from '../catalog/core.js';
import type { Model } from '../catalog/core.js';
import type { ModelBox, Point, Stump, Trunk } from './scene.js';
import type { Strings } from './i18n.js';
import type { UnitShape } from './unit.js';
import type { PlacedColumn } from './placement.js';
import { placeBox } from './placement.js';
import { makeTrunk, spineOf } from './trunks.js';
import { pt, sampleBezier } from './geometry.js';

const ROOT_GAP = 56;
const HGAP = 8;

export interface Root {
  trunks: Trunk[];
  stump: Stump | null;
  stumpBoxes: ModelBox[];
  rootY: number;
  bottom: number;
}

export interface RootInput {
  columns: PlacedColumn[];
  boxes: ModelBox[];
  stumpModels: Model[];
  units: ReadonlyMap<string, UnitShape>;
  axisBottom: number;
  axisX: number;
  k: number;
  s: Strings;
  /** Extents only: no trunks. */
  draft?: boolean;
}

export function root(input: RootInput): Root {
  const { columns, axisBottom } = input;
  const trunkXs = columns.map((c) => c.trunkX);
  const ed = columns.find((c) => c.family === 'encoder-decoder');
  const dec = columns.find((c) => c.family === 'decoder-only');
  const rootX = ed && dec ? (ed.trunkX + dec.trunkX) / 2 : trunkXs.length ? (Math.min(...trunkXs) + Math.max(...trunkXs)) / 2 : input.axisX + 200;
  const reach = trunkXs.length ? Math.max(...trunkXs.map((x) => Math.abs(x - rootX))) : 0;
  const rootY = axisBottom + Math.round(Math.max(ROOT_GAP, Math.min(90, reach * 0.08)));
  const totalW = columns.reduce((a, c) => a + c.width * 1.15, 0);
  const trunks = input.draft ? [] : makeTrunks(input, rootX, rootY, totalW);
  const { boxes: stumpBoxes, bottom } = stumpRows(input, rootX, rootY);
  const stumpHalfTop = Math.max(totalW / 2, 10);
  const stumpHalfBottom = Math.max(stumpHalfTop * 1.8, ...stumpBoxes.map((b) => Math.max(rootX - b.unit.x, b.unit.x + b.unit.w - rootX) + 12));
  const stump = columns.length || stumpBoxes.length
    ? { outline: [pt(rootX - stumpHalfTop, rootY - 2), pt(rootX + stumpHalfTop, rootY - 2), pt(rootX + stumpHalfBottom, bottom), pt(rootX - stumpHalfBottom, bottom)] }
    : null;
  return { trunks, stump, stumpBoxes, rootY, bottom: Math.max(bottom, rootY + 30) };
}

function makeTrunks(input: RootInput, rootX: number, rootY: number, totalW: number): Trunk[] {
  const { columns, boxes, axisBottom, k, s } = input;
  let fan = rootX - totalW / 2;
  const leftGoing = columns.filter((c) => c.trunkX < rootX - 40).length;
  const tis = columns.map((c) => {
    const startX = fan + (c.width * 1.15) / 2;
    fan += c.width * 1.15;
    const latestTop = Math.min(...boxes.filter((b) => b.family === c.family).map((b) => b.y));
    return { family: c.family, label: s.family[c.family], labelBelow: c === columns[0] && leftGoing > 1, labelMin: Math.round(10 * k), rootX: startX, rootY, x: c.trunkX, bottom: axisBottom, top: Math.min(latestTop - 12, axisBottom - 120), width: c.width };
  });
  const spines = tis.map((ti) => ({ family: ti.family, half: (ti.width * 1.15) / 2, pts: sampleBezier(spineOf(ti), 96) }));
  const lowBoxes = boxes.filter((b) => b.unit.y + b.unit.h > axisBottom - 60);
  // Family names along the trunks keep clear of the boxes and of the other trunks.
  // Names already written: a later name keeps clear of them too.
  const written: { pts: Point[]; r: number }[] = [];
  const clearOfWritten = (pts: Point[], r: number) =>
    written.every((w) => pts.every((p) => w.pts.every((q) => Math.abs(q.x - p.x) >= w.r + r || Math.abs(q.y - p.y) >= w.r + r)));
  const labelFree = (family: Family) => (pts: Point[], r: number) => {
    if (!clearOfWritten(pts, r)) return false;
    for (const p of pts) {
      for (const b of p.y > axisBottom - 40 ? lowBoxes : boxes) {
        const u = b.unit;
        if (p.x > u.x - r && p.x < u.x + u.w + r && p.y > u.y - r && p.y < u.y + u.h + r) return false;
      }
      for (const sp of spines) {
        if (sp.family === family) continue;
        for (const q of sp.pts) if (Math.abs(q.x - p.x) < sp.half + r + 6 && Math.abs(q.y - p.y) < sp.half + r) return false;
      }
    }
    return true;
  };
  return tis.map((ti) => {
    const free = labelFree(ti.family);
    let taken: { pts: Point[]; r: number } | undefined;
    const trunk = makeTrunk(ti, (pts, r) => free(pts, r) && Boolean((taken = { pts, r })));
    if (taken) written.push(taken);
    return trunk;
  });
}

/** Pre-Transformer models released before the axis starts, in rows on the stump. */
function stumpRows(input: RootInput, rootX: number, rootY: number): { boxes: ModelBox[]; bottom: number } {
  const boxes: ModelBox[] = [];
  let bottom = rootY + 30;
  const perRow = 4;
  const ms = input.stumpModels;
  let y = rootY + 12;
  for (let r = 0; r * perRow < ms.length; r++) {
    const row = ms.slice(r * perRow, (r + 1) * perRow).map((m) => input.units.get(m.id)!);
    const rowW = row.reduce((a, u) => a + u.w, 0) + HGAP * (row.length - 1);
    const h = Math.max(...row.map((u) => u.h));
    let x = rootX - rowW / 2;
    const cy = y + h / 2;
    for (const u of row) {
      boxes.push({ ...placeBox(u, x, cy), onStump: true });
      x += u.w + HGAP;
    }
    y += h + 6;
    bottom = y + 6;
  }
  return { boxes, bottom };
}
