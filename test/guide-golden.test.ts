/**
 * Golden scenarios: situations from the survey's decision flow (Yang et al. 2023, Figure 2) and from
 * practice, on the real catalog and knowledge base. Each states the path through the flow, the family
 * and model class it leads to, and models that must or must not be among the candidates.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/index.js';
import { recommendModels, type GuideRequest, type GuideAnswer } from '../src/guide/index.js';
import type { Guide } from '../src/catalog/guide-schema.js';
import { ROOT } from './helpers.js';

const { catalog, guide } = loadCatalog(join(ROOT, 'catalog'));
const kb = guide as Guide;

interface Scenario {
  name: string;
  request: GuideRequest;
  /** Question ids answered "yes" on the way, in order, and the outcome. */
  path: { yes: string[]; outcome: 'llm' | 'fine-tuned' | 'none' };
  family: string;
  /** Models that must be among the primary family's candidates (any rank). */
  include?: string[];
  /** Models that must not be candidates at all. */
  exclude?: string[];
  /** Every candidate must satisfy this. */
  each?: (c: GuideAnswer['candidates'][number]) => boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a classifier with 50k labels on CPU, strict latency',
    request: { task: 'classification', labels: 50_000, latency: 30, maxParams: 500e6 },
    path: { yes: ['efficiency'], outcome: 'fine-tuned' },
    family: 'encoder-only',
    include: ['distilbert'],
    each: (c) => (c.parameters ?? 0) <= 500e6,
  },
  {
    name: 'NER with 200 labels: few labels → LLM, zero/few-shot',
    request: { task: 'ner', labels: 200 },
    path: { yes: ['few-labels'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'NER with 20k token-labelled sentences → fine-tuned encoder',
    request: { task: 'ner', labels: 20_000 },
    path: { yes: [], outcome: 'fine-tuned' },
    family: 'encoder-only',
    include: ['deberta-v3', 'roberta'],
  },
  {
    name: 'Chinese dialogue on a 24 GB GPU at int4',
    request: { task: 'dialogue', language: 'zh', gpuMemory: 24e9, precision: 'int4', openWeights: true },
    path: { yes: ['mimic'], outcome: 'llm' },
    family: 'decoder-only',
    each: (c) => c.weights === 'open' && c.memory!.total <= 24e9 * 0.9,
  },
  {
    name: 'en→de translation: rich-resource pair → fine-tuned translation model',
    request: { task: 'translation', language: 'de' },
    path: { yes: ['translation-pair'], outcome: 'fine-tuned' },
    family: 'encoder-decoder',
    include: ['nllb-200', 'madlad-400'],
  },
  {
    name: 'Swahili→English translation: low-resource into English → LLM',
    request: { task: 'translation', language: 'sw' },
    path: { yes: ['generation'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'summarisation without training pairs → LLM',
    request: { task: 'summarisation', labels: 'none' },
    path: { yes: ['few-labels'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'summarisation with 100k training pairs → still LLM (people prefer LLM summaries), encoder-decoder as the alternative',
    request: { task: 'summarisation', labels: 100_000 },
    path: { yes: ['generation'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'math on 48 GB',
    request: { task: 'math', gpuMemory: 48e9 },
    path: { yes: ['emergent'], outcome: 'llm' },
    family: 'decoder-only',
    exclude: ['deepseek-r1', 'o3'],
    each: (c) => c.memory!.total <= 48e9 * 0.9,
  },
  {
    name: 'embeddings under 600M parameters',
    request: { task: 'embeddings', maxParams: 600e6 },
    path: { yes: ['little-lm'], outcome: 'fine-tuned' },
    family: 'encoder-only',
    include: ['e5', 'bge'],
    each: (c) => (c.parameters ?? Infinity) <= 600e6,
  },
  {
    name: 'chat under 8 GB with 8K context',
    request: { task: 'chat', gpuMemory: 8e9, minContext: 8192 },
    path: { yes: ['mimic'], outcome: 'llm' },
    family: 'decoder-only',
    each: (c) => (c.context ?? 0) >= 8192 && c.memory!.total <= 8e9 * 0.9,
  },
  {
    name: 'a regression task (score prediction) → fine-tuned',
    request: { task: 'regression' },
    path: { yes: ['little-lm'], outcome: 'fine-tuned' },
    family: 'encoder-only',
  },
  {
    name: 'toxicity detection, even with no labels → fine-tuned (LLMs near chance)',
    request: { task: 'toxicity', labels: 'none' },
    path: { yes: ['toxicity'], outcome: 'fine-tuned' },
    family: 'encoder-only',
  },
  {
    name: 'NLI with no labels → LLM',
    request: { task: 'nli', labels: 'none' },
    path: { yes: ['few-labels'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'NLI with MNLI-size training data → fine-tuned',
    request: { task: 'entailment', labels: 400_000 },
    path: { yes: [], outcome: 'fine-tuned' },
    family: 'encoder-only',
  },
  {
    name: 'classification with 5k labels but out-of-distribution test data → LLM',
    request: { task: 'classification', labels: 5000, ood: true },
    path: { yes: ['ood'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'one deployment serving five classification tasks → LLM',
    request: { task: 'intent', tasks: 5 },
    path: { yes: ['multi-task'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'knowledge QA with retrieval → a fine-tuned reader suffices',
    request: { task: 'knowledge-qa', retrieval: true },
    path: { yes: ['knowledge', 'context-knowledge'], outcome: 'fine-tuned' },
    family: 'encoder-decoder',
    include: ['flan-t5'],
  },
  {
    name: 'closed-book knowledge QA → LLM',
    request: { task: 'knowledge-qa' },
    path: { yes: ['knowledge'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'counterfactual knowledge → no model works well; the nearest option is said',
    request: { task: 'knowledge-qa', counterfactual: true },
    path: { yes: ['knowledge', 'counterfactual'], outcome: 'none' },
    family: 'decoder-only',
  },
  {
    name: 'reranking with relevance labels → fine-tuned cross-encoder',
    request: { task: 'rerank' },
    path: { yes: [], outcome: 'fine-tuned' },
    family: 'encoder-only',
  },
  {
    name: 'structured extraction from a new schema → LLM',
    request: { task: 'extraction' },
    path: { yes: ['few-labels'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'structured extraction, 10k labelled documents, 50 ms budget → fine-tuned',
    request: { task: 'extraction', labels: 10_000, latency: 50 },
    path: { yes: ['efficiency'], outcome: 'fine-tuned' },
    family: 'encoder-decoder',
  },
  {
    name: 'a chatbot with a 50 ms budget is still an LLM task (mimicking humans comes first)',
    request: { task: 'chat', latency: 50 },
    path: { yes: ['mimic'], outcome: 'llm' },
    family: 'decoder-only',
  },
  {
    name: 'biomedical NER prefers domain encoders',
    request: { task: 'ner', domain: 'biomedical', labels: 5000 },
    path: { yes: [], outcome: 'fine-tuned' },
    family: 'encoder-only',
    include: ['biobert', 'pubmedbert'],
  },
  {
    name: 'code generation, self-hosted only',
    request: { task: 'codegen', deploy: 'self-host' },
    path: { yes: ['generation'], outcome: 'llm' },
    family: 'decoder-only',
    each: (c) => c.weights !== 'closed',
  },
  {
    name: 'commercial code with an API allowed: hosted models rank on evidence',
    request: { task: 'code', commercial: true, deploy: 'any' },
    path: { yes: ['generation'], outcome: 'llm' },
    family: 'decoder-only',
    include: ['claude-opus-4.5', 'claude-sonnet-4.5', 'gpt-5'],
  },
  {
    name: 'agents through an API',
    request: { task: 'agents', deploy: 'api' },
    path: { yes: ['emergent'], outcome: 'llm' },
    family: 'decoder-only',
    each: (c) => c.weights === 'closed' || c.price !== undefined,
  },
  {
    name: 'commercial use, as list says it: --commercial yes excludes conditional licences',
    request: { task: 'dialogue', commercial: ['yes'], openWeights: true },
    path: { yes: ['mimic'], outcome: 'llm' },
    family: 'decoder-only',
    exclude: ['llama-3.1', 'llama-3.3'],
    each: (c) => catalog.licenses.get(c.license!)?.commercial === 'yes',
  },
  {
    name: 'fine-tuning a model with QLoRA on one 24 GB GPU',
    request: { task: 'dialogue', gpuMemory: 24e9, finetune: 'qlora', openWeights: true },
    path: { yes: ['mimic'], outcome: 'llm' },
    family: 'decoder-only',
    each: (c) => c.memory!.total <= 24e9 * 0.9 && c.memory!.steps.some((s) => /QLoRA adapters/.test(s)),
  },
];

describe.each(SCENARIOS)('guide: $name', (s) => {
  const a = recommendModels(catalog, kb, s.request);

  it('walks the expected path through the decision flow', () => {
    expect(a.flow.outcome).toBe(s.path.outcome);
    expect(a.flow.steps.filter((x) => x.answer).map((x) => x.id)).toEqual(s.path.yes);
    expect(a.flow.path).toMatch(/→/);
    for (const step of a.flow.steps) expect(step.remark.ref).toMatch(/Remark|§/);
  });

  it(`recommends ${s.family}`, () => {
    expect(a.recommended.family).toBe(s.family);
    expect(a.candidates.length).toBeGreaterThan(0);
    if (!a.shortfall) expect(a.candidates[0].family).toBe(s.family);
  });

  it('includes and excludes the expected models, and every candidate meets the condition', () => {
    const ids = a.candidates.map((c) => c.id);
    const primary = a.candidates.filter((c) => c.family === s.family).map((c) => c.id);
    const wide = recommendModels(catalog, kb, { ...s.request, limit: 40 });
    const widePrimary = wide.candidates.filter((c) => c.family === s.family).map((c) => c.id);
    for (const m of s.include ?? []) expect(widePrimary, `${m} among ${s.family} candidates`).toContain(m);
    for (const m of s.exclude ?? []) expect(ids).not.toContain(m);
    expect(primary.length).toBeGreaterThan(0);
    if (s.each) for (const c of wide.candidates) expect(s.each(c), c.id).toBe(true);
  });
});

describe('guide: how the answer explains itself', () => {
  it('ranks hosted and open models on sourced evidence, and says when a model has none', () => {
    const a = recommendModels(catalog, kb, { task: 'code', commercial: true, limit: 40 });
    const top5 = a.candidates.slice(0, 5);
    expect(top5.filter((c) => c.weights === 'closed').length).toBeGreaterThanOrEqual(2);
    for (const c of top5) {
      const ev = c.components.find((x) => x.factor === 'evidence')!;
      expect(ev.points, c.id).toBeGreaterThan(0);
      expect(ev.note).toMatch(/SWE-bench Verified \d/);
      expect(c.evidence[0]).toMatch(/^https:\/\//);
    }
    const none = a.candidates.find((c) => c.components.find((x) => x.factor === 'evidence')!.points === 0)!;
    expect(none.components.find((x) => x.factor === 'evidence')!.note).toMatch(/no published SWE-bench Verified, SWE-bench Verified \(bash-only\) score/);
  });

  it('shows memory arithmetic from the recorded attention shape, and from the stated estimate otherwise', () => {
    const a = recommendModels(catalog, kb, { task: 'chat', gpuMemory: 80e9, openWeights: true, context: 131072, limit: 40 });
    const llama = recommendModels(catalog, kb, { task: 'chat', gpuMemory: 24e9, openWeights: true, precision: 'bf16', limit: 200 }).candidates.find((c) => c.id === 'llama-3.1')!;
    expect(llama.variant).toBe('8B');
    // 2 × 8 KV heads × 128 × 2 B × 32 layers × 8192 tokens = 1.07 GB
    expect(llama.memory!.kvCache).toBeCloseTo(2 * 8 * 128 * 2 * 32 * 8192, -3);
    expect(llama.memory!.kvEstimated).toBe(false);
    for (const c of a.candidates) expect(c.memory!.steps.at(-1)).toMatch(/^total = /);
  });

  it('gpt-oss runs at the MXFP4 it ships in unless told otherwise', () => {
    const a = recommendModels(catalog, kb, { task: 'reasoning', gpuMemory: 80e9, limit: 200 });
    const g = a.candidates.find((c) => c.id === 'gpt-oss-120b')!;
    expect(g.precision).toBe('mxfp4');
    expect(g.memory!.steps[0]).toMatch(/× 0\.531 B \(mxfp4\)/);
    const fp16 = recommendModels(catalog, kb, { task: 'reasoning', gpuMemory: 80e9, precision: 'fp16', limit: 200 });
    expect(fp16.candidates.map((c) => c.id)).not.toContain('gpt-oss-120b');
  });

  it('the counterfactual answer says no model works well', () => {
    const a = recommendModels(catalog, kb, { task: 'knowledge-qa', counterfactual: true });
    expect(a.notes.join(' ')).toMatch(/no model is known to work well/);
  });

  it('summarisation with training pairs advises parameter-efficient fine-tuning and names the encoder-decoder alternative', () => {
    const a = recommendModels(catalog, kb, { task: 'summarisation', labels: 100_000 });
    expect(a.notes.join(' ')).toMatch(/LoRA/);
    expect(a.alternatives.map((x) => x.family)).toContain('encoder-decoder');
  });

  it('a constraint that empties the recommended family is said, with the nearest alternative', () => {
    const a = recommendModels(catalog, kb, { task: 'translation', language: 'de', maxParams: 100e6 });
    if (!a.candidates.some((c) => c.family === 'encoder-decoder')) {
      expect(a.shortfall?.message).toMatch(/No encoder-decoder model satisfies every constraint/);
    }
    const b = recommendModels(catalog, kb, { task: 'retrieval', deploy: 'api' });
    expect(b.candidates.every((c) => c.family !== 'encoder-only')).toBe(true);
    if (b.candidates.length) expect(b.shortfall?.family).toBe('encoder-only');
  });

  it('text tasks never offer a vision variant or a code model', () => {
    for (const task of ['dialogue', 'summarisation', 'classification', 'knowledge-qa']) {
      const a = recommendModels(catalog, kb, { task, limit: 40 });
      for (const c of a.candidates) {
        expect(c.serves, `${task}: ${c.id} ${c.variant ?? ''}`).toContain('text');
        expect(`${c.name} ${c.variant ?? ''}`).not.toMatch(/\b(Vision|VL)\b|Coder/);
      }
    }
    // Llama 3.2's vision sizes are never picked for a text task; its text sizes are.
    const a = recommendModels(catalog, kb, { task: 'dialogue', limit: 200, maxParams: 12e9 });
    const l = a.candidates.find((c) => c.id === 'llama-3.2');
    if (l) expect(l.variant).not.toMatch(/Vision/);
    // A general model tagged code still serves chat; a code model does not.
    expect(a.candidates.map((c) => c.id)).not.toContain('qwen2.5-coder');
  });

  it('code generation also ranks general frontier models, not only code models', () => {
    const a = recommendModels(catalog, kb, { task: 'code', limit: 10 });
    expect(a.candidates.some((c) => c.weights === 'closed')).toBe(true);
  });
});
