/**
 * The model-choice knowledge base, catalog/guide.yaml: per family its mechanism, strengths, limits and
 * cost profile; per task the recommended families with reasons, caveats and ranking hints. Every text
 * is given in English and Chinese; every claim points at a source in the file's `sources` list.
 * It lives in the catalog stage so `llmtree validate` checks it with the models (src/guide reads it).
 */
import { z } from 'zod';
import { Id, Family, Tag, Url, TAGS, MODALITIES, Line, Text, DateString } from './schema.js';
import type { Issue } from './issues.js';
import type { YamlFile, PathKey } from './yaml-file.js';
import { suggest } from './suggest.js';

import { GUIDE_LANGS, PRECISIONS, taskKey } from './guide-constants.js';

export { GUIDE_LANGS, taskKey, type GuideLang } from './guide-constants.js';

/** A text in both languages. */
export const LocalText = z.strictObject({ en: Text.min(1), zh: Text.min(1) });

export const GuideSource = z.strictObject({
  id: Id,
  title: Line.min(1),
  url: Url,
});

export const FamilyGuide = z.strictObject({
  family: Family,
  mechanism: LocalText,
  strengths: z.array(LocalText).min(1),
  limits: z.array(LocalText).min(1),
  cost: z.strictObject({ training: LocalText, finetuning: LocalText, inference: LocalText }),
  /** Task ids this family typically serves. */
  tasks: z.array(Id).default([]),
  /** Representative model ids from the catalog. */
  examples: z.array(Id).default([]),
  sources: z.array(Id).min(1, 'needs at least one source id'),
});

export const FIT = ['primary', 'alternative'] as const;
export const SIZE_PREFERENCES = ['small', 'large'] as const;
export const SizePreference = z.enum(SIZE_PREFERENCES);
export const TagPoints = z.partialRecord(z.enum(TAGS), z.number().int().min(-50).max(50));

export const Avoid = z.strictObject({ model: Id, reason: LocalText });

/** The survey's two answers (its Figure 2): prompt a large language model, or fine-tune a smaller model. */
export const ROUTES = ['llm', 'fine-tuned'] as const;
export const Route = z.enum(ROUTES);
/** Where a step of the decision flow leads: an answer, no model that works well, or the next question. */
export const Leads = z.enum(['llm', 'fine-tuned', 'none', 'next']);

/**
 * One question of the decision flow (Yang et al. 2023, Figure 2), with the survey's remark that
 * justifies it. Questions are asked in order; the first answer that leads somewhere ends the flow.
 */
export const FlowNode = z.strictObject({
  id: Id,
  question: LocalText,
  /** Short forms for the path summary, e.g. {yes: "few labels", no: "enough labels"}. */
  short: z.strictObject({ yes: LocalText, no: LocalText }),
  yes: Leads,
  no: Leads.default('next'),
  /** Asked only for these tasks (default: every task). */
  tasks: z.array(Id).optional(),
  /** The survey's reason: which remark or section, and what it says. */
  remark: z.strictObject({ ref: Line.min(1), text: LocalText }),
  sources: z.array(Id).min(1, 'needs at least one source id'),
});

/** A benchmark whose published scores rank models for the tasks that name it. */
export const Benchmark = z.strictObject({
  id: Id,
  name: Line.min(1),
  url: Url,
  /** What the number is: "% resolved", "Elo", "% accuracy", "average score", in both languages. */
  unit: LocalText,
});

export const Score = z.strictObject({
  benchmark: Id,
  value: z.number().finite(),
  /** When the number was published or read off the leaderboard. */
  date: DateString,
  source: Url,
  /** How it was measured, when that matters ("thinking", "no tools", "pass@1"). */
  setting: Line.optional(),
});

/** Published API price in US dollars per million tokens. */
export const Price = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  date: DateString,
  source: Url,
});


