/** Layout options, their defaults, and normalisation at the edge. */
import { THEMES, type ThemeName } from './theme.js';
import { LANGS, type Lang } from './i18n.js';

export const TIME_SCALES = ['density', 'linear'] as const;
export type TimeScaleKind = (typeof TIME_SCALES)[number];

export interface LayoutOptions {
  /** `density` (default): busy years get more height; `linear`: every year the same height. */
  timeScale?: TimeScaleKind;
  /** First date shown on the axis (YYYY[-MM[-DD]]); earlier models are left out, except pre-Transformer ones on the stump. */
  from?: string;
  /** Last date shown. */
  to?: string;
  theme?: ThemeName;
  lang?: Lang;
  /** Model id whose lineage stands out; the rest fades. */
  highlight?: string;
  /** Title lines; defaults to the translated "LLM Evolutionary Tree". */
  title?: string;
  /** Minimum figure width in px; extra room is shared between the family columns. */
  width?: number;
  /** How many organisations the bar chart shows. */
  chartTop?: number;
  /** Target width ÷ height (16/9 for a slide); the year heights are tuned to reach it. Unset: natural shape. */
  aspect?: number;
}

export interface Resolved {
  timeScale: TimeScaleKind;
  from?: string;
  to?: string;
  theme: ThemeName;
  lang: Lang;
  highlight?: string;
  title?: string;
  width: number;
  chartTop: number;
  aspect?: number;
  /** Internal (set by layoutTree, not an option): keep a band above the tree for the title, when no empty corner holds it. */
  titleBand?: boolean;
}

export const DEFAULTS = { timeScale: 'density', theme: 'light', lang: 'en', width: 0, chartTop: 12 } as const;

function keyword<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(v)) throw new RangeError(`${name}: "${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

export function resolveOptions(o: LayoutOptions = {}): Resolved {
  for (const k of ['from', 'to'] as const) {
    const v = o[k];
    if (v !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new RangeError(`${k}: "${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (o.width !== undefined && !(Number.isFinite(o.width) && o.width >= 0)) throw new RangeError(`width: must be a positive number`);
  if (o.aspect !== undefined && !(Number.isFinite(o.aspect) && o.aspect >= 0.25 && o.aspect <= 4)) throw new RangeError(`aspect: must be a number between 0.25 and 4`);
  if (o.chartTop !== undefined && !(Number.isInteger(o.chartTop) && o.chartTop >= 0)) throw new RangeError(`chartTop: must be a whole number`);
  return {
    timeScale: keyword('timeScale', o.timeScale, TIME_SCALES, DEFAULTS.timeScale),
    theme: keyword('theme', o.theme, THEMES, DEFAULTS.theme),
    lang: keyword('lang', o.lang, LANGS, DEFAULTS.lang),
    from: o.from,
    to: o.to,
    highlight: o.highlight,
    title: o.title,
    width: o.width ?? DEFAULTS.width,
    chartTop: o.chartTop ?? DEFAULTS.chartTop,
    aspect: o.aspect,
  };
}
