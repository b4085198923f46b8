/** The model-choice guide as a library: table-driven over tasks and constraint mixes (fixture catalog, real knowledge base). */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCatalog, loadGuide, commercialUse, earliest, latest, type Catalog, type Model } from '../src/catalog/index.js';
import { recommendModels, UnknownTaskError, parseMemory, BYTES_PER_PARAM, variantsOf, type GuideConstraints, type GuideAnswer } from '../src/guide/index.js';
import type { Guide } from '../src/catalog/guide-schema.js';
import { ROOT } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'guide');
const { catalog, issues } = loadCatalog(FIX);
const kb = loadGuide(join(ROOT, 'catalog', 'guide.yaml'));
const guide = kb.guide as Guide;

/** The family each task leads to with no situation flags (catalog/guide.yaml: the decision flow, then the first `recommend` entry). */
const TASKS: [task: string, family: string][] = [
  ['classification', 'encoder-only'],
  ['sentiment', 'encoder-only'],
  ['ner', 'encoder-only'],
  ['extractive-qa', 'encoder-only'],
  ['retrieval', 'encoder-only'],
  ['summarisation', 'decoder-only'],
  ['translation', 'encoder-decoder'],
  ['toxicity', 'encoder-only'],
  ['nli', 'encoder-only'],
  ['semantic-similarity', 'encoder-only'],
  ['reranking', 'encoder-only'],
  ['structured-extraction', 'decoder-only'],
  ['agents', 'decoder-only'],
  ['generation', 'decoder-only'],
  ['dialogue', 'decoder-only'],
  ['code-generation', 'decoder-only'],
  ['reasoning', 'decoder-only'],
  ['few-shot', 'decoder-only'],
  ['knowledge-qa', 'decoder-only'],
];

const MIXES: [name: string, c: GuideConstraints][] = [
  ['none', {}],
  ['commercial', { commercial: true }],
  ['commercial unconditional', { commercial: 'unconditional' }],
  ['open weights', { openWeights: true }],
  ['max 7B', { maxParams: 7e9 }],
  ['max 1B, open', { maxParams: 1e9, openWeights: true }],
  ['context 32K', { minContext: 32768 }],
  ['since 2024', { since: '2024' }],
  ['24 GB fp16', { gpuMemory: 24e9 }],
  ['24 GB int4', { gpuMemory: 24e9, precision: 'int4' }],
  ['80 GB int8, commercial, since 2023', { gpuMemory: 80e9, precision: 'int8', commercial: true, since: '2023' }],
  ['everything', { commercial: true, openWeights: true, maxParams: 70e9, minContext: 8192, since: '2023', gpuMemory: 48e9 }],
];

/**
 * Independent restatement of each constraint, per variant, so the tests do not trust the code under test.
 * Memory: weights at the precision (bf16 unless given) + KV cache (20% of weights: the fixture catalog's
 * models have no attention shape recorded unless guide.yaml gives one, so only assert when none is) +
 * 10% of weights + 1 GB, within 90% of the GPU.
 */
function variantFails(cat: Catalog, m: Model, c: GuideConstraints, which: string, total?: number): boolean {
  const vs = variantsOf(m).filter((v) => total === undefined || v.total === total);
  const bytes = (n: number, ctx: number) => n * BYTES_PER_PARAM[c.precision ?? 'bf16'] * 1.1 + 0.4e9 * Math.sqrt(n / 1e9) * (ctx / 8192) + 1e9;
  const failsOne = (v: (typeof vs)[number]): boolean => {
    switch (which) {
      case 'commercial': {
        const use = v.license ? cat.licenses.get(v.license)?.commercial : undefined;
        return !(use === 'yes' || (use === 'conditional' && c.commercial !== 'unconditional'));
      }
      case 'open-weights':
        return v.weights !== 'open';
      case 'max-params':
        return v.total === undefined || v.total > c.maxParams!;
      case 'min-context':
        return v.context === undefined || v.context < c.minContext!;
      case 'since':
        return latest(v.released) < earliest(c.since!);
      case 'gpu-memory':
        if (v.weights === 'closed' || v.total === undefined) return true;
        // With a recorded attention shape the KV cache is exact, not the estimate restated here.
        if (guide.evidence.some((e) => e.model === m.id && e.attention)) return false;
        return bytes(v.total, Math.min(c.minContext ?? 8192, v.context ?? 8192)) > c.gpuMemory! * 0.9 * 1.0001;
    }
    throw new Error(which);
  };
  return vs.every(failsOne);
}

