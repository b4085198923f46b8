/** Range checks for numeric render flags, so no flag can ask for unbounded work. */
import { earliest, latest, year, type Catalog } from '../catalog/core.js';
import { UsageError } from './errors.js';

/** Bounds of `--width` (px for SVG/PNG, pt for PDF) and `--scale`. */
export const WIDTH_RANGE = { min: 64, max: 100_000 } as const;
export const SCALE_RANGE = { min: 0.1, max: 10 } as const;
/** Frames per second of an animation: GIF delays are whole hundredths of a second. */
export const FPS_RANGE = { min: 0.1, max: 50 } as const;
/** `--from`/`--to` may reach this many years beyond the catalog's first and last release. */
export const YEAR_MARGIN = 10;

/** `--from`/`--to` must fall within the catalog's span of years, give or take YEAR_MARGIN. */
export function checkDateSpan(flags: { from?: string; to?: string }, catalog: Catalog): void {
  if (!catalog.models.length) return;
  const first = year(catalog.models[0].released) - YEAR_MARGIN;
  const last = year(catalog.models[catalog.models.length - 1].released) + YEAR_MARGIN; // models are sorted by release
  for (const k of ['from', 'to'] as const) {
    const v = flags[k];
    if (v === undefined) continue;
    if (year(latest(v)) < first || year(earliest(v)) > last)
      throw new UsageError(`--${k}: ${v} is outside the catalog's years; use a date from ${first} to ${last}`);
  }
}

/** A PNG over the pixel budget, as a message that says which flag to change. */
export function pixelBudgetMessage(message: string): string {
  return `${message}: lower --width or --scale, or narrow the figure with --from/--to or filters (or write SVG or PDF)`;
}
