/** Bounded work on hostile input: alias bombs, huge lines, deep icons and long lineage chains. */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, formatIssue, makeCatalog, type Model } from '../src/catalog/index.js';
import { crossCheck } from '../src/catalog/validate.js';
import { parseIcon, MAX_ICON_DEPTH } from '../src/catalog/icon.js';
import { ancestors, descendants, lineageIds, lineageText } from '../src/graph/index.js';
import { json } from '../src/cli/format.js';
import type { YamlFile } from '../src/catalog/yaml-file.js';
import { fixture, readFixture, cli } from './helpers.js';

const NOW = new Date('2026-11-28T00:00:00Z');
const BERT = readFixture('models/bert.yaml');
const cold = () => ({ XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'llmtree-cache-')) });

/** Run a command with the cache on (twice: cold, then warm) and off; return each run's output and time. */
function threeWays(args: string[]) {
  const env = cold();
  return [env, env, { LLMTREE_CACHE: '0' }].map((e) => {
    const t = Date.now();
    const r = cli(args, { env: e });
    return { code: r.code, out: r.stdout + r.stderr, ms: Date.now() - t };
  });
}

/** The issue's 950-byte bomb: nine lists of nine aliases to the list before, `levels` deep. */
function aliasBomb(levels: number): string {
  let y = 'id: bert\nname: BERT\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < levels; i++) y += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  return y;
}

describe('YAML anchors and aliases', () => {
  it('an alias bomb is one error at the first anchor, identical with the cache on, warm and off', () => {
    for (const levels of [9, 30]) {
      const dir = fixture({ 'models/bert.yaml': aliasBomb(levels) });
      const runs = threeWays(['validate', dir]);
      for (const r of runs) {
        expect(r.code).toBe(1);
        expect(r.out).toMatch(/models\/bert\.yaml:3:5: YAML anchors and aliases \(&a0, \*a0\) are not supported in catalog files/);
        expect(r.ms).toBeLessThan(15_000); // was 20 s and 2.7 GB (9 levels) or endless (30); now ~0.3 s
      }
      expect(new Set(runs.map((r) => r.out)).size).toBe(1);
      for (const r of threeWays(['list', '--catalog', dir])) expect(r.out).toMatch(/bert\.yaml:3:5: YAML anchors/);
    }
  });

  it('a self-referencing alias is one error, the same with and without the cache', () => {
    const dir = fixture({ 'models/bert.yaml': BERT + 'zz: &x {a: *x}\n' });
    const runs = threeWays(['validate', dir]);
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^\S*models\/bert\.yaml:14:5: YAML anchors and aliases \(&x, \*x\)[^\n]*\n1 error in /);
      expect(r.out).not.toMatch(/call stack/);
    }
  });

  it('an alias with no anchor is a located syntax error', () => {
    const issues = loadCatalog(fixture({ 'models/bert.yaml': BERT + 'zz: *x\n' }), { now: NOW }).issues.map(formatIssue);
    expect(issues).toEqual([expect.stringMatching(/models\/bert\.yaml:14:\d+: YAML syntax error: unidentified alias "x"/)]);
  });
});

describe('a huge line with a bad byte', () => {
  it('a 1 MB line with one invalid UTF-8 byte is located in linear time', () => {
    const dir = fixture();
    const line = Buffer.alloc(1_000_000, 0x61);
    line[999_000] = 0xff;
    writeFileSync(join(dir, 'models', 'bert.yaml'), Buffer.concat([Buffer.from(BERT + 'notes: "'), line, Buffer.from('"\n')]));
    const t = Date.now();
    const r = cli(['validate', dir], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/models\/bert\.yaml:14:999009: file is not valid UTF-8/);
    expect(Date.now() - t).toBeLessThan(15_000); // 200 KB took 40 s before; now ~0.3 s
  });

  it('finds the column of a bad sequence after multi-byte characters, and truncated sequences', () => {
    const at = (bytes: number[]) => {
      const dir = fixture();
      writeFileSync(join(dir, 'models', 'bert.yaml'), Buffer.concat([Buffer.from(BERT + 'notes: "中é'), Buffer.from(bytes), Buffer.from('"\n')]));
      return loadCatalog(dir, { now: NOW }).issues.map(formatIssue)[0];
    };
    expect(at([0xe4, 0xb8])).toMatch(/bert\.yaml:14:11: file is not valid UTF-8/); // truncated 3-byte sequence
    expect(at([0xed, 0xa0, 0x80])).toMatch(/bert\.yaml:14:11:/); // an encoded surrogate
    expect(at([0xc0, 0x80])).toMatch(/bert\.yaml:14:11:/); // overlong
    expect(at([0xf4, 0x90, 0x80, 0x80])).toMatch(/bert\.yaml:14:11:/); // beyond U+10FFFF
  });
});

