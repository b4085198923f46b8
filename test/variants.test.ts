import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import {
  loadCatalog,
  formatIssue,
  resolveVariants,
  filterModels,
  filterVariants,
  usageRows,
  layoutTree,
  type Model,
  type ModelFilter,
} from '../src/index.js';
import { fixture, readFixture, cli, MINI, ROOT } from './helpers.js';

const CATALOG = join(ROOT, 'catalog');
const { catalog, issues } = loadCatalog(CATALOG);
const NOW = new Date('2026-11-28T00:00:00Z');

/** Labels of the variants of `id` that pass the filter ([] when the entry does not). */
const matched = (id: string, f: ModelFilter) =>
  filterVariants(catalog, f).find((x) => x.model.id === id)?.variants.map((v) => v.label) ?? [];
const listJson = (...args: string[]) => {
  const r = cli(['list', '--catalog', CATALOG, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { id: string; matchedVariants: string[] }[];
};

describe('resolveVariants', () => {
  const base = catalog.byId.get('qwen2.5')!;
  it('an entry without variants yields one implicit variant with the entry facts', () => {
    const bert = catalog.byId.get('bert')!;
    const [v, ...rest] = resolveVariants(bert);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ label: 'BERT', implicit: true, license: bert.license, released: bert.released, weights: 'open', modality: 'text' });
    expect(v.parameters).toEqual(bert.parameters);
  });
  it('fills what a variant does not give from the entry', () => {
    const vs = resolveVariants(base);
    expect(vs.map((v) => [v.label, v.license, v.context])).toEqual([
      ['0.5B', 'apache-2.0', 32768],
      ['1.5B', 'apache-2.0', 32768],
      ['3B', 'qwen-research', 32768],
      ['7B', 'apache-2.0', 131072],
      ['14B', 'apache-2.0', 131072],
      ['32B', 'apache-2.0', 131072],
      ['72B', 'qwen', 131072],
    ]);
    expect(vs.every((v) => v.released === base.released && v.weights === 'open' && !v.implicit)).toBe(true);
    expect(vs[2].parameters).toEqual([{ total: 3e9, label: '3B' }]);
  });
  it('modality: given, or vision-language for multimodal entries, else text; later variants keep their own date', () => {
    expect(resolveVariants(catalog.byId.get('starcoder')!)[0].modality).toBe('code');
    expect(resolveVariants(catalog.byId.get('glm-4.6')!)[0].modality).toBe('text'); // tagged code, but a general model
    expect(resolveVariants(catalog.byId.get('claude-3-opus')!)[0].modality).toBe('vision-language');
    expect(resolveVariants(catalog.byId.get('gpt-4o')!)[0].modality).toBe('omni');
    const coder = resolveVariants(catalog.byId.get('qwen2.5-coder')!);
    expect(coder.map((v) => v.released)).toEqual(['2024-11-12', '2024-09-19', '2024-11-12', '2024-09-19', '2024-11-12', '2024-11-12']);
  });
  it('the entry parameters are derived from its variants (one source of truth)', () => {
    expect(catalog.byId.get('qwen2')!.parameters.map((p) => p.label)).toEqual(['0.5B', '1.5B', '7B', '57B-A14B', '72B']);
    expect(catalog.byId.get('qwen2')!.parameters[3]).toEqual({ total: 57e9, active: 14e9, label: '57B-A14B' });
  });
  it('works on a hand-made model with no variants field at all', () => {
    const m = { ...catalog.byId.get('bert')! } as Partial<Model>;
    delete m.variants;
    expect(resolveVariants(m as Model)).toHaveLength(1);
  });
});

