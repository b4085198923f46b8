/**
 * Deterministic, explainable ranking. A model's score is the sum of listed components:
 *   family    the family serving the decision flow's answer +30, an alternative family +10
 *   evidence  40–80 with published scores on the task's benchmarks (guide.yaml `evidence`): 40 plus 40 ×
 *             the mean percentile among every model with a score there; no points, and a note, without
 *   tag:*     points per catalog tag from the task (and its family entry) in guide.yaml — a proxy, counted
 *             only without evidence, together with size at most 40
 *   named     +10 when guide.yaml names the model as a notable example for the task
 *   recency   0–20, linear in release date from 2018 to the newest model in the catalog
 *   size      only without evidence, as a proxy for quality: LLM route 3 × log2(params / 1B), clamped to
 *             0–24, for the largest variant within the constraints; fine-tuned route +10 up to 1B, then
 *             10 − 4 × log2(params / 1B), down to −15 (the largest variant up to 1B, else the smallest)
 *   licence   only with --commercial: +5 when commercial use is unconditional
 * Ties break on release date (newer first), then id.
 */
import { formatCount, toYearFraction, licenseCommercial, type Catalog, type Model, type Tag } from '../catalog/core.js';
import type { Guide, TaskGuide, Recommendation } from '../catalog/guide-schema.js';
import { commercialSet, type GuideConstraints, type VariantFit } from './constraints.js';
import { evidenceOf, taskEvidence, type EvidenceIndex, type EvidenceScore } from './evidence.js';
import { routeOf, type Outcome } from './flow.js';
import { formatBytes } from './memory.js';
import { msg, familyName, t, type Lang } from './messages.js';

export const FIT_POINTS = { primary: 30, alternative: 10 } as const;
/** Evidence: a model with published scores gets EVIDENCE_BASE plus up to EVIDENCE_RANGE by percentile. */
export const EVIDENCE_BASE = 40;
export const EVIDENCE_RANGE = 40;
export const EVIDENCE_POINTS = EVIDENCE_BASE + EVIDENCE_RANGE;
/** Without evidence, tags and size stand in for quality, together at most this many points. */
export const PROXY_CAP = 40;
export const RECENCY_POINTS = 20;
export const RECENCY_FROM = 2018;
export const SMALL_SWEET_SPOT = 1e9;
export const NAMED_POINTS = 10;

export type Factor = 'family' | 'evidence' | 'tag' | 'named' | 'recency' | 'size' | 'licence';

export interface Component {
  factor: Factor;
  points: number;
  note: string;
}

export type Fit = 'primary' | 'alternative';

export interface Scored {
  model: Model;
  recommendation: Recommendation;
  fit: Fit;
  /** The variant the score, memory and price refer to. */
  pick: VariantFit;
  score: number;
  components: Component[];
  /** Sources of the evidence used. */
  evidence: string[];
}

export interface RankContext {
  catalog: Catalog;
  guide: Guide;
  task: TaskGuide;
  constraints: GuideConstraints;
  lang: Lang;
  /** Newest release in the catalog, as a fractional year (the top of the recency scale). */
  newest: number;
  outcome: Outcome;
  evidence: EvidenceIndex;
  table: Map<string, number[]>;
  /** Tag points the user's domain adds (--domain biomedical → biomedical +25). */
  domainTags?: Record<string, number>;
}

const round = (x: number) => Math.round(x * 10) / 10;

export function newestRelease(catalog: Catalog): number {
  return Math.max(RECENCY_FROM + 1, ...catalog.models.map((m) => toYearFraction(m.released)));
}

/** Tags for the same property, of which only the highest-scoring one counts. */
export const TUNING_TAGS: ReadonlySet<Tag> = new Set<Tag>(['chat', 'instruct', 'dialogue']);

/** Primary when the family serves the flow's answer (the first such family when several do). */
export function fitOf(task: TaskGuide, rec: Recommendation, outcome: Outcome): Fit {
  const target = outcome === 'none' ? 'llm' : outcome;
  const first = task.recommend.find((r) => routeOf(r) === target) ?? task.recommend[0];
  return rec === first ? 'primary' : 'alternative';
}

