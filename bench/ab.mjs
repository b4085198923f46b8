#!/usr/bin/env node
// A/B speed of two builds of llmtree, run alternately in the same minutes (the machine is shared, so only
// side-by-side numbers compare): `node bench/ab.mjs BASE [rounds]`, where BASE is another checkout's
// package root with a built dist/ (e.g. a copy of main: `mkdir -p bench/out/base && cp -r ../main/dist
// package.json bench/out/base/ && ln -s "$PWD/node_modules" bench/out/base/`). This checkout is "new".
// Each round runs, for BASE then this checkout (order swapped every round):
//   - the default figure (landmarks, 16:9) catalog → scene → SVG in a fresh process: the first (cold) run
//     and the median of 9 warm runs after it, as bench/figure.mjs measures them;
//   - the same for --all;
//   - `llmtree render -o …svg` and `llmtree render --all -o …svg` end to end (wall; CPU from perf stat or GNU time).
// Prints medians per build and new/base ratios. Outputs of both builds must be byte-identical (checked).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.argv[2] === '--child') {
  // In-process: node bench/ab.mjs --child ROOT default|all
  const root = process.argv[3], which = process.argv[4];
  const imp = (p) => import(pathToFileURL(resolve(root, 'dist', p)).href);
  const { loadCatalog, filterModels } = await imp('catalog/index.js');
  const { layoutTree } = await imp('layout/index.js');
  const { renderSvg } = await imp('render/svg.js');
  const { catalog } = loadCatalog('catalog');
  const models = which === 'all' ? catalog.models : filterModels(catalog, { landmark: true });
  const opts = which === 'all' ? {} : { aspect: 16 / 9 };
  const run = () => renderSvg(layoutTree(catalog, models, opts));
  const cpuMs = (c) => (c.user + c.system) / 1000;
  const time = () => {
    const t = performance.now(), c = process.cpuUsage();
    run();
    return [performance.now() - t, cpuMs(process.cpuUsage(c))];
  };
  const [cold, coldCpu] = time();
  const warm = [], warmCpu = [];
  for (let i = 0; i < 9; i++) {
    const [w, c] = time();
    warm.push(w);
    warmCpu.push(c);
  }
  process.stdout.write(JSON.stringify({ cold, coldCpu, warm: median(warm), warmCpu: median(warmCpu) }));
  process.exit(0);
}

const base = resolve(process.argv[2] ?? 'bench/out/base');
const rounds = Number(process.argv[3] ?? 7);
const builds = { base, new: resolve('.') };
for (const r of Object.values(builds)) if (!existsSync(resolve(r, 'dist/cli/llmtree.js'))) throw new Error(`no build at ${r}/dist`);
mkdirSync('bench/out', { recursive: true });
// CPU time of a child: `perf stat` (task-clock, to 0.01 ms) where installed, else GNU time (to 10 ms).
const perf = spawnSync('perf', ['stat', '-x', ',', '-e', 'task-clock', 'true'], { encoding: 'utf8' }).status === 0;
const timed = perf || existsSync('/usr/bin/time');
// Each build reads its own copy of the catalog, so each has the validated snapshot its own version writes.
const catalogs = {};
for (const b of Object.keys(builds)) {
  catalogs[b] = resolve(`bench/out/ab-catalog-${b}`);
  rmSync(catalogs[b], { recursive: true, force: true });
  cpSync('catalog', catalogs[b], { recursive: true });
  const r = spawnSync('node', [resolve(builds[b], 'dist/cli/llmtree.js'), 'validate', catalogs[b]], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

function cli(b, name, args) {
  const out = `bench/out/ab-${name}.svg`;
  const cmd = ['node', resolve(builds[b], 'dist/cli/llmtree.js'), 'render', '--catalog', catalogs[b], ...args, '-o', out];
  const t = performance.now();
  const r = perf
    ? spawnSync('perf', ['stat', '-x', ',', '-e', 'task-clock', ...cmd], { encoding: 'utf8' })
    : timed ? spawnSync('/usr/bin/time', ['-f', '%U %S', ...cmd], { encoding: 'utf8' }) : spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')}: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop();
  const cpu = perf ? Number(last.split(',')[0]) : timed ? last.split(' ').map(Number).reduce((a, b) => a + b, 0) * 1000 : NaN;
  return { wall, cpu, out };
}
function child(root, which) {
  const r = spawnSync('node', [resolve('bench/ab.mjs'), '--child', root, which], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const rows = {};
const add = (k, b, v) => ((rows[k] ??= { base: [], new: [] })[b].push(v));
for (let i = 0; i < rounds; i++) {
  const order = i % 2 ? ['new', 'base'] : ['base', 'new'];
  for (const b of order) {
    for (const which of ['default', 'all']) {
      const r = child(builds[b], which);
      add(`${which}: in-process, first run (cold) wall`, b, r.cold);
      add(`${which}: in-process, first run (cold) CPU`, b, r.coldCpu);
      add(`${which}: in-process, warm (median of 9) wall`, b, r.warm);
      add(`${which}: in-process, warm (median of 9) CPU`, b, r.warmCpu);
    }
    for (const [k, args] of [['render -o tree.svg', []], ['render --all -o tree.svg', ['--all']]]) {
      const r = cli(b, `${b}-${args.length}`, args);
      add(`\`llmtree ${k}\` wall`, b, r.wall);
      if (timed) add(`\`llmtree ${k}\` CPU`, b, r.cpu);
    }
  }
}
for (const n of [0, 1]) {
  if (!readFileSync(`bench/out/ab-base-${n}.svg`).equals(readFileSync(`bench/out/ab-new-${n}.svg`))) console.log(`**outputs differ** (bench/out/ab-*-${n}.svg)`);
}
console.log(`Node ${process.version}; ${rounds} alternating rounds; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}; medians in ms\n`);
console.log('| measure | base | new | new / base |\n|---|---:|---:|---:|');
for (const [k, v] of Object.entries(rows)) {
  const b = median(v.base), n = median(v.new);
  console.log(`| ${k} | ${b.toFixed(0)} | ${n.toFixed(0)} | ${(n / b).toFixed(2)} |`);
}
