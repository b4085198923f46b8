/** Everything the view shows lives here and in the URL, so a copied link reproduces the view. */
import type { Lang } from './i18n.js';

export interface Zoom {
  /** Centre of the view as a fraction of the figure's width and height. */
  x: number;
  y: number;
  /** Scale: screen px per figure px. */
  k: number;
}

export interface GuideState {
  task?: string;
  commercial?: '1' | 'unconditional';
  open?: boolean;
  max?: string;
  ctx?: string;
  since?: string;
  gpu?: string;
  prec?: string;
  labels?: string;
  ood?: boolean;
  know?: boolean;
  domain?: string;
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
    guide: {
      task: text(q.get('task'), 60),
      commercial: q.get('gc') === 'unconditional' ? 'unconditional' : q.get('gc') === '1' ? '1' : undefined,
      open: q.get('gopen') === '1' || undefined,
      max: text(q.get('gmax'), 12),
      ctx: text(q.get('gctx'), 12),
      since: text(q.get('gsince'), 10),
      gpu: text(q.get('ggpu'), 12),
      prec: text(q.get('gprec'), 8),
      labels: text(q.get('glabels'), 12),
      ood: q.get('good') === '1' || undefined,
      know: q.get('gknow') === '1' || undefined,
      domain: text(q.get('gdomain'), 20),
    },
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
  const g = s.guide;
  if (g.task) q.set('task', g.task);
  if (g.commercial) q.set('gc', g.commercial);
  if (g.open) q.set('gopen', '1');
  if (g.max) q.set('gmax', g.max);
  if (g.ctx) q.set('gctx', g.ctx);
  if (g.since) q.set('gsince', g.since);
  if (g.gpu) q.set('ggpu', g.gpu);
  if (g.prec && g.prec !== 'fp16') q.set('gprec', g.prec);
  if (g.labels) q.set('glabels', g.labels);
  if (g.ood) q.set('good', '1');
  if (g.know) q.set('gknow', '1');
  if (g.domain) q.set('gdomain', g.domain);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}
