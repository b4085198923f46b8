/** The model-choice guide: recommended family for a task, then catalog models ranked under constraints. */
import type { Catalog, Model } from '../catalog/index.js';
import type { Guide, TaskGuide, Recommendation, GuideSource } from '../catalog/guide-schema.js';
import { findTask, familyGuide } from './knowledge.js';
import { checkConstraints, activeConstraints, type GuideConstraints, type Failure, type ConstraintId } from './constraints.js';
import { score, newestRelease, compareScored, sizeText, type Component, type RankContext, type Scored } from './rank.js';
import { memoryRule, type Precision } from './memory.js';
import { msg, t, familyName, type Lang } from './messages.js';

export interface GuideRequest extends GuideConstraints {
  /** Task id, name or alias. */
  task: string;
  lang?: Lang;
  /** Candidates shown for the primary family; each alternative family shows half as many. Default 8. */
  limit?: number;
  /** Also list notable excluded models and the constraints they fail. */
  explain?: boolean;
}

export interface FamilyAdvice {
  family: string;
  fit: 'primary' | 'alternative';
  when?: string;
  reasons: string[];
}

export interface Candidate {
  rank: number;
  id: string;
  name: string;
  family: string;
  fit: 'primary' | 'alternative';
  released: string;
  weights: string;
  license?: string;
  context?: number;
  /** The size the ranking (and memory estimate) refers to, e.g. "8B" or "671B, 37B active per token". */
  size?: string;
  parameters?: number;
  score: number;
  components: Component[];
}

export interface Excluded {
  id: string;
  name: string;
  family: string;
  /** Constraints failed, or "task" when the model does not suit the task at all. */
  failed: { constraint: ConstraintId | 'task'; message: string }[];
}

export interface GuideAnswer {
  task: { id: string; name: string; summary: string };
  lang: Lang;
  constraints: GuideConstraints & { precision: Precision };
  recommended: FamilyAdvice & {
    mechanism: string;
    strengths: string[];
    limits: string[];
    cost: { training: string; finetuning: string; inference: string };
  };
  alternatives: FamilyAdvice[];
  caveats: string[];
  memoryRule?: string;
  /** Models that suit the task (family, tags) before the constraints apply. */
  suitable: number;
  /** Of those, how many satisfy every constraint. */
  satisfying: number;
  candidates: Candidate[];
  /** Set when no model satisfies every constraint: why, constraint by constraint. */
  empty?: { message: string; byConstraint: { constraint: ConstraintId; excludes: number; message: string }[]; nearMisses: Excluded[] };
  excluded?: Excluded[];
  sources: GuideSource[];
}

/** Which recommendation (if any) a model falls under for the task, or why it does not suit it. */
export function taskFit(task: TaskGuide, m: Model, lang: Lang = 'en'): { rec?: Recommendation; reason?: string } {
  const taskName = t(task.name, lang);
  const rec = task.recommend.find((r) => r.family === m.family);
  if (!rec) return { reason: msg('familyNotRecommended', lang, { family: familyName(m.family, lang), task: taskName }) };
  const bad = m.tags.find((tag) => task.exclude.includes(tag));
  if (bad) return { reason: msg('excludedTag', lang, { tag: bad, task: taskName }) };
  const avoid = task.avoid.find((a) => a.model === m.id);
  if (avoid) return { reason: t(avoid.reason, lang) };
  if (rec.requires?.length && !rec.requires.some((r) => m.tags.includes(r)))
    return { reason: msg('missingTag', lang, { tags: rec.requires.join(', '), task: taskName }) };
  return { rec };
}