/** The attention shape (config.json) that sets the KV cache. */
export const Attention = z.strictObject({
  layers: z.number().int().positive().max(1000),
  kvHeads: z.number().int().positive().max(1024).optional(),
  headDim: z.number().int().positive().max(4096).optional(),
  kvLatent: z.number().int().positive().max(65536).optional(),
  window: z.strictObject({ size: z.number().int().positive(), layers: z.number().int().nonnegative() }).optional(),
  source: Url,
});

/** Evidence about one model (or one variant of it, by its label in the catalog). */
export const Evidence = z.strictObject({
  model: Id,
  variant: Line.min(1).optional(),
  scores: z.array(Score).default([]),
  price: Price.optional(),
  /** The precision the weights are published in (bf16 unless stated). */
  precision: z.enum(PRECISIONS).optional(),
  attention: Attention.optional(),
  /** Languages the model card says it supports (ISO 639-1 codes). */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code like "en" or "zh"')).optional(),
  languagesSource: Url.optional(),
});

export const Recommendation = z.strictObject({
  family: Family,
  /** Which answer of the decision flow this family serves; decoder-only and non-transformer default to llm, others to fine-tuned. */
  route: Route.optional(),
  /** The first primary entry is "the" recommended family; alternatives are still ranked, with fewer points. */
  fit: z.enum(FIT),
  /** When this family is the right pick, e.g. "with enough labelled data". */
  when: LocalText.optional(),
  reasons: z.array(LocalText).min(1),
  /** Only models of this family that carry one of these tags count for the task (e.g. embedding). */
  requires: z.array(Tag).optional(),
  /** Extra tag points for models of this family, added to the task's. */
  tags: TagPoints.optional(),
  /** Overrides the task's size preference for this family. */
  size: SizePreference.optional(),
});


export const TaskGuide = z.strictObject({
  id: Id,
  name: LocalText,
  aliases: z.array(Line.min(1)).default([]),
  summary: LocalText,
  recommend: z.array(Recommendation).min(1, 'needs at least one recommended family'),
  caveats: z.array(LocalText).default([]),
  /** Ranking points for tags, positive or negative, e.g. {code: 25, biomedical: -10}. */
  tags: TagPoints.default({}),
  /** Models carrying any of these tags cannot do the task (e.g. embedding models do not generate text). */
  exclude: z.array(Tag).default([]),
  /** Individual models that do not suit the task despite their family, with the reason. */
  avoid: z.array(Avoid).default([]),
  /** Notable model ids for the task; --explain says why any of them was excluded. */
  examples: z.array(Id).default([]),
  /** The task's own answers to questions of the decision flow (by question id), e.g. {mimic: true}. */
  situation: z.record(Id, z.boolean()).default({}),
  /** Benchmarks whose scores rank models for this task. */
  benchmarks: z.array(Id).default([]),
  /** Tasks that need a generative model: code models and embedders are kept out unless the task says otherwise. */
  modalities: z.array(z.enum(MODALITIES)).default(['text']),
  sources: z.array(Id).min(1, 'needs at least one source id'),
});

export const Guide = z.strictObject({
  version: z.literal(2),
  sources: z.array(GuideSource).min(1),
  families: z.array(FamilyGuide).min(1),
  flow: z.array(FlowNode).default([]),
  tasks: z.array(TaskGuide).min(1),
  benchmarks: z.array(Benchmark).default([]),
  evidence: z.array(Evidence).default([]),
});

export type GuideText = z.infer<typeof LocalText>;
export type GuideSource = z.infer<typeof GuideSource>;
export type FamilyGuide = z.infer<typeof FamilyGuide>;
export type Recommendation = z.infer<typeof Recommendation>;
export type TaskGuide = z.infer<typeof TaskGuide>;
export type Guide = z.infer<typeof Guide>;
export type FlowNode = z.infer<typeof FlowNode>;
export type Route = z.infer<typeof Route>;
export type Benchmark = z.infer<typeof Benchmark>;
export type Evidence = z.infer<typeof Evidence>;
export type Attention = z.infer<typeof Attention>;

