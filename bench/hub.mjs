// Benchmark: a Hub-scale lineage dump into the SQLite store, and a big lineage query from it.
// Budgets (issue 12): 1M-row Hub dump (JSONL.gz) → SQLite in under 30 s with peak RSS under 500 MB;
// the unchanged re-import in under half that; `lineage` of a base with 100k descendants in under 200 ms.
// Run: npm run build && node bench/hub.mjs   (ROWS=n to change the size; the dump is cached in bench/out/;
// REUSE=1 keeps the store of an earlier run; BASE=DIR [BASE_DB=FILE] also times another build, in turn)
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
function run(args, cliPath = cli) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cliPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
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

// BASE=DIR (another built checkout, e.g. the main branch) measures the same queries with that build, in
// turn with this one (the machine may be shared: alternating keeps the load alike); BASE_DB is a store
// that build made from the same dump (default bench/out/base-hub-N.db, imported by it if missing).
const base = process.env.BASE ? join(process.env.BASE) : undefined;
const baseCli = base && join(base, 'dist', 'cli', 'llmtree.js');
const baseDb = base && (process.env.BASE_DB ?? join(out, `base-hub-${ROWS}.db`));
if (base && !existsSync(baseDb)) run(['import', 'hf', dump, '--db', baseDb, '--no-progress'], baseCli);
run(['validate']); // the validated snapshot, as after any first run
if (base) run(['validate'], baseCli);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const N = Number(process.env.RUNS ?? 7);
/** The median run (by wall time) of each build, runs alternating between them. */
function medianRuns(args) {
  const mine = [];
  const theirs = [];
  for (let i = 0; i < N; i++) {
    mine.push(run(args.map((a) => (a === '$DB' ? db : a))));
    if (base) theirs.push(run(args.map((a) => (a === '$DB' ? baseDb : a)), baseCli));
  }
  const mid = (rs) => (rs.length ? { ...rs.sort((a, b) => a.secs - b.secs)[Math.floor(rs.length / 2)], cpu: median(rs.map((r) => r.cpu)) } : undefined);
  return [mid(mine), mid(theirs)];
}
// End to end: node start, catalog snapshot, store opened, walk, output written to a pipe.
const lin = medianRuns(['lineage', 'llama-2', '--db', '$DB', '--format', 'json']);
const json = JSON.parse(lin[0].stdout);
let count = 0;
for (const stack = [json.descendants]; stack.length; ) {
  const n = stack.pop();
  if (!n.repeated) count++;
  stack.push(...n.children);
}
count--;
if (lin[1] && lin[1].stdout !== lin[0].stdout) console.log('NOTE: the two builds print different JSON');
const linText = medianRuns(['lineage', 'llama-2', '--db', '$DB']);
const linCount = medianRuns(['lineage', 'llama-2', '--db', '$DB', '--count']);
const linDepth = medianRuns(['lineage', 'llama-2', '--db', '$DB', '--depth', '1']);
const floor = medianRuns(['lineage', 'llama-2']);
const nodeOnly = median(Array.from({ length: N }, () => run(['0'], '-e').secs)); // `node -e 0`

// In-process (catalog loaded): open the store and (a) collect the whole lineage (every node's id, date,
// relation), (a') the same and its JSON text in memory, (c) the counts only. Child processes, in turn.
function inProcess(dir, file) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'hub-lineage.mjs'), dir, file, 'llama-2', '5'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`hub-lineage.mjs ${dir}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}
const inMine = [];
const inTheirs = [];
for (let i = 0; i < 3; i++) {
  inMine.push(inProcess(root, db));
  if (base) inTheirs.push(inProcess(base, baseDb));
}
const inStep = (rs, k) => (rs.length ? { wall: median(rs.map((r) => r[k].wall)), cpu: median(rs.map((r) => r[k].cpu)), result: rs[0][k].result } : undefined);

const load = spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ');
const mb = (r) => (r.stdout.length / 1e6).toFixed(1);
const cells = (r, digits = 2) => (r ? `${r.secs !== undefined ? r.secs.toFixed(digits) : r.wall.toFixed(digits)} | ${r.cpu.toFixed(digits)} | ${r.mb !== undefined ? r.mb.toFixed(0) : ''}` : ' | | ');
console.log(`${ROWS} rows; load average at the end: ${load}; db ${(statSync(db).size / 1e6).toFixed(0)} MB${base ? `; base: ${base} (${baseDb})` : ''}`);
console.log(`| step | wall s | CPU s | peak RSS MB |${base ? ' base: wall s | base: CPU s | base: peak RSS MB |' : ''} budget |`);
console.log(`|---|---|---|---|${base ? '---|---|---|' : ''}---|`);
const row = (label, [mine, theirs], budget = '', digits = 2) => console.log(`| ${label} | ${cells(mine, digits)} |${base ? ` ${cells(theirs, digits)} |` : ''} ${budget} |`);
if (first) console.log(`| import hf (fresh db) | ${first.secs.toFixed(1)} | ${first.cpu.toFixed(1)} | ${first.mb.toFixed(0)} |${base ? ' | | |' : ''} < 30 s, < 500 MB |`);
if (again) console.log(`| import hf again (unchanged) | ${again.secs.toFixed(1)} | ${again.cpu.toFixed(1)} | ${again.mb.toFixed(0)} |${base ? ' | | |' : ''} < ${(first.secs / 2).toFixed(1)} s (half) |`);
const collect = [inStep(inMine, 'collect'), inStep(inTheirs, 'collect')];
row(`(a) in-process: open the store, collect the lineage of llama-2 (${collect[0].result} nodes, median of 3×5)`, collect, '< 0.2 s', 3);
row('(a0) calibration: as many step objects made and kept, no store', [inStep(inMine, 'objects'), inStep(inTheirs, 'objects')], '', 3);
row(`(a') the same and its JSON text in memory (${(inStep(inMine, 'asJson').result / 1e6).toFixed(1)} MB)`, [inStep(inMine, 'asJson'), inStep(inTheirs, 'asJson')], '', 3);
row(`(c) in-process: open the store, count the lineage (no labels)`, [inStep(inMine, 'count'), inStep(inTheirs, 'count')], '', 3);
row(`(b) lineage llama-2 --db --format json, end to end, to a pipe (${count} descendants, ${mb(lin[0])} MB, median of ${N})`, lin, '< 0.2 s');
row(`(b) lineage llama-2 --db (text, ${mb(linText[0])} MB)`, linText);
row('(b) lineage llama-2 --db --count', linCount);
row(`(b) lineage llama-2 --db --depth 1 (${mb(linDepth[0])} MB)`, linDepth);
row('floor: lineage llama-2 without --db', floor);
console.log(`| floor: node -e 0 | ${nodeOnly.toFixed(2)} | | |${base ? ' | | |' : ''} |`);
console.log(`count:  ${linCount[0].stdout.trim()}`);
if (first) console.log(`first:  ${summaryOf(first)}`);
if (again) console.log(`again:  ${summaryOf(again)}`);