export function recommendModels(catalog: Catalog, kb: Guide, request: GuideRequest): GuideAnswer {
  const lang = request.lang ?? 'en';
  const task = findTask(kb, request.task);
  const limit = request.limit ?? 8;
  const constraints: GuideConstraints & { precision: Precision } = { ...stripRequest(request), precision: request.precision ?? 'fp16' };
  const ctx: RankContext = { catalog, task, constraints, lang, newest: newestRelease(catalog) };
  const order = compareScored(task);

  // Suitable models, scored without constraints (for --explain) and with them.
  const suitable: { m: Model; rec: Recommendation; failures: Failure[]; scored?: Scored; free: Scored }[] = [];
  const unsuitable = new Map<string, string>();
  for (const m of catalog.models) {
    const fit = taskFit(task, m, lang);
    if (!fit.rec) {
      unsuitable.set(m.id, fit.reason!);
      continue;
    }
    const check = checkConstraints(catalog, m, constraints, lang);
    const free = score({ ...ctx, constraints: {} }, m, fit.rec, m.parameters);
    suitable.push({
      m,
      rec: fit.rec,
      failures: check.failures,
      free,
      scored: check.failures.length ? undefined : score(ctx, m, fit.rec, check.sizes),
    });
  }

  const passing = suitable.filter((s) => s.scored).map((s) => s.scored!).sort(order);
  const candidates: Candidate[] = [];
  for (const rec of task.recommend) {
    const n = rec.fit === 'primary' ? limit : Math.ceil(limit / 2);
    for (const s of passing.filter((p) => p.recommendation === rec).slice(0, n)) candidates.push(candidate(s, candidates.length + 1, lang));
  }

  const primary = task.recommend[0];
  const fg = familyGuide(kb, primary.family);
  const advice = (r: Recommendation): FamilyAdvice => ({
    family: r.family,
    fit: r.fit,
    when: r.when ? t(r.when, lang) : undefined,
    reasons: r.reasons.map((x) => t(x, lang)),
  });
  const answer: GuideAnswer = {
    task: { id: task.id, name: t(task.name, lang), summary: t(task.summary, lang) },
    lang,
    constraints,
    recommended: {
      ...advice(primary),
      mechanism: t(fg?.mechanism, lang),
      strengths: (fg?.strengths ?? []).map((x) => t(x, lang)),
      limits: (fg?.limits ?? []).map((x) => t(x, lang)),
      cost: { training: t(fg?.cost.training, lang), finetuning: t(fg?.cost.finetuning, lang), inference: t(fg?.cost.inference, lang) },
    },
    alternatives: task.recommend.slice(1).map(advice),
    caveats: task.caveats.map((x) => t(x, lang)),
    memoryRule: constraints.gpuMemory !== undefined ? memoryRule(constraints.precision, lang) : undefined,
    suitable: suitable.length,
    satisfying: passing.length,
    candidates,
    sources: [...new Set([...task.sources, ...(fg?.sources ?? [])])].map((id) => kb.sources.find((s) => s.id === id)!).filter(Boolean),
  };

  const excludedOf = (s: (typeof suitable)[number]): Excluded => ({
    id: s.m.id,
    name: s.m.name,
    family: s.m.family,
    failed: s.failures,
  });

  if (!passing.length) {
    const active = activeConstraints(constraints);
    answer.empty = {
      message: msg('noCandidates', lang),
      byConstraint: active.map((c) => {
        const n = suitable.filter((s) => s.failures.some((f) => f.constraint === c)).length;
        return { constraint: c, excludes: n, message: msg('excludesCount', lang, { flag: `--${c}`, n, total: suitable.length }) };
      }),
      nearMisses: suitable
        .filter((s) => s.failures.length === 1)
        .sort((a, b) => order(a.free, b.free))
        .slice(0, 5)
        .map(excludedOf),
    };
  }

  if (request.explain) {
    // Notable: the task's named examples, and the models that would rank on top without constraints.
    const top = new Set(
      task.recommend.flatMap((rec) =>
        suitable
          .filter((s) => s.rec === rec)
          .map((s) => s.free)
          .sort(order)
          .slice(0, rec.fit === 'primary' ? limit : Math.ceil(limit / 2))
          .map((s) => s.model.id),
      ),
    );
    const excluded: Excluded[] = [];
    for (const id of task.examples) {
      const m = catalog.byId.get(id);
      if (m && unsuitable.has(id)) excluded.push({ id, name: m.name, family: m.family, failed: [{ constraint: 'task', message: unsuitable.get(id)! }] });
    }
    const byId = new Map(suitable.map((s) => [s.m.id, s]));
    for (const id of [...task.examples, ...top]) {
      const s = byId.get(id);
      if (s && s.failures.length && !excluded.some((e) => e.id === id)) excluded.push(excludedOf(s));
    }
    answer.excluded = excluded;
  }
  return answer;
}

function candidate(s: Scored, rank: number, lang: Lang): Candidate {
  const m = s.model;
  return {
    rank,
    id: m.id,
    name: m.name,
    family: m.family,
    fit: s.recommendation.fit,
    released: m.released,
    weights: m.weights,
    license: m.license,
    context: m.context,
    size: s.size ? sizeText(s.size, lang) : undefined,
    parameters: s.size?.total,
    score: s.score,
    components: s.components,
  };
}

function stripRequest(r: GuideRequest): GuideConstraints {
  const c: GuideConstraints = {};
  if (r.commercial) c.commercial = r.commercial;
  if (r.openWeights) c.openWeights = true;
  if (r.maxParams !== undefined) c.maxParams = r.maxParams;
  if (r.minContext !== undefined) c.minContext = r.minContext;
  if (r.since !== undefined) c.since = r.since;
  if (r.gpuMemory !== undefined) c.gpuMemory = r.gpuMemory;
  return c;
}
