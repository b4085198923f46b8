import { describe, it, expect } from 'vitest';
import { loadCatalog, filterModels, parseCount } from '../src/catalog/index.js';
import { stats, ancestors, descendants, lineageIds } from '../src/graph/index.js';
import { cli, MINI } from './helpers.js';

const { catalog } = loadCatalog(MINI);
const ids = (f: Parameters<typeof filterModels>[1]) => filterModels(catalog, f).map((m) => m.id);
const listIds = (...args: string[]) => {
  const r = cli(['list', '--catalog', MINI, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { id: string }[]).map((m) => m.id);
};

describe('filterModels (library)', () => {
  it('filters by family, weights, organisation, licence, commercial use', () => {
    expect(ids({ family: ['encoder-decoder'] })).toEqual(['t5', 'flan-t5']);
    expect(ids({ weights: ['closed'] })).toEqual(['gpt-3', 'instructgpt']);
    expect(ids({ org: ['openai', 'stanford'] })).toEqual(['gpt-3', 'instructgpt', 'alpaca']);
    expect(ids({ license: ['llama-1-noncommercial'] })).toEqual(['llama']);
    expect(ids({ commercial: ['no'] })).toEqual(['llama', 'alpaca']);
    expect(ids({ commercial: ['conditional'] })).toEqual(['gpt-3']);
  });
  it('filters by date range with the precision of the bound', () => {
    expect(ids({ since: '2023' })).toEqual(['llama', 'alpaca', 'mamba']);
    expect(ids({ until: '2018-10' })).toEqual(['word2vec', 'bert']);
    expect(ids({ since: '2022-01', until: '2022-12-31' })).toEqual(['instructgpt', 'flan-t5']);
  });
  it('filters by parameter count: any published size in range; unknown sizes never match', () => {
    expect(ids({ paramsMin: 100e9 })).toEqual(['gpt-3']);
    expect(ids({ paramsMax: 100e6 })).toEqual(['t5', 'flan-t5']);
    expect(ids({ paramsMin: 5e9, paramsMax: 8e9 })).toEqual(['llama', 'alpaca']);
    expect(ids({ paramsMin: 1 })).not.toContain('instructgpt');
  });
  it('free-text search covers names, aliases, organisation names and architecture', () => {
    expect(ids({ search: 'flan t5' })).toEqual(['flan-t5']);
    expect(ids({ search: 'stanford' })).toEqual(['alpaca']);
    expect(ids({ search: 'state-space' })).toEqual(['mamba']);
  });
  it('parses parameter counts', () => {
    expect([parseCount('7B'), parseCount('560m'), parseCount('70e9'), parseCount('1.5T'), parseCount('x')]).toEqual([7e9, 560e6, 70e9, 1.5e12, null]);
  });
});

describe('graph: lineage and stats', () => {
  it('ancestors and descendants', () => {
    const alpaca = catalog.byId.get('alpaca')!;
    expect(ancestors(catalog, alpaca).children.map((c) => [c.id, c.relation])).toEqual([['llama', 'instruction-tune']]);
    expect(descendants(catalog, catalog.byId.get('t5')!).children.map((c) => c.id)).toEqual(['flan-t5']);
    expect([...lineageIds(catalog, catalog.byId.get('gpt-3')!)].sort()).toEqual(['gpt-3', 'instructgpt']);
  });
  it('counts models per organisation, open (incl. restricted) vs closed, largest first', () => {
    const s = stats(catalog);
    expect(s.byOrganization.map((o) => [o.org, o.open, o.closed])).toEqual([
      ['google', 4, 0],
      ['openai', 0, 2],
      ['cmu', 1, 0],
      ['meta', 1, 0],
      ['stanford', 1, 0],
    ]);
    expect(s.byFamily.find((f) => f.family === 'decoder-only')).toEqual({ family: 'decoder-only', open: 2, closed: 2, total: 4 });
    expect(s.byYear.map((y) => y.year)).toEqual([2013, 2018, 2019, 2020, 2022, 2023]);
  });
});

describe('llmtree list', () => {
  it('every filter flag', () => {
    expect(listIds('--family', 'encoder-only,pre-transformer')).toEqual(['word2vec', 'bert']);
    expect(listIds('--weights', 'restricted')).toEqual(['llama']);
    expect(listIds('--org', 'meta')).toEqual(['llama']);
    expect(listIds('--license', 'cc-by-nc-4.0')).toEqual(['alpaca']);
    expect(listIds('--commercial', 'yes')).toEqual(['word2vec', 'bert', 't5', 'flan-t5', 'mamba']);
    expect(listIds('--since', '2023-03')).toEqual(['alpaca', 'mamba']);
    expect(listIds('--until', '2019')).toEqual(['word2vec', 'bert', 't5']);
    expect(listIds('--params-min', '10B')).toEqual(['t5', 'gpt-3', 'flan-t5', 'llama']);
    expect(listIds('--params-max', '1e8')).toEqual(['t5', 'flan-t5']);
    expect(listIds('--search', 'LLaMA')).toEqual(['llama']);
    expect(listIds('--survey')).toEqual(['bert', 't5', 'gpt-3', 'flan-t5', 'llama']);
    expect(listIds('--survey', '3')).toEqual(['bert', 'llama']);
  });
  it('JSON uses the schema field names with organisation and licence ids', () => {
    const r = cli(['list', '--catalog', MINI, '--format', 'json', '--org', 'meta']);
    const [m] = JSON.parse(r.stdout);
    expect(m).toMatchObject({ id: 'llama', name: 'LLaMA', family: 'decoder-only', released: '2023-02-24', organizations: ['meta'], weights: 'restricted', license: 'llama-1-noncommercial' });
    expect(m.parameters).toEqual([{ total: 7e9 }, { total: 13e9 }, { total: 65e9 }]);
  });
  it('table and CSV', () => {
    const t = cli(['list', '--catalog', MINI, '--family', 'encoder-decoder']);
    expect(t.stdout.split('\n')[0]).toMatch(/^id\s+name\s+family\s+released\s+weights/);
    expect(t.stdout).toMatch(/flan-t5\s+Flan-T5\s+encoder-decoder\s+2022-10-20\s+open\s+google\s+apache-2.0\s+yes\s+80M 11B/);
    expect(t.stderr).toBe('2 models\n');
    const c = cli(['list', '--catalog', MINI, '--format', 'csv', '--org', 'meta']);
    expect(c.stdout).toBe('id,name,family,released,weights,organizations,license,commercial,parameters,variants\nllama,LLaMA,decoder-only,2023-02-24,restricted,meta,llama-1-noncommercial,no,7B 13B 65B,\n');
  });
  it('bad values exit 2 with a suggestion', () => {
    for (const [args, msg] of [
      [['--family', 'decoder'], /--family: unknown value "decoder" \(did you mean "decoder-only"\?\)/],
      [['--weights', 'opn'], /--weights: unknown value "opn"/],
      [['--org', 'gogle'], /did you mean "google"/],
      [['--commercial', 'maybe'], /--commercial: unknown value "maybe"/],
      [['--since', '2023/01'], /--since: "2023\/01" is not a date/],
      [['--params-min', 'lots'], /--params-min: "lots" is not a parameter count/],
      [['--format', 'xml'], /--format: unknown value "xml"/],
      [['--colour', 'red'], /unknown option '--colour'/],
      [['--survey', '4'], /--survey: "4" is not a version/],
    ] as [string[], RegExp][]) {
      const r = cli(['list', '--catalog', MINI, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stdout).toBe('');
    }
  });
  it('an unknown command exits 2 with the closest one', () => {
    const r = cli(['lst']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean list\?/);
  });
});

describe('llmtree show / lineage', () => {
  it('show finds a model by alias in any spelling, with parents and children', () => {
    const r = cli(['show', 'FLAN T5', '--catalog', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Flan-T5\n=======\n/);
    expect(r.stdout).toMatch(/parents:\s+T5 \(t5, instruction-tune\)/);
    expect(r.stdout).toMatch(/license:\s+Apache License 2.0 \(apache-2.0\)/);
    const j = JSON.parse(cli(['show', 't5', '--catalog', MINI, '--format', 'json']).stdout);
    expect(j.children).toEqual([{ model: 'flan-t5', relation: 'instruction-tune' }]);
  });
  it('unknown model exits 2 with closest names', () => {
    const r = cli(['show', 'alpacca', '--catalog', MINI]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('llmtree: unknown model "alpacca"; did you mean "alpaca"?\n');
  });
  it('lineage as an indented tree and as JSON', () => {
    const r = cli(['lineage', 'llama', '--catalog', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Descendants:\n  LLaMA (llama, 2023-02-24)\n  └─ Alpaca (alpaca, 2023-03-13) → instruction-tune');
    const j = JSON.parse(cli(['lineage', 'alpaca', '--catalog', MINI, '--format', 'json']).stdout);
    expect(j.ancestors.children[0]).toMatchObject({ id: 'llama', relation: 'instruction-tune' });
    expect(cli(['lineage', 'nope', '--catalog', MINI]).code).toBe(2);
  });
});

describe('llmtree stats / licenses', () => {
  it('stats in JSON equal the library numbers; filters apply', () => {
    const j = JSON.parse(cli(['stats', '--catalog', MINI, '--format', 'json']).stdout);
    expect(j).toEqual(JSON.parse(JSON.stringify(stats(catalog))));
    const t = cli(['stats', '--catalog', MINI, '--org', 'openai']).stdout;
    expect(t).toMatch(/^2 models/);
    expect(t).toMatch(/openai\s+OpenAI\s+0\s+2\s+2/);
  });
  it('licenses lists models whose weights can be obtained, with commercial use and data licence', () => {
    const j = JSON.parse(cli(['licenses', '--catalog', MINI, '--format', 'json']).stdout) as { model: string; commercial: string; dataLicense: string | null; restrictions: string[] }[];
    expect(j.map((r) => r.model)).toEqual(['word2vec', 'bert', 't5', 'flan-t5', 'llama', 'alpaca', 'mamba']);
    expect(j.find((r) => r.model === 'alpaca')).toMatchObject({ commercial: 'no', dataLicense: 'CC BY-NC 4.0' });
    expect(j.find((r) => r.model === 'llama')!.restrictions).toContain('non-commercial research use only');
    const all = JSON.parse(cli(['licenses', '--catalog', MINI, '--format', 'json', '--all']).stdout);
    expect(all).toHaveLength(9);
    const t = cli(['licenses', '--catalog', MINI, '--commercial', 'no']).stdout;
    expect(t).toMatch(/LLaMA\s+LLaMA non-commercial research licence\s+no\s+non-commercial research use only; weights on\n\s+approval\n/);
  });
});
