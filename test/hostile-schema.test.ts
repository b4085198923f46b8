/** Schema strictness: number spellings as dates, invisible names, lone surrogates, impossible sizes, Hub ids. */
import { describe, it, expect } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, formatIssue } from '../src/catalog/index.js';
import { fixture, readFixture, cli } from './helpers.js';

const NOW = new Date('2026-11-28T00:00:00Z');
const BERT = readFixture('models/bert.yaml');
const errorsOf = (files: Record<string, string | null>) =>
  loadCatalog(fixture(files), { now: NOW }).issues.map((i) => formatIssue(i).replace(/^.*?models\//, 'models/').replace(/^\/.*?\/(organizations|licenses)/, '$1'));
const bert = (from: string, to: string) => errorsOf({ 'models/bert.yaml': BERT.replace(from, to) });

describe('dates', () => {
  it('0x7E7, 0o3747, +2023, 2023.0 and 2.023e3 are not read as 2023', () => {
    for (const v of ['0x7E7', '0o3747', '+2023', '2023.0', '2.023e3']) {
      expect(bert('released: 2018-10-11', `released: ${v}`), v).toEqual([`models/bert.yaml:4:11: released: "${v}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`]);
    }
  });

  it('a refused date is one error: the model is not checked further, so its children report nothing', () => {
    const gpt3 = readFixture('models/gpt-3.yaml');
    const errors = errorsOf({ 'models/gpt-3.yaml': gpt3.replace(/^released: .*/m, 'released: 0x7E7') });
    expect(errors).toEqual([expect.stringMatching(/^models\/gpt-3\.yaml:\d+:11: released: "0x7E7" is not a date/)]);
  });

  it('a bare year (documented) and quoted strings are accepted', () => {
    expect(bert('released: 2018-10-11', 'released: 2018')).toEqual([]);
    expect(bert('released: 2018-10-11', 'released: "2018-10"')).toEqual([]);
    expect(bert('released: 2018-10-11', 'released: 2018 # a comment')).toEqual([]);
    expect(bert('released: 2018-10-11', 'released: "0x7E7"')).toEqual(['models/bert.yaml:4:11: released: must be YYYY, YYYY-MM or YYYY-MM-DD']);
  });
});

describe('names and text', () => {
  it('names and aliases need a visible character', () => {
    for (const v of ['" "', '"\\u200B"', '"\\u3000"', '"\\uFEFF"', '"\\u0301"']) {
      expect(bert('name: BERT', `name: ${v}`), v).toEqual(['models/bert.yaml:2:7: name: must contain a visible character']);
      expect(bert('tags: [base]', `tags: [base]\naliases: [${v}]`), v).toEqual(['models/bert.yaml:12:11: aliases.0: must contain a visible character']);
    }
    expect(bert('name: BERT', 'name: "中"')).toEqual([]);
    const orgs = readFixture('organizations.yaml').replace('name: Google,', 'name: "\\u2060",');
    expect(errorsOf({ 'organizations.yaml': orgs })).toEqual([expect.stringMatching(/^organizations\.yaml:2:\d+: name: must contain a visible character$/)]);
  });

  it('a lone surrogate is refused anywhere: names, notes, keys, unknown fields', () => {
    expect(bert('name: BERT', 'name: "B\\uD800"')).toEqual([expect.stringMatching(/^models\/bert\.yaml:2:7: name: a lone surrogate .* is not text/)]);
    expect(bert('tags: [base]', 'tags: [base]\nnotes: "x\\uDC00"')).toEqual([expect.stringMatching(/^models\/bert\.yaml:12:8: notes: a lone surrogate/)]);
    expect(bert('tags: [base]', 'tags: [base]\n"k\\uD800": 1')).toEqual([expect.stringMatching(/^models\/bert\.yaml:12:\d+: k\\ud800: a lone surrogate/)]);
    expect(bert('name: BERT', 'name: "😀"')).toEqual([]); // a pair is fine
  });

  it('the strict-JSON output of a valid catalog is always valid UTF-8 JSON', () => {
    const dir = fixture({ 'models/bert.yaml': BERT.replace('name: BERT', 'name: "B\\uD800"') });
    const r = cli(['list', '--catalog', dir, '--format', 'json'], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bert\.yaml:2:7: name: a lone surrogate/);
  });
});

describe('sizes and Hub ids', () => {
  it('active parameters may not exceed the total', () => {
    expect(bert('{total: 110M, label: base}', '{total: 7B, active: 70B}')).toEqual(['models/bert.yaml:9:25: parameters.0.active: active parameters exceed the total']);
    expect(bert('{total: 110M, label: base}', '{total: 70B, active: 7B}')).toEqual([]);
  });

  it('hf ids have the Hub shape owner/name', () => {
    for (const v of ['"../.."', 'a/..', '-a/b', 'a/b-', 'a--b/c', 'a/b/c', 'a', '"a /b"']) {
      expect(bert('tags: [base]', `tags: [base]\nhf: [${v}]`), v).toEqual([expect.stringMatching(/^models\/bert\.yaml:12:6: hf\.0: must be a Hugging Face repo id "owner\/name"$/)]);
    }
    expect(bert('tags: [base]', 'tags: [base]\nhf: [google-bert/bert-base-uncased, Qwen/Qwen2.5-7B, a/b_c.d]')).toEqual([]);
  });
});

describe('errors that do not cascade', () => {
  it('a model file that cannot be parsed still registers its id: its children report nothing extra', () => {
    expect(errorsOf({ 'models/llama.yaml': 'id: llama\nname: [unclosed\n' })).toEqual([expect.stringMatching(/^models\/llama\.yaml:\d+:\d+: YAML syntax error/)]);
    expect(errorsOf({ 'models/llama.yaml': '- a list\n' })).toEqual([expect.stringMatching(/^models\/llama\.yaml:1:1: expected a mapping/)]);
    const dir = fixture();
    writeFileSync(join(dir, 'models', 'llama.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0xff, 0x0a]));
    expect(loadCatalog(dir, { now: NOW }).issues.map(formatIssue)).toEqual([expect.stringMatching(/models\/llama\.yaml:1:4: file is not valid UTF-8/)]);
  });

  it('models/ that is a file is one located error, not a raw ENOTDIR', () => {
    const dir = fixture();
    rmSync(join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, 'models'), 'not a folder\n');
    expect(loadCatalog(dir, { now: NOW }).issues.map(formatIssue)).toEqual([expect.stringMatching(/models:1:1: models is not a folder/)]);
    const r = cli(['validate', dir], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/models:1:1: models is not a folder/);
    expect(r.stderr).not.toMatch(/ENOTDIR/);
    // With a guide.yaml too (the bundled catalog): still one error, not one per model the guide names.
    const full = fixture({}, join(import.meta.dirname, '..', 'catalog'));
    rmSync(join(full, 'models'), { recursive: true });
    writeFileSync(join(full, 'models'), '');
    expect(loadCatalog(full, { now: NOW }).issues.map(formatIssue)).toEqual([expect.stringMatching(/models:1:1: models is not a folder/)]);
  });

  it('control characters in an unknown key are escaped in the message', () => {
    const issues = bert('tags: [base]', 'tags: [base]\n"\\e[2J\\a": 1');
    expect(issues).toEqual(['models/bert.yaml:12:12: unknown field "\\x1b[2J\\x07"']);
  });
});
