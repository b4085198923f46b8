/**
 * layoutTree: catalog models → Scene, as a sequence of named phases, each in its own file:
 *   1. frame.ts      time scale: drawn subset, years, date → y
 *   2. clades.ts     clades and ordering: each column's forest, organisations' stems, child order
 *   3. lanes.ts      columns and lanes: each clade packed around its stem, sides of the trunk
 *                    (the left side may reach over the columns already set: placement's LeftWall)
 *   4. placement.ts  placement: columns side by side, boxes; root.ts: trunks and stump
 *   5. routing.ts    routing: branches, stems, secondary links
 *   6. furniture.ts  title, legend, chart, axis: in empty parts of the page; the page size
 * With `aspect` set, phases 1–5 run again with the year heights stretched until the shape fits, and
 * height the shape leaves empty goes to taller years (`fill`). A title with no empty top corner gets a
 * band above the tree (`titleBand`: the tree is laid out again under it).
 * Pure and deterministic: every sort is a total order, nothing depends on randomness or key order.
 */
import { FAMILIES, type Catalog, type Family, type Model } from '../catalog/core.js';
import { SCENE_VERSION, type Branch, type ModelBox, type Scene, type StemLine } from './scene.js';
import { resolveOptions, type LayoutOptions, type Resolved } from './options.js';
import { PALETTES } from './theme.js';
import { STRINGS, type Strings } from './i18n.js';
import { ADVANCE, CJK_FONT_FAMILY, FONT_FAMILY } from './text.js';
import { measureUnit, type UnitShape } from './unit.js';
import { drawnModels, frame, MARGIN, type Frame } from './frame.js';
import { buildForest } from './clades.js';
import { packColumn } from './lanes.js';
import { trunkWidth } from './trunks.js';
import { placeColumns, columnBoxes, columnOf, LeftWall, type PackedColumn } from './placement.js';
import { root } from './root.js';
import { routeColumn, secondaryLinks } from './routing.js';
import { furniture } from './furniture.js';
import { applyHighlight } from './highlight.js';

/** The tree without its furniture, for one stretch of the time scale. */
interface Tree {
  f: Frame;
  families: Family[];
  scene: Pick<Scene, 'columns' | 'trunks' | 'stump' | 'stems' | 'branches' | 'links' | 'boxes'>;
  plotRight: number;
  bottom: number;
  /** The year-height stretch it was laid out with. */
  stretch: number;
}

/** Phases 1–3 for one stretch: they do not depend on the page width, so drafts and the figure share them. */
interface Packed {
  f: Frame;
  families: Family[];
  packed: PackedColumn[];
  links: { from: string; to: string }[];
}

/** Everything a tree is laid out from: the models, options, words and units; `packs` memoises phases 1–3 by stretch. */
interface Ctx {
  catalog: Catalog;
  drawn: Model[];
  o: Resolved;
  s: Strings;
  units: ReadonlyMap<string, UnitShape>;
  packs: Map<number, Packed>;
}

function pack(c: Ctx, stretch: number): Packed {
  const known = c.packs.get(stretch);
  if (known) return known;
  const { catalog, drawn, o, s, units } = c;
  const f = frame(drawn, o, o.title !== undefined ? [o.title] : s.title, stretch);
  const axisBottom = f.scale.bottom;
  const families = FAMILIES.filter((fam) => f.axisModels.some((m) => m.family === fam));
  const drawnIds = new Set(drawn.map((m) => m.id));
  const links: { from: string; to: string }[] = [];
  const packed: PackedColumn[] = [];
  // The columns set so far leave room above their busy years: the left side of the next may reach over it.
  const wall = new LeftWall(f.axisX + 50, f.scale.top, axisBottom, 0);
  for (const family of families) {
    const ms = f.axisModels.filter((m) => m.family === family);
    const forest = buildForest({ catalog, models: ms, drawn: drawnIds, t: f.t, y: f.scale.y, units });
    links.push(...forest.links);
    const width = trunkWidth(ms.length);
    const column = { family, forest, packing: packColumn(forest.roots, 0, axisBottom, wall.room()), half: width / 2 + 6, width };
    wall.add(column);
    packed.push(column);
  }
  const p = { f, families, packed, links };
  c.packs.set(stretch, p);
  return p;
}