describe('deeply nested icons', () => {
  const nested = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">${'<g>'.repeat(n)}<rect width="1" height="1"/>${'</g>'.repeat(n)}</svg>`;

  it('an icon nested deeper than the limit is refused; up to the limit it is kept whole', () => {
    expect(parseIcon(nested(5000))).toBeNull();
    const ok = parseIcon(nested(MAX_ICON_DEPTH - 1))!;
    expect(ok.body).toBe(`${'<g>'.repeat(MAX_ICON_DEPTH - 1)}<rect width="1" height="1"/>${'</g>'.repeat(MAX_ICON_DEPTH - 1)}`);
    expect(parseIcon('<svg viewBox="0 0 1 1"><g></g><g> </g><script>x</script></svg>')!.body).toBe('<g/><g> </g>');
  });

  it('validate and render report a 5,000-deep icon at its line, without a stack overflow', () => {
    const dir = fixture({ 'organizations.yaml': readFixture('organizations.yaml').replace('website: https://ai.google', 'icon: icons/deep.svg') });
    mkdirSync(join(dir, 'icons'));
    writeFileSync(join(dir, 'icons', 'deep.svg'), nested(5000));
    for (const args of [['validate', dir], ['render', '--catalog', dir, '--format', 'json']]) {
      const r = cli(args, { env: { LLMTREE_CACHE: '0' } });
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toMatch(/organizations\.yaml:2:\d+: icon "icons\/deep\.svg" is not a well-formed SVG .*nested at most 64/);
      expect(r.stderr).not.toMatch(/call stack/);
    }
  });
});

/** A chain m0 ← m1 ← … ← m(n-1), each model the finetune of the one before. */
function chain(n: number): Model[] {
  const models: Model[] = [];
  for (let i = 0; i < n; i++) {
    models.push({
      id: `m${i}`, name: `M${i}`, aliases: [], family: 'decoder-only', released: '2023-01-01', organizations: ['o'], weights: 'closed',
      parameters: [], parents: i ? [{ model: `m${i - 1}`, relation: 'finetune' }] : [], tags: [], sources: ['https://example.org'], hf: [], uncertain: [],
    });
  }
  return models;
}

