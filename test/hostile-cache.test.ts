/** A cache that cannot lie: stale icons, poisoned snapshots and memos, special files, failed writes. */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCHEMA_VERSION } from '../src/catalog/constants.js';
import { fixture, readFixture, cli } from './helpers.js';

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#4285f4"/></svg>';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function setup() {
  const cache = mkdtempSync(join(tmpdir(), 'llmtree-cache-'));
  const dir = fixture({ 'organizations.yaml': readFixture('organizations.yaml').replace('website: https://ai.google', 'icon: icons/g.svg') });
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'icons', 'g.svg'), ICON);
  const file = (prefix = '') => join(cache, 'llmtree', prefix + sha256(resolve(dir)).slice(0, 24) + '.json');
  const run = (args: string[], off = false) => {
    const t = Date.now();
    const r = cli(args, { env: off ? { LLMTREE_CACHE: '0' } : { XDG_CACHE_HOME: cache } });
    return { ...r, ms: Date.now() - t };
  };
  return { cache, dir, file, run };
}

/** Read a cache file's JSON body; write one back with a correct header (a tamperer who knows the format). */
const body = (path: string) => JSON.parse(readFileSync(path, 'utf8').split('\n').slice(1).join('\n'));
const seal = (path: string, data: unknown) => {
  const text = JSON.stringify(data);
  writeFileSync(path, `llmtree-cache 2 ${SCHEMA_VERSION} ${sha256(text)}\n${text}`);
};

describe('icons are part of the snapshot key', () => {
  it('replacing or deleting an icon after validate: a cached render fails exactly as an uncached one', () => {
    const { dir, run } = setup();
    expect(run(['validate', dir]).code).toBe(0);
    const args = ['render', '--catalog', dir, '--format', 'json'];
    expect(run(args).code).toBe(0);
    writeFileSync(join(dir, 'icons', 'g.svg'), '<svg><g></svg>');
    const broken = run(args);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/organizations\.yaml:2:\d+: icon "icons\/g\.svg" is not a well-formed SVG/);
    expect(broken.stderr).toBe(run(args, true).stderr);
    rmSync(join(dir, 'icons', 'g.svg'));
    const gone = run(args);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/icon file "icons\/g\.svg" not found/);
    writeFileSync(join(dir, 'icons', 'g.svg'), ICON.replace('#4285f4', '#34a853'));
    const back = run(args);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(run(args, true).stdout);
  });
});

describe('snapshots and memos are checked before use', () => {
  it('a snapshot with the right key but bad content is ignored and rebuilt, never a crash', () => {
    const { dir, file, run } = setup();
    const good = run(['list', '--catalog', dir, '--format', 'json']);
    expect(good.code).toBe(0);
    const snap = body(file());
    delete snap.models[0].released; // the "Cannot read properties of undefined (reading 'year')"
    seal(file(), snap);
    const r = run(['render', '--catalog', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(run(['list', '--catalog', dir, '--format', 'json']).stdout).toBe(good.stdout);
    // Edited without a matching checksum: ignored too.
    const text = readFileSync(file(), 'utf8').replace('"name":"BERT"', '"name":"EVIL"');
    writeFileSync(file(), text);
    expect(run(['list', '--catalog', dir, '--format', 'json']).stdout).toBe(good.stdout);
    for (const junk of ['', 'llmtree-cache 2\n', 'null', '{"key":1}', '\u0000'.repeat(1000)]) {
      writeFileSync(file(), junk);
      expect(run(['list', '--catalog', dir, '--format', 'json']).stdout).toBe(good.stdout);
    }
  });

  it('a poisoned parse-memo entry cannot make validate report an error in a clean file', () => {
    const { dir, file, run } = setup();
    expect(run(['validate', dir]).code).toBe(0);
    const memo = body(file('parsed-'));
    const entries = memo.entries as Record<string, Record<string, unknown>>;
    expect(Object.keys(entries).length).toBeGreaterThan(5);
    for (const k of Object.keys(entries)) if (entries[k].id === 'bert') entries[k].name = 7;
    seal(file('parsed-'), memo);
    const r = run(['validate', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a cache file that is a link to /dev/zero, or a FIFO, is ignored at once', () => {
    for (const make of ['zero', 'fifo'] as const) {
      const { dir, file, run } = setup();
      expect(run(['validate', dir]).code).toBe(0);
      for (const f of [file(), file('parsed-')]) {
        rmSync(f);
        if (make === 'zero') symlinkSync('/dev/zero', f);
        else execFileSync('mkfifo', [f]);
      }
      for (const args of [['list', '--catalog', dir], ['validate', dir]]) {
        const r = run(args);
        expect(r.code, `${make} ${args[0]} ${r.stderr}`).toBe(0);
        expect(r.ms).toBeLessThan(15_000); // was 96 s and 16.8 GB (/dev/zero) or a hang (FIFO)
      }
    }
  });

  it('a failed cache write leaves no temporary file behind', () => {
    const { cache, dir, file, run } = setup();
    mkdirSync(file(), { recursive: true }); // the snapshot's path is a folder: the rename fails
    mkdirSync(file('parsed-'));
    expect(run(['validate', dir]).code).toBe(0);
    expect(run(['list', '--catalog', dir]).code).toBe(0);
    expect(readdirSync(join(cache, 'llmtree')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
