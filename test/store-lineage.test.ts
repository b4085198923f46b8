/**
 * The Hub store's lineage walk (packed pages in lineage order, streamed output) against a plain reference
 * on a generated DAG with merges, diamonds and a cycle; the numbering; incremental page rebuilds; format
 * upgrades; the CLI's output.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadCatalog } from '../src/catalog/load.js';
import { descendants, type LineageNode } from '../src/graph/index.js';
import { openHubDb } from '../src/store/hub-db.js';
import { withHub } from '../src/store/hub-catalog.js';
import { hubSourceOf, walkDescendants, type LineageStep } from '../src/store/hub-lineage.js';
import { HubPages } from '../src/store/hub-pages.js';
import { importHubFile } from '../src/import/hub-import.js';
import { ROOT, cli } from './helpers.js';

const CAT = join(ROOT, 'test', 'fixtures', 'import', 'catalog');
const { catalog } = loadCatalog(CAT);
const tmp = () => mkdtempSync(join(tmpdir(), 'llmtree-lineage-'));

/** A Hub dump: `n` repos under gen/root (several bases each: merges), plus a cycle a → b → c → a below it. */
function dag(n: number, seed: number, overrides: Record<string, string[]> = {}): Map<string, string[]> {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const repos = new Map<string, string[]>([['gen/root', []]]);
  const ids = ['gen/root'];
  for (let i = 0; i < n; i++) {
    const id = `gen/m-${i}`;
    const k = rand() < 0.2 ? 2 + Math.floor(rand() * 2) : 1;
    const bases = new Set<string>();
    for (let j = 0; j < k; j++) bases.add(ids[Math.floor(rand() * ids.length)]);
    repos.set(id, [...bases]);
    ids.push(id);
  }
  // Also under Llama 2's repo (a catalog model), one with a base outside the dump, in other letter case.
  repos.set('gen/llama-kid', ['META-LLAMA/llama-2-7b-hf', 'gen/m-3']);
  repos.set('gen/outside-kid', ['nobody/not-in-dump']);
  repos.set('gen/cycle-a', ['gen/m-5', 'gen/cycle-c']);
  repos.set('gen/cycle-b', ['gen/cycle-a']);
  repos.set('gen/cycle-c', ['gen/cycle-b']);
  for (const [id, bases] of Object.entries(overrides)) repos.set(id, bases);
  return repos;
}

function writeDump(repos: Map<string, string[]>, downloads = 0): string {
  const file = join(tmp(), 'dump.jsonl');
  const lines = [...repos].map(([id, bases], i) =>
    JSON.stringify({
      id,
      downloads: downloads + i,
      createdAt: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString(),
      tags: ['license:mit'],
      cardData: { license: 'mit', ...(bases.length ? { base_model: bases, base_model_relation: bases.length > 1 ? 'merge' : 'finetune' } : {}) },
    }),
  );
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The reference: everything reachable from `root` along base → derivative links, by plain recursion. */
function reachable(repos: Map<string, string[]>, root: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const [id, bases] of repos) for (const b of bases) kids.set(b.toLowerCase(), [...(kids.get(b.toLowerCase()) ?? []), id]);
  const out = new Set<string>();
  const visit = (id: string) => {
    for (const k of kids.get(id.toLowerCase()) ?? []) {
      if (out.has(k)) continue;
      out.add(k);
      visit(k);
    }
  };
  visit(root);
  out.delete(root);
  return out;
}

function steps(db: Database.Database, id: string, maxDepth = Infinity): LineageStep[] {
  const ext = withHub(catalog, db);
  const out: LineageStep[] = [];
  walkDescendants(hubSourceOf(ext)!, ext.resolve(id)!, { node: (s) => out.push(s), up() {} }, maxDepth);
  return out;
}

/** The generic tree (`descendants()` over the extended catalog) as steps, for comparison. */
function treeSteps(root: LineageNode, depth = 0, acc: [number, string, boolean][] = []): [number, string, boolean][] {
  acc.push([depth, root.id, !!root.repeated]);
  for (const c of root.children) treeSteps(c, depth + 1, acc);
  return acc;
}

