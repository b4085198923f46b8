// Benchmark: `llmtree validate` and `llmtree list --format json` on the bundled catalog, end to end
// from process start (the budgets: 0.5 s and 0.3 s), plus the in-process load for reference.
// Run: npm run build && node bench/catalog.mjs   (RUNS=n to change the number of runs per row)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'llmtree.js');
const runs = Number(process.env.RUNS ?? 15);

function time(args, env = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

const node = (() => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
})();

const { loadCatalog } = await import(join(root, 'dist', 'catalog', 'index.js'));
const t0 = performance.now();
const { catalog } = loadCatalog(join(root, 'catalog'));
const load = performance.now() - t0;

const rows = [
  ['node -e 0 (process start floor)', { median: node }, null],
  ['llmtree validate (parse memo warm)', time(['validate']), 500],
  ['llmtree validate, LLMTREE_CACHE=0 (every file parsed)', time(['validate'], { LLMTREE_CACHE: '0' }), 500],
  ['llmtree list --format json (validated snapshot)', time(['list', '--format', 'json']), 300],
  ['llmtree list --format json, LLMTREE_CACHE=0 (full load)', time(['list', '--format', 'json'], { LLMTREE_CACHE: '0' }), 300],
];
console.log(`catalog: ${catalog.models.length} models; in-process first load ${load.toFixed(0)} ms; ${runs} runs each`);
console.log('| command | median ms | min ms | budget ms | median / budget |');
console.log('|---|---|---|---|---|');
for (const [name, t, budget] of rows)
  console.log(`| ${name} | ${t.median.toFixed(0)} | ${t.min?.toFixed(0) ?? ''} | ${budget ?? ''} | ${budget ? (t.median / budget).toFixed(2) : ''} |`);
