import { describe, it, expect } from 'vitest';
import { loadCatalog, commercialUse, type Catalog, type Model } from '../src/catalog/index.js';
import { countByOrganization, lineageIds } from '../src/graph/index.js';
import { layoutTree, type Scene } from '../src/layout/index.js';
import { sceneProblems, expectedY, centreY, lcg, branchesUnderBoxes } from './fixtures/figure/check.js';
import { hostileCatalog, syntheticCatalog } from './fixtures/figure/catalogs.js';

const full = loadCatalog('catalog').catalog; // its validity is test/catalog.test.ts's concern
const mini = loadCatalog('test/fixtures/figure/mini').catalog;

function checkScene(catalog: Catalog, models: Model[], scene: Scene) {
  expect(sceneProblems(scene)).toEqual([]);
  // Every drawn model exactly once.
  const ids = scene.boxes.map((b) => b.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(models.map((m) => m.id).sort());
  for (const b of scene.boxes) {
    const m = catalog.byId.get(b.id)!;
    expect(b.fill, b.id).toBe(m.weights === 'closed' ? 'hollow' : 'filled');
    const c = commercialUse(catalog, m);
    expect(Boolean(b.restricted), b.id).toBe(c === 'no' || c === 'conditional');
    if (b.onStump) continue;
    expect(Math.abs(centreY(b) - expectedY(scene, m.released)), b.id).toBeLessThan(0.6);
    const col = scene.columns.find((c) => c.family === m.family)!;
    expect(b.unit.x, b.id).toBeGreaterThanOrEqual(col.x1 - 0.01);
    expect(b.unit.x + b.unit.w, b.id).toBeLessThanOrEqual(col.x2 + 0.01);
  }
  // The chart counts equal countByOrganization for the drawn subset (top N).
  const counts = countByOrganization(catalog, models).slice(0, 12);
  const bars = [...(scene.chart?.bars ?? [])].reverse();
  expect(bars.map((b) => [b.org, b.open, b.closed])).toEqual(counts.map((c) => [c.org, c.open, c.closed]));
}

describe('layoutTree(catalog, models)', () => {
  it('lays out the mini fixture soundly', () => {
    checkScene(mini, mini.models, layoutTree(mini, mini.models));
  });

  it.skipIf(full.models.length === 0)('lays out the full catalog with no overlaps', () => {
    checkScene(full, full.models, layoutTree(full, full.models));
  });

  it.skipIf(full.models.length === 0)('lays out seeded random subsets soundly', () => {
    const rand = lcg(42);
    for (let k = 0; k < 6; k++) {
      const p = 0.1 + 0.8 * rand();
      const subset = full.models.filter(() => rand() < p);
      const scene = layoutTree(full, subset, { timeScale: k % 2 ? 'linear' : 'density', theme: (['light', 'dark', 'print'] as const)[k % 3] });
      checkScene(full, subset, scene);
    }
  });

  it('is deterministic: the same input gives byte-identical scenes', () => {
    const a = JSON.stringify(layoutTree(full, full.models));
    const b = JSON.stringify(layoutTree(full, [...full.models].reverse()));
    expect(a).toBe(b);
  });

  it('timeScale linear gives every year the same height; density gives busy years more', () => {
    const lin = layoutTree(mini, mini.models, { timeScale: 'linear' }).axis.years.map((y) => y.bottom - y.top);
    expect(new Set(lin).size).toBe(1);
    if (full.models.length) {
      const den = layoutTree(full, full.models).axis.years.map((y) => y.bottom - y.top);
      expect(Math.max(...den)).toBeGreaterThan(Math.min(...den));
    }
  });

  it('from/to window the axis and the models', () => {
    const s = layoutTree(mini, mini.models, { from: '2019', to: '2022' });
    expect(s.axis.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022]);
    expect(s.boxes.every((b) => b.released >= '2019' && b.released < '2023')).toBe(true);
  });

  it('puts pre-Transformer models older than the axis on the stump', () => {
    const s = layoutTree(mini, mini.models);
    expect(s.boxes.find((b) => b.id === 'word2vec')!.onStump).toBe(true);
    expect(s.boxes.find((b) => b.id === 'elmo')!.onStump).toBeFalsy();
  });

  it('hangs a model off its parent\'s stem; a clade root grows from its trunk; a successor goes straight up', () => {
    const s = layoutTree(mini, mini.models);
    // DistilBERT descends from BERT: its sub-branch leaves the stem rising from BERT's box top.
    const br = s.branches.find((b) => b.to === 'distilbert')!;
    expect(br.from).toBe('bert');
    const bert = s.boxes.find((b) => b.id === 'bert')!;
    // Where DistilBERT's line leaves BERT: the foot of BERT's stem, or (when DistilBERT sits right above
    // it) the start of its branch, on BERT's box top.
    const stem = s.stems.find((st) => st.from === 'bert' && !st.foot);
    const start = stem ? { x: stem.x, y: stem.y1 } : br.d[0];
    expect(start.y).toBeCloseTo(bert.y, 1);
    expect(start.x).toBeGreaterThan(bert.x);
    expect(start.x).toBeLessThan(bert.x + bert.w);
    expect(s.branches.find((b) => b.to === 'bert')!.from).toBeNull();
    // Without BERT drawn, DistilBERT roots its own clade on the trunk.
    const alone = layoutTree(mini, mini.models.filter((m) => m.id !== 'bert'));
    expect(alone.branches.find((b) => b.to === 'distilbert')!.from).toBeNull();
    expect(alone.stems.find((st) => st.from === 'bert')).toBeUndefined();
  });

  it('keeps a lineage on one side of its trunk and draws extra parents as light links', () => {
    const s = layoutTree(mini, mini.models);
    for (const br of s.branches) {
      if (!br.from) continue;
      const a = s.boxes.find((b) => b.id === br.from)!, b = s.boxes.find((x) => x.id === br.to)!;
      const t = s.trunks.find((x) => x.family === b.family)!;
      expect(Math.sign(a.x - t.x), `${br.from}→${br.to}`).toBe(Math.sign(b.x - t.x));
    }
    for (const l of s.links) expect(mini.byId.get(l.to)!.parents.some((p) => p.model === l.from)).toBe(true);
  });

  it('keeps branch lines from passing under boxes (mini, seeded subsets, synthetic 1k)', () => {
    expect(branchesUnderBoxes(layoutTree(mini, mini.models)).count).toBe(0);
    if (full.models.length) {
      const rand = lcg(7);
      for (let k = 0; k < 4; k++) {
        const subset = full.models.filter(() => rand() < 0.5);
        // Seeded halves of the 405-model catalog give 11, 17, 4 and 6; the bound grows with the subset.
        expect(branchesUnderBoxes(layoutTree(full, subset)).count).toBeLessThanOrEqual(Math.max(12, Math.ceil(subset.length / 12)));
      }
    }
    const c = syntheticCatalog(1000, 7);
    const s = layoutTree(c, c.models);
    // Before sub-branch routing a catalog this size had thousands; allow a handful per hundred models.
    expect(branchesUnderBoxes(s).count).toBeLessThanOrEqual(60);
  });

  it('uses display.prefix as a small line above the name', () => {
    const b = layoutTree(mini, mini.models).boxes.find((x) => x.id === 'flan-t5')!;
    expect(b.lines.map((l) => l.text)).toEqual(['Flan', 'T5']);
    expect(b.lines[0].size).toBeLessThan(b.lines[1].size);
  });

  it('highlight makes the lineage stand out and fades the rest', () => {
    const s = layoutTree(mini, mini.models, { highlight: 'gpt-2' });
    const keep = lineageIds(mini, mini.byId.get('gpt-2')!);
    for (const b of s.boxes) expect(Boolean(b.faded), b.id).toBe(!keep.has(b.id));
  });

  it('lang zh translates the title, families and chart', () => {
    const s = layoutTree(mini, mini.models, { lang: 'zh' });
    expect(s.title.map((t) => t.text).join('')).toBe('大语言模型进化树');
    expect(s.trunks.find((t) => t.family === 'decoder-only')!.label.text).toBe('仅解码器');
    expect(s.chart!.caption.text).toMatch(/机构/);
  });

  it('rejects bad options with a clear message', () => {
    expect(() => layoutTree(mini, mini.models, { timeScale: 'log' as never })).toThrow(/timeScale: "log"/);
    expect(() => layoutTree(mini, mini.models, { from: '23' })).toThrow(/from/);
  });

  it('lays out hostile names: markup, quotes, very long, RTL and CJK', () => {
    const c = hostileCatalog();
    const s = layoutTree(c, c.models);
    checkScene(c, c.models, s);
    const long = s.boxes.find((b) => b.id === 'long')!;
    expect(long.lines.length).toBeLessThanOrEqual(2);
  });

  it('grows rather than piles up for a synthetic 1,000-model catalog', () => {
    const c = syntheticCatalog(1000, 7);
    checkScene(c, c.models, layoutTree(c, c.models));
  });
});
