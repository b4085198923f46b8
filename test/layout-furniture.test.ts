/** Title, legend and chart: in empty parts of the page, touching nothing the tree draws; the page policy. */
import { describe, it, expect } from 'vitest';
import { filterModels, loadCatalog, type Catalog, type Model } from '../src/catalog/index.js';
import { layoutTree, type LayoutOptions, type Point, type Rect, type Scene } from '../src/layout/index.js';
import { Occupancy } from '../src/layout/occupancy.js';
import { padPage } from '../src/layout/furniture.js';
import { sampleBezier } from '../src/layout/geometry.js';
import { textWidth } from '../src/layout/text.js';
import { overlap } from './fixtures/figure/check.js';
import { syntheticCatalog } from './fixtures/figure/catalogs.js';

const full = loadCatalog('catalog').catalog;
const mini = loadCatalog('test/fixtures/figure/mini').catalog;

/** The panels as drawn (the renderer pads the legend and chart by 6 px), and the title's ink. */
function furniture(s: Scene): [string, Rect][] {
  const pad = (r: Rect) => ({ x: r.x - 6, y: r.y - 6, w: r.w + 12, h: r.h + 12 });
  const out: [string, Rect][] = [['legend', pad(s.legend)]];
  if (s.chart) out.push(['chart', pad(s.chart)]);
  if (s.title.length) {
    const t = s.title;
    const w = Math.max(...t.map((l) => textWidth(l.text, l.size)));
    out.push(['title', { x: t[0].x, y: t[0].y - t[0].size, w, h: t[t.length - 1].y - t[0].y + t[0].size * 1.25 }]);
  }
  return out;
}

/** Every point the tree draws a line through: branches, stems, feet, links, trunk outlines and labels' paths, the stump. */
function linePoints(s: Scene): Point[] {
  const pts: Point[] = [];
  const dense = (line: Point[]) => {
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1], b = line[i];
      const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4));
      for (let k = 0; k <= n; k++) pts.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
    }
  };
  for (const b of s.branches) dense(sampleBezier(b.d, 24));
  for (const l of s.links) dense(sampleBezier(l.d, 24));
  for (const st of s.stems) {
    dense(st.path ?? [{ x: st.x, y: st.y1 }, { x: st.x, y: st.y2 }]);
    if (st.foot) dense(sampleBezier(st.foot, 24));
  }
  for (const t of s.trunks) {
    dense([...t.outline, t.outline[0]]);
    dense([...t.arrow, t.arrow[0]]);
    if (t.labelPath) dense(sampleBezier(t.labelPath, 24));
  }
  if (s.stump) dense([...s.stump.outline, s.stump.outline[0]]);
  return pts;
}

function furnitureProblems(s: Scene): string[] {
  const out: string[] = [];
  const items = furniture(s);
  const page = { x: 0, y: 0, w: s.width, h: s.height };
  const pts = linePoints(s);
  for (const [name, r] of items) {
    if (r.x < 0 || r.y < 0 || r.x + r.w > page.w || r.y + r.h > page.h) out.push(`${name} outside the page`);
    for (const b of s.boxes) if (overlap(r, b.unit)) out.push(`${name} covers ${b.id}`);
    for (const t of s.trunks) if (overlap(r, { x: t.x - t.width / 2, y: t.top, w: t.width, h: t.bottom - t.top })) out.push(`${name} covers the ${t.family} trunk`);
    const hit = pts.find((p) => p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h);
    if (hit) out.push(`${name} covers a line at ${hit.x.toFixed(0)},${hit.y.toFixed(0)}`);
    if (r.x < s.axis.x + s.axis.ticks[0]?.pill.w / 2) out.push(`${name} on the axis`);
  }
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (overlap(items[i][1], items[j][1])) out.push(`${items[i][0]} overlaps the ${items[j][0]}`);
  return out;
}

const cases: [string, Catalog, () => Model[], LayoutOptions][] = [
  ['mini', mini, () => mini.models, {}],
  ['mini 16:9', mini, () => mini.models, { aspect: 16 / 9 }],
  ['synthetic 300', syntheticCatalog(300, 3), () => syntheticCatalog(300, 3).models, { aspect: 16 / 9 }],
];
if (full.models.length) {
  cases.push(
    ['--survey', full, () => filterModels(full, { survey: true }), { aspect: 4 / 3 }],
    ['default', full, () => filterModels(full, { landmark: true }), { aspect: 16 / 9 }],
    ['default, zh, dark', full, () => filterModels(full, { landmark: true }), { aspect: 16 / 9, lang: 'zh', theme: 'dark' }],
    ['default 4:3', full, () => filterModels(full, { landmark: true }), { aspect: 4 / 3 }],
    ['--all', full, () => full.models, {}],
    ['to 2020', full, () => filterModels(full, { landmark: true }), { aspect: 16 / 9, to: '2020' }],
    ['encoder-only', full, () => full.models.filter((m) => m.family === 'encoder-only'), { aspect: 16 / 9 }],
    ['long title', full, () => filterModels(full, { survey: true }), { aspect: 4 / 3, title: 'A much longer title than the figure usually carries, on one line' }],
  );
}