type ModelIds = { has(id: string): boolean; keys?(): Iterable<string> };

/** What the cross-checks share: where to report, the ids seen so far, and "did you mean" hints. */
interface Check {
  guide: Guide;
  at: (path: PathKey[], message: string) => void;
  hint: (id: string, known: Iterable<string>) => string;
  modelIds?: ModelIds;
  labels?: Map<string, string[]>;
  sourceIds: Set<string>;
  taskIds: Set<string>;
  families: Set<string>;
  nodeIds: Set<string>;
  benchmarkIds: Set<string>;
}

/**
 * Checks that the schema cannot express: unique ids, every task/source id referenced exists, each task
 * names a primary family once, aliases do not collide, and (when `modelIds` is given) every model id named
 * exists in the catalog.
 */
export function crossCheckGuide(guide: Guide, doc: YamlFile, modelIds?: ModelIds, labels?: Map<string, string[]>): Issue[] {
  const issues: Issue[] = [];
  const c: Check = {
    guide,
    at: (path, message) => issues.push(doc.issue(path, message)),
    hint: (id, known) => {
      const s = suggest(id, [...known]);
      return s.length ? ` (did you mean ${s.map((x) => `"${x}"`).join(' or ')}?)` : '';
    },
    modelIds,
    labels,
    sourceIds: uniqueIds(guide.sources, 'sources', 'source id', (m, p) => issues.push(doc.issue(p, m))),
    taskIds: new Set(),
    families: new Set(),
    nodeIds: new Set(),
    benchmarkIds: new Set(),
  };
  checkTaskNames(c);
  checkFamilies(c);
  checkFlow(c);
  c.benchmarkIds = uniqueIds(guide.benchmarks, 'benchmarks', 'benchmark id', (m, p) => issues.push(doc.issue(p, m)));
  checkEvidence(c);
  guide.tasks.forEach((t, i) => checkTask(c, t, i));
  return issues;
}

function uniqueIds(list: { id: string }[], key: string, what: string, at: (message: string, path: PathKey[]) => void): Set<string> {
  const ids = new Set<string>();
  list.forEach((x, i) => {
    if (ids.has(x.id)) at(`duplicate ${what} "${x.id}"`, [key, i, 'id']);
    ids.add(x.id);
  });
  return ids;
}

function checkSources(c: Check, list: string[], base: PathKey[]): void {
  list.forEach((s, j) => {
    if (!c.sourceIds.has(s)) c.at([...base, 'sources', j], `unknown source "${s}"${c.hint(s, c.sourceIds)}`);
  });
}

function checkModel(c: Check, id: string, path: PathKey[]): void {
  const m = c.modelIds;
  if (m && !m.has(id)) c.at(path, `unknown model "${id}"${m.keys ? c.hint(id, m.keys()) : ''}`);
}

function checkTaskIds(c: Check, list: string[], base: PathKey[]): void {
  list.forEach((t, j) => {
    if (!c.taskIds.has(t)) c.at([...base, j], `unknown task "${t}"${c.hint(t, c.taskIds)}`);
  });
}

/** Task ids are unique, and no name, translation or alias names two tasks. */
function checkTaskNames(c: Check): void {
  const keys = new Map<string, string>();
  c.guide.tasks.forEach((t, i) => {
    if (c.taskIds.has(t.id)) c.at(['tasks', i, 'id'], `duplicate task id "${t.id}"`);
    c.taskIds.add(t.id);
    [t.id, t.name.en, t.name.zh, ...t.aliases].forEach((name, j) => {
      const k = taskKey(name);
      const owner = keys.get(k);
      if (owner && owner !== t.id)
        c.at(j >= 3 ? ['tasks', i, 'aliases', j - 3] : ['tasks', i, j === 0 ? 'id' : 'name'], `task name "${name}" already names task "${owner}"`);
      else keys.set(k, t.id);
    });
  });
}

