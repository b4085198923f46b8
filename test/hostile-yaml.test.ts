/** Malformed and hostile YAML: every problem is an error naming the file and line, never a crash or a silent pass. */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, formatIssue } from '../src/catalog/index.js';
import { fixture, readFixture, cli } from './helpers.js';

const NOW = new Date('2026-11-28T00:00:00Z');
const BERT = readFixture('models/bert.yaml');
const errorsOf = (files: Record<string, string | null>) =>
  loadCatalog(fixture(files), { now: NOW }).issues.map((i) => formatIssue(i).replace(/^.*?models\//, 'models/').replace(/^\/.*?\/(organizations|licenses)/, '$1'));

describe('hostile YAML', () => {
  it('rejects a file that is not UTF-8, at the line and column of the bad byte', () => {
    const dir = fixture();
    writeFileSync(join(dir, 'models/bert.yaml'), Buffer.concat([Buffer.from(BERT.replace('name: BERT\n', '')), Buffer.from('name: B\xff\xfeRT\n', 'latin1')]));
    const issues = loadCatalog(dir, { now: NOW }).issues.map(formatIssue);
    expect(issues).toEqual([expect.stringMatching(/models\/bert\.yaml:13:8: file is not valid UTF-8/)]);
    const r = cli(['validate', dir], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code).toBe(1);
  });

  it('accepts a BOM and CRLF line endings', () => {
    expect(errorsOf({ 'models/bert.yaml': '\uFEFF' + BERT.replace(/\n/g, '\r\n') })).toEqual([]);
  });

  it('says what an empty file, a list or a scalar is instead of a mapping', () => {
    expect(errorsOf({ 'models/bert.yaml': '' })).toEqual(['models/bert.yaml:1:1: expected a mapping of model fields (id: …, name: …), found an empty document']);
    expect(errorsOf({ 'models/bert.yaml': '- a\n- b\n' })).toEqual(['models/bert.yaml:1:1: expected a mapping of model fields (id: …, name: …), found a list']);
    expect(errorsOf({ 'models/bert.yaml': 'hello\n' })).toEqual(['models/bert.yaml:1:1: expected a mapping of model fields (id: …, name: …), found a single value (string)']);
  });

  it('points a multi-document file at the second "---"', () => {
    expect(errorsOf({ 'models/bert.yaml': BERT + '---\n' + BERT })).toEqual([
      expect.stringMatching(/^models\/bert\.yaml:14:1: YAML syntax error: .*single document.*remove the extra "---"/),
    ]);
    expect(errorsOf({ 'models/bert.yaml': '---\n' + BERT })).toEqual([]);
  });

  it('reports unknown fields (including __proto__ and merge keys) on their own line', () => {
    expect(errorsOf({ 'models/bert.yaml': BERT + '__proto__: {x: 1}\n' })).toEqual(['models/bert.yaml:14:12: unknown field "__proto__"']);
    expect(errorsOf({ 'models/bert.yaml': BERT + 'constructor: 1\n' })).toEqual(['models/bert.yaml:14:14: unknown field "constructor"']);
    const merged = BERT.replace('weights: open\n', '<<: {weights: open}\n');
    expect(errorsOf({ 'models/bert.yaml': merged })).toEqual([
      'models/bert.yaml:1:1: weights: is required',
      expect.stringMatching(/^models\/bert\.yaml:6:5: unknown field "<<" \(YAML merge keys are not supported/),
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined(); // no prototype pollution
  });

  it('says "is required" for a missing enum field', () => {
    expect(errorsOf({ 'models/bert.yaml': BERT.replace('family: encoder-only\n', '') })).toEqual(['models/bert.yaml:1:1: family: is required']);
  });

  it('rejects numbers where strings are expected and impossible or timestamp dates', () => {
    expect(errorsOf({ 'models/bert.yaml': BERT.replace('name: BERT', 'name: 2023') })).toEqual([expect.stringMatching(/^models\/bert\.yaml:2:7: name: .*expected string, received number/)]);
    expect(errorsOf({ 'models/bert.yaml': BERT.replace('released: 2018-10-11', 'released: 2023-13') })).toEqual(['models/bert.yaml:4:11: released: is not a real calendar date']);
    expect(errorsOf({ 'models/bert.yaml': BERT.replace('released: 2018-10-11', 'released: 2018-10-11T10:00:00Z') })).toEqual([
      'models/bert.yaml:4:11: released: must be YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('an organizations.yaml that is empty, a list or has no list gives one error, not one per reference', () => {
    for (const [text, found] of [
      ['', 'an empty document'],
      ['- {id: google}\n', 'a list'],
      ['organisations: []\n', 'no "organizations:" key'],
      ['organizations:\n', 'an empty document'],
    ]) {
      expect(errorsOf({ 'organizations.yaml': text })).toEqual([expect.stringMatching(new RegExp(`^organizations\\.yaml:1:\\d+: expected a top-level "organizations:" list, found ${found}$`))]);
    }
    expect(errorsOf({ 'licenses.yaml': null })).toEqual(['licenses.yaml:1:1: missing file (expected a "licenses:" list)']);
  });

  it('an invalid organization entry is not reported again at every model that names it', () => {
    const orgs = readFixture('organizations.yaml').replace('country: US, website: https://ai.google', 'country: USA');
    expect(errorsOf({ 'organizations.yaml': orgs })).toEqual([expect.stringMatching(/^organizations\.yaml:2:\d+: country: must be an ISO/)]);
  });

  it('reports duplicate organisations and licences', () => {
    const orgs = readFixture('organizations.yaml') + '  - {id: google, name: Google 2, kind: company, country: US}\n';
    expect(errorsOf({ 'organizations.yaml': orgs })).toEqual(['organizations.yaml:7:10: duplicate organization id "google"']);
    const lic = readFixture('licenses.yaml') + '  - {id: apache-2.0, name: x, url: "https://x.org", commercial: yes}\n';
    expect(errorsOf({ 'licenses.yaml': lic })).toEqual(['licenses.yaml:22:10: duplicate licence id "apache-2.0"']);
  });

  it('refuses control characters, newlines and bidirectional overrides in names; allows them only where text may span lines', () => {
    const bad = BERT.replace('name: BERT', 'name: "BE\\u202ERT"').replace('tags: [base]', 'tags: [base]\naliases: ["a\\u001b[2Jb", "x\\ny"]');
    expect(errorsOf({ 'models/bert.yaml': bad })).toEqual([
      'models/bert.yaml:2:7: name: must be one line without control characters or bidirectional overrides',
      expect.stringMatching(/^models\/bert\.yaml:12:\d+: aliases\.0: must be one line/),
      expect.stringMatching(/^models\/bert\.yaml:12:\d+: aliases\.1: must be one line/),
    ]);
    expect(errorsOf({ 'models/bert.yaml': BERT + 'notes: |\n  two\n  lines\n' })).toEqual([]);
    expect(errorsOf({ 'models/bert.yaml': BERT + 'notes: "bell\\u0007"\n' })).toEqual([expect.stringMatching(/notes: must not contain control characters/)]);
    const orgs = readFixture('organizations.yaml').replace('name: Google', 'name: "Goo\\u0000gle"');
    expect(errorsOf({ 'organizations.yaml': orgs })).toEqual([expect.stringMatching(/^organizations\.yaml:2:\d+: name: must be one line/)]);
  });

  it('does not blow up on alias bombs or very long lines', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [k, p] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) bomb.push(`${k}: &${k} [${Array(9).fill('*' + p).join(', ')}]`);
    const t0 = Date.now();
    expect(errorsOf({ 'models/bert.yaml': bomb.join('\n') + '\nid: bert\n' }).length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(errorsOf({ 'models/bert.yaml': BERT.replace('name: BERT', 'name: ' + 'A'.repeat(200_000)) })).toEqual([
      expect.stringMatching(/^models\/bert\.yaml:2:7: name: Too big/),
    ]);
  });

  it('refuses a model file that is a link to a device, or a folder, instead of reading it forever', () => {
    const dir = fixture();
    symlinkSync('/dev/zero', join(dir, 'models', 'zero.yaml'));
    mkdirSync(join(dir, 'models', 'folder.yaml'));
    const t0 = Date.now();
    const issues = loadCatalog(dir, { now: NOW }).issues.map(formatIssue);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(issues).toEqual([expect.stringMatching(/models\/folder\.yaml:1:1: not a regular file$/), expect.stringMatching(/models\/zero\.yaml:1:1: not a regular file$/)]);
  });

  it('bounds parameter counts and dates with messages that say why', () => {
    const withTotal = (v: string) => errorsOf({ 'models/bert.yaml': BERT.replace('{total: 110M, label: base}', `{total: ${v}, label: base}`) });
    expect(withTotal('"99999999999999999999T"')).toEqual(['models/bert.yaml:9:13: parameters.0.total: must be at most 1000T (1e15)']);
    expect(withTotal('.inf')).toEqual([expect.stringMatching(/parameters\.0\.total: must be a number/)]);
    expect(withTotal('.nan')).toEqual([expect.stringMatching(/parameters\.0\.total: must be a number/)]);
    expect(withTotal('0')).toEqual(['models/bert.yaml:9:13: parameters.0.total: must be more than 0']);
    const released = (v: string) => errorsOf({ 'models/bert.yaml': BERT.replace('released: 2018-10-11', `released: ${v}`) });
    expect(released('1949')).toEqual(['models/bert.yaml:4:11: released: must be 1950 or later']);
    expect(released('"0000"')).toEqual(['models/bert.yaml:4:11: released: is not a real calendar date']);
  });

  it('caps organisation and licence names, which the figure and tables must fit', () => {
    const orgs = readFixture('organizations.yaml').replace('name: Google,', `name: ${'W'.repeat(81)},`);
    expect(errorsOf({ 'organizations.yaml': orgs })).toEqual([expect.stringMatching(/^organizations\.yaml:2:\d+: name: Too big/)]);
  });

  it('the guide refuses control characters too', () => {
    const dir = fixture({}, join(import.meta.dirname, '..', 'catalog'));
    const guidePath = join(dir, 'guide.yaml');
    const text = readFileSync(guidePath, 'utf8');
    const m = /\ben: (.+)/.exec(text)!;
    writeFileSync(guidePath, text.replace(m[0], `en: "x\\u001b[2Jy"`));
    const issues = loadCatalog(dir, { now: NOW }).issues.map(formatIssue);
    expect(issues).toEqual([expect.stringMatching(/guide\.yaml:\d+:\d+: .*must not contain control characters/)]);
  });

  it('the CLI exits 1 on each, naming the file and line', () => {
    const dir = fixture({ 'models/bert.yaml': BERT + 'colour: red\n' });
    const r = cli(['list', '--catalog', dir], { env: { LLMTREE_CACHE: '0' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/models\/bert\.yaml:14:9: unknown field "colour"/);
  });
});
