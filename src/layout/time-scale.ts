/**
 * The vertical time scale: piecewise linear by year, time running upward.
 * `density`: a year's height follows the densest two-month window of its busiest family column,
 * so busy years get room; `linear`: every year the same height.
 */
import type { TimeScaleKind } from './options.js';

export interface YearBand {
  year: number;
  /** y of 1 January of `year` (the band's bottom) and of the next 1 January (its top). */
  bottom: number;
  top: number;
}

export interface TimeScale {
  /** y for a fractional year. */
  y(t: number): number;
  bands: YearBand[];
  top: number;
  bottom: number;
}

export interface TimeScaleInput {
  /** Fractional release years, with the column they are drawn in. */
  points: { t: number; column: string }[];
  firstYear: number;
  lastYear: number;
  kind: TimeScaleKind;
  /** y of the first year's 1 January (the bottom of the axis). */
  bottom: number;
  /** Vertical pitch of one box row. */
  pitch: number;
  minYear?: number;
  /** How many boxes may sit side by side in one column before the year grows taller. */
  lanes?: number;
  /** Latest date drawn: the scale's top stops `pad` above it rather than at the last year's end. */
  lastT?: number;
  pad?: number;
}

export const WINDOW = 2 / 12;

/** The most points of one column falling within any window of the given length, per year. */
export function densestWindow(points: { t: number; column: string }[], year: number, window = WINDOW): number {
  const byColumn = new Map<string, number[]>();
  for (const p of points) {
    if (Math.floor(p.t) !== year) continue;
    const list = byColumn.get(p.column) ?? [];
    list.push(p.t);
    byColumn.set(p.column, list);
  }
  let best = 0;
  for (const ts of byColumn.values()) {
    ts.sort((a, b) => a - b);
    let lo = 0;
    for (let hi = 0; hi < ts.length; hi++) {
      while (ts[hi] - ts[lo] >= window) lo++;
      best = Math.max(best, hi - lo + 1);
    }
  }
  return best;
}

/** densestWindow for every year with points, in one pass over them (not one pass per year). */
function densestByYear(points: TimeScaleInput['points']): Map<number, number> {
  const byYear = new Map<number, { t: number; column: string }[]>();
  for (const p of points) {
    const y = Math.floor(p.t);
    const list = byYear.get(y);
    if (list) list.push(p);
    else byYear.set(y, [p]);
  }
  const out = new Map<number, number>();
  for (const [y, ps] of byYear) out.set(y, densestWindow(ps, y));
  return out;
}

export function timeScale(input: TimeScaleInput): TimeScale {
  const { firstYear, lastYear, pitch } = input;
  const minYear = input.minYear ?? 90;
  const lanes = input.lanes ?? 4;
  const heights: number[] = [];
  const counts = densestByYear(input.points);
  for (let y = firstYear; y <= lastYear; y++) {
    const c = counts.get(y) ?? 0;
    heights.push(Math.max(minYear, Math.ceil((c * pitch) / WINDOW / lanes)));
  }
  if (input.kind === 'linear') {
    const mean = Math.ceil(heights.reduce((a, b) => a + b, 0) / Math.max(1, heights.length));
    heights.fill(Math.max(minYear, mean));
  }
  const bands: YearBand[] = [];
  let y = input.bottom;
  heights.forEach((h, i) => {
    bands.push({ year: firstYear + i, bottom: y, top: y - h });
    y -= h;
  });
  const scale = (t: number) => {
    const i = Math.min(bands.length - 1, Math.max(0, Math.floor(t) - firstYear));
    const b = bands[i];
    return b.bottom + (b.top - b.bottom) * (t - b.year);
  };
  // The last year ends where its latest box does (plus room for it): no empty band above the tree.
  const top = input.lastT !== undefined && bands.length ? Math.min(input.bottom, Math.max(y, scale(input.lastT) - (input.pad ?? 0))) : y;
  return {
    bands,
    top,
    bottom: input.bottom,
    y: scale,
  };
}