describe('per-variant queries: the examples of issue 8', () => {
  it('the real catalog is valid', () => expect(issues.map(formatIssue)).toEqual([]));
  it('--commercial yes: licence-restricted sizes are not commercial variants', () => {
    const yes: ModelFilter = { commercial: ['yes'] };
    expect(matched('qwen2', yes)).toEqual(['0.5B', '1.5B', '7B', '57B-A14B']);
    expect(matched('qwen2.5', yes)).toEqual(['0.5B', '1.5B', '7B', '14B', '32B']);
    expect(matched('qwen2.5-coder', yes)).toEqual(['0.5B', '1.5B', '7B', '14B', '32B']);
    expect(matched('qwen2.5-math', yes)).toEqual(['1.5B', '7B']);
    expect(matched('deepseek-r1-distill', yes)).toEqual(['Qwen-1.5B', 'Qwen-7B', 'Qwen-14B', 'Qwen-32B']);
    expect(matched('nous-hermes', yes)).toEqual([]);
    expect(filterModels(catalog, yes).map((m) => m.id)).not.toContain('nous-hermes');
  });
  it('the restricted sizes are found with the licence that covers them', () => {
    expect(matched('qwen2.5', { commercial: ['no'] })).toEqual(['3B']);
    expect(matched('qwen2.5', { commercial: ['conditional'] })).toEqual(['72B']);
    expect(matched('qwen2', { license: ['qwen'] })).toEqual(['72B']);
    expect(matched('deepseek-r1-distill', { commercial: ['conditional'] })).toEqual(['Llama-8B', 'Llama-70B']);
    expect(matched('nous-hermes', { commercial: ['no'] })).toEqual(['Nous-Hermes']);
  });
  it('--min-context 128K excludes the 32K sizes', () => {
    const long: ModelFilter = { minContext: 128e3 };
    expect(matched('qwen2.5', long)).toEqual(['7B', '14B', '32B', '72B']);
    expect(matched('qwen3', long)).toEqual(['4B', '8B', '14B', '30B-A3B', '32B', '235B-A22B']);
    expect(matched('qwen2', long)).toEqual(['7B', '72B']);
    expect(matched('qwen2.5-math', long)).toEqual([]);
  });
  it('filters combine within one variant, not across variants', () => {
    // Qwen2.5: the small sizes are commercial but 32K; the 72B is 128K but conditional.
    expect(matched('qwen2.5', { commercial: ['yes'], minContext: 128e3, paramsMax: 10e9 })).toEqual(['7B']);
    expect(matched('qwen2.5', { commercial: ['no'], minContext: 128e3 })).toEqual([]);
  });
  it('--modality keeps a vision-language size out of a text query', () => {
    expect(matched('llama-3.2', { modality: ['text'] })).toEqual(['1B', '3B']);
    expect(matched('llama-3.2', { modality: ['vision-language'] })).toEqual(['11B Vision', '90B Vision']);
    expect(matched('gemma-3', { modality: ['vision-language'], paramsMax: 5e9 })).toEqual(['4B']);
  });
  it('weights per variant: closed sizes of open entries', () => {
    expect(matched('ministral', { weights: ['closed'] })).toEqual(['3B']);
    expect(matched('opt', { weights: ['restricted'] })).toEqual(['175B']);
  });
});

