#!/usr/bin/env node
// Figure benchmarks (issue 9). Build first: `npm run build && node bench/figure.mjs` (writes to bench/out/).
// Rows: the default (landmark, 16:9) figure and the whole catalog (--all), catalog → scene → SVG in-process
// (icons read once); `llmtree render -o tree.svg` end to end; the landmark animation by quarter, end to end.
// Prints a Markdown table of medians, with CPU time beside wall time (the machine is shared).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadCatalog, filterModels } from '../dist/catalog/index.js';
import { layoutTree, layoutMetrics } from '../dist/layout/index.js';
import { renderSvg } from '../dist/render/svg.js';
import { readIcons } from '../dist/cli/render.js';

mkdirSync('bench/out', { recursive: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, runs) {
  fn(); // warm-up
  const wall = [], cpu = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now(), c = process.cpuUsage();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}
/** Wall and CPU (user + system, from GNU time when installed) of `llmtree ARGS`, median of `runs` after a warm-up. */
function spawnTime(args, runs) {
  const wall = [], cpu = [];
  const timed = existsSync('/usr/bin/time');
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = timed
      ? spawnSync('/usr/bin/time', ['-f', '%U %S', 'node', 'dist/cli/llmtree.js', ...args], { encoding: 'utf8' })
      : spawnSync('node', ['dist/cli/llmtree.js', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`llmtree ${args.join(' ')} failed: ${r.stderr}`);
    if (!i) continue;
    wall.push(performance.now() - t);
    if (timed) {
      const [u, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
      cpu.push((u + sys) * 1000);
    }
  }
  return { wall: median(wall), cpu: cpu.length ? median(cpu) : undefined };
}

const { catalog } = loadCatalog('catalog');
const landmarks = filterModels(catalog, { landmark: true });
const rows = [];
const scenes = {
  default: () => layoutTree(catalog, landmarks, { aspect: 16 / 9 }),
  all: () => layoutTree(catalog, catalog.models),
};
for (const [k, make, budget] of [['default figure (' + landmarks.length + ' landmarks, 16:9)', scenes.default, 50], ['--all (' + catalog.models.length + ' models)', scenes.all, 150]]) {
  const icons = readIcons(catalog, make());
  rows.push([`${k}: catalog → scene → SVG`, time(() => renderSvg(make(), { icons }), 9), budget]);
}
execFileSync('node', ['dist/cli/llmtree.js', 'validate'], { stdio: 'ignore' });
rows.push(['`llmtree render -o tree.svg`, end to end', spawnTime(['render', '-o', 'bench/out/tree.svg'], 5), 400]);
rows.push(['`llmtree render --all -o tree.svg`, end to end', spawnTime(['render', '--all', '-o', 'bench/out/all.svg'], 3)]);
rows.push(['`llmtree render -o tree.gif --step quarter` (36 frames, 1024 px), end to end', spawnTime(['render', '-o', 'bench/out/tree.gif', '--step', 'quarter'], 3), 10000]);
rows.push(['`llmtree render -o tree.apng --step quarter` (36 frames, 1024 px), end to end', spawnTime(['render', '-o', 'bench/out/tree.apng', '--step', 'quarter'], 3)]);

console.log(`Node ${process.version}, ${process.platform}/${process.arch}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}; medians in ms\n`);
console.log('| step | wall ms | CPU ms | budget ms | wall / budget |\n|---|---:|---:|---:|---:|');
for (const [k, v, b] of rows) console.log(`| ${k} | ${v.wall.toFixed(0)} | ${v.cpu !== undefined ? v.cpu.toFixed(0) : ''} | ${b ?? ''} | ${b ? (v.wall / b).toFixed(2) : ''} |`);
console.log('\n| scene | ' + Object.keys(layoutMetrics(scenes.all())).join(' | ') + ' |');
const survey = (aspect) => () => layoutTree(catalog, filterModels(catalog, { survey: true }), { aspect });
for (const [k, f] of [['--survey (A3, its default)', survey(420 / 297)], ['--survey --aspect 4:3', survey(4 / 3)], ['default', scenes.default], ['--all', scenes.all]]) console.log(`| ${k} | ` + Object.values(layoutMetrics(f())).join(' | ') + ' |');
