// Benchmark: a Hub-scale lineage dump into the SQLite store, and a big lineage query from it.
// Budgets (issue 12): 1M-row Hub dump (JSONL.gz) → SQLite in under 30 s with peak RSS under 500 MB;
// the unchanged re-import in under half that; `lineage` of a base with 100k descendants in under 200 ms.
// Run: npm run build && node bench/hub.mjs   (ROWS=n to change the size; the dump is cached in bench/out/)
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'llmtree.js');
const out = join(root, 'bench', 'out');
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const BIG = Math.min(100_000, Math.floor(ROWS / 10)); // descendants of meta-llama/Llama-2-7b-hf
const dump = join(out, `hub-${ROWS}.jsonl.gz`);
const db = join(out, `hub-${ROWS}.db`);
mkdirSync(out, { recursive: true });

// A deterministic pseudo-random generator, so every run measures the same dump.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const LICENSES = ['apache-2.0', 'mit', 'llama2', 'llama3', 'cc-by-nc-4.0', 'gemma', 'other', 'openrail'];
const PIPES = ['text-generation', 'text-generation', 'fill-mask', 'text2text-generation', 'feature-extraction'];
const RELS = ['finetune', 'adapter', 'quantized', 'merge'];

function record(i, bases, relation) {
  const id = i < BIG ? `user${i % 5000}/llama-2-7b-derivative-${i}` : `org${i % 20000}/model-${i}`;
  const placeholder = i % 10 === 0;
  const license = pick(LICENSES);
  const card = { license, ...(license === 'other' ? { license_name: pick(['llama2', 'tongyi-qianwen', 'deepseek']) } : {}) };
  const tags = ['transformers', 'safetensors', `license:${license}`, 'region:us'];
  if (bases.length) {
    card.base_model = bases.length === 1 ? bases[0] : bases;
    card.base_model_relation = relation;
    for (const b of bases) tags.push(`base_model:${relation}:${b}`);
  }
  return {
    _id: (0x10000000 + i).toString(16).padStart(24, '0'),
    id,
    author: id.split('/')[0],
    createdAt: placeholder ? '2022-03-02T23:29:04.000Z' : new Date(Date.UTC(2022, 3, 1) + i * 60_000).toISOString(),
    lastModified: new Date(Date.UTC(2024, 0, 1) + i * 30_000).toISOString(),
    downloads: Math.floor(rand() * 100_000),
    likes: Math.floor(rand() * 500),
    private: false,
    gated: false,
    pipeline_tag: pick(PIPES),
    library_name: 'transformers',
    tags,
    cardData: card,
  };
}