describe('per-variant queries in the CLI', () => {
  it('list --commercial yes shows which variants matched', () => {
    const rows = listJson('--commercial', 'yes', '--search', 'qwen2.5');
    expect(rows.find((r) => r.id === 'qwen2.5')!.matchedVariants).toEqual(['0.5B', '1.5B', '7B', '14B', '32B']);
    const table = cli(['list', '--catalog', CATALOG, '--commercial', 'yes', '--search', 'deepseek-r1-distill']);
    expect(table.stdout).toMatch(/deepseek-r1-distill .* mit +yes +1\.5B 7B 14B 32B +Qwen-1\.5B, Qwen-7B, Qwen-14B, Qwen-32B/);
    expect(listJson('--commercial', 'yes').map((r) => r.id)).not.toContain('nous-hermes');
  });
  it('list --min-context and --modality, with clear errors for bad values', () => {
    expect(listJson('--min-context', '128K', '--search', 'qwen2.5').find((r) => r.id === 'qwen2.5')!.matchedVariants).toEqual(['7B', '14B', '32B', '72B']);
    expect(listJson('--modality', 'speech').map((r) => r.id)).toContain('seamlessm4t');
    const bad = cli(['list', '--catalog', CATALOG, '--modality', 'speach']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--modality: unknown value "speach" \(did you mean "speech"\?\); expected one of text, code, vision-language, speech, omni/);
    expect(cli(['list', '--catalog', CATALOG, '--min-context', 'lots']).stderr).toMatch(/--min-context: "lots" is not a number of tokens/);
  });
  it('show prints the variants table', () => {
    const r = cli(['show', '--catalog', CATALOG, 'qwen2.5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/variants:\nvariant +parameters +license +commercial +context +modality/);
    expect(r.stdout).toMatch(/\n3B +3B +qwen-research +no +32768 +text +2024-09-19 +open/);
    expect(r.stdout).toMatch(/\n72B +72B +qwen +conditional +131072/);
    expect(cli(['show', '--catalog', CATALOG, 'bert']).stdout).not.toMatch(/variants:/);
  });
  it('licenses: one row per distinct licence within a family', () => {
    const rows = usageRows(catalog, [catalog.byId.get('qwen2.5')!]);
    expect(rows.map((r) => [r.name, r.license, r.commercial])).toEqual([
      ['Qwen2.5 (0.5B, 1.5B, 7B, 14B, 32B)', 'apache-2.0', 'yes'],
      ['Qwen2.5 (3B)', 'qwen-research', 'no'],
      ['Qwen2.5 (72B)', 'qwen', 'conditional'],
    ]);
    expect(usageRows(catalog, [catalog.byId.get('qwen3')!]).map((r) => r.name)).toEqual(['Qwen3']);
    const r = cli(['licenses', '--catalog', CATALOG, '--search', 'deepseek-r1-distill', '--format', 'json']);
    const rows2 = (JSON.parse(r.stdout) as { model: string; license: string; variants: string[] }[]).filter((x) => x.model === 'deepseek-r1-distill');
    expect(rows2.map((x) => [x.license, x.variants.length])).toEqual([
      ['mit', 4],
      ['llama-3.1', 1],
      ['llama-3.3', 1],
    ]);
  });
  it('the figure still draws one box per entry', () => {
    const models = filterModels(catalog, { search: 'qwen' });
    const scene = layoutTree(catalog, models, { lang: 'en' });
    expect(scene.boxes.filter((b) => b.id === 'qwen2.5')).toHaveLength(1);
    expect(scene.boxes).toHaveLength(models.length);
  });
});

describe('validate: variants that contradict their entry', () => {
  const llama = readFixture('models/llama.yaml').replace(
    /parameters:\n(  .*\n)+/,
    `variants:
  - {label: 7B, total: 7B, license: llama-9}
  - {label: 65B, total: 65B, released: 2022-01-01}
  - {label: 13B, total: 13B, active: 20B}
  - {label: 13B, total: 13B, weights: open}
  - {label: chat, base: gpt-3}
`,
  );
  it('reports each problem at its line and column', () => {
    const errs = loadCatalog(fixture({ 'models/llama.yaml': llama }), { now: NOW }).issues.map((i) =>
      formatIssue(i).replace(/^.*?models\//, 'models/'),
    );
    expect(errs).toEqual([
      'models/llama.yaml:10:37: variant "7B": unknown licence "llama-9"',
      'models/llama.yaml:11:40: variant "65B": released 2022-01-01, before its entry (2023-02-24); a variant date is only for a later release',
      'models/llama.yaml:12:25: variant "13B": 13B is listed after the larger "65B" (65B): list variants from smallest to largest',
      'models/llama.yaml:12:38: variant "13B": 20B active parameters is more than the 13B total',
      'models/llama.yaml:13:13: variant "13B": label used twice',
      'models/llama.yaml:13:25: variant "13B": 13B is listed after the larger "65B" (65B): list variants from smallest to largest',
      'models/llama.yaml:13:39: variant "13B": weights "open" are more open than the entry\'s "restricted" (the entry records the most open variant)',
      'models/llama.yaml:14:25: variant "chat": base "gpt-3" is not one of the entry\'s parents',
    ]);
  });
  it('refuses a variant dated in the future', () => {
    const later = readFixture('models/llama.yaml').replace(/parameters:\n(  .*\n)+/, 'variants:\n  - {label: 7B, total: 7B, released: 2027-01}\n');
    expect(loadCatalog(fixture({ 'models/llama.yaml': later }), { now: NOW }).issues.map((i) => i.message)).toEqual([
      'variant "7B": release date 2027-01 is in the future (today is 2026-11-28)',
    ]);
  });
  it('refuses sizes given twice, and a parent edge dated before the entry', () => {
    const both = readFixture('models/llama.yaml') + 'variants:\n  - {label: 7B, total: 7B}\n';
    expect(loadCatalog(fixture({ 'models/llama.yaml': both }), { now: NOW }).issues.map((i) => i.message)).toEqual([
      'give sizes once: an entry with "variants" takes its parameters from them, so drop "parameters"',
    ]);
    const alpaca = readFixture('models/alpaca.yaml').replace(/relation: (\S+?)([,}])/, 'relation: $1, since: 2020-01-01$2');
    const r = loadCatalog(fixture({ 'models/alpaca.yaml': alpaca }), { now: NOW }).issues.map((i) => i.message);
    expect(r).toEqual([
      expect.stringMatching(/^since 2020-01-01 is before the entry's release \(2023-03-13\); leave it out/),
      'takes this parent on 2020-01-01, before its parent "llama" (2023-02-24)',
    ]);
  });
  it('a parent released after the entry is accepted from the date a variant or a since takes it on', () => {
    // alpaca (2023-03-13) gets a parent released later (mamba, 2023-12-01): refused, then accepted two ways.
    const withEdge = readFixture('models/alpaca.yaml').replace('parents:\n', 'parents:\n  - {model: mamba, relation: architecture}\n');
    const msgs = (text: string) => loadCatalog(fixture({ 'models/alpaca.yaml': text }), { now: NOW }).issues.map((i) => i.message);
    expect(msgs(withEdge)).toEqual(['released 2023-03-13, before its parent "mamba" (2023-12-01)']);
    expect(msgs(withEdge.replace('relation: architecture}', 'relation: architecture, since: 2024-01}'))).toEqual([]);
    const variant = withEdge.replace(/parameters:\n(  .*\n)+/, 'variants:\n  - {label: 7B, total: 7B}\n  - {label: 7B hybrid, total: 7B, released: 2024-02, base: mamba}\n');
    expect(msgs(variant)).toEqual([]);
  });
  it('the CLI exits 1 with path:line:col', () => {
    const r = cli(['validate', fixture({ 'models/llama.yaml': llama })]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/models\/llama\.yaml:10:37: variant "7B": unknown licence "llama-9"/);
  });
});