/** `draft`: only the extents (plotRight, bottom) are needed — no trunks, branches or links. `width`: the least plot width. */
function tree(c: Ctx, stretch: number, draft = false, width = c.o.width): Tree {
  const { f, families, packed, links } = pack(c, stretch);
  const { s, units } = c;
  const axisBottom = f.scale.bottom;
  const placed = placeColumns(packed, f.axisX + 50, axisBottom, 0, width);
  const boxes: ModelBox[] = draft ? [] : placed.flatMap(columnBoxes);
  const r = root({ columns: placed, boxes, stumpModels: f.stumpModels, units, axisBottom, axisX: f.axisX, k: f.k, s, draft });
  if (draft) {
    const right = Math.max(f.axisX + 350, ...placed.map((c) => c.x2), ...r.stumpBoxes.map((b) => b.unit.x + b.unit.w));
    return { f, families, scene: { columns: [], trunks: [], stump: null, stems: [], branches: [], links: [], boxes: [] }, plotRight: right, bottom: r.bottom, stretch };
  }
  const byId = new Map([...boxes, ...r.stumpBoxes].map((b) => [b.id, b]));
  const branches: Branch[] = [];
  const stems: StemLine[] = [];
  placed.forEach((c, i) => {
    const routes = routeColumn(c, r.trunks[i], byId, axisBottom);
    branches.push(...routes.branches);
    stems.push(...routes.stems);
  });
  const all = [...boxes, ...r.stumpBoxes];
  const plotRight = Math.max(f.axisX + 350, ...all.map((b) => b.unit.x + b.unit.w));
  return {
    f,
    families,
    scene: { columns: placed.map(columnOf), trunks: r.trunks, stump: r.stump, stems, branches, links: secondaryLinks(links, byId), boxes: all },
    plotRight,
    bottom: r.bottom,
    stretch,
  };
}

export function layoutTree(catalog: Catalog, models: readonly Model[], options: LayoutOptions = {}): Scene {
  const o = resolveOptions(options);
  const s = STRINGS[o.lang];
  const drawn = drawnModels(models, o);
  const units = new Map<string, UnitShape>(drawn.map((m) => [m.id, measureUnit(catalog, m)]));
  const layout = (o: Resolved): Composed => {
    const c: Ctx = { catalog, drawn, o, s, units, packs: new Map() };
    if (!o.aspect) return compose(catalog, tree(c, posterStretch(drawn.length)), o, s);
    const t = fitAspect(c, o.aspect);
    return fill(c, t, compose(catalog, t, o, s), o.aspect);
  };
  const first = layout(o);
  // No empty corner at the top for the title: lay the tree out again under a band kept for it.
  return first.titleFits ? first.scene : layout({ ...o, titleBand: true }).scene;
}

/** A scene, and whether its title found room at the top. */
interface Composed {
  scene: Scene;
  titleFits: boolean;
}

/** Scene of a tree: furniture placed, highlight applied. */
export function assemble(catalog: Catalog, t: Tree, o: Resolved, s: Strings, counted?: readonly Model[]): Scene {
  return compose(catalog, t, o, s, counted).scene;
}

function compose(catalog: Catalog, t: Tree, o: Resolved, s: Strings, counted?: readonly Model[]): Composed {
  const fu = furniture({ catalog, f: t.f, s, chartTop: o.chartTop, families: t.families, plotRight: t.plotRight, bottom: t.bottom, parts: t.scene, minWidth: o.width, aspect: o.aspect, counted });
  const scene: Scene = {
    version: SCENE_VERSION,
    width: fu.width,
    height: fu.height,
    theme: o.theme,
    lang: o.lang,
    palette: PALETTES[o.theme],
    font: { family: FONT_FAMILY, cjkFamily: CJK_FONT_FAMILY, advance: ADVANCE },
    title: fu.title,
    axis: fu.axis,
    ...t.scene,
    legend: fu.legend,
    chart: fu.chart,
    highlight: o.highlight,
  };
  if (o.highlight) applyHighlight(scene, catalog, o.highlight);
  return { scene, titleFits: fu.titleFits };
}