describe('furniture placement', () => {
  it.each(cases)('%s: title, legend and chart inside the page, touching no box, line, trunk or each other', (_, catalog, models, o) => {
    expect(furnitureProblems(layoutTree(catalog, models(), o))).toEqual([]);
  });

  it('is deterministic', () => {
    const a = layoutTree(mini, mini.models, { aspect: 16 / 9 }), b = layoutTree(mini, [...mini.models].reverse(), { aspect: 16 / 9 });
    expect(furniture(b)).toEqual(furniture(a));
    expect([b.width, b.height]).toEqual([a.width, a.height]);
  });

  it.skipIf(!full.models.length)('fits the survey and default figures without growing the page: both sit inside the tree', () => {
    for (const [s, aspect] of [[layoutTree(full, filterModels(full, { survey: true }), { aspect: 4 / 3 }), 4 / 3], [layoutTree(full, filterModels(full, { landmark: true }), { aspect: 16 / 9 }), 16 / 9]] as const) {
      // The tree's own extent, padded to the shape, is the page.
      const right = Math.max(...s.boxes.map((b) => b.unit.x + b.unit.w), ...s.trunks.map((t) => t.x + t.width / 2));
      const bottom = Math.max(...s.boxes.map((b) => b.unit.y + b.unit.h), ...(s.stump ? s.stump.outline.map((p) => p.y) : []));
      const page = padPage(right + 24, bottom + 24, aspect);
      expect(s.width).toBeLessThanOrEqual(Math.ceil(page.w) + 1);
      expect(s.height).toBeLessThanOrEqual(Math.ceil(page.h) + 1);
      for (const [name, r] of furniture(s)) expect(r.x + r.w, name).toBeLessThanOrEqual(right + 24);
    }
  });

  it('keeps the page to the shape asked for', () => {
    for (const aspect of [16 / 9, 4 / 3, 1]) {
      const s = layoutTree(mini, mini.models, { aspect });
      expect(Math.abs(s.width / s.height - aspect)).toBeLessThan(0.01);
    }
  });

  it('keeps every legend meaning: families drawn, open and closed, the licence markers used', () => {
    const s = layoutTree(mini, mini.models);
    const kinds = s.legend.items.map((i) => i.kind);
    expect(kinds).toContain('open');
    expect(kinds).toContain('closed');
    expect(s.legend.items.filter((i) => i.kind === 'family').map((i) => i.family)).toEqual(s.trunks.map((t) => t.family).filter((f, i, a) => a.indexOf(f) === i).sort((a, b) => s.trunks.findIndex((t) => t.family === a) - s.trunks.findIndex((t) => t.family === b)));
    expect(kinds.includes('restricted')).toBe(s.boxes.some((b) => b.restricted?.commercial === 'no'));
    expect(kinds.includes('conditional')).toBe(s.boxes.some((b) => b.restricted?.commercial === 'conditional'));
    // Legend items never overlap one another, in whatever shape it takes.
    const labels = s.legend.items.map((i) => ({ x: i.swatch.x, y: i.swatch.y, w: i.label.x + textWidth(i.label.text, i.label.size) - i.swatch.x, h: i.swatch.h }));
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i], labels[j])).toBe(false);
  });

  it('notes "top N of M" beside the chart key only when organisations are left out', () => {
    expect(layoutTree(mini, mini.models).chart!.note).toBeUndefined();
    const s = layoutTree(mini, mini.models, { chartTop: 2 });
    expect(s.chart!.bars.length).toBe(2);
    expect(s.chart!.note!.text).toBe('top 2 of 3');
  });
});

describe('Occupancy', () => {
  it('finds the free spot nearest a corner, and the least growth past an edge', () => {
    const occ = new Occupancy(400, 400, 0).rect({ x: 200, y: 200, w: 200, h: 200 });
    // Bottom-right quarter taken: the nearest free 100 × 100 spot to the bottom-right corner is beside it.
    const r = occ.nearest(100, 100, 0, 0, 15, 15, { right: true, bottom: true })!;
    expect(overlap(r, { x: 200, y: 200, w: 200, h: 200 })).toBe(false);
    expect(r.x + r.y).toBeGreaterThanOrEqual(180);
    expect(occ.free(r)).toBe(true);
    expect(occ.free({ x: 250, y: 250, w: 10, h: 10 })).toBe(false);
    // Columns left to right: the first column with room.
    expect(occ.sweep(100, 100, 0, 0, 19, 10, true, false)).toEqual({ x: 0, y: 0, w: 100, h: 100 });
  });

  it('marks lines along their whole length', () => {
    const occ = new Occupancy(1000, 100, 0).line([{ x: 0, y: 50 }, { x: 1000, y: 50 }]);
    for (let x = 0; x < 1000; x += 37) expect(occ.free({ x, y: 40, w: 5, h: 20 })).toBe(false);
    expect(occ.free({ x: 0, y: 0, w: 1000, h: 20 })).toBe(true);
  });

  it('padPage pads to the shape and is idempotent', () => {
    const p = padPage(1000, 300, 16 / 9);
    expect(p.w).toBe(1000);
    expect(p.h).toBeCloseTo(562.5);
    expect(padPage(p.w, p.h, 16 / 9)).toEqual(p);
    expect(padPage(100, 300, 16 / 9).w).toBeCloseTo((16 / 9) * 300);
  });
});