export function sizePreference(rec: Recommendation): 'small' | 'large' {
  return rec.size ?? (routeOf(rec) === 'llm' ? 'large' : 'small');
}

export function score(ctx: RankContext, m: Model, rec: Recommendation, fitsList: VariantFit[]): Scored {
  const { task, lang } = ctx;
  const taskName = t(task.name, lang);
  const fit = fitOf(task, rec, ctx.outcome);
  const pref = sizePreference(rec);
  const { pick, ev } = pickVariant(ctx, m, fitsList, pref);
  const components: Component[] = [];
  components.push({
    factor: 'family',
    points: FIT_POINTS[fit],
    note: msg(fit === 'primary' ? 'fitPrimary' : 'fitAlternative', lang, { family: familyName(rec.family, lang), task: taskName }),
  });

  if (ev) components.push({ factor: 'evidence', points: round(EVIDENCE_BASE + EVIDENCE_RANGE * ev.strength), note: ev.notes.join('; ') });
  else if (task.benchmarks.length)
    components.push({ factor: 'evidence', points: 0, note: msg('noEvidence', lang, { benchmarks: benchmarkNames(ctx, task) }) });

  // Tags and size are proxies for quality: with evidence they are shown but not counted; without it they
  // count together up to PROXY_CAP (size is trimmed first).
  const proxies = [...tagComponents(task, rec, m, lang, ctx.domainTags ?? {}), sizeComponent(ctx, pick, pref, !!ev)];
  if (ev) for (const c of proxies) if (c.points > 0 && c.factor !== 'size') Object.assign(c, { points: 0, note: `${c.note} (${msg('byEvidence', lang)})` });
  const over = proxies.reduce((sum, c) => sum + c.points, 0) - PROXY_CAP;
  if (!ev && over > 0) {
    const size = proxies[proxies.length - 1];
    const cut = Math.min(over, Math.max(0, size.points));
    size.points = round(size.points - cut);
    if (cut > 0) size.note += ` (${msg('proxyCap', lang, { cap: PROXY_CAP })})`;
  }
  components.push(...proxies.slice(0, -1));
  if (task.examples.includes(m.id)) components.push({ factor: 'named', points: NAMED_POINTS, note: msg('named', lang, { task: taskName }) });

  const y = toYearFraction(m.released);
  const rp = Math.max(0, Math.min(1, (y - RECENCY_FROM) / (ctx.newest - RECENCY_FROM))) * RECENCY_POINTS;
  components.push({ factor: 'recency', points: round(rp), note: msg('recency', lang, { date: m.released, from: RECENCY_FROM, to: Math.floor(ctx.newest) }) });
  components.push(proxies[proxies.length - 1]);

  const ok = commercialSet(ctx.constraints.commercial);
  if (ok) {
    const lic = pick.variant.license ?? '';
    const use = licenseCommercial(ctx.catalog, lic);
    if (use === 'yes') components.push({ factor: 'licence', points: 5, note: msg('licenceYes', lang, { lic }) });
    else if (use === 'conditional')
      components.push({ factor: 'licence', points: 0, note: msg('licenceConditional', lang, { lic, cond: ctx.catalog.licenses.get(lic)?.condition ?? '' }) });
  }

  const total = round(components.reduce((s, c) => s + c.points, 0));
  return { model: m, recommendation: rec, fit, pick, score: total, components, evidence: ev?.sources ?? [] };
}

function benchmarkNames(ctx: RankContext, task: TaskGuide): string {
  return task.benchmarks.map((b) => ctx.guide.benchmarks.find((x) => x.id === b)?.name ?? b).join(', ');
}

