/** `llmtree guide` on the command line, and the guide's validation through `llmtree validate`. */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, fixture, ROOT } from './helpers.js';
import { loadCatalog, formatIssue } from '../src/catalog/index.js';

const FIX = join(ROOT, 'test', 'fixtures', 'guide');
const guide = (...args: string[]) => cli(['guide', '--catalog', FIX, ...args]);

describe('llmtree guide', () => {
  it('answers with the family, reasons, ranked candidates and why', () => {
    const r = guide('--task', 'translation', '--commercial', '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Recommended family: encoder-decoder/);
    expect(r.stdout).toMatch(/1\. .*score/);
    expect(r.stdout).toMatch(/family: encoder-decoder is the primary family/);
    expect(r.stdout).toMatch(/Notable models excluded:[\s\S]*nllb-200.*--commercial/);
    expect(r.stdout).toMatch(/https:\/\/arxiv\.org\/abs\/2304\.13712/);
  });

  it('accepts 7B and 70e9 for --max-params, and 24GB with --precision', () => {
    for (const v of ['7B', '70e9']) {
      const r = guide('--task', 'dialogue', '--max-params', v, '--format', 'json');
      expect(r.code).toBe(0);
      const a = JSON.parse(r.stdout);
      for (const c of a.candidates) expect(c.parameters).toBeLessThanOrEqual(v === '7B' ? 7e9 : 70e9);
    }
    const r = guide('--task', 'code', '--gpu-memory', '24GB', '--precision', 'int4');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Memory rule: memory = weights \(parameters × bytes per parameter: .*int4 0\.5\) \+ KV cache/);
    expect(r.stdout).toMatch(/memory: weights = \d+(\.\d+)?B × 0\.5 B \(int4\)/);
    expect(r.stdout).toMatch(/memory: total = /);
  });

  it('json and Chinese output', () => {
    const a = JSON.parse(guide('--task', 'ner', '--format', 'json', '--lang', 'zh').stdout);
    expect(a.recommended.family).toBe('encoder-only');
    expect(a.task.name).toBe('命名实体识别');
    const zh = guide('--task', 'summarisation', '--lang', 'zh').stdout;
    expect(zh).toMatch(/推荐架构: 仅解码器/);
    expect(zh).toMatch(/决策流程/);
    expect(zh).toMatch(/架构: /); // factor labels in Chinese
    expect(zh).not.toMatch(/\b(recency|family|size): /);
  });

  it('unknown task → the list of known tasks, exit 2', () => {
    const r = guide('--task', 'poetry-scansion');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown task "poetry-scansion"/);
    for (const t of ['classification', 'translation', 'code-generation', 'few-shot']) expect(r.stderr).toContain(t);
    expect(guide().code).toBe(2);
  });

  it('bad values → exit 2 with a message', () => {
    for (const args of [
      ['--max-params', 'huge'],
      ['--gpu-memory', 'lots'],
      ['--precision', 'fp6'],
      ['--labels', 'some'],
      ['--deploy', 'cloud'],
      ['--language', 'German'],
      ['--gpus', '0'],
      ['--finetune', 'adapter'],
      ['--budget', 'cheap'],
      ['--domain', 'law'],
      ['--lang', 'fr'],
      ['--since', 'last-year'],
      ['--commercial', 'maybe'],
    ]) {
      const r = guide('--task', 'dialogue', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('impossible constraints → an empty, explained answer, not an error', () => {
    const r = guide('--task', 'retrieval', '--max-params', '1M', '--since', '2025', '--explain');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/No model in the catalog satisfies every constraint/);
    expect(r.stdout).toMatch(/--max-params alone excludes \d+ of \d+/);
  });

  it('uses the bundled knowledge base for a catalog without guide.yaml', () => {
    expect(cli(['guide', '--catalog', join(ROOT, 'test', 'fixtures', 'mini'), '--task', 'classification']).code).toBe(0);
  });
});

describe('llmtree validate checks guide.yaml', () => {
  const real = readFileSync(join(ROOT, 'catalog', 'guide.yaml'), 'utf8');

  it('reports unknown tasks, sources, families and models as path:line:col', () => {
    const broken = real
      .replace('tasks: [translation, summarisation]', 'tasks: [translation, summarization-x]')
      .replace('sources: [chen2021, li2023starcoder, yang2023]', 'sources: [chen2021, nosuch2099, yang2023]');
    const dir = fixture({ 'guide.yaml': broken });
    const issues = loadCatalog(dir).issues.map(formatIssue).filter((s) => s.includes('guide.yaml'));
    const line = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`guide\\.yaml:${line('summarization-x')}:\\d+: unknown task "summarization-x"`)),
        expect.stringMatching(new RegExp(`guide\\.yaml:${line('nosuch2099')}:\\d+: unknown source "nosuch2099"`)),
        // The mini catalog lacks most of the models the guide names.
        expect.stringMatching(/guide\.yaml:\d+:\d+: unknown model "roberta"/),
      ]),
    );
    const r = cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/guide\.yaml:\d+:\d+: unknown task "summarization-x"/);
  });

  it('reports schema errors in place', () => {
    const broken = real.replace('        size: small\n', '        size: tiny\n');
    const issues = loadCatalog(fixture({ 'guide.yaml': broken })).issues.map(formatIssue).filter((s) => s.includes('guide.yaml'));
    const line = broken.split('\n').findIndex((l) => l === '        size: tiny') + 1;
    expect(issues.some((s) => s.includes(`guide.yaml:${line}:`) && /size/.test(s))).toBe(true);
  });

  it('the real catalog/guide.yaml names only models that exist in the real catalog', () => {
    const { issues } = loadCatalog(join(ROOT, 'catalog'));
    expect(issues.filter((i) => i.file.endsWith('guide.yaml')).map(formatIssue)).toEqual([]);
  });
});
