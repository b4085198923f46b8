/**
 * Phase 1 — the time scale. Which models are drawn, which sit on the root stump, the span of years,
 * the figure's furniture scale, and the piecewise-linear date → y scale (busy years taller).
 */
import { earliest, latest, toYearFraction, byRelease, type Model } from '../catalog/core.js';
import type { Resolved } from './options.js';
import { timeScale, type TimeScale } from './time-scale.js';

export const MARGIN = 24;
/** Height of one box row, and how many boxes may sit side by side in a column before a year grows. */
const PITCH = 30;
const LANES = 6;
const TITLE_FONT = 32;
/** Room above the latest box's centre at the scale's top (the 40 px above it hold the trunks' arrows). */
const TOP_PAD = 20;

/** Furniture (title, year pills, legend) grows with the figure, so it stays legible when a big figure is shown small. */
const furnitureScale = (n: number) => Math.round(10 * Math.min(2.2, Math.max(1, Math.sqrt(n / 40)))) / 10;

export interface Frame {
  drawn: Model[];
  t: Map<string, number>;
  stumpModels: Model[];
  axisModels: Model[];
  firstYear: number;
  lastYear: number;
  /** Furniture scale, its capped value for panels, the axis x, the title size and band. */
  k: number;
  kPanel: number;
  axisX: number;
  titleFont: number;
  titleLines: string[];
  headerH: number;
  scale: TimeScale;
}

/** The drawn subset, deduplicated, in (date, id) order, inside the from/to window. */
export function drawnModels(models: readonly Model[], o: Resolved): Model[] {
  const seen = new Set<string>();
  return [...models]
    .sort(byRelease)
    .filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)))
    .filter((m) => (!o.from || latest(m.released) >= earliest(o.from)) && (!o.to || earliest(m.released) <= latest(o.to)));
}

/** Fractional years by date string: the aspect fit builds many frames of the same models. */
const years = new Map<string, number>();
const yearOf = (d: string) => years.get(d) ?? (years.set(d, toYearFraction(d)), years.get(d)!);

/** `stretch` multiplies every year's height (the aspect fit turns it). */
export function frame(drawn: Model[], o: Resolved, titleLines: string[], stretch: number): Frame {
  const t = new Map(drawn.map((m) => [m.id, yearOf(m.released)]));
  const era = drawn.filter((m) => m.family !== 'pre-transformer');
  const anchor = era.length ? era : drawn;
  const firstYear = o.from ? Number(o.from.slice(0, 4)) : anchor.length ? Math.floor(Math.min(...anchor.map((m) => t.get(m.id)!))) : 2018;
  const onStump = (m: Model) => m.family === 'pre-transformer' && t.get(m.id)! < firstYear;
  const stumpModels = drawn.filter(onStump);
  const axisModels = drawn.filter((m) => !onStump(m));
  const lastYear = o.to ? Number(o.to.slice(0, 4)) : Math.max(firstYear, ...axisModels.map((m) => Math.floor(t.get(m.id)!)));
  const k = furnitureScale(axisModels.length);
  const kPanel = Math.min(k, 1.6);
  const titleFont = Math.round(TITLE_FONT * kPanel);
  // The title goes into an empty corner of the plot (furniture.ts); a band is kept only when none holds it.
  const headerH = o.titleBand ? MARGIN + titleLines.length * (titleFont + 6) + 10 : MARGIN;
  const points = axisModels.map((m) => ({ t: t.get(m.id)!, column: m.family }));
  const pitch = PITCH * stretch;
  const minYear = Math.round(60 * stretch);
  // The top stops at the latest box unless a `to` date asks for the whole last year.
  const lastT = o.to ? undefined : Math.max(...points.map((p) => p.t));
  const trim = { lastT: Number.isFinite(lastT) ? lastT : undefined, pad: TOP_PAD };
  const probe = timeScale({ points, firstYear, lastYear, kind: o.timeScale, bottom: 0, pitch, lanes: LANES, minYear, ...trim });
  const scale = timeScale({ points, firstYear, lastYear, kind: o.timeScale, bottom: headerH + 40 - probe.top, pitch, lanes: LANES, minYear, ...trim });
  return { drawn, t, stumpModels, axisModels, firstYear, lastYear, k, kPanel, axisX: Math.round(24 + 25 * k), titleFont, titleLines, headerH, scale };
}