function checkFamilies(c: Check): void {
  c.guide.families.forEach((f, i) => {
    if (c.families.has(f.family)) c.at(['families', i, 'family'], `family "${f.family}" described twice`);
    c.families.add(f.family);
    checkTaskIds(c, f.tasks, ['families', i, 'tasks']);
    checkSources(c, f.sources, ['families', i]);
    f.examples.forEach((m, j) => checkModel(c, m, ['families', i, 'examples', j]));
  });
}

function checkFlow(c: Check): void {
  c.guide.flow.forEach((n, i) => {
    if (c.nodeIds.has(n.id)) c.at(['flow', i, 'id'], `duplicate flow question "${n.id}"`);
    c.nodeIds.add(n.id);
    checkTaskIds(c, n.tasks ?? [], ['flow', i, 'tasks']);
    checkSources(c, n.sources, ['flow', i]);
  });
}

/** Evidence: one entry per model and variant, known models, variants and benchmarks, sound attention shapes. */
function checkEvidence(c: Check): void {
  const seen = new Set<string>();
  c.guide.evidence.forEach((e, i) => {
    const key = `${e.model}\u0000${e.variant ?? ''}`;
    if (seen.has(key)) c.at(['evidence', i, 'model'], `evidence for "${e.model}"${e.variant ? ` variant "${e.variant}"` : ''} is given twice`);
    seen.add(key);
    checkModel(c, e.model, ['evidence', i, 'model']);
    const known = c.labels?.get(e.model);
    if (e.variant && known && !known.includes(e.variant))
      c.at(['evidence', i, 'variant'], `model "${e.model}" has no variant "${e.variant}"${known.length ? ` (its variants: ${known.join(', ')})` : ' (it lists no variants)'}`);
    e.scores.forEach((sc, j) => {
      if (!c.benchmarkIds.has(sc.benchmark)) c.at(['evidence', i, 'scores', j, 'benchmark'], `unknown benchmark "${sc.benchmark}"${c.hint(sc.benchmark, c.benchmarkIds)}`);
    });
    const a = e.attention;
    if (a && !a.kvLatent && !(a.kvHeads && a.headDim)) c.at(['evidence', i, 'attention'], 'needs kvHeads and headDim, or kvLatent');
    if (a?.window && a.window.layers > a.layers) c.at(['evidence', i, 'attention', 'window', 'layers'], 'more sliding-window layers than layers');
  });
}

/** A task's references: flow questions, benchmarks, recommended families (primary first, each once), sources, models. */
function checkTask(c: Check, t: TaskGuide, i: number): void {
  const base: PathKey[] = ['tasks', i];
  Object.keys(t.situation).forEach((k) => {
    if (!c.nodeIds.has(k)) c.at([...base, 'situation', k], `unknown flow question "${k}"${c.hint(k, c.nodeIds)}`);
  });
  t.benchmarks.forEach((b, j) => {
    if (!c.benchmarkIds.has(b)) c.at([...base, 'benchmarks', j], `unknown benchmark "${b}"${c.hint(b, c.benchmarkIds)}`);
  });
  if (t.recommend[0]?.fit !== 'primary') c.at([...base, 'recommend', 0, 'fit'], 'the first recommended family must have fit "primary"');
  const seen = new Set<string>();
  t.recommend.forEach((r, j) => {
    if (seen.has(r.family)) c.at([...base, 'recommend', j, 'family'], `family "${r.family}" recommended twice`);
    seen.add(r.family);
    if (!c.families.has(r.family)) c.at([...base, 'recommend', j, 'family'], `family "${r.family}" has no entry under "families"`);
  });
  checkSources(c, t.sources, base);
  t.examples.forEach((m, j) => checkModel(c, m, [...base, 'examples', j]));
  t.avoid.forEach((a, j) => checkModel(c, a.model, [...base, 'avoid', j, 'model']));
}
