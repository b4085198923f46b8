/** Everything the view shows lives here and in the URL, so a copied link reproduces the view. */
import type { Lang } from './i18n.js';
import { parseGuideState, serializeGuideState, type GuideState } from './guide-fields.js';

export type { GuideState };

export interface Zoom {
  /** Centre of the view as a fraction of the figure's width and height. */
  x: number;
  y: number;
  /** Scale: screen px per figure px. */
  k: number;
}

export interface State {
  family: string[];
  weights: string[];
  org: string[];
  license: string[];
  commercial: string[];
  since?: number;
  until?: number;
  pmin?: string;
  pmax?: string;
  view: 'all' | 'landmark';
  sel?: string;
  zoom?: Zoom;
  /** Time slider: only models released up to this month (YYYY-MM) are drawn. */
  time?: string;
  lang: Lang;
  theme: 'light' | 'dark';
  panel?: 'filters' | 'guide';
  guide: GuideState;
}

const LISTS = ['family', 'weights', 'org', 'license', 'commercial'] as const;

const year = (s: string | null) => (s && /^\d{4}$/.test(s) ? Number(s) : undefined);
const text = (s: string | null, max = 40) => (s && s.length <= max ? s : undefined);

export function parseState(search: string, prefersDark = false): State {
  const q = new URLSearchParams(search);
  const list = (k: string) => (q.get(k) ?? '').split(',').map((x) => x.trim()).filter(Boolean).slice(0, 200);
  const z = (q.get('z') ?? '').split(',').map(Number);
  const s: State = {
    family: list('family'),
    weights: list('weights'),
    org: list('org'),
    license: list('license'),
    commercial: list('commercial'),
    since: year(q.get('since')),
    until: year(q.get('until')),
    pmin: text(q.get('pmin'), 12),
    pmax: text(q.get('pmax'), 12),
    view: q.get('view') === 'landmark' ? 'landmark' : 'all',
    sel: text(q.get('sel'), 100),
    zoom: z.length === 3 && z.every(Number.isFinite) && z[2] > 0 ? { x: z[0], y: z[1], k: z[2] } : undefined,
    time: /^\d{4}-\d{2}$/.test(q.get('t') ?? '') ? q.get('t')! : undefined,
    lang: q.get('lang') === 'zh' ? 'zh' : 'en',
    theme: q.get('theme') === 'dark' ? 'dark' : q.get('theme') === 'light' ? 'light' : prefersDark ? 'dark' : 'light',
    panel: q.get('panel') === 'guide' ? 'guide' : q.get('panel') === 'filters' ? 'filters' : undefined,
    guide: parseGuideState(q),
  };
  return s;
}

export function serializeState(s: State): string {
  const q = new URLSearchParams();
  for (const k of LISTS) if (s[k].length) q.set(k, s[k].join(','));
  if (s.since !== undefined) q.set('since', String(s.since));
  if (s.until !== undefined) q.set('until', String(s.until));
  if (s.pmin) q.set('pmin', s.pmin);
  if (s.pmax) q.set('pmax', s.pmax);
  if (s.view !== 'all') q.set('view', s.view);
  if (s.sel) q.set('sel', s.sel);
  if (s.time) q.set('t', s.time);
  if (s.zoom) q.set('z', [s.zoom.x.toFixed(4), s.zoom.y.toFixed(4), s.zoom.k.toFixed(4)].join(','));
  if (s.lang !== 'en') q.set('lang', s.lang);
  q.set('theme', s.theme);
  if (s.panel) q.set('panel', s.panel);
  serializeGuideState(s.guide, q);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}
