/**
 * The model-choice guide: the survey's decision flow over the user's situation, the family and model
 * class it leads to, then catalog models ranked on evidence under hard constraints.
 */
import type { Catalog, Model } from '../catalog/index.js';
import type { Guide, TaskGuide, Recommendation, GuideSource } from '../catalog/guide-schema.js';
import { findTask, familyGuide } from './knowledge.js';
import { checkConstraints, activeConstraints, type GuideConstraints, type Failure, type ConstraintId, type VariantFit } from './constraints.js';
import { score, newestRelease, compareScored, sizeText, fitOf, type Component, type RankContext, type Scored, type Fit } from './rank.js';
import { memoryRule, type MemoryEstimate, type Precision } from './memory.js';
import { indexEvidence, scoreTable } from './evidence.js';
import { walkFlow, routeOf, type FlowResult, type Outcome } from './flow.js';
import { situationAnswers, domainNote, domainTags, type Situation } from './situation.js';
import { variantsOf, servesAny, type Modality } from './variants.js';
import { msg, t, familyName, type Lang } from './messages.js';

export interface GuideRequest extends GuideConstraints, Situation {
  /** Task id, name or alias. */
  task: string;
  lang?: Lang;
  /** Candidates shown for the primary family; each alternative family shows half as many. Default 8. */
  limit?: number;
  /** Also list notable excluded models and the constraints they fail. */
  explain?: boolean;
}

export type ModelClass = 'hosted-llm' | 'open-llm' | 'fine-tuned';

export interface FamilyAdvice {
  family: string;
  fit: Fit;
  route: 'llm' | 'fine-tuned';
  when?: string;
  reasons: string[];
}

