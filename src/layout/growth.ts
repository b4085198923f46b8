/**
 * The tree growing period by period, for animation. The layout is computed once for the whole span;
 * each frame shows the models released up to its date at their final places (a box never moves),
 * clips the trunks and branches at that date, and grows the time axis and the bar chart with it.
 */
import { toYearFraction, type Catalog, type Model } from '../catalog/core.js';
import type { Scene } from './scene.js';
import type { LayoutOptions } from './options.js';
import { resolveOptions } from './options.js';
import { layoutTree } from './layout.js';
import { barChart } from './chart.js';
import { STRINGS } from './i18n.js';

export const STEPS = ['year', 'quarter'] as const;
export type Step = (typeof STEPS)[number];

export interface GrowthFrame {
  /** The period shown, e.g. "2023" or "2023 Q2". */
  label: string;
  scene: Scene;
}

/** y of a fractional year on the scene's own scale. */
export function yAt(scene: Scene, t: number): number {
  const ys = scene.axis.years;
  if (!ys.length) return scene.axis.bottom;
  const i = Math.min(ys.length - 1, Math.max(0, Math.floor(t) - ys[0].year));
  const b = ys[i];
  return b.bottom + (b.top - b.bottom) * Math.min(1, Math.max(0, t - b.year));
}

export function growthFrames(catalog: Catalog, models: readonly Model[], options: LayoutOptions, step: Step): GrowthFrame[] {
  const full = layoutTree(catalog, models, options);
  const years = full.axis.years;
  if (!years.length) return [{ label: '', scene: full }];
  const per = step === 'year' ? 1 : 4;
  const out: GrowthFrame[] = [];
  for (let y = years[0].year; y <= years[years.length - 1].year; y++) {
    for (let q = 1; q <= per; q++) {
      const t = y + q / per;
      out.push({ label: per === 1 ? String(y) : `${y} Q${q}`, scene: frameAt(catalog, full, t, options) });
    }
  }
  return out;
}

/** The scene as it stood at fractional year t (exclusive). */
export function frameAt(catalog: Catalog, full: Scene, t: number, options: LayoutOptions): Scene {
  const shown = new Set(full.boxes.filter((b) => b.onStump || toYearFraction(b.released) < t).map((b) => b.id));
  const cut = yAt(full, t);
  const keep = (id: string) => shown.has(id);
  // Stems run only between boxes already drawn or still growing: the clip keeps them below the date.
  const stems = full.stems.filter((s) => s.y1 > cut);
  const axis = {
    ...full.axis,
    top: Math.min(full.axis.bottom - 40, cut - 30),
    ticks: full.axis.ticks.filter((k) => k.year < t),
    lines: full.axis.lines.filter((l) => l.y >= cut),
  };
  return {
    ...full,
    axis,
    boxes: full.boxes.filter((b) => keep(b.id)),
    branches: full.branches.filter((b) => keep(b.to)),
    links: full.links.filter((l) => keep(l.to) && keep(l.from)),
    stems,
    chart: growChart(catalog, full, shown, options),
    clipTop: cut,
  };
}

function growChart(catalog: Catalog, full: Scene, shown: ReadonlySet<string>, options: LayoutOptions): Scene['chart'] {
  const c = full.chart;
  if (!c) return null;
  const o = resolveOptions(options);
  const models = [...shown].map((id) => catalog.byId.get(id)).filter((m): m is Model => m !== undefined);
  const k = c.bars.length ? c.bars[0].openRect.h / 20 : 1;
  const probe = barChart(catalog, models, o.chartTop, STRINGS[o.lang], 0, 0, k);
  if (!probe) return null;
  // Anchored at the final chart's bottom-right corner, so it grows upward and leftward in place.
  return barChart(catalog, models, o.chartTop, STRINGS[o.lang], c.x + c.w - probe.w, c.y + c.h - probe.h, k);
}
