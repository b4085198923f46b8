/**
 * layoutTree: catalog models → Scene. Pure and deterministic: models are walked in (date, id) order,
 * every tie is broken by id, and nothing depends on object-key order or randomness.
 */
import { FAMILIES, earliest, latest, toYearFraction, byRelease, type Catalog, type Family, type Model } from '../catalog/core.js';
import { lineageIds } from '../graph/index.js';
import type { Branch, Column, ModelBox, Point, Scene, StemLine, TextLine, Trunk } from './scene.js';
import { resolveOptions, type LayoutOptions } from './options.js';
import { PALETTES } from './theme.js';
import { STRINGS } from './i18n.js';
import { ADVANCE, CJK_FONT_FAMILY, FONT_FAMILY, textWidth } from './text.js';
import { timeScale } from './time-scale.js';
import { measureUnit, RESTRICTED_R, type UnitShape } from './unit.js';
import { pack, type PackItem, type Placed, type Stem } from './pack.js';
import { makeTrunk, spineOf, trunkWidth, widthAt } from './trunks.js';
import { finishBranch } from './branches.js';
import { axis } from './axis.js';
import { legend } from './legend.js';
import { barChart } from './chart.js';
import { FreeSpace, type Obstacles } from './place.js';
import { r2, sampleBezier } from './geometry.js';

const MARGIN = 24;
const COLUMN_GAP = 36;
/** Height of one slice of a column's profile when the columns are slid together. */
const BUCKET = 8;
const PITCH = 34;
const HGAP = 8;
const VGAP = 5;
const ROOT_GAP = 56;
/** Boxes side by side in one column before a year grows taller. */
const LANES = 6;
/** Title size at furniture scale 1: one line, about two box rows high, as in the survey. */
const TITLE_FONT = 32;
/** Furniture (title, year pills, legend) grows with the figure, so it stays legible when a big figure is shown small. */
const furnitureScale = (n: number) => Math.round(10 * Math.min(2.2, Math.max(1, Math.sqrt(n / 40)))) / 10;
/** A child more than this many years younger than its parent grows out of the trunk instead. */
const MAX_STEM_YEARS = 1.5;

