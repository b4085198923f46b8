/**
 * Deterministic, explainable ranking. A model's score is the sum of listed components:
 *   family   primary family of the task +30, alternative +10
 *   tag:*    points per catalog tag from the task (and its family entry) in guide.yaml
 *   recency  0–20, linear in release date from 2018 to the newest model in the catalog
 *   size     large-preference tasks: 3 × log2(params / 1B), clamped to 0–24, for the largest size within the
 *            constraints (closed models of unpublished size: 15); small-preference tasks: +10 up to 1B,
 *            then 10 − 4 × log2(params / 1B), down to −15 (the largest size up to 1B, else the smallest)
 *   named    +15 when guide.yaml names the model as a notable example for the task
 *   licence  only with --commercial: +5 when commercial use is unconditional
 * Ties break on release date (newer first), then id.
 */
import { commercialUse, formatCount, toYearFraction, type Catalog, type Model, type ParameterSize, type Tag } from '../catalog/core.js';
import type { TaskGuide, Recommendation } from '../catalog/guide-schema.js';
import type { GuideConstraints } from './constraints.js';
import { inferenceBytes, formatBytes } from './memory.js';
import { msg, familyName, t, type Lang } from './messages.js';

export const FIT_POINTS = { primary: 30, alternative: 10 } as const;
export const RECENCY_POINTS = 20;
export const RECENCY_FROM = 2018;
export const SMALL_SWEET_SPOT = 1e9;
export const NAMED_POINTS = 15;

export type Factor = 'family' | 'tag' | 'named' | 'recency' | 'size' | 'licence';

export interface Component {
  factor: Factor;
  points: number;
  note: string;
}

export interface Scored {
  model: Model;
  recommendation: Recommendation;
  /** The size the score and memory estimate refer to, if any size is published. */
  size?: ParameterSize;
  score: number;
  components: Component[];
}

export interface RankContext {
  catalog: Catalog;
  task: TaskGuide;
  constraints: GuideConstraints;
  lang: Lang;
  /** Newest release in the catalog, as a fractional year (the top of the recency scale). */
  newest: number;
}

const round = (x: number) => Math.round(x * 10) / 10;

export function newestRelease(catalog: Catalog): number {
  return Math.max(RECENCY_FROM + 1, ...catalog.models.map((m) => toYearFraction(m.released)));
}

/** Tags for the same property, of which only the highest-scoring one counts. */
export const TUNING_TAGS: ReadonlySet<Tag> = new Set<Tag>(['chat', 'instruct', 'dialogue']);

export function score(ctx: RankContext, m: Model, rec: Recommendation, sizes: ParameterSize[]): Scored {
  const { task, lang } = ctx;
  const taskName = t(task.name, lang);
  const components: Component[] = [];
  components.push({
    factor: 'family',
    points: FIT_POINTS[rec.fit],
    note: msg(rec.fit === 'primary' ? 'fitPrimary' : 'fitAlternative', lang, { family: familyName(rec.family, lang), task: taskName }),
  });

  const tagPoints = new Map<Tag, number>();
  for (const src of [task.tags, rec.tags ?? {}])
    for (const [tag, p] of Object.entries(src) as [Tag, number][]) tagPoints.set(tag, (tagPoints.get(tag) ?? 0) + p);
  // Tuning tags describe one property (how the model was tuned to follow people): only the best counts.
  const tuning = m.tags.filter((tag) => TUNING_TAGS.has(tag) && tagPoints.get(tag));
  const bestTuning = tuning.sort((a, b) => tagPoints.get(b)! - tagPoints.get(a)! || (a < b ? -1 : 1))[0];
  for (const tag of m.tags) {
    const p = tagPoints.get(tag);
    if (!p || (TUNING_TAGS.has(tag) && tag !== bestTuning && p > 0)) continue;
    components.push({ factor: 'tag', points: p, note: msg('tagPoints', lang, { tag }) });
  }

  if (task.examples.includes(m.id)) components.push({ factor: 'named', points: NAMED_POINTS, note: msg('named', lang, { task: taskName }) });

  const y = toYearFraction(m.released);
  const rp = Math.max(0, Math.min(1, (y - RECENCY_FROM) / (ctx.newest - RECENCY_FROM))) * RECENCY_POINTS;
  components.push({
    factor: 'recency',
    points: round(rp),
    note: msg('recency', lang, { date: m.released, from: RECENCY_FROM, to: Math.floor(ctx.newest) }),
  });

  const pref = rec.size ?? task.size;
  const size = pickSize(sizes, pref);
  if (!size) {
    const closed = m.weights === 'closed' && pref === 'large';
    components.push({ factor: 'size', points: closed ? 15 : 0, note: msg(closed ? 'sizeClosed' : 'sizeUnknown', lang) });
  } else {
    const b = size.total / 1e9;
    const points = pref === 'large' ? Math.max(0, Math.min(24, 3 * Math.log2(b))) : size.total <= SMALL_SWEET_SPOT ? 10 : Math.max(-15, 10 - 4 * Math.log2(b));
    let note = msg(pref === 'large' ? 'sizeLarge' : 'sizeSmall', lang, { size: sizeText(size, lang) });
    const gpu = ctx.constraints.gpuMemory;
    if (gpu !== undefined) {
      const prec = ctx.constraints.precision ?? 'fp16';
      note += `; ${msg('fits', lang, { need: formatBytes(inferenceBytes(size.total, prec)), prec, gpu: formatBytes(gpu) })}`;
    }
    components.push({ factor: 'size', points: round(points), note });
  }

  if (ctx.constraints.commercial) {
    const use = commercialUse(ctx.catalog, m);
    const lic = m.license ?? '';
    if (use === 'yes') components.push({ factor: 'licence', points: 5, note: msg('licenceYes', lang, { lic }) });
    else if (use === 'conditional')
      components.push({ factor: 'licence', points: 0, note: msg('licenceConditional', lang, { lic, cond: ctx.catalog.licenses.get(lic)?.condition ?? '' }) });
  }

  const total = round(components.reduce((s, c) => s + c.points, 0));
  return { model: m, recommendation: rec, size, score: total, components };
}

/** Large: the biggest size allowed. Small: the biggest size up to 1B, else the smallest. */
export function pickSize(sizes: ParameterSize[], pref: 'small' | 'large'): ParameterSize | undefined {
  if (!sizes.length) return undefined;
  const sorted = [...sizes].sort((a, b) => a.total - b.total);
  if (pref === 'large') return sorted[sorted.length - 1];
  const small = sorted.filter((s) => s.total <= SMALL_SWEET_SPOT);
  return small.length ? small[small.length - 1] : sorted[0];
}

export function sizeText(p: ParameterSize, lang: Lang): string {
  const base = formatCount(p.total) + (p.label ? ` (${p.label})` : '');
  return p.active ? `${base}, ${msg('active', lang, { active: formatCount(p.active) })}` : base;
}

/** Order: recommendation order (primary first), score, newer release, id. */
export function compareScored(task: TaskGuide) {
  const tier = (s: Scored) => task.recommend.indexOf(s.recommendation);
  return (a: Scored, b: Scored) =>
    tier(a) - tier(b) ||
    b.score - a.score ||
    toYearFraction(b.model.released) - toYearFraction(a.model.released) ||
    (a.model.id < b.model.id ? -1 : a.model.id > b.model.id ? 1 : 0);
}