describe('long lineage chains', () => {
  const N = 100_000;

  it(`lineage trees, ids, text and JSON of a ${N.toLocaleString('en')}-long chain`, () => {
    const catalog = makeCatalog('/nowhere', chain(N), [{ id: 'o', name: 'O', kind: 'company', country: 'US' }], []);
    const up = ancestors(catalog, catalog.byId.get(`m${N - 1}`)!);
    const down = descendants(catalog, catalog.byId.get('m0')!);
    expect(lineageIds(catalog, catalog.byId.get('m500')!).size).toBe(N);
    const text = lineageText(up, '←');
    expect(text).toHaveLength(N);
    expect(text[N - 1]).toMatch(new RegExp(`^ {93}└─ \\[${N - 1}\\] M0 \\(m0, 2023-01-01\\) ← finetune$`));
    const out = json({ down });
    expect(out.length).toBeLessThan(1000 * N); // indentation stops growing, so the size is linear
    let depth = 0;
    for (let n = JSON.parse(out).down; n.children.length; n = n.children[0]) depth++;
    expect(depth).toBe(N - 1);
  });

  it(`cycle detection over a ${N.toLocaleString('en')}-long chain closed into a cycle: one error, a short message`, () => {
    const models = chain(N);
    models[0].parents = [{ model: `m${N - 1}`, relation: 'finetune' }];
    const doc = (file: string): YamlFile => ({
      file, data: null, locate: () => ({ line: 1, col: 1 }), token: () => '',
      issue: (_path, message) => ({ file, line: 1, col: 1, message }),
    });
    const issues = crossCheck({
      models: models.map((m) => ({ value: m, doc: doc(`models/${m.id}.yaml`), path: [] })),
      organizations: [{ value: { id: 'o', name: 'O', kind: 'company', country: 'US' }, doc: doc('organizations.yaml'), path: ['organizations', 0] }],
      licenses: [],
      dir: '/nowhere',
      now: NOW,
    });
    expect(issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
      `models/m1.yaml: lineage cycle: m0 → m${N - 1} → m${N - 2} → m${N - 3} → m${N - 4} → m${N - 5} → … (${N - 9} more) → m3 → m2 → m1 → m0`,
    ]);
  });

  it('the CLI: lineage and validate on a 5,000-long chain of model files', () => {
    const dir = fixture();
    const base = BERT.replace('survey: {versions: [1, 2, 3]}\n', '');
    for (let i = 0; i < 5000; i++) {
      const parent = i ? `parents: [{model: c${i - 1}, relation: finetune}]\n` : '';
      writeFileSync(join(dir, 'models', `c${i}.yaml`), base.replace('id: bert', `id: c${i}`).replace('name: BERT', `name: C${i}`) + parent);
    }
    const v = cli(['validate', dir], { env: { LLMTREE_CACHE: '0' } });
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    const r = cli(['lineage', 'c4999', '--catalog', dir], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\[4999\] C0 \(c0, 2018-10-11\) ← finetune\n/);
    const j = cli(['lineage', 'c0', '--catalog', dir, '--format', 'json'], { env: { LLMTREE_CACHE: '0' } });
    expect(j.code, j.stderr).toBe(0);
    expect(JSON.parse(j.stdout).model).toBe('c0');
  });
});

describe('a PNG with no size asked', () => {
  const pixels = (file: string) => {
    const png = readFileSync(file);
    return png.readUInt32BE(16) * png.readUInt32BE(20);
  };

  it('of the whole bundled catalog fits the pixel budget: at full size when it fits, else at the largest scale that does, said so', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'llmtree-all-')), 'all.png');
    const r = cli(['render', '--all', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const scaled = /drawing the PNG at --scale (0\.\d+) to stay within 100 megapixels/.exec(r.stderr);
    const svg = cli(['render', '--all', '--format', 'svg']);
    const [, w, h] = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg.stdout)!.map(Number);
    expect(Boolean(scaled)).toBe(w * h > 100_000_000);
    expect(pixels(out)).toBeLessThanOrEqual(100_000_000);
  });

  it('of a figure over the budget (600 same-day siblings, side by side) is drawn at the largest scale within it, and says so', () => {
    const dir = fixture();
    const base = BERT.replace('survey: {versions: [1, 2, 3]}\n', '');
    for (let i = 0; i < 600; i++) {
      writeFileSync(join(dir, 'models', `s${i}.yaml`), base.replace('id: bert', `id: s${i}`).replace('name: BERT', `name: Sibling number ${i}`).replace('2018-10-11', '2019-03-01') + 'parents: [{model: bert, relation: finetune}]\n');
    }
    const out = join(mkdtempSync(join(tmpdir(), 'llmtree-wide-')), 'wide.png');
    const r = cli(['render', '--all', '--catalog', dir, '-o', out], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code, r.stderr).toBe(0);
    const m = /the figure is (\d+)×(\d+) px; drawing the PNG at --scale (0\.\d+) to stay within 100 megapixels/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![1]) * Number(m![2])).toBeGreaterThan(100_000_000);
    expect(pixels(out)).toBeLessThanOrEqual(100_000_000);
    expect(pixels(out)).toBeGreaterThan(90_000_000);
  });
});
