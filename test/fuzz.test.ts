/**
 * A seeded property-based fuzz suite: copies of the mini fixture catalog mutated in many ways (lines
 * deleted, duplicated, re-indented; values of the wrong type; huge and odd numbers; Unicode oddities;
 * anchors and aliases; long lines; binary bytes; links and special files; cycles). For every case:
 * no crash, no hang, every error as path:line:col, the same result with the cache off, cold and warm,
 * and the catalog files untouched. Through the CLI (a sample of the cases): exit 0, 1 or 2 only.
 *
 * LLMTREE_FUZZ_RUNS sets the number of cases (default 300, a few hundred in CI within about a minute);
 * LLMTREE_FUZZ_SEED replays a run (fast-check prints the seed and the shrunk case on failure);
 * LLMTREE_FUZZ_LOG=file appends each case's mutations to a file before running it.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, formatIssue, readSnapshot, writeSnapshot, catalogKey } from '../src/catalog/index.js';
import { MINI, cli } from './helpers.js';

const RUNS = Number(process.env.LLMTREE_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.LLMTREE_FUZZ_SEED ?? 20261201);
/** One case in every CLI_EVERY also runs through the CLI (three processes each). */
const CLI_EVERY = 15;
/** A case (three loads) must finish well within this, even on a busy shared machine; a hang would not. */
const CASE_MS = 20_000;
const NOW = new Date('2026-11-28T00:00:00Z');

const FILES = ['organizations.yaml', 'licenses.yaml', ...readdirSync(join(MINI, 'models')).map((f) => `models/${f}`)];

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'truncate'; file: number; at: number }
  | { kind: 'indent'; file: number; at: number; by: string }
  | { kind: 'value'; file: number; at: number; value: string }
  | { kind: 'insert'; file: number; at: number; text: string }
  | { kind: 'bytes'; file: number; at: number; bytes: Uint8Array }
  | { kind: 'special'; file: number; what: 'zero' | 'fifo' | 'folder' | 'outside' | 'dangling' | 'missing' | 'empty' }
  | { kind: 'cycle'; a: number; b: number };

const ODD_VALUES = [
  '[]', '{}', 'null', '~', 'true', 'no', '1e309', '-0', '.nan', '.inf', '0x7E7', '0o3747', '+2023', '2023.0', '2.023e3',
  '99999999999999999999999', '-1', '0', '"7B"', '"1.6T"', "''", '"\\uD800"', '"\\u200B"', '"\\u202Eevil"', '"\\e[2J\\a"',
  '"😀中文"', '"\\u0000"', '2018-13-45', '1949', '9999-12-31', '!!binary aGVsbG8=', '!!js/function "x"', '&a x', '*a', '"<script>"',
  '{total: 7B, active: 70B}', '[../..]', '"a\\nb"', '|\n  block\n  text', '? complex\n: key',
];
const ODD_TEXT = [
  'x: &a [1, 2]\ny: *a', 'zz: &x {a: *x}', 'a: &a ["l","l","l"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]', '<<: {name: x}', '---', '...', '%YAML 1.1',
  '__proto__: {x: 1}', 'constructor: 1', 'id: bert', 'parents: [{model: ghost, relation: finetune}]', '\t- tab', '  - item', 'key: [unclosed',
  '"key": "value', "name: '\u200B'", 'aliases: ["\uFEFF"]', 'notes: "\u202E"', 'hf: ["../.."]', 'released: 0x7E7', '# comment \u0007',
];

const line = fc.nat({ max: 40 });
const file = fc.nat({ max: FILES.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'truncate'), file, at: line }),
  fc.record({ kind: fc.constant('indent'), file, at: line, by: fc.constantFrom(' ', '  ', '    ', '\t', '', '-') }),
  fc.record({ kind: fc.constant('value'), file, at: line, value: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 })) }),
  fc.record({
    kind: fc.constant('insert'),
    file,
    at: line,
    text: fc.oneof(fc.constantFrom(...ODD_TEXT), fc.integer({ min: 1_000, max: 300_000 }).map((n) => `notes: "${'x'.repeat(n)}"`)),
  }),
  fc.record({ kind: fc.constant('bytes'), file, at: fc.nat({ max: 400 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('special'), file, what: fc.constantFrom('zero', 'fifo', 'folder', 'outside', 'dangling', 'missing', 'empty') }),
  fc.record({ kind: fc.constant('cycle'), a: fc.nat({ max: FILES.length - 3 }), b: fc.nat({ max: FILES.length - 3 }) }),
);

function apply(dir: string, m: Mutation): void {
  if (m.kind === 'cycle') {
    const [a, b] = [FILES[m.a + 2], FILES[m.b + 2]].map((f) => f.slice('models/'.length, -'.yaml'.length));
    for (const [child, parent] of [[a, b], [b, a]]) {
      const path = join(dir, 'models', `${child}.yaml`);
      if (!lstatSync(path, { throwIfNoEntry: false })?.isFile()) continue; // made special or removed by an earlier mutation
      const text = readFileSync(path, 'utf8').replace(/^parents:\n(  - .*\n)*/m, '');
      writeFileSync(path, `${text}parents:\n  - {model: ${parent}, relation: finetune}\n`);
    }
    return;
  }
  const path = join(dir, FILES[m.file]);
  if (m.kind === 'special') {
    rmSync(path, { force: true });
    if (m.what === 'zero') symlinkSync('/dev/zero', path);
    else if (m.what === 'fifo') execFileSync('mkfifo', [path]);
    else if (m.what === 'folder') mkdirSync(path);
    else if (m.what === 'outside') symlinkSync('/etc/hostname', path);
    else if (m.what === 'dangling') symlinkSync(join(dir, 'nowhere.yaml'), path);
    else if (m.what === 'empty') writeFileSync(path, '');
    return;
  }
  let bytes: Buffer;
  try {
    if (!lstatSync(path).isFile()) return; // already made special by an earlier mutation
    bytes = readFileSync(path);
  } catch {
    return;
  }
  if (m.kind === 'bytes') {
    const at = Math.min(m.at, bytes.length);
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]));
    return;
  }
  const lines = bytes.toString('latin1').split('\n');
  const i = m.at % Math.max(1, lines.length);
  if (m.kind === 'delete') lines.splice(i, 1);
  else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]);
  else if (m.kind === 'truncate') lines.length = i;
  else if (m.kind === 'indent') lines[i] = m.by + lines[i];
  else if (m.kind === 'insert') lines.splice(i, 0, Buffer.from(m.text).toString('latin1'));
  else if (m.kind === 'value') {
    const k = lines[i].indexOf(': ');
    const v = Buffer.from(m.value).toString('latin1');
    lines[i] = k < 0 ? `${lines[i]}: ${v}` : lines[i].slice(0, k + 2) + v;
  }
  writeFileSync(path, Buffer.from(lines.join('\n'), 'latin1'));
}

