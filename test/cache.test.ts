import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogKey, readSnapshot } from '../src/catalog/index.js';
import { fixture, cli, readFixture } from './helpers.js';

const names = (r: { stdout: string }) => (JSON.parse(r.stdout) as { name: string }[]).map((m) => m.name);

describe('validated snapshots', () => {
  it('a query writes a snapshot of a valid catalog and later queries read it', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    const dir = fixture();
    const env = { XDG_CACHE_HOME: cache };
    const first = cli(['list', '--catalog', dir, '--format', 'json'], { env });
    expect(first.code).toBe(0);
    const files = readdirSync(join(cache, 'llmtree')).filter((f) => !f.startsWith('parsed-'));
    expect(files).toHaveLength(1);
    const saved = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      expect(readSnapshot(dir, catalogKey(dir)!)?.catalog.models).toHaveLength(9);
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
    const second = cli(['list', '--catalog', dir, '--format', 'json'], { env });
    expect(second.stdout).toBe(first.stdout);
  });
  it('any change to a file misses the snapshot, so answers are never stale', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    const dir = fixture();
    const env = { XDG_CACHE_HOME: cache };
    expect(names(cli(['list', '--catalog', dir, '--format', 'json', '--org', 'meta'], { env }))).toEqual(['LLaMA']);
    const path = join(dir, 'models', 'llama.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('name: LLaMA', 'name: LLaMA-1'));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(names(cli(['list', '--catalog', dir, '--format', 'json', '--org', 'meta'], { env }))).toEqual(['LLaMA-1']);
  });
  it('a catalog with errors is never snapshotted; every query reports them', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    const dir = fixture({ 'models/bert.yaml': readFixture('models/bert.yaml').replace('[google]', '[nobody]') });
    const env = { XDG_CACHE_HOME: cache };
    for (let i = 0; i < 2; i++) {
      const r = cli(['list', '--catalog', dir], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/unknown organization "nobody"/);
    }
  });
  it('validate always checks every file, even with a snapshot present', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    const dir = fixture();
    const env = { XDG_CACHE_HOME: cache };
    expect(cli(['validate', dir], { env }).code).toBe(0);
    expect(readdirSync(join(cache, 'llmtree')).filter((f) => !f.startsWith('parsed-'))).toHaveLength(1);
    expect(cli(['validate', dir], { env }).code).toBe(0);
  });
  it('LLMTREE_CACHE=0 turns snapshots off', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    expect(cli(['list', '--catalog', fixture()], { env: { XDG_CACHE_HOME: cache, LLMTREE_CACHE: '0' } }).code).toBe(0);
    expect(() => readdirSync(join(cache, 'llmtree'))).toThrow();
  });
});

describe('parse memo (validate)', () => {
  it('gives the same answers as parsing, and re-parses a changed file', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    const env = { XDG_CACHE_HOME: cache };
    const dir = fixture();
    const a = cli(['validate', dir], { env });
    const b = cli(['validate', dir], { env });
    expect(a.code).toBe(0);
    expect(b).toEqual(a);
    expect(readdirSync(join(cache, 'llmtree')).some((f) => f.startsWith('parsed-'))).toBe(true);
    writeFileSync(join(dir, 'models', 'bert.yaml'), 'id: bert\nname: [BERT\n');
    const c = cli(['validate', dir], { env });
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/bert\.yaml:\d+:\d+: YAML syntax error/);
  });
  it('never memoises values JSON cannot carry, so errors read the same on every run', () => {
    const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
    const env = { XDG_CACHE_HOME: cache };
    const dir = fixture({ 'models/bert.yaml': readFixture('models/bert.yaml') + 'context: .inf\n' });
    const a = cli(['validate', dir], { env });
    const b = cli(['validate', dir], { env });
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/bert\.yaml:14:10: context: Invalid input: expected number, received Infinity/);
    expect(b.stderr).toBe(a.stderr);
  });
});
