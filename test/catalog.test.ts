import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCatalog, formatIssue, type Family } from '../src/catalog/index.js';
import { ROOT, cli } from './helpers.js';

const { catalog, issues } = loadCatalog(join(ROOT, 'catalog'));

/** Every model of the survey's three published figures: its family and whether the figure draws it filled (open). */
const SURVEY: [string, Family, boolean][] = [
  ['word2vec', 'pre-transformer', true], ['glove', 'pre-transformer', true], ['fasttext', 'pre-transformer', true],
  ['elmo', 'pre-transformer', true], ['ulmfit', 'pre-transformer', true],
  ['bert', 'encoder-only', true], ['roberta', 'encoder-only', true], ['albert', 'encoder-only', true],
  ['distilbert', 'encoder-only', true], ['electra', 'encoder-only', true], ['deberta', 'encoder-only', true], ['ernie', 'encoder-only', true],
  ['bart', 'encoder-decoder', true], ['t5', 'encoder-decoder', true], ['mt5', 'encoder-decoder', true], ['t0', 'encoder-decoder', true],
  ['switch-transformer', 'encoder-decoder', true], ['st-moe', 'encoder-decoder', false], ['ul2', 'encoder-decoder', true],
  ['flan-t5', 'encoder-decoder', true], ['flan-ul2', 'encoder-decoder', true], ['tk-instruct', 'encoder-decoder', true],
  ['glm', 'encoder-decoder', true], ['chatglm', 'encoder-decoder', true], ['unilm', 'encoder-decoder', true],
  ['unilmv2', 'encoder-decoder', true], ['alexatm', 'encoder-decoder', true],
  ['gpt-1', 'decoder-only', true], ['gpt-2', 'decoder-only', true], ['gpt-3', 'decoder-only', false], ['codex', 'decoder-only', false],
  ['instructgpt', 'decoder-only', false], ['chatgpt', 'decoder-only', false], ['gpt-4', 'decoder-only', false],
  ['xlnet', 'decoder-only', true], ['gpt-neo', 'decoder-only', true], ['gpt-j', 'decoder-only', true], ['gpt-neox-20b', 'decoder-only', true],
  ['cohere', 'decoder-only', false], ['jurassic-1', 'decoder-only', false], ['jurassic-2', 'decoder-only', false],
  ['mt-nlg', 'decoder-only', false], ['glam', 'decoder-only', false], ['gopher', 'decoder-only', false], ['lamda', 'decoder-only', false],
  ['ernie-3.0', 'decoder-only', false], ['anthropic-lm', 'decoder-only', false], ['anthropic-lm-v4-s3', 'decoder-only', false],
  ['claude', 'decoder-only', false], ['claude-2', 'decoder-only', false], ['chinchilla', 'decoder-only', false],
  ['sparrow', 'decoder-only', false], ['palm', 'decoder-only', false], ['flan-palm', 'decoder-only', false], ['minerva', 'decoder-only', false],
  ['palm-2', 'decoder-only', false], ['bard', 'decoder-only', false], ['yalm', 'decoder-only', true], ['opt', 'decoder-only', true],
  ['opt-iml', 'decoder-only', true], ['bloom', 'decoder-only', true], ['bloomz', 'decoder-only', true], ['galactica', 'decoder-only', true],
  ['llama', 'decoder-only', true], ['llama-2-chat', 'decoder-only', true],
];

/** Models the catalog issue names as "the important models since". */
const SINCE = [
  'gpt-3.5-turbo', 'gpt-4', 'gpt-4o', 'gpt-4.1', 'o1', 'o3', 'claude', 'claude-2', 'claude-3-opus', 'claude-3.5-sonnet', 'claude-sonnet-4', 'claude-opus-4',
  'gemini-1.0', 'gemini-1.5-pro', 'gemini-2.0-flash', 'gemini-2.5-pro', 'llama-2', 'llama-3', 'llama-3.1', 'llama-3.2', 'llama-3.3', 'llama-4-scout',
  'mistral-7b', 'mixtral-8x7b', 'mistral-large', 'qwen', 'qwen1.5', 'qwen2', 'qwen2.5', 'qwen3', 'deepseek-llm', 'deepseek-v2', 'deepseek-v3', 'deepseek-r1',
  'gemma', 'gemma-2', 'gemma-3', 'phi-1', 'phi-2', 'phi-3', 'phi-4', 'falcon-40b', 'falcon-180b', 'mpt-7b', 'yi', 'olmo', 'starcoder', 'starcoder2',
  'code-llama', 'vicuna', 'alpaca', 'dolly', 'pythia', 'rwkv-4', 'mamba', 'jamba', 'command-r', 'grok-1', 'modernbert',
  'deberta-v3', 'e5', 'bge', 'mt0', 'flan-ul2', 'ul2',
];

describe('the bundled catalog', () => {
  it('validates with no errors', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    const r = cli(['validate']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ models/);
  });
  it('holds at least 300 models, each with a source', () => {
    expect(catalog.models.length).toBeGreaterThanOrEqual(300);
    for (const m of catalog.models) expect(m.sources.length, m.id).toBeGreaterThan(0);
  });
  it.each(SURVEY)('survey model %s is present as %s, drawn open=%s', (id, family, open) => {
    const m = catalog.byId.get(id);
    expect(m, id).toBeDefined();
    expect(m!.family).toBe(family);
    expect(m!.weights !== 'closed').toBe(open);
    expect(m!.survey?.versions.length).toBeGreaterThan(0);
  });
  it('marks exactly the survey models as drawn in the survey', () => {
    const marked = catalog.models.filter((m) => m.survey).map((m) => m.id).sort();
    expect(marked).toEqual(SURVEY.map(([id]) => id).sort());
  });
  it.each(SINCE)('has the later model %s', (id) => {
    expect(catalog.byId.get(id), id).toBeDefined();
  });
  it('covers encoder-only and encoder-decoder models of 2020–2025, not only chat models', () => {
    const recent = (f: Family) => catalog.models.filter((m) => m.family === f && m.released >= '2020').length;
    expect(recent('encoder-only')).toBeGreaterThanOrEqual(20);
    expect(recent('encoder-decoder')).toBeGreaterThanOrEqual(15);
    expect(catalog.models.filter((m) => m.family === 'non-transformer').length).toBeGreaterThanOrEqual(5);
  });
  it('derived models of the survey era name their parents', () => {
    const orphans = ['flan-t5', 'bloomz', 'llama-2-chat', 'instructgpt', 'alpaca', 'vicuna', 'code-llama'];
    for (const id of orphans) expect(catalog.byId.get(id)!.parents.length, id).toBeGreaterThan(0);
  });
});