export function layoutTree(catalog: Catalog, models: readonly Model[], options: LayoutOptions = {}): Scene {
  const o = resolveOptions(options);
  const s = STRINGS[o.lang];
  const palette = PALETTES[o.theme];

  // The drawn subset, deduplicated, in (date, id) order, inside the from/to window.
  const seen = new Set<string>();
  const drawn = [...models]
    .sort(byRelease)
    .filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)))
    .filter((m) => (!o.from || latest(m.released) >= earliest(o.from)) && (!o.to || earliest(m.released) <= latest(o.to)));
  const t = new Map(drawn.map((m) => [m.id, toYearFraction(m.released)]));
  const transformerEra = drawn.filter((m) => m.family !== 'pre-transformer');
  const anchor = transformerEra.length ? transformerEra : drawn;
  const firstYear = o.from ? Number(o.from.slice(0, 4)) : anchor.length ? Math.floor(Math.min(...anchor.map((m) => t.get(m.id)!))) : 2018;
  const stumpModels = drawn.filter((m) => m.family === 'pre-transformer' && t.get(m.id)! < firstYear);
  const axisModels = drawn.filter((m) => !(m.family === 'pre-transformer' && t.get(m.id)! < firstYear));
  const lastYear = o.to ? Number(o.to.slice(0, 4)) : Math.max(firstYear, ...axisModels.map((m) => Math.floor(t.get(m.id)!)));

  const k = furnitureScale(axisModels.length);
  const AXIS_X = Math.round(24 + 25 * k);
  const kPanel = Math.min(k, 1.6);
  const titleFont = Math.round(TITLE_FONT * kPanel);
  const units = new Map<string, UnitShape>(drawn.map((m) => [m.id, measureUnit(catalog, m)]));

  // Title band, then the time scale below it.
  const titleLines = o.title !== undefined ? [o.title] : s.title;
  const headerH = MARGIN + titleLines.length * (titleFont + 6) + 10;
  const points = axisModels.map((m) => ({ t: t.get(m.id)!, column: m.family }));
  const probe = timeScale({ points, firstYear, lastYear, kind: o.timeScale, bottom: 0, pitch: PITCH, lanes: LANES });
  const topPad = 50;
  const scale = timeScale({ points, firstYear, lastYear, kind: o.timeScale, bottom: headerH + topPad - probe.top, pitch: PITCH, lanes: LANES });
  const axisBottom = scale.bottom;

  // Pack each family column around its trunk (local x), then set the columns side by side.
  const families = FAMILIES.filter((f) => axisModels.some((m) => m.family === f));
  const inView = new Set(axisModels.map((m) => m.id));
  // A model hangs off its parent's sub-branch when the parent is drawn in the same column and not
  // too long before it; otherwise it grows out of its own trunk.
  const parentOf = new Map<string, string>();
  for (const m of axisModels) {
    const p = m.parents.find((e) => inView.has(e.model) && catalog.byId.get(e.model)?.family === m.family && e.model !== m.id);
    if (p && byRelease(catalog.byId.get(p.model)!, m) < 0 && t.get(m.id)! - t.get(p.model)! <= MAX_STEM_YEARS + 1e-9) parentOf.set(m.id, p.model);
  }
  const columns: Column[] = [];
  const boxes: ModelBox[] = [];
  const widths = new Map<Family, number>();
  let cursor = AXIS_X + 50;
  const packed: { family: Family; placed: Map<string, Placed>; stems: Stem[]; minL: number; maxR: number; ms: Model[] }[] = [];
  for (const f of families) {
    const ms = axisModels.filter((m) => m.family === f);
    const width = trunkWidth(ms.length);
    widths.set(f, width);
    const items: PackItem[] = ms.map((m) => {
      const u = units.get(m.id)!;
      return { id: m.id, y: scale.y(t.get(m.id)!), w: u.w, h: u.h, boxCx: u.boxW / 2, boxW: u.boxW, boxH: u.boxH, parent: parentOf.get(m.id) };
    });
    const { placed, stems } = pack(items, { trunkHalf: width / 2 + 6, hgap: HGAP, vgap: VGAP, trunkBottom: axisBottom });
    let minL = -width / 2, maxR = width / 2;
    for (const it of items) {
      const p = placed.get(it.id)!;
      minL = Math.min(minL, p.x);
      maxR = Math.max(maxR, p.x + it.w);
    }
    packed.push({ family: f, placed, stems, minL, maxR, ms });
  }
  // Slide each column as far left as its profile allows: a busy stretch of one family may sit beside a
  // quiet stretch of its neighbour (the columns interleave, as in the survey), but nothing of one column
  // (boxes, branches, stems, trunk) may come within COLUMN_GAP of the previous columns.
  const yMin = Math.min(scale.top, ...packed.flatMap((c) => c.ms.map((m) => units.get(m.id)!.h * -1 + scale.y(t.get(m.id)!)))) - 40;
  const nb = Math.ceil((axisBottom + 80 - yMin) / BUCKET) + 1;
  const env = new Float64Array(nb).fill(-Infinity);
  const offsets: number[] = [];
  for (const c of packed) {
    const L = new Float64Array(nb).fill(Infinity);
    const R = new Float64Array(nb).fill(-Infinity);
    const add = (x1: number, x2: number, y1: number, y2: number) => {
      const b1 = Math.max(0, Math.floor((y1 - yMin) / BUCKET)), b2 = Math.min(nb - 1, Math.floor((y2 - yMin) / BUCKET));
      for (let b = b1; b <= b2; b++) {
        if (x1 < L[b]) L[b] = x1;
        if (x2 > R[b]) R[b] = x2;
      }
    };
    const half = widths.get(c.family)! / 2 + 6;
    const famTop = Math.min(...c.ms.map((m) => scale.y(t.get(m.id)!)));
    add(-half, half, Math.min(famTop - 40, axisBottom - 150), axisBottom + 80);
    for (const m of c.ms) {
      const u = units.get(m.id)!, pl = c.placed.get(m.id)!, y = scale.y(t.get(m.id)!);
      add(pl.x - HGAP / 2, pl.x + u.w + HGAP / 2, y - u.h / 2 - VGAP / 2, y + u.h / 2 + VGAP / 2);
      const ps = sampleBezier(pl.d, 8);
      for (let i = 1; i < ps.length; i++) add(Math.min(ps[i - 1].x, ps[i].x) - 2, Math.max(ps[i - 1].x, ps[i].x) + 2, Math.min(ps[i - 1].y, ps[i].y) - 2, Math.max(ps[i - 1].y, ps[i].y) + 2);
    }
    for (const st of c.stems) add(st.x - 3, st.x + 3, st.y2, st.y1);
    let trunkX = cursor - c.minL;
    for (let b = 0; b < nb; b++) if (L[b] !== Infinity && env[b] !== -Infinity) trunkX = Math.max(trunkX, env[b] + COLUMN_GAP - L[b]);
    // Trunks keep a little distance from each other at the bottom, where they leave the root.
    if (offsets.length) trunkX = Math.max(trunkX, offsets[offsets.length - 1] + 80);
    for (let b = 0; b < nb; b++) if (R[b] !== -Infinity) env[b] = Math.max(env[b], trunkX + R[b]);
    offsets.push(trunkX);
  }
  const natural = Math.max(...packed.map((c, i) => offsets[i] + c.maxR)) + MARGIN;
  const extraGap = o.width > natural && packed.length > 1 ? (o.width - natural) / (packed.length - 1) : 0;
  packed.forEach((c, i) => {
    const trunkX = offsets[i] + extraGap * i;
    columns.push({ family: c.family, x1: r2(trunkX + c.minL), x2: r2(trunkX + c.maxR), trunkX: r2(trunkX) });
    for (const m of c.ms) boxes.push(placeBox(units.get(m.id)!, trunkX + c.placed.get(m.id)!.x, scale.y(t.get(m.id)!)));
    cursor = Math.max(cursor, trunkX + c.maxR + COLUMN_GAP);
  });
  let plotRight = Math.max(cursor - COLUMN_GAP, AXIS_X + 300);
  const byId = new Map(boxes.map((b) => [b.id, b]));

  // The root: under the meeting point of encoder-decoder and decoder-only (or the middle of the trunks).
  const trunkXs = columns.map((c) => c.trunkX);
  const ed = columns.find((c) => c.family === 'encoder-decoder');
  const dec = columns.find((c) => c.family === 'decoder-only');
  const rootX = ed && dec ? (ed.trunkX + dec.trunkX) / 2 : trunkXs.length ? (Math.min(...trunkXs) + Math.max(...trunkXs)) / 2 : AXIS_X + 200;
  // A gentle fan: the root zone deepens with the widest horizontal run of a trunk.
  const reach = trunkXs.length ? Math.max(...trunkXs.map((x) => Math.abs(x - rootX))) : 0;
  const rootY = axisBottom + Math.round(Math.max(ROOT_GAP, Math.min(150, reach * 0.08)));

  // Trunks fan out from the root top, side by side in column order.
  const totalW = columns.reduce((a, c) => a + widths.get(c.family)! * 1.15, 0);
  let fan = rootX - totalW / 2;
  const leftGoing = columns.filter((k) => k.trunkX < rootX - 40).length;
  const trunkInputs = columns.map((c) => {
    const w = widths.get(c.family)!;
    const startX = fan + (w * 1.15) / 2;
    fan += w * 1.15;
    const fam = boxes.filter((b) => b.family === c.family);
    const latestTop = Math.min(...fam.map((b) => b.y));
    return { family: c.family, label: s.family[c.family], labelBelow: c === columns[0] && leftGoing > 1, labelMin: Math.round(10 * k), rootX: startX, rootY, x: c.trunkX, bottom: axisBottom, top: Math.min(latestTop - 12, axisBottom - 120), width: w };
  });
  // Family names along the trunks keep clear of the boxes and of the other trunks.
  const spines = trunkInputs.map((ti) => ({ family: ti.family, half: (ti.width * 1.15) / 2, pts: sampleBezier(spineOf(ti), 96) }));
  const lowBoxes = boxes.filter((b) => b.unit.y + b.unit.h > axisBottom - 60);
  const labelFree = (family: Family) => (pts: Point[], r: number) => {
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
  const trunks: Trunk[] = trunkInputs.map((ti) => makeTrunk(ti, labelFree(ti.family)));
  const trunkOf = new Map(trunks.map((tr) => [tr.family, tr]));

  // Stump: pre-Transformer models released before the axis starts, in rows on the stump.
  const stumpBoxes: ModelBox[] = [];
  let stumpBottom = rootY + 30;
  if (stumpModels.length) {
    const perRow = 4;
    for (let r = 0; r * perRow < stumpModels.length; r++) {
      const row = stumpModels.slice(r * perRow, (r + 1) * perRow).map((m) => units.get(m.id)!);
      const rowW = row.reduce((a, u) => a + u.w, 0) + HGAP * (row.length - 1);
      let x = rootX - rowW / 2;
      const cy = rootY + 24 + r * (PITCH - 4);
      for (const u of row) {
        stumpBoxes.push({ ...placeBox(u, x, cy), onStump: true });
        x += u.w + HGAP;
      }
      stumpBottom = cy + 24;
    }
  }
  const stumpHalfTop = Math.max(totalW / 2, 10);
  const stumpHalfBottom = Math.max(stumpHalfTop * 1.8, ...stumpBoxes.map((b) => Math.max(rootX - b.unit.x, b.unit.x + b.unit.w - rootX) + 12));
  const stump = columns.length || stumpBoxes.length
    ? { outline: [pt(rootX - stumpHalfTop, rootY - 2), pt(rootX + stumpHalfTop, rootY - 2), pt(rootX + stumpHalfBottom, stumpBottom), pt(rootX - stumpHalfBottom, stumpBottom)] }
    : null;
  boxes.push(...stumpBoxes);
  plotRight = Math.max(plotRight, ...boxes.map((b) => b.unit.x + b.unit.w));

  // Branches: out of the parent's box when it is in view (same family), else out of the family trunk.
  const branches: Branch[] = [];
  const stems: StemLine[] = [];
  for (const c of packed) {
    const col = columns.find((k) => k.family === c.family)!;
    const tr = trunkOf.get(c.family)!;
    for (const m of c.ms) {
      const pl = c.placed.get(m.id)!;
      const d = pl.d.map((q) => ({ x: q.x + col.trunkX, y: q.y })) as Branch['d'];
      if (pl.anchor === 'trunk') {
        // Start on the trunk's real (tapering) edge.
        const side = d[0].x < col.trunkX ? -1 : 1;
        const dx = col.trunkX + side * (widthAt(tr, d[0].y) / 2 - 1) - d[0].x;
        d[0] = { x: d[0].x + dx, y: d[0].y };
        d[1] = { x: d[1].x + (pl.d[1].x === pl.d[0].x ? dx : dx / 2), y: d[1].y };
      }
      branches.push(finishBranch(pl.anchor === 'trunk' ? null : parentOf.get(m.id)!, byId.get(m.id)!, d));
    }
    for (const st of c.stems) stems.push({ from: st.from, family: c.family, x: r2(st.x + col.trunkX), y1: r2(st.y1), y2: r2(st.y2) });
  }

  // Highlight: the lineage stands out, the rest fades.
  if (o.highlight) {
    const hm = catalog.byId.get(o.highlight);
    const keep = hm ? lineageIds(catalog, hm) : new Set<string>();
    for (const b of boxes) {
      if (keep.has(b.id)) b.highlighted = b.id === o.highlight;
      else b.faded = true;
    }
    for (const br of branches) if (!keep.has(br.to) || (br.from !== null && !keep.has(br.from))) br.faded = true;
    const lit = new Set<string>();
    for (const br of branches) if (br.from !== null && !br.faded) lit.add(br.from);
    for (const st of stems) if (!keep.has(st.from) || !lit.has(st.from)) st.faded = true;
  }

  // Free room for the legend and the chart, inside the plot if possible, else to its right.
  const obstacles: Obstacles = {
    rects: [
      ...boxes.map((b) => b.unit),
      ...trunks.map((tr) => ({ x: tr.x - tr.width / 2, y: tr.top - 18, w: tr.width, h: tr.bottom - tr.top + 18 })),
      { x: 0, y: 0, w: AXIS_X + 25 * k + 15, h: 1e6 },
      ...stems.map((st) => ({ x: st.x - 1, y: st.y2, w: 2, h: st.y1 - st.y2 })),
    ],
    points: [
      ...branches.flatMap((br) => sampleBezier(br.d, 10)),
      ...trunks.flatMap((tr) => tr.outline),
    ],
  };
  const plotTop = headerH;
  const markers = { no: boxes.some((b) => b.restricted?.commercial === 'no'), conditional: boxes.some((b) => b.restricted?.commercial === 'conditional') };
  const legendProbe = legend(families.length ? families : [], s, markers, 0, 0, kPanel);
  const chartProbe = barChart(catalog, drawn, o.chartTop, s, 0, 0, kPanel);
  // As in the survey: the chart in the lower right, the legend in the upper left, inside the plot where
  // there is room, else beside it (the chart at the bottom, the legend at the top).
  const plot = { x: AXIS_X + 50, y: plotTop, w: Math.max(1, plotRight - AXIS_X - 50), h: Math.max(1, axisBottom - plotTop) };
  const space = new FreeSpace(plot, obstacles, 10);
  const midX = plot.x + plot.w / 2, midY = plot.y + plot.h / 2;
  const chartRect = chartProbe
    ? space.first(chartProbe.w, chartProbe.h, cornerCandidates(plotRight, axisBottom, chartProbe.w, chartProbe.h, Math.min(midX, plotRight - chartProbe.w), Math.min(midY, axisBottom - chartProbe.h), 'bottom-right'))
      ?? { x: plotRight + COLUMN_GAP, y: axisBottom - chartProbe.h, w: chartProbe.w, h: chartProbe.h }
    : null;
  if (chartRect) space.add(chartRect);
  const titleRight = AXIS_X + 40 + Math.max(...titleLines.map((l) => textWidth(l, titleFont)));
  const legendOutside = () => {
    const x = plotRight + COLUMN_GAP;
    const clash = chartRect && chartRect.x < x + legendProbe.w && chartRect.y < plotTop + legendProbe.h + 10;
    return { x: clash ? chartRect.x + chartRect.w + COLUMN_GAP : x, y: plotTop, w: legendProbe.w, h: legendProbe.h };
  };
  const legendRect =
    space.first(legendProbe.w, legendProbe.h, cornerCandidates(Math.max(midX, plot.x + legendProbe.w), Math.max(midY, plot.y + legendProbe.h), legendProbe.w, legendProbe.h, plot.x, plot.y, 'top-left')) ??
    // Else in the upper left beside the title, reaching down into the plot where it is free.
    space.first(legendProbe.w, legendProbe.h, cornerCandidates(Math.max(midX, titleRight + 30 + legendProbe.w), Math.max(midY, MARGIN + legendProbe.h), legendProbe.w, legendProbe.h, titleRight + 30, MARGIN, 'top-left')) ??
    space.first(legendProbe.w, legendProbe.h, cornerCandidates(plotRight, axisBottom, legendProbe.w, legendProbe.h, plot.x, plot.y, 'top-left')) ??
    legendOutside();
  const chart = chartProbe && chartRect ? barChart(catalog, drawn, o.chartTop, s, chartRect.x, chartRect.y, kPanel) : null;
  const leg = legend(families, s, markers, legendRect.x, legendRect.y, kPanel);

  const width = Math.ceil(Math.max(o.width, plotRight + MARGIN, chart ? chart.x + chart.w + MARGIN : 0, leg.x + leg.w + MARGIN, AXIS_X + 50 + Math.max(...titleLines.map((l) => textWidth(l, titleFont))) + MARGIN));
  const height = Math.ceil(Math.max(stumpBottom, rootY + 30) + MARGIN);
  const title: TextLine[] = titleLines.map((l, i) => ({ text: l, x: AXIS_X + 40, y: MARGIN + (i + 1) * (titleFont + 6) - 6, size: titleFont, anchor: 'start', weight: 'bold' }));

  return {
    version: 1,
    width,
    height,
    theme: o.theme,
    lang: o.lang,
    palette,
    font: { family: FONT_FAMILY, cjkFamily: CJK_FONT_FAMILY, advance: ADVANCE },
    title,
    axis: axis(scale, AXIS_X, Math.min(scale.top - 30, plotTop + 10), height - MARGIN / 2, width - MARGIN, k),
    stump,
    columns,
    trunks,
    stems,
    branches,
    boxes,
    legend: leg,
    chart,
    highlight: o.highlight,
  };
}