export interface Candidate {
  rank: number;
  id: string;
  name: string;
  family: string;
  fit: Fit;
  modelClass: ModelClass;
  released: string;
  weights: string;
  license?: string;
  context?: number;
  /** The variant the ranking refers to. */
  variant?: string;
  modality: Modality;
  /** What the variant can serve (its modality, plus text for a general multimodal or code-tagged model). */
  serves: Modality[];
  /** Its size, e.g. "8B" or "671B, 37B active per token". */
  size?: string;
  parameters?: number;
  precision: Precision;
  memory?: MemoryEstimate;
  price?: { input: number; output: number; blended: number; date: string; source: string };
  evidence: string[];
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
  constraints: GuideConstraints;
  situation: Situation;
  flow: FlowResult;
  /** The model class the flow leads to, in words ("hosted or open LLM", "fine-tuned small model"). */
  modelClass: string;
  recommended: FamilyAdvice & {
    mechanism: string;
    strengths: string[];
    limits: string[];
    cost: { training: string; finetuning: string; inference: string };
  };
  alternatives: FamilyAdvice[];
  /** Set when the recommended family has no candidate under the constraints: what to do instead. */
  shortfall?: { family: string; alternative?: string; message: string };
  caveats: string[];
  notes: string[];
  memoryRule?: string;
  /** Models that suit the task (family, tags, modality) before the constraints apply. */
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
export function taskFit(task: TaskGuide, m: Model, lang: Lang = 'en', allowed: Modality[] = task.modalities): { rec?: Recommendation; reason?: string } {
  const taskName = t(task.name, lang);
  const rec = task.recommend.find((r) => r.family === m.family);
  if (!rec) return { reason: msg('familyNotRecommended', lang, { family: familyName(m.family, lang), task: taskName }) };
  const bad = m.tags.find((tag) => task.exclude.includes(tag));
  if (bad) return { reason: msg('excludedTag', lang, { tag: bad, task: taskName }) };
  const avoid = task.avoid.find((a) => a.model === m.id);
  if (avoid) return { reason: t(avoid.reason, lang) };
  if (rec.requires?.length && !rec.requires.some((r) => m.tags.includes(r)))
    return { reason: msg('missingTag', lang, { tags: rec.requires.join(', '), task: taskName }) };
  const variants = variantsOf(m);
  if (!variants.some((v) => servesAny(v, allowed)))
    return { reason: msg('modality', lang, { modality: [...new Set(variants.map((v) => v.modality))].join(', '), allowed: allowed.join(', ') }) };
  return { rec };
}

interface Suitable {
  m: Model;
  rec: Recommendation;
  failures: Failure[];
  scored?: Scored;
  free: Scored;
}

export function recommendModels(catalog: Catalog, kb: Guide, request: GuideRequest): GuideAnswer {
  const lang = request.lang ?? 'en';
  const task = findTask(kb, request.task);
  const limit = request.limit ?? 8;
  const constraints = stripRequest(request);
  const situation = stripSituation(request);
  if (request.language) situation.language = request.language;
  const flow = walkFlow(kb, task, situationAnswers(task, situation), lang);
  const ctx: RankContext = {
    catalog, guide: kb, task, constraints, lang, newest: newestRelease(catalog), outcome: flow.outcome, evidence: indexEvidence(kb), table: scoreTable(kb),
    domainTags: domainTags(situation.domain),
  };
  const order = compareScored(task);
  const { suitable, unsuitable } = scoreModels(ctx, constraints.modality ?? task.modalities);
  const passing = suitable.filter((s) => s.scored).map((s) => s.scored!).sort(order);
  const recs = [...task.recommend].sort((a, b) => (fitOf(task, a, flow.outcome) === 'primary' ? -1 : 0) - (fitOf(task, b, flow.outcome) === 'primary' ? -1 : 0));
  const candidates = pickCandidates(task, recs, flow.outcome, passing, limit, lang);
  const fg = familyGuide(kb, recs[0].family);
  const advice = (r: Recommendation): FamilyAdvice => ({
    family: r.family,
    fit: fitOf(task, r, flow.outcome),
    route: routeOf(r),
    when: r.when ? t(r.when, lang) : undefined,
    reasons: r.reasons.map((x) => t(x, lang)),
  });
  const answer: GuideAnswer = {
    task: { id: task.id, name: t(task.name, lang), summary: t(task.summary, lang) },
    lang,
    constraints,
    situation,
    flow,
    modelClass: classText(flow.outcome, constraints, lang),
    recommended: {
      ...advice(recs[0]),
      mechanism: t(fg?.mechanism, lang),
      strengths: (fg?.strengths ?? []).map((x) => t(x, lang)),
      limits: (fg?.limits ?? []).map((x) => t(x, lang)),
      cost: { training: t(fg?.cost.training, lang), finetuning: t(fg?.cost.finetuning, lang), inference: t(fg?.cost.inference, lang) },
    },
    alternatives: recs.slice(1).map(advice),
    caveats: task.caveats.map((x) => t(x, lang)),
    notes: notesFor(request, flow.outcome, lang),
    memoryRule: constraints.gpuMemory !== undefined ? memoryRule(lang) : undefined,
    suitable: suitable.length,
    satisfying: passing.length,
    candidates,
    sources: [...new Set([...task.sources, ...(fg?.sources ?? []), ...kb.flow.flatMap((n) => n.sources)])]
      .map((id) => kb.sources.find((s) => s.id === id)!)
      .filter(Boolean),
  };
  const shortfall = passing.length ? shortfallOf(recs, candidates, lang) : undefined;
  if (shortfall) answer.shortfall = shortfall;
  if (!passing.length) answer.empty = emptyAnswer(suitable, constraints, order, lang);
  if (request.explain) answer.excluded = explainExcluded(task, suitable, unsuitable, catalog, order, limit);
  return answer;
}

/** Every model the task suits, scored with the constraints (when it meets them) and without; the rest with why not. */
function scoreModels(ctx: RankContext, allowed: Modality[]): { suitable: Suitable[]; unsuitable: Map<string, string> } {
  const { catalog, task, lang, constraints, evidence } = ctx;
  const suitable: Suitable[] = [];
  const unsuitable = new Map<string, string>();
  for (const m of catalog.models) {
    const fit = taskFit(task, m, lang, allowed);
    if (!fit.rec) {
      unsuitable.set(m.id, fit.reason!);
      continue;
    }
    const check = checkConstraints(catalog, m, constraints, lang, evidence, allowed);
    const all = checkConstraints(catalog, m, {}, lang, evidence, allowed).fits;
    const free = score({ ...ctx, constraints: {} }, m, fit.rec, all);
    suitable.push({ m, rec: fit.rec, failures: check.failures, free, scored: check.failures.length ? undefined : score(ctx, m, fit.rec, check.fits) });
  }
  return { suitable, unsuitable };
}

/** The primary family's best `limit` models, then each other family's best half as many. */
function pickCandidates(task: TaskGuide, recs: Recommendation[], outcome: Outcome, passing: Scored[], limit: number, lang: Lang): Candidate[] {
  const candidates: Candidate[] = [];
  for (const rec of recs) {
    const n = fitOf(task, rec, outcome) === 'primary' ? limit : Math.ceil(limit / 2);
    for (const s of passing.filter((p) => p.recommendation === rec).slice(0, n)) candidates.push(candidate(s, candidates.length + 1, lang));
  }
  return candidates;
}

/** When no model of the primary family meets the constraints: say so, and name the family that stands in. */
function shortfallOf(recs: Recommendation[], candidates: Candidate[], lang: Lang): GuideAnswer['shortfall'] {
  const primary = recs[0];
  if (candidates.some((c) => c.family === primary.family)) return undefined;
  const alt = recs.slice(1).find((r) => candidates.some((c) => c.family === r.family));
  return {
    family: primary.family,
    alternative: alt?.family,
    message: alt
      ? msg('shortfall', lang, { family: familyName(primary.family, lang), alt: familyName(alt.family, lang) })
      : msg('shortfallNone', lang, { family: familyName(primary.family, lang) }),
  };
}

function emptyAnswer(suitable: Suitable[], c: GuideConstraints, order: (a: Scored, b: Scored) => number, lang: Lang): GuideAnswer['empty'] {
  return {
    message: msg('noCandidates', lang),
    byConstraint: activeConstraints(c).map((id) => {
      const n = suitable.filter((s) => s.failures.some((f) => f.constraint === id)).length;
      return { constraint: id, excludes: n, message: msg('excludesCount', lang, { flag: `--${id}`, n, total: suitable.length }) };
    }),
    nearMisses: suitable
      .filter((s) => s.failures.length === 1)
      .sort((a, b) => order(a.free, b.free))
      .slice(0, 5)
      .map(excludedOf),
  };
}

/** Notable: the task's named examples, and the models that would rank on top without constraints. */
function explainExcluded(task: TaskGuide, suitable: Suitable[], unsuitable: Map<string, string>, catalog: Catalog, order: (a: Scored, b: Scored) => number, limit: number): Excluded[] {
  const top = new Set(
    task.recommend.flatMap((rec) =>
      suitable
        .filter((s) => s.rec === rec)
        .map((s) => s.free)
        .sort(order)
        .slice(0, limit)
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
  return excluded;
}

function excludedOf(s: Suitable): Excluded {
  return { id: s.m.id, name: s.m.name, family: s.m.family, failed: s.failures };
}

function classOf(s: Scored): ModelClass {
  if (routeOf(s.recommendation) === 'fine-tuned') return 'fine-tuned';
  return s.pick.variant.weights === 'closed' ? 'hosted-llm' : 'open-llm';
}

function classText(outcome: Outcome, c: GuideConstraints, lang: Lang): string {
  if (outcome === 'fine-tuned') return msg('classFineTuned', lang);
  const id = c.deploy === 'api' ? 'classHosted' : c.deploy === 'self-host' || c.openWeights || c.gpuMemory !== undefined ? 'classOpen' : 'classAnyLlm';
  return msg(id, lang);
}

function notesFor(r: GuideRequest, outcome: Outcome, lang: Lang): string[] {
  const notes: string[] = [];
  if (outcome === 'none') notes.push(msg('noneOutcome', lang));
  const d = domainNote(r.domain, lang);
  if (d) notes.push(d);
  if (outcome === 'llm' && typeof r.labels === 'number' && r.labels >= 1000) notes.push(msg('peftNote', lang));
  return notes;
}

function candidate(s: Scored, rank: number, lang: Lang): Candidate {
  const m = s.model;
  const v: VariantFit = s.pick;
  return {
    rank,
    id: m.id,
    name: m.name,
    family: m.family,
    fit: s.fit,
    modelClass: classOf(s),
    released: v.variant.released,
    weights: v.variant.weights,
    license: v.variant.license,
    context: v.variant.context,
    variant: v.variant.label,
    modality: v.variant.modality,
    serves: v.variant.serves,
    size: v.variant.total !== undefined ? sizeText(v.variant, lang) : undefined,
    parameters: v.variant.total,
    precision: v.precision,
    memory: v.memory,
    price: v.price,
    evidence: s.evidence,
    score: s.score,
    components: s.components,
  };
}

function stripRequest(r: GuideRequest): GuideConstraints {
  const keys: (keyof GuideConstraints)[] = [
    'commercial', 'openWeights', 'deploy', 'modality', 'language', 'maxParams', 'minContext', 'since', 'budget', 'gpuMemory', 'precision', 'gpus', 'context', 'batch', 'finetune',
  ];
  const c: Record<string, unknown> = {};
  for (const k of keys) if (r[k] !== undefined && r[k] !== false) c[k] = r[k];
  return c as GuideConstraints;
}

function stripSituation(r: GuideRequest): Situation {
  const keys: (keyof Situation)[] = ['labels', 'ood', 'needsKnowledge', 'retrieval', 'tasks', 'latency', 'counterfactual', 'domain', 'pair'];
  const s: Record<string, unknown> = {};
  for (const k of keys) if (r[k] !== undefined) s[k] = r[k];
  return s as Situation;
}