const active = (c: GuideConstraints) =>
  (
    [
      ['commercial', c.commercial],
      ['open-weights', c.openWeights],
      ['max-params', c.maxParams],
      ['min-context', c.minContext],
      ['since', c.since],
      ['gpu-memory', c.gpuMemory],
    ] as const
  )
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k]) => k);

describe('knowledge base', () => {
  it('the fixture catalog and catalog/guide.yaml load cleanly', () => {
    expect(issues).toEqual([]);
    expect(kb.issues).toEqual([]);
  });

  it('covers the required tasks, in English and Chinese, with sources', () => {
    for (const [task] of TASKS) {
      const t = guide.tasks.find((x) => x.id === task)!;
      expect(t, task).toBeDefined();
      expect(t.name.zh.length).toBeGreaterThan(0);
      expect(t.sources.length).toBeGreaterThan(0);
    }
    for (const f of ['encoder-only', 'encoder-decoder', 'decoder-only']) {
      const fg = guide.families.find((x) => x.family === f)!;
      expect(fg.cost.training.en && fg.cost.finetuning.zh && fg.cost.inference.en).toBeTruthy();
    }
    expect(guide.sources.find((s) => s.id === 'yang2023')!.url).toBe('https://arxiv.org/abs/2304.13712');
  });
});

describe.each(TASKS)('guide --task %s', (task, family) => {
  it(`recommends ${family}, as documented`, () => {
    const a = recommendModels(catalog, guide, { task });
    expect(a.recommended.family).toBe(family);
    expect(guide.tasks.find((t) => t.id === task)!.recommend[0].family).toBe(family);
    expect(a.recommended.reasons.length).toBeGreaterThan(0);
    expect(a.candidates.length).toBeGreaterThan(0);
    expect(a.candidates[0].family).toBe(family);
  });

  it.each(MIXES)('every candidate satisfies every constraint, and every exclusion is real: %s', (_name, c) => {
    const a: GuideAnswer = recommendModels(catalog, guide, { task, ...c, explain: true });
    const allowed = [family, ...guide.tasks.find((t) => t.id === task)!.recommend.map((r) => r.family).filter((f) => f !== family)];
    for (const cand of a.candidates) {
      const m = catalog.byId.get(cand.id)!;
      expect(allowed).toContain(m.family);
      for (const k of active(c)) expect(variantFails(catalog, m, c, k, cand.parameters), `${cand.id} fails ${k}`).toBe(false);
      // The score is the sum of the listed components.
      const sum = cand.components.reduce((s, x) => s + x.points, 0);
      expect(cand.score).toBeCloseTo(sum, 0);
      expect(cand.components.map((x) => x.factor)).toEqual(expect.arrayContaining(['family', 'recency', 'size']));
    }
    // Primary family first, then by score within each family.
    const tiers = a.candidates.map((x) => allowed.indexOf(x.family));
    expect(tiers).toEqual([...tiers].sort((x, y) => x - y));
    for (let i = 1; i < a.candidates.length; i++)
      if (a.candidates[i].family === a.candidates[i - 1].family) expect(a.candidates[i].score).toBeLessThanOrEqual(a.candidates[i - 1].score);
    for (const e of a.excluded ?? []) {
      expect(e.failed.length).toBeGreaterThan(0);
      for (const f of e.failed) {
        if (f.constraint === 'task') continue;
        // A failure is reported for the first constraint no remaining variant meets, so some variant fails it.
        expect(variantsOf(catalog.byId.get(e.id)!).length).toBeGreaterThan(0);
      }
    }
    if (a.candidates.length === 0) expect(a.empty).toBeDefined();
    // Deterministic.
    expect(recommendModels(catalog, guide, { task, ...c, explain: true })).toEqual(a);
  });
});