function pt(x: number, y: number): Point {
  return { x: r2(x), y: r2(y) };
}

/** A unit placed with its left edge at x and its centre at cy, in absolute px. */
function placeBox(u: UnitShape, x: number, cy: number): ModelBox {
  const bx = x, by = cy - u.boxH / 2;
  const top = cy - u.h / 2;
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
    marks: u.marks.map((k) => ({ org: k.org, name: k.name, kind: k.kind, icon: k.icon, text: k.text, color: k.color, x: r2(x + k.x), y: r2(by + k.y), w: k.w, h: k.h })),
    restricted: u.restricted ? { x: r2(x + u.restricted.x), y: r2(by + u.restricted.y), r: RESTRICTED_R, commercial: u.restricted.commercial } : undefined,
    unit: { x: r2(x), y: r2(top), w: u.w, h: u.h },
  };
}

/** Candidate top-left corners, scanning outward from one corner of the plot. */
function* cornerCandidates(right: number, bottom: number, w: number, h: number, left: number, top: number, from: 'bottom-right' | 'top-left'): Generator<Point> {
  const step = 20;
  const ys: number[] = [];
  const xs: number[] = [];
  for (let y = top; y + h <= bottom; y += step) ys.push(y);
  for (let x = left; x + w <= right; x += step) xs.push(x);
  if (from === 'bottom-right') {
    ys.reverse();
    xs.reverse();
  }

  // Row by row from the corner's edge: the legend as high as it fits, the chart as low as it fits.
  for (const y of ys) for (const x of xs) yield { x, y };
}

