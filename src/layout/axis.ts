/** The upward time axis: a line with an arrow, a pill at each 1 January, dashed lines across. */
import type { Axis, YearTick } from './scene.js';
import type { TimeScale } from './time-scale.js';

export const PILL_W = 50;
export const PILL_H = 20;

export function axis(scale: TimeScale, x: number, top: number, bottom: number, lineEnd: number, k = 1): Axis {
  const pw = PILL_W * k, ph = PILL_H * k;
  const ticks: YearTick[] = scale.bands.map((b) => ({
    year: b.year,
    y: b.bottom,
    pill: { x: x - pw / 2, y: b.bottom - ph / 2, w: pw, h: ph },
    label: { text: String(b.year), x, y: b.bottom + 4.5 * k, size: 12 * k, anchor: 'middle', weight: 'bold' },
  }));
  return { x, top, bottom, ticks, years: scale.bands.map((b) => ({ year: b.year, bottom: b.bottom, top: b.top })), lines: ticks.map((t) => ({ y: t.y, x1: x + pw / 2 + 4, x2: lineEnd })) };
}