/** Every derived row (the lineage pages), for comparison. */
function derived(db: Database.Database): unknown[] {
  return ['graph', 'labels', 'rid_pos', 'pos_rid'].map((t) => db.prepare(`SELECT page, data FROM ${t} ORDER BY page`).raw().all());
}

/** Store positions of repo ids. */
function positions(db: Database.Database, ids: string[]): number[] {
  const pages = new HubPages(db);
  return ids.map((id) => pages.node(id)!);
}

async function importInto(file: string, dump: string) {
  const db = openHubDb(file);
  await importHubFile(dump, db, { showProgress: false });
  return db;
}

describe('Hub lineage walk', () => {
  const repos = dag(400, 7);
  const dump = writeDump(repos);

  it('finds the same descendants as a plain recursion, each once, the rest marked repeated', async () => {
    const db = await importInto(':memory:', dump);
    const s = steps(db, 'gen/root');
    const shown = s.slice(1).filter((x) => !x.repeated).map((x) => x.id);
    expect(new Set(shown).size).toBe(shown.length);
    expect(new Set(shown)).toEqual(reachable(repos, 'gen/root'));
    expect(s.some((x) => x.repeated)).toBe(true); // merges and the cycle
    // Every repeated node was shown in full before.
    const before = new Set<string>();
    for (const x of s) {
      if (x.repeated) expect(before.has(x.id)).toBe(true);
      before.add(x.id);
    }
    // The cycle ends: gen/cycle-a comes back below gen/cycle-c as a repeated leaf.
    const c = s.findIndex((x) => x.id === 'gen/cycle-c');
    expect(s[c + 1]).toMatchObject({ id: 'gen/cycle-a', repeated: true, depth: s[c].depth + 1 });
    // Each step's parent is a base of it, with the Hub relation.
    const parentAt: string[] = [];
    for (const x of s) {
      if (x.depth > 0) expect(repos.get(x.id)!.map((b) => b.toLowerCase())).toContain(parentAt[x.depth - 1].toLowerCase());
      if (x.depth > 0) expect(x.relation).toBe(repos.get(x.id)!.length > 1 ? 'merge' : 'finetune');
      parentAt[x.depth] = x.id;
    }
  });

  it('gives the tree descendants() gives over the extended catalog, for a repo and for a catalog model', async () => {
    const db = await importInto(':memory:', dump);
    const ext = withHub(catalog, db);
    for (const id of ['gen/root', 'gen/m-3', 'llama-2']) {
      const walk = steps(db, id).map((x) => [x.depth, x.id, x.repeated]);
      expect(walk).toEqual(treeSteps(descendants(ext, ext.resolve(id)!)));
    }
    const llama = steps(db, 'llama-2');
    expect(llama.map((x) => x.id)).toEqual(expect.arrayContaining(['llama-2-chat', 'gen/llama-kid']));
    expect(llama.find((x) => x.id === 'gen/llama-kid')).toMatchObject({ depth: 1, relation: 'merge' });
    expect(steps(db, 'gen/outside-kid').length).toBe(1);
  });

  it('stops at --depth', async () => {
    const db = await importInto(':memory:', dump);
    const s = steps(db, 'gen/root', 2);
    expect(Math.max(...s.map((x) => x.depth))).toBe(2);
    expect(s.filter((x) => x.depth === 2).every((x) => !x.hasChildren)).toBe(true);
    expect(s.filter((x) => x.depth <= 2).length).toBe(s.length);
  });

  it('a re-import that changes a few records keeps every position, appends new repos, and the walk follows the new links', async () => {
    const file = join(tmp(), 'hub.db');
    (await importInto(file, dump)).close();
    const changed = dag(400, 7, { 'gen/m-10': ['gen/m-399'], 'gen/new-1': ['gen/m-10', 'gen/root'], 'gen/m-399': ['gen/m-398'] });
    const db = openHubDb(file);
    const before = derived(db);
    const posBefore = positions(db, [...repos.keys()]);
    const count = Number(db.prepare("SELECT value FROM meta WHERE key = 'positions'").pluck().get());
    const r = await importHubFile(writeDump(changed), db, { showProgress: false });
    expect(r.summary.imported).toBeGreaterThan(0);
    expect(r.summary.imported).toBeLessThan(changed.size);
    expect(positions(db, [...repos.keys()])).toEqual(posBefore);
    expect(positions(db, ['gen/new-1'])).toEqual([count]);
    expect(derived(db)).not.toEqual(before);
    const s = steps(db, 'gen/root');
    expect(new Set(s.slice(1).filter((x) => !x.repeated).map((x) => x.id))).toEqual(reachable(changed, 'gen/root'));
    const fresh = await importInto(':memory:', writeDump(changed));
    expect(s.map((x) => x.id).sort()).toEqual(steps(fresh, 'gen/root').map((x) => x.id).sort());
    // Unchanged, or changed only in download counts: nothing derived is rewritten.
    const after = derived(db);
    await importHubFile(writeDump(changed), db, { showProgress: false });
    expect(derived(db)).toEqual(after);
    const counts = await importHubFile(writeDump(changed, 1000), db, { showProgress: false });
    expect(counts.summary.imported).toBe(changed.size);
    expect(derived(db)).toEqual(after);
    expect(db.prepare("SELECT downloads FROM repo_rows WHERE id = 'gen/root'").pluck().get()).toBe(1000);
  });

  it('numbers a tree in lineage order: every subtree is a run of positions, walked in order', async () => {
    const tree = new Map<string, string[]>([['t/root', []]]);
    let s = 3;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 300; i++) tree.set(`t/n-${i}`, [[...tree.keys()][Math.floor(rand() * tree.size)]]);
    const db = await importInto(':memory:', writeDump(tree));
    const pages = new HubPages(db);
    for (const id of ['t/root', 't/n-0', 't/n-7', 't/n-30']) {
      const pos = pages.node(id)!;
      const under = positions(db, [...reachable(tree, id)]).sort((a, b) => a - b);
      expect(under).toEqual(under.map((_, i) => pos + 1 + i));
    }
    const walked = steps(db, 't/root').map((x) => pages.node(x.id)!);
    expect(walked).toEqual(walked.map((_, i) => walked[0] + i));
  });

  it('renumbers everything once a re-import has added more than a quarter of the store', async () => {
    const small = new Map<string, string[]>([['r/root', []], ['r/a', ['r/root']]]);
    const db = await importInto(':memory:', writeDump(small));
    const big = new Map(small);
    for (let i = 0; i < 5000; i++) big.set(`r/n-${i}`, [i % 2 ? 'r/root' : `r/n-${i - 1 < 0 ? 0 : i - 1}`]);
    big.set('r/b', ['r/a']);
    await importHubFile(writeDump(big), db, { showProgress: false });
    const meta = (k: string) => Number(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(k));
    expect(meta('numbered')).toBe(meta('positions'));
    const [a, b] = positions(db, ['r/a', 'r/b']);
    expect(b).toBe(a + 1); // r/b follows its base again
    expect(new Set(steps(db, 'r/root').slice(1).map((x) => x.id))).toEqual(reachable(big, 'r/root'));
  });

  it('refuses a store of the older format with what to do', () => {
    const file = join(tmp(), 'old.db');
    const old = new Database(file);
    old.exec("CREATE TABLE repos (id TEXT PRIMARY KEY); CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('format', 'llmtree-hub-2');");
    old.close();
    expect(() => openHubDb(file, { readonly: true })).toThrow(/older format \(llmtree-hub-2.*import hf DUMP --db NEW\.db/);
    expect(() => openHubDb(file)).toThrow(/older format/);
    const r = cli(['lineage', 'llama-2', '--catalog', CAT, '--db', file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/older format/);
  });

  it('upgrades a store of format 3 (same rows, other pages) in place when an import opens it, and only then', async () => {
    const file = join(tmp(), 'v3.db');
    const db = await importInto(file, dump);
    const want = steps(db, 'gen/root');
    db.exec("DROP TABLE graph; DROP TABLE labels; DROP TABLE rid_pos; DROP TABLE pos_rid; CREATE TABLE pages (page INTEGER PRIMARY KEY, data BLOB NOT NULL); UPDATE meta SET value = 'llmtree-hub-3' WHERE key = 'format'");
    db.close();
    expect(() => openHubDb(file, { readonly: true })).toThrow(/older format \(llmtree-hub-3.*Upgrade it in place.*import hf DUMP --db/);
    const r = cli(['lineage', 'gen/root', '--catalog', CAT, '--db', file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Upgrade it in place/);
    openHubDb(file).close();
    const upgraded = openHubDb(file, { readonly: true });
    expect(steps(upgraded, 'gen/root')).toEqual(want);
    expect(upgraded.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get()).toBe('llmtree-hub-4');
  });
});

describe('CLI: lineage --db', () => {
  const repos = dag(300, 11);
  const d = tmp();
  const db = join(d, 'hub.db');
  const imported = cli(['import', 'hf', writeDump(repos), '--db', db, '--catalog', CAT]);

  it('prints the tree as text, valid JSON, counts, and a depth-limited tree', () => {
    expect(imported.code).toBe(0);
    const n = reachable(repos, 'gen/root').size;
    const text = cli(['lineage', 'gen/root', '--catalog', CAT, '--db', db]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const down = lines.slice(lines.indexOf('Descendants:') + 1).filter(Boolean);
    expect(down[0]).toMatch(/^ {2}gen\/root \(gen\/root, 2023-01-01\)$/);
    expect(down.filter((l) => !l.endsWith(' …')).length).toBe(n + 1);
    expect(down[1]).toMatch(/^ {2}[├└]─ gen\/m-\d+ \(gen\/m-\d+, \d{4}-\d\d-\d\d\) → (finetune|merge)$/);
    const j = JSON.parse(cli(['lineage', 'gen/root', '--catalog', CAT, '--db', db, '--format', 'json']).stdout);
    const ids: string[] = [];
    const walk = (x: LineageNode) => {
      if (!x.repeated) ids.push(x.id);
      x.children.forEach(walk);
    };
    walk(j.descendants);
    expect(new Set(ids.slice(1))).toEqual(reachable(repos, 'gen/root'));
    expect(j.model).toBe('gen/root');
    const count = JSON.parse(cli(['lineage', 'gen/root', '--catalog', CAT, '--db', db, '--count', '--format', 'json']).stdout);
    expect(count).toMatchObject({ model: 'gen/root', descendants: n });
    expect(cli(['lineage', 'gen/root', '--catalog', CAT, '--db', db, '--count']).stdout).toMatch(new RegExp(`^gen/root \\(gen/root\\): ${n} descendants`));
    const shallow = JSON.parse(cli(['lineage', 'gen/root', '--catalog', CAT, '--db', db, '--depth', '1', '--format', 'json']).stdout);
    expect(shallow.descendants.children.every((c: LineageNode) => c.children.length === 0)).toBe(true);
    expect(cli(['lineage', 'gen/root', '--catalog', CAT, '--db', db, '--depth', 'x']).code).toBe(2);
  });

  it('--depth and --count work without a store too, and the plain tree is unchanged', () => {
    const full = cli(['lineage', 'llama-2', '--catalog', CAT]);
    const streamed = cli(['lineage', 'llama-2', '--catalog', CAT, '--depth', '99']);
    expect(streamed.stdout).toBe(full.stdout);
    const a = JSON.parse(cli(['lineage', 'llama-2', '--catalog', CAT, '--format', 'json']).stdout);
    const b = JSON.parse(cli(['lineage', 'llama-2', '--catalog', CAT, '--format', 'json', '--depth', '99']).stdout);
    expect(b).toEqual(a);
    expect(cli(['lineage', 'llama-2', '--catalog', CAT, '--count']).stdout).toMatch(/^Llama 2 \(llama-2\): \d+ descendants/);
  });
});
