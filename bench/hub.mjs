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
rmSync(db, { force: true });
const first = run(['import', 'hf', dump, '--db', db, '--no-progress']);
const again = run(['import', 'hf', dump, '--db', db, '--no-progress']);
const summaryOf = (r) => r.stdout.trim().split('\n').at(-1);
run(['validate']); // the validated snapshot, as after any first run
const lineage = [];
for (let i = 0; i < 7; i++) lineage.push(run(['lineage', 'llama-2', '--db', db, '--format', 'json']));
lineage.sort((a, b) => a.secs - b.secs);
const lin = lineage[3];
const count = (JSON.stringify(JSON.parse(lin.stdout).descendants).match(/"id":/g) ?? []).length - 1;

// In-process: the lineage query alone (catalog already loaded, database opened).
const { loadCatalog } = await import(join(root, 'dist', 'catalog', 'index.js'));
const { openHubDb } = await import(join(root, 'dist', 'store', 'hub-db.js'));
const { withHub } = await import(join(root, 'dist', 'store', 'hub-catalog.js'));
const { descendants } = await import(join(root, 'dist', 'graph', 'index.js'));
const { catalog } = loadCatalog(join(root, 'catalog'));
const { descendantEdges } = await import(join(root, 'dist', 'store', 'hub-db.js'));
const times = [];
const cpuTimes = [];
const query = [];
const queryCpu = [];
const cpuMs = (c) => (c.user + c.system) / 1000;
for (let i = 0; i < 5; i++) {
  const h = openHubDb(db, { readonly: true });
  let t = performance.now();
  let c = process.cpuUsage();
  descendantEdges(h, catalog.byId.get('llama-2').hf);
  query.push(performance.now() - t);
  queryCpu.push(cpuMs(process.cpuUsage(c)));
  const ext = withHub(catalog, h);
  t = performance.now();
  c = process.cpuUsage();
  descendants(ext, ext.byId.get('llama-2'));
  times.push(performance.now() - t);
  cpuTimes.push(cpuMs(process.cpuUsage(c)));
}
for (const xs of [times, cpuTimes, query, queryCpu]) xs.sort((a, b) => a - b);

const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ');
console.log(`${ROWS} rows; load average at the end: ${load}; db ${(statSync(db).size / 1e6).toFixed(0)} MB`);
console.log('| step | wall s | CPU s | peak RSS MB | budget |');
console.log('|---|---|---|---|---|');
console.log(`| import hf (fresh db) | ${first.secs.toFixed(1)} | ${first.cpu.toFixed(1)} | ${first.mb.toFixed(0)} | < 30 s, < 500 MB |`);
console.log(`| import hf again (unchanged) | ${again.secs.toFixed(1)} | ${again.cpu.toFixed(1)} | ${again.mb.toFixed(0)} | < ${(first.secs / 2).toFixed(1)} s (half) |`);
console.log(`| lineage llama-2 --db --format json (${count} descendants, median of 7, end to end) | ${lin.secs.toFixed(2)} | ${lin.cpu.toFixed(2)} | ${lin.mb.toFixed(0)} | < 0.2 s |`);
console.log(`| store query: every edge below llama-2 (median of 5, in-process) | ${(query[2] / 1000).toFixed(3)} | ${(queryCpu[2] / 1000).toFixed(3)} | | < 0.2 s |`);
console.log(`| descendants() tree in-process, db opened (median of 5) | ${(times[2] / 1000).toFixed(3)} | ${(cpuTimes[2] / 1000).toFixed(3)} | | |`);
console.log(`first:  ${summaryOf(first)}`);
console.log(`again:  ${summaryOf(again)}`);