describe('specific answers', () => {
  it('translation --commercial excludes NLLB-200 for its non-commercial licence', () => {
    const a = recommendModels(catalog, guide, { task: 'translation', commercial: true, explain: true });
    expect(a.candidates.map((c) => c.id)).not.toContain('nllb-200');
    const e = a.excluded!.find((x) => x.id === 'nllb-200')!;
    expect(e.failed).toEqual([{ constraint: 'commercial', message: expect.stringContaining('cc-by-nc-4.0') }]);
    expect(a.candidates.filter((c) => c.family === 'encoder-decoder').map((c) => c.id)).toEqual(
      expect.arrayContaining(['madlad-400', 'm2m-100']),
    );
  });

  it('retrieval candidates are embedding models only', () => {
    const a = recommendModels(catalog, guide, { task: 'retrieval' });
    for (const c of a.candidates) expect(catalog.byId.get(c.id)!.tags).toContain('embedding');
  });

  it('--gpu-memory picks the largest variant that fits, with headroom, and shows the arithmetic', () => {
    const a = recommendModels(catalog, guide, { task: 'dialogue', gpuMemory: 24e9, precision: 'int8', explain: true });
    const llama = a.candidates.find((c) => c.id === 'llama-3.1')!;
    expect(llama.parameters).toBe(8e9); // 8 GB weights + KV + overhead fits 21.6 GB usable; 70B does not
    expect(llama.memory!.steps.join('\n')).toMatch(/weights = 8B × 1 B \(int8\) = 8 GB/);
    expect(llama.memory!.total).toBeLessThanOrEqual(24e9 * 0.9);
    expect(a.memoryRule).toMatch(/90% of the GPU memory/);
    expect(a.excluded!.find((x) => x.id === 'gpt-4o')!.failed[0].constraint).toBe('gpu-memory');
    const int4 = recommendModels(catalog, guide, { task: 'dialogue', gpuMemory: 48e9, precision: 'int4' });
    expect(int4.candidates.find((c) => c.id === 'llama-3.3')!.parameters).toBe(70e9); // 35 GB + KV + overhead < 43.2 GB
  });

  it('"24 GB fits 24 GB" no longer: a model whose estimate fills the card is refused', () => {
    // 10B at bf16: 20 GB weights alone; with KV and overhead it exceeds 90% of 24 GB.
    const a = recommendModels(catalog, guide, { task: 'dialogue', gpuMemory: 24e9, precision: 'bf16', explain: true });
    for (const c of a.candidates) expect(c.memory!.total).toBeLessThanOrEqual(21.6e9);
  });

  it('MoE models count total parameters for memory', () => {
    const a = recommendModels(catalog, guide, { task: 'reasoning', gpuMemory: 80e9, explain: true });
    expect(a.candidates.map((c) => c.id)).not.toContain('deepseek-r1');
    const two = recommendModels(catalog, guide, { task: 'reasoning', gpuMemory: 80e9, gpus: 16, precision: 'fp8' });
    const r1 = two.candidates.find((c) => c.id === 'deepseek-r1');
    expect(r1?.memory?.weights).toBe(671e9);
  });

  it('code generation ranks code models first; reasoning ranks reasoning models first', () => {
    const code = recommendModels(catalog, guide, { task: 'code-generation', openWeights: true, maxParams: 40e9 });
    expect(catalog.byId.get(code.candidates[0].id)!.tags).toContain('code');
    const r = recommendModels(catalog, guide, { task: 'reasoning' });
    expect(catalog.byId.get(r.candidates[0].id)!.tags).toContain('reasoning');
  });

  it('classification (enough labels, the default) prefers small fine-tunable encoders over large LLMs', () => {
    const a = recommendModels(catalog, guide, { task: 'classification' });
    expect(a.candidates[0].family).toBe('encoder-only');
    expect(a.candidates[0].parameters!).toBeLessThanOrEqual(1e9);
  });

  it('finds tasks by alias and name, in either language', () => {
    for (const q of ['NER', 'named entity recognition', 'summarization', '翻译', 'chat', 'math', 'embeddings'])
      expect(() => recommendModels(catalog, guide, { task: q })).not.toThrow();
    expect(recommendModels(catalog, guide, { task: '翻译' }).task.id).toBe('translation');
  });

  it('unknown task → UnknownTaskError with the known tasks and a suggestion', () => {
    try {
      recommendModels(catalog, guide, { task: 'translaton' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UnknownTaskError);
      const u = e as UnknownTaskError;
      expect(u.known.map((k) => k.id)).toEqual(guide.tasks.map((t) => t.id));
      expect(u.suggestions).toContain('translation');
    }
  });

  it('impossible constraints → an empty, explained answer', () => {
    const a = recommendModels(catalog, guide, { task: 'dialogue', maxParams: 1e6, since: '2025' });
    expect(a.candidates).toEqual([]);
    expect(a.empty!.message).toMatch(/No model/);
    expect(a.empty!.byConstraint.find((b) => b.constraint === 'max-params')!.excludes).toBe(a.suitable);
  });

  it('Chinese answers use the Chinese knowledge base', () => {
    const a = recommendModels(catalog, guide, { task: 'ner', lang: 'zh' });
    expect(a.task.name).toBe('命名实体识别');
    expect(a.recommended.reasons[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('parses memory sizes', () => {
    expect(parseMemory('24GB')).toBe(24e9);
    expect(parseMemory('24')).toBe(24e9);
    expect(parseMemory('16GiB')).toBe(16 * 2 ** 30);
    expect(parseMemory('lots')).toBeNull();
  });
});