async function generate() {
  if (existsSync(dump)) return;
  const t = performance.now();
  const gz = createGzip({ level: 6 });
  const file = createWriteStream(dump + '.tmp');
  gz.pipe(file);
  const ids = [];
  for (let i = 0; i < ROWS; i++) {
    let bases = [];
    let relation = 'finetune';
    if (i < BIG) {
      // The big lineage: a tree under Llama 2 7B, each repo derived from an earlier one of the tree.
      bases = [i === 0 || rand() < 0.3 ? 'meta-llama/Llama-2-7b-hf' : ids[Math.floor(rand() * i)]];
      relation = pick(RELS.slice(0, 3));
    } else if (rand() < 0.6) {
      // Elsewhere: 60% derive from an earlier repo (sometimes two: a merge), 40% are roots.
      const n = rand() < 0.05 ? 2 : 1;
      for (let k = 0; k < n; k++) bases.push(ids[BIG + Math.floor(rand() * Math.max(1, i - BIG))] ?? 'meta-llama/Llama-2-7b-hf');
      relation = n > 1 ? 'merge' : pick(RELS.slice(0, 3));
    }
    const r = record(i, [...new Set(bases)].filter((b) => b), relation);
    ids.push(r.id);
    if (!gz.write(JSON.stringify(r) + '\n')) await once(gz, 'drain');
  }
  gz.end();
  await once(file, 'finish');
  spawnSync('mv', [dump + '.tmp', dump]);
  console.log(`generated ${ROWS} rows → ${dump} (${(statSync(dump).size / 1e6).toFixed(0)} MB gzip) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one CLI run, measured by GNU time. */
function run(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  const [secs, user, sys, kb] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { secs, cpu: user + sys, mb: kb / 1024, stdout: r.stdout };
}

await generate();
// REUSE=1 keeps a store imported by an earlier run and times the lineage only.
const reuse = !!process.env.REUSE && existsSync(db);
if (!reuse) rmSync(db, { force: true });
const first = reuse ? undefined : run(['import', 'hf', dump, '--db', db, '--no-progress']);
const again = reuse ? undefined : run(['import', 'hf', dump, '--db', db, '--no-progress']);
const summaryOf = (r) => r.stdout.trim().split('\n').at(-1);
run(['validate']); // the validated snapshot, as after any first run
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianRun = (args, n = 7) => {
  const rs = Array.from({ length: n }, () => run(args));
  return rs.sort((a, b) => a.secs - b.secs)[Math.floor(n / 2)];
};
// End to end: node start, catalog snapshot, store opened, walk, output written to a pipe.
const lin = medianRun(['lineage', 'llama-2', '--db', db, '--format', 'json']);
const json = JSON.parse(lin.stdout);
let count = 0;
for (const stack = [json.descendants]; stack.length; ) {
  const n = stack.pop();
  if (!n.repeated) count++;
  stack.push(...n.children);
}
count--;
const linText = medianRun(['lineage', 'llama-2', '--db', db]);
const linCount = medianRun(['lineage', 'llama-2', '--db', db, '--count']);
const linDepth = medianRun(['lineage', 'llama-2', '--db', db, '--depth', '1']);
const floor = medianRun(['lineage', 'llama-2']);
const nodeOnly = (() => {
  const rs = Array.from({ length: 7 }, () => spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, '-e', '0'], { encoding: 'utf8' }).stderr.trim().split(' ').map(Number));
  return median(rs.map((r) => r[0]));
})();

// In-process (catalog loaded): (a) open the store and collect the whole lineage (every node's id, date,
// relation); (b) the same and the JSON text of it in memory.
const { loadCatalog } = await import(join(root, 'dist', 'catalog', 'index.js'));
const { openHubDb } = await import(join(root, 'dist', 'store', 'hub-db.js'));
const { withHub } = await import(join(root, 'dist', 'store', 'hub-catalog.js'));
const { hubSourceOf, walkDescendants } = await import(join(root, 'dist', 'store', 'hub-lineage.js'));
const { catalog } = loadCatalog(join(root, 'catalog'));
const cpuMs = (c) => (c.user + c.system) / 1000;
function timed(f, n = 7) {
  const wall = [];
  const cpu = [];
  let result;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    result = f();
    wall.push(performance.now() - t);
    cpu.push(cpuMs(process.cpuUsage(c)));
  }
  return { wall: median(wall) / 1000, cpu: median(cpu) / 1000, result };
}
const collect = timed(() => {
  const h = openHubDb(db, { readonly: true });
  const ext = withHub(catalog, h);
  const nodes = [];
  walkDescendants(hubSourceOf(ext), ext.byId.get('llama-2'), { node: (s) => nodes.push(s), up() {} });
  h.close();
  return nodes.length;
});
const asJson = timed(() => {
  const h = openHubDb(db, { readonly: true });
  const ext = withHub(catalog, h);
  const parts = [];
  walkDescendants(hubSourceOf(ext), ext.byId.get('llama-2'), {
    node: (s) => parts.push(`{"id": ${JSON.stringify(s.id)}, "released": "${s.released}", "relation": "${s.relation}", "children": [${s.hasChildren ? '' : ']}'}`),
    up: () => parts.push(']}'),
  });
  h.close();
  return parts.join('').length;
});

const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ');
const mb = (r) => (r.stdout.length / 1e6).toFixed(1);
console.log(`${ROWS} rows; load average at the end: ${load}; db ${(statSync(db).size / 1e6).toFixed(0)} MB`);
console.log('| step | wall s | CPU s | peak RSS MB | budget |');
console.log('|---|---|---|---|---|');
if (first) console.log(`| import hf (fresh db) | ${first.secs.toFixed(1)} | ${first.cpu.toFixed(1)} | ${first.mb.toFixed(0)} | < 30 s, < 500 MB |`);
if (again) console.log(`| import hf again (unchanged) | ${again.secs.toFixed(1)} | ${again.cpu.toFixed(1)} | ${again.mb.toFixed(0)} | < ${(first.secs / 2).toFixed(1)} s (half) |`);
console.log(`| (a) in-process: open the store, collect the lineage of llama-2 (${collect.result - 1} nodes, median of 7) | ${collect.wall.toFixed(3)} | ${collect.cpu.toFixed(3)} | | < 0.2 s |`);
console.log(`| (a') the same and its JSON text in memory (${(asJson.result / 1e6).toFixed(1)} MB) | ${asJson.wall.toFixed(3)} | ${asJson.cpu.toFixed(3)} | | |`);
console.log(`| (b) lineage llama-2 --db --format json, end to end, to a pipe (${count} descendants, ${mb(lin)} MB, median of 7) | ${lin.secs.toFixed(2)} | ${lin.cpu.toFixed(2)} | ${lin.mb.toFixed(0)} | < 0.2 s |`);
console.log(`| (b) lineage llama-2 --db (text, ${mb(linText)} MB) | ${linText.secs.toFixed(2)} | ${linText.cpu.toFixed(2)} | ${linText.mb.toFixed(0)} | |`);
console.log(`| (b) lineage llama-2 --db --count | ${linCount.secs.toFixed(2)} | ${linCount.cpu.toFixed(2)} | ${linCount.mb.toFixed(0)} | |`);
console.log(`| (b) lineage llama-2 --db --depth 1 (${mb(linDepth)} MB) | ${linDepth.secs.toFixed(2)} | ${linDepth.cpu.toFixed(2)} | ${linDepth.mb.toFixed(0)} | |`);
console.log(`| floor: lineage llama-2 without --db | ${floor.secs.toFixed(2)} | ${floor.cpu.toFixed(2)} | ${floor.mb.toFixed(0)} | |`);
console.log(`| floor: node -e 0 | ${nodeOnly.toFixed(2)} | | | |`);
console.log(`count:  ${linCount.stdout.trim()}`);
if (first) console.log(`first:  ${summaryOf(first)}`);
if (again) console.log(`again:  ${summaryOf(again)}`);
