/**
 * The model-choice knowledge base, catalog/guide.yaml: per family its mechanism, strengths, limits and
 * cost profile; per task the recommended families with reasons, caveats and ranking hints. Every text
 * is given in English and Chinese; every claim points at a source in the file's `sources` list.
 * It lives in the catalog stage so `llmtree validate` checks it with the models (src/guide reads it).
 */
import { z } from 'zod';
import { Id, Family, Tag, Url, TAGS, Line, Text } from './schema.js';
import type { Issue } from './issues.js';
import type { YamlFile, PathKey } from './yaml-file.js';
import { suggest } from './suggest.js';

import { GUIDE_LANGS, taskKey } from './guide-constants.js';

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

export const Recommendation = z.strictObject({
  family: Family,
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
  /**
   * small: the task is usually solved by fine-tuning, so cheap, small models score higher;
   * large: quality grows with scale, so the largest size that fits the budget scores higher.
   */
  size: SizePreference,
  /** Notable model ids for the task; --explain says why any of them was excluded. */
  examples: z.array(Id).default([]),
  sources: z.array(Id).min(1, 'needs at least one source id'),
});

export const Guide = z.strictObject({
  version: z.literal(1),
  sources: z.array(GuideSource).min(1),
  families: z.array(FamilyGuide).min(1),
  tasks: z.array(TaskGuide).min(1),
});

export type GuideText = z.infer<typeof LocalText>;
export type GuideSource = z.infer<typeof GuideSource>;
export type FamilyGuide = z.infer<typeof FamilyGuide>;
export type Recommendation = z.infer<typeof Recommendation>;
export type TaskGuide = z.infer<typeof TaskGuide>;
export type Guide = z.infer<typeof Guide>;

/**
 * Checks that the schema cannot express: unique ids, every task/source id referenced exists, each task
 * names a primary family once, aliases do not collide, and (when `modelIds` is given) every model id named
 * exists in the catalog.
 */
export function crossCheckGuide(guide: Guide, doc: YamlFile, modelIds?: { has(id: string): boolean; keys?(): Iterable<string> }): Issue[] {
  const issues: Issue[] = [];
  const at = (path: PathKey[], message: string) => issues.push(doc.issue(path, message));
  const hint = (id: string, known: Iterable<string>) => {
    const s = suggest(id, [...known]);
    return s.length ? ` (did you mean ${s.map((x) => `"${x}"`).join(' or ')}?)` : '';
  };

  const sourceIds = new Set<string>();
  guide.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) at(['sources', i, 'id'], `duplicate source id "${s.id}"`);
    sourceIds.add(s.id);
  });
  const taskIds = new Set<string>();
  const keys = new Map<string, string>();
  guide.tasks.forEach((t, i) => {
    if (taskIds.has(t.id)) at(['tasks', i, 'id'], `duplicate task id "${t.id}"`);
    taskIds.add(t.id);
    [t.id, t.name.en, t.name.zh, ...t.aliases].forEach((name, j) => {
      const k = taskKey(name);
      const owner = keys.get(k);
      if (owner && owner !== t.id)
        at(j >= 3 ? ['tasks', i, 'aliases', j - 3] : ['tasks', i, j === 0 ? 'id' : 'name'], `task name "${name}" already names task "${owner}"`);
      else keys.set(k, t.id);
    });
  });
  const checkSources = (list: string[], base: PathKey[]) =>
    list.forEach((s, j) => {
      if (!sourceIds.has(s)) at([...base, 'sources', j], `unknown source "${s}"${hint(s, sourceIds)}`);
    });
  const checkModels = (list: string[], base: PathKey[]) => {
    if (!modelIds) return;
    list.forEach((m, j) => {
      if (!modelIds.has(m)) at([...base, 'examples', j], `unknown model "${m}"${modelIds.keys ? hint(m, modelIds.keys()) : ''}`);
    });
  };

  const families = new Set<string>();
  guide.families.forEach((f, i) => {
    if (families.has(f.family)) at(['families', i, 'family'], `family "${f.family}" described twice`);
    families.add(f.family);
    f.tasks.forEach((t, j) => {
      if (!taskIds.has(t)) at(['families', i, 'tasks', j], `unknown task "${t}"${hint(t, taskIds)}`);
    });
    checkSources(f.sources, ['families', i]);
    checkModels(f.examples, ['families', i]);
  });
  guide.tasks.forEach((t, i) => {
    const base: PathKey[] = ['tasks', i];
    if (t.recommend[0]?.fit !== 'primary') at([...base, 'recommend', 0, 'fit'], 'the first recommended family must have fit "primary"');
    const seen = new Set<string>();
    t.recommend.forEach((r, j) => {
      if (seen.has(r.family)) at([...base, 'recommend', j, 'family'], `family "${r.family}" recommended twice`);
      seen.add(r.family);
      if (!families.has(r.family)) at([...base, 'recommend', j, 'family'], `family "${r.family}" has no entry under "families"`);
    });
    checkSources(t.sources, base);
    checkModels(t.examples, base);
    if (modelIds)
      t.avoid.forEach((a, j) => {
        if (!modelIds.has(a.model)) at([...base, 'avoid', j, 'model'], `unknown model "${a.model}"${modelIds.keys ? hint(a.model, modelIds.keys()) : ''}`);
      });
  });
  return issues;
}
