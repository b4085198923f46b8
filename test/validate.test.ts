import { describe, it, expect } from 'vitest';
import { loadCatalog, formatIssue } from '../src/catalog/index.js';
import { fixture, readFixture, cli, MINI } from './helpers.js';

const NOW = new Date('2026-11-28T00:00:00Z');
const errorsOf = (files: Record<string, string | null>) =>
  loadCatalog(fixture(files), { now: NOW }).issues.map((i) => formatIssue(i).replace(/^.*?models\//, 'models/').replace(/^\/.*?\/(organizations|licenses)/, '$1'));

describe('validate: a clean catalog', () => {
  it('loads the mini fixture with no issues', () => {
    const { catalog, issues } = loadCatalog(MINI, { now: NOW });
    expect(issues).toEqual([]);
    expect(catalog.models.map((m) => m.id)).toEqual(['word2vec', 'bert', 't5', 'gpt-3', 'instructgpt', 'flan-t5', 'llama', 'alpaca', 'mamba']);
    expect(catalog.byId.get('bert')!.parameters[0].total).toBe(110e6);
  });
  it('CLI prints a one-line summary and exits 0', () => {
    const r = cli(['validate', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^ok: 9 models \(7 open or restricted, 2 closed\), 5 organizations, 4 licences/);
  });
});

describe('validate: each error kind, as path:line:col', () => {
  it('malformed YAML', () => {
    expect(errorsOf({ 'models/bert.yaml': 'id: bert\nname: [BERT\nfamily: encoder-only\n' })).toEqual([
      expect.stringMatching(/^models\/bert\.yaml:\d+:\d+: YAML syntax error/),
    ]);
  });
  it('duplicate keys in a mapping', () => {
    expect(errorsOf({ 'models/bert.yaml': readFixture('models/bert.yaml') + 'name: BERT again\n' })[0]).toMatch(
      /^models\/bert\.yaml:\d+:1: YAML syntax error: duplicated mapping key/,
    );
  });
  it('unknown field, bad enum, bad date, impossible date', () => {
    const text = readFixture('models/bert.yaml')
      .replace('family: encoder-only', 'family: encoder')
      .replace('released: 2018-10-11', 'released: 2018-02-30')
      .replace('tags: [base]', 'tags: [base]\ncolour: red');
    const errs = errorsOf({ 'models/bert.yaml': text });
    expect(errs).toEqual([
      expect.stringMatching(/^models\/bert\.yaml:3:9: family: Invalid option/),
      expect.stringMatching(/^models\/bert\.yaml:4:11: released: is not a real calendar date/),
      // An unknown field is reported on its own line, not at the start of the file.
      expect.stringMatching(/^models\/bert\.yaml:12:9: unknown field "colour"/),
    ]);
    expect(errorsOf({ 'models/bert.yaml': readFixture('models/bert.yaml').replace('2018-10-11', '18/10/2018') })).toEqual([
      'models/bert.yaml:4:11: released: must be YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });
  it('missing required field and missing source', () => {
    const text = readFixture('models/t5.yaml').replace('name: T5\n', '').replace('sources: [https://arxiv.org/abs/1910.10683]', 'sources: []');
    expect(errorsOf({ 'models/t5.yaml': text })).toEqual([
      'models/t5.yaml:1:1: name: is required',
      'models/t5.yaml:11:10: sources: needs at least one source URL',
    ]);
  });
  it('uncertain names real fields only', () => {
    const text = readFixture('models/t5.yaml').replace('sources:', 'uncertain: [released, relase]\nsources:');
    expect(errorsOf({ 'models/t5.yaml': text })).toEqual([expect.stringMatching(/^models\/t5\.yaml:\d+:\d+: uncertain\.1: must name a field: name, aliases, family/)]);
  });
  it('a source that is not a URL', () => {
    const text = readFixture('models/t5.yaml').replace('https://arxiv.org/abs/1910.10683', 'javascript:alert(1)');
    expect(errorsOf({ 'models/t5.yaml': text })[0]).toMatch(/^models\/t5\.yaml:\d+:\d+: sources\.0: must be an http\(s\) URL/);
  });
  it('unknown organisation, licence and parent, with suggestions', () => {
    const text = readFixture('models/flan-t5.yaml')
      .replace('organizations: [google]', 'organizations: [gogle]')
      .replace('license: apache-2.0', 'license: apache-20')
      .replace('model: t5,', 'model: t6,');
    expect(errorsOf({ 'models/flan-t5.yaml': text })).toEqual([
      'models/flan-t5.yaml:6:17: unknown organization "gogle" (did you mean "google"?)',
      'models/flan-t5.yaml:8:10: unknown licence "apache-20" (did you mean "apache-2.0"?)',
      'models/flan-t5.yaml:13:13: unknown parent model "t6" (did you mean "t5"?)',
    ]);
  });
  it('duplicate id and an id that does not match its file', () => {
    const errs = errorsOf({ 'models/bert2.yaml': readFixture('models/bert.yaml') });
    expect(errs).toContain('models/bert2.yaml:1:5: id "bert" does not match the file name "bert2"');
    expect(errs).toContainEqual(expect.stringMatching(/^models\/bert2\.yaml:1:5: duplicate model id "bert" \(also in .*bert\.yaml\)/));
  });
  it('duplicate alias across models, in any spelling', () => {
    const text = readFixture('models/alpaca.yaml').replace('name: Alpaca', 'name: Alpaca\naliases: [flan_t5]');
    expect(errorsOf({ 'models/alpaca.yaml': text })).toEqual([
      expect.stringMatching(/^models\/alpaca\.yaml:3:11: duplicate alias "flan_t5": already names model "flan-t5"/),
    ]);
  });
  it('lineage cycle', () => {
    const t5 = readFixture('models/t5.yaml').replace('sources:', 'parents:\n  - {model: flan-t5, relation: successor}\nsources:');
    const errs = errorsOf({ 'models/t5.yaml': t5 });
    expect(errs).toContainEqual(expect.stringMatching(/lineage cycle: (flan-t5 → t5 → flan-t5|t5 → flan-t5 → t5)/));
  });
  it('a model that is its own parent is a cycle', () => {
    const t5 = readFixture('models/t5.yaml').replace('sources:', 'parents:\n  - {model: t5, relation: successor}\nsources:');
    expect(errorsOf({ 'models/t5.yaml': t5 })).toEqual(['models/t5.yaml:13:13: lineage cycle: t5 → t5']);
  });
  it('child released before its parent', () => {
    const text = readFixture('models/flan-t5.yaml').replace('released: 2022-10-20', 'released: 2019-01');
    expect(errorsOf({ 'models/flan-t5.yaml': text })).toEqual([
      'models/flan-t5.yaml:5:11: released 2019-01, before its parent "t5" (2019-10-23)',
    ]);
  });
  it('a coarse date that may overlap its parent is accepted', () => {
    const text = readFixture('models/flan-t5.yaml').replace('released: 2022-10-20', 'released: 2019');
    expect(errorsOf({ 'models/flan-t5.yaml': text })).toEqual([]);
  });
  it('date in the future', () => {
    const text = readFixture('models/mamba.yaml').replace('released: 2023-12-01', 'released: 2027-01');
    expect(errorsOf({ 'models/mamba.yaml': text })).toEqual(['models/mamba.yaml:5:11: release date 2027-01 is in the future (today is 2026-11-28)']);
  });
  it('open weights without a licence', () => {
    const text = readFixture('models/mamba.yaml').replace('license: apache-2.0\n', '');
    expect(errorsOf({ 'models/mamba.yaml': text })).toEqual(['models/mamba.yaml:7:10: weights are "open" but no licence is given']);
  });
  it('organisation and licence files: duplicates, bad fields, conditional without condition, missing icon', () => {
    const orgs = readFixture('organizations.yaml') + '  - {id: google, name: Google again, kind: company, country: USA, icon: icons/none.svg}\n';
    const lics = readFixture('licenses.yaml').replace("    condition: paid API use under the provider's terms; weights not available\n", '');
    const errs = errorsOf({ 'organizations.yaml': orgs, 'licenses.yaml': lics });
    expect(errs).toEqual([
      expect.stringMatching(/licenses\.yaml:20:17: commercial use is "conditional" but no "condition"/),
      expect.stringMatching(/organizations\.yaml:7:62: country: must be an ISO 3166-1 alpha-2 code or INT/),
    ]);
    const orgs2 = readFixture('organizations.yaml') + '  - {id: google, name: Google again, kind: company, country: US, icon: icons/none.svg}\n';
    expect(errorsOf({ 'organizations.yaml': orgs2 })).toEqual([
      expect.stringMatching(/organizations\.yaml:7:10: duplicate organization id "google"/),
      expect.stringMatching(/organizations\.yaml:7:72: icon file "icons\/none\.svg" not found/),
    ]);
  });
  it('missing organizations.yaml and an empty models folder', () => {
    expect(errorsOf({ 'organizations.yaml': null })).toContainEqual(expect.stringMatching(/organizations\.yaml:1:1: missing file/));
  });
  it('refuses an oversized file and a file that is not UTF-8 text without crashing', () => {
    const big = readFixture('models/bert.yaml') + `notes: "${'x'.repeat(1 << 20)}"\n`;
    expect(errorsOf({ 'models/bert.yaml': big })).toEqual([expect.stringMatching(/^models\/bert\.yaml:1:1: file is \d+ bytes; catalog files may be at most 1048576 bytes/)]);
    const errs = errorsOf({ 'models/bert.yaml': '\u0000\u0001binary' });
    expect(errs[0]).toMatch(/^models\/bert\.yaml:1:\d+: /);
  });
  it('reports every error of every file in one run, sorted by file and line', () => {
    const errs = errorsOf({
      'models/bert.yaml': 'id: bert\nname: [BERT\n',
      'models/mamba.yaml': readFixture('models/mamba.yaml').replace('license: apache-2.0\n', ''),
      'models/alpaca.yaml': readFixture('models/alpaca.yaml').replace('model: llama', 'model: lama'),
    });
    expect(errs).toHaveLength(3);
    expect(errs.map((e) => e.split(':')[0])).toEqual(['models/alpaca.yaml', 'models/bert.yaml', 'models/mamba.yaml']);
  });
  it('hostile strings are data, not markup or code', () => {
    const text = readFixture('models/bert.yaml').replace('name: BERT', `name: "<script>alert('x')</script> & \\"q\\" بيرت 伯特"`);
    const { catalog, issues } = loadCatalog(fixture({ 'models/bert.yaml': text }), { now: NOW });
    expect(issues).toEqual([]);
    expect(catalog.byId.get('bert')!.name).toBe(`<script>alert('x')</script> & "q" بيرت 伯特`);
  });
});

describe('llmtree validate (CLI)', () => {
  it('prints every error and exits 1', () => {
    const dir = fixture({
      'models/bert.yaml': readFixture('models/bert.yaml').replace('organizations: [google]', 'organizations: [nobody]'),
      'models/t5.yaml': readFixture('models/t5.yaml').replace('family: encoder-decoder', 'family: seq2seq'),
    });
    const r = cli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/models\/bert\.yaml:5:17: unknown organization "nobody"/);
    expect(lines[1]).toMatch(/models\/t5\.yaml:3:9: family: Invalid option/);
    expect(lines[2]).toMatch(/^2 errors in /);
  });
  it('a missing folder is a usage error, not a crash', () => {
    const r = cli(['validate', '/nonexistent/catalog']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/catalog folder not found/);
  });
  it('leaves the catalog files untouched', () => {
    const dir = fixture({ 'models/bert.yaml': 'id: bert\nname: [BERT\n' });
    cli(['validate', dir]);
    expect(readFixture('models/t5.yaml')).toContain('id: t5');
  });
});