function tagComponents(task: TaskGuide, rec: Recommendation, m: Model, lang: Lang, domain: Record<string, number>): Component[] {
  const tagPoints = new Map<Tag, number>();
  for (const src of [task.tags, rec.tags ?? {}, domain])
    for (const [tag, p] of Object.entries(src) as [Tag, number][]) tagPoints.set(tag, (tagPoints.get(tag) ?? 0) + p);
  // Tuning tags describe one property (how the model was tuned to follow people): only the best counts.
  const tuning = m.tags.filter((tag) => TUNING_TAGS.has(tag) && tagPoints.get(tag));
  const bestTuning = tuning.sort((a, b) => tagPoints.get(b)! - tagPoints.get(a)! || (a < b ? -1 : 1))[0];
  const out: Component[] = [];
  for (const tag of m.tags) {
    const p = tagPoints.get(tag);
    if (!p || (TUNING_TAGS.has(tag) && tag !== bestTuning && p > 0)) continue;
    out.push({ factor: 'tag', points: p, note: msg('tagPoints', lang, { tag }) });
  }
  return out;
}

function sizeComponent(ctx: RankContext, pick: VariantFit, pref: 'small' | 'large', hasEvidence: boolean): Component {
  const { lang } = ctx;
  const v = pick.variant;
  const memo = pick.memory ? `; ${msg('fits', lang, { need: formatBytes(pick.memory.total), prec: ctx.constraints.finetune ?? pick.precision })}` : '';
  if (v.total === undefined) return { factor: 'size', points: 0, note: msg(hasEvidence ? 'sizeUnknownEvidence' : 'sizeUnknown', lang) };
  const b = v.total / 1e9;
  if (pref === 'large' && hasEvidence) return { factor: 'size', points: 0, note: msg('sizeByEvidence', lang, { size: sizeText(v, lang) }) + memo };
  const points = pref === 'large' ? Math.max(0, Math.min(24, 3 * Math.log2(b))) : v.total <= SMALL_SWEET_SPOT ? 10 : Math.max(-15, 10 - 4 * Math.log2(b));
  return { factor: 'size', points: round(points), note: msg(pref === 'large' ? 'sizeLarge' : 'sizeSmall', lang, { size: sizeText(v, lang) }) + memo };
}

/**
 * Which variant stands for the model, with its evidence for the task: the variant with the strongest
 * evidence, else by size — large preference: the biggest allowed; small: the biggest up to 1B, else the smallest.
 */
export function pickVariant(ctx: RankContext, m: Model, list: VariantFit[], pref: 'small' | 'large'): { pick: VariantFit; ev?: EvidenceScore } {
  const size = (f: VariantFit) => f.variant.total ?? 0;
  const sorted = [...list]
    .sort((a, b) => size(a) - size(b) || (a.variant.label ?? '').localeCompare(b.variant.label ?? ''))
    .map((f) => ({ pick: f, ev: taskEvidence(ctx.guide, ctx.table, ctx.task, evidenceOf(ctx.evidence, m.id, f.variant.label), ctx.lang) }));
  const best = Math.max(...sorted.map((x) => x.ev?.strength ?? -1));
  if (best >= 0) return sorted.filter((x) => x.ev?.strength === best).pop()!;
  if (pref === 'large') return sorted[sorted.length - 1];
  const small = sorted.filter((x) => size(x.pick) <= SMALL_SWEET_SPOT);
  return small.length ? small[small.length - 1] : sorted[0];
}

export function sizeText(v: { total?: number; active?: number; label?: string }, lang: Lang): string {
  if (v.total === undefined) return v.label ?? '';
  const base = formatCount(v.total) + (v.label && v.label !== formatCount(v.total) ? ` (${v.label})` : '');
  return v.active ? `${base}, ${msg('active', lang, { active: formatCount(v.active) })}` : base;
}

/** Order: primary family first, then score, newer release, id. */
export function compareScored(task: TaskGuide) {
  const tier = (s: Scored) => (s.fit === 'primary' ? 0 : 1) * 100 + task.recommend.indexOf(s.recommendation);
  return (a: Scored, b: Scored) =>
    tier(a) - tier(b) ||
    b.score - a.score ||
    toYearFraction(b.model.released) - toYearFraction(a.model.released) ||
    (a.model.id < b.model.id ? -1 : a.model.id > b.model.id ? 1 : 0);
}