/**
 * A tree wider than the page shape leaves the page's height partly empty: give that slack to the
 * years instead (taller years; the tree often narrows too), as long as the page, furniture placed,
 * does not grow. A few shares of the slack are tried as extents-only drafts; the best page (then the
 * tallest years) is laid out, and kept if it is no larger.
 */
function fill(c: Ctx, t: Tree, base: Composed, aspect: number): Composed {
  const { catalog, o, s } = c;
  const { scene } = base;
  const slack = scene.height - MARGIN - t.bottom;
  const years = t.f.scale.bottom - t.f.scale.top;
  if (slack < FILL_MIN * scene.height || years <= 0) return base;
  const page = (d: Tree) => pageWidth(d, aspect);
  const drafts = FILL_SHARES.map((share) => tree(c, (t.stretch * (years + share * slack)) / years, true))
    .filter((d) => page(d) <= scene.width)
    .sort((a, b) => page(a) - page(b) || b.stretch - a.stretch);
  for (const d of drafts.slice(0, 2)) {
    const filled = compose(catalog, tree(c, d.stretch), o, s);
    if (filled.scene.width <= scene.width && filled.scene.height <= scene.height && (filled.titleFits || !base.titleFits)) return filled;
  }
  return base;
}

/** Width of the page a tree needs at this shape: its own width, or its height times the aspect. */
const pageWidth = (t: Tree, aspect: number) => Math.max(t.plotRight + MARGIN, aspect * (t.bottom + MARGIN));

const FILL_SHARES = [1, 0.75, 0.5, 0.25];
/** Height slack (share of the page) worth filling. */
const FILL_MIN = 0.04;

/**
 * Fit the figure to a page shape. Taller years let lines stack and lean into each other, so the width
 * shrinks as the height grows: one draft at a middling year height measures the width; the width is
 * taken to fall as stretch^-WIDTH_POWER while the years' span grows in proportion, and the stretch where width meets shape × height is drawn (its labels print largest).
 * Then the figure is padded to the shape, sharing extra width between the columns, or adding height below.
 */
function fitAspect(c: Ctx, aspect: number): Tree {
  const d = tree(c, DRAFT_STRETCH, true);
  // Every year's height is proportional to the stretch (up to rounding): only the years' span scales.
  const span = d.f.scale.bottom - d.f.scale.top;
  const tall = (k: number) => aspect * (d.bottom + span * (k / DRAFT_STRETCH - 1) + MARGIN);
  const wide = (k: number) => (d.plotRight + MARGIN) * (DRAFT_STRETCH / k) ** WIDTH_POWER;
  let lo = STRETCH_MIN, hi = STRETCH_MAX;
  if (wide(lo) <= tall(lo)) hi = lo;
  else if (wide(hi) >= tall(hi)) lo = hi;
  for (let i = 0; i < 14 && hi - lo > 0.01; i++) {
    const m = (lo + hi) / 2;
    if (wide(m) > tall(m)) lo = m;
    else hi = m;
  }
  // The width is noisy (packing is discrete): draft the predicted stretch too and keep the better of the two.
  let stretch = Math.round(((lo + hi) / 2) * 100) / 100;
  if (Math.abs(stretch - DRAFT_STRETCH) > 0.05 && pageWidth(tree(c, stretch, true), aspect) > pageWidth(d, aspect)) stretch = DRAFT_STRETCH;
  // Columns share whatever width the shape leaves over (none when the tree is wider than the shape).
  return tree(c, stretch, false, Math.max(c.o.width, Math.round(tall(stretch)) - MARGIN));
}

/** The draft's year-height stretch, the range tried, and how fast width falls as years grow taller (measured: 0.3–0.4). */
const DRAFT_STRETCH = 1.8;
const STRETCH_MIN = 0.6;
const STRETCH_MAX = 4;
const WIDTH_POWER = 0.36;
/** A poster (no target shape): a big catalog gets taller years, so crowded lines stack instead of spreading. */
const posterStretch = (n: number) => Math.min(3, Math.max(1, n / 240));