/** Every entry of the catalog folder: its kind, link target or content hash. */
function fingerprint(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) (out.push(`${p}/`), walk(p));
      else if (st.isSymbolicLink()) out.push(`${p} -> ${readlinkSync(p)}`);
      else if (st.isFile()) out.push(`${p} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      else out.push(`${p} special`);
    }
  };
  walk(dir);
  return out.join('\n');
}

const LOCATED = /^[^\n]+:[1-9]\d*:[1-9]\d*: \S/;

function withCache<T>(cache: string | undefined, f: () => T): T {
  const saved = { home: process.env.XDG_CACHE_HOME, off: process.env.LLMTREE_CACHE };
  if (cache) process.env.XDG_CACHE_HOME = cache;
  else process.env.LLMTREE_CACHE = '0';
  try {
    return f();
  } finally {
    for (const [k, v] of [['XDG_CACHE_HOME', saved.home], ['LLMTREE_CACHE', saved.off]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function result(dir: string, memo: boolean) {
  const r = loadCatalog(dir, { now: NOW, parseMemo: memo });
  return { issues: r.issues.map(formatIssue), models: JSON.stringify(r.catalog.models), guide: JSON.stringify(r.guide) };
}

describe(`fuzzed catalogs (${RUNS} cases, seed ${SEED})`, () => {
  it('never crash or hang, always locate errors, agree with the cache off, cold and warm, and never touch the catalog', () => {
    let n = 0;
    let cliCases = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        if (process.env.LLMTREE_FUZZ_LOG) appendFileSync(process.env.LLMTREE_FUZZ_LOG, `${n} ${JSON.stringify(mutations)}\n`);
        const dir = mkdtempSync(join(tmpdir(), 'llmtree-fuzz-'));
        try {
          cpSync(MINI, dir, { recursive: true });
          for (const m of mutations) apply(dir, m);
          const before = fingerprint(dir);
          const cache = mkdtempSync(join(tmpdir(), 'llmtree-fuzz-cache-'));
          const t = Date.now();
          const off = withCache(undefined, () => result(dir, false));
          const cold = withCache(cache, () => result(dir, true));
          const warm = withCache(cache, () => result(dir, true));
          expect(Date.now() - t).toBeLessThan(CASE_MS);
          for (const i of off.issues) expect(i).toMatch(LOCATED);
          expect(cold).toEqual(off);
          expect(warm).toEqual(off);
          if (!off.issues.length) {
            // A snapshot written now reads back as the same catalog.
            const loaded = withCache(cache, () => {
              const r = loadCatalog(dir, { now: NOW });
              const key = catalogKey(dir)!;
              writeSnapshot(dir, key, { models: r.catalog.models, organizations: [...r.catalog.organizations.values()], licenses: [...r.catalog.licenses.values()] });
              return readSnapshot(dir, key)?.catalog.models;
            });
            expect(JSON.stringify(loaded)).toBe(off.models);
          }
          if (n++ % CLI_EVERY === 0) {
            cliCases++;
            const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'llmtree-fuzz-cache-')) };
            const runs = [{ LLMTREE_CACHE: '0' }, env, env].map((e) => cli(['validate', dir], { env: e, timeout: 60_000 }));
            for (const r of runs) {
              expect([0, 1, 2]).toContain(r.code);
              for (const l of r.stderr.trim().split('\n').slice(0, -1)) expect(l).toMatch(LOCATED);
              expect(r.stderr + r.stdout).toBe(runs[0].stderr + runs[0].stdout);
            }
            expect(runs[0].code === 0).toBe(off.issues.length === 0);
          }
          expect(fingerprint(dir)).toBe(before);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(n).toBeGreaterThanOrEqual(RUNS);
    expect(cliCases).toBeGreaterThan(0);
  }, Math.max(600_000, RUNS * 3_000));
});
