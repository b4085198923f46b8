#!/usr/bin/env node
// Figure benchmarks (issue 9). Build first: `npm run build && node bench/figure.mjs` (writes to bench/out/).
// Rows: the default (landmark, 16:9) figure and the whole catalog (--all), catalog → scene → SVG in-process
// (icons read once); `llmtree render -o tree.svg` end to end; the landmark animation by quarter, end to end.
// Prints a Markdown table of medians, with CPU time beside wall time (the machine is shared).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
function spawnTime(args, runs) {
  const wall = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    execFileSync('node', ['dist/cli/llmtree.js', ...args], { stdio: 'ignore' });
    if (i) wall.push(performance.now() - t);
  }
  return { wall: median(wall) };
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
rows.push(['`llmtree render -o tree.gif --step quarter`, end to end', spawnTime(['render', '-o', 'bench/out/tree.gif', '--step', 'quarter'], 1), 10000]);

console.log(`Node ${process.version}, ${process.platform}/${process.arch}; medians in ms\n`);
console.log('| step | wall ms | CPU ms | budget ms | wall / budget |\n|---|---:|---:|---:|---:|');
for (const [k, v, b] of rows) console.log(`| ${k} | ${v.wall.toFixed(0)} | ${v.cpu !== undefined ? v.cpu.toFixed(0) : ''} | ${b ?? ''} | ${b ? (v.wall / b).toFixed(2) : ''} |`);
console.log('\n| scene | ' + Object.keys(layoutMetrics(scenes.all())).join(' | ') + ' |');
for (const [k, f] of [['--survey', () => layoutTree(catalog, filterModels(catalog, { survey: true }), { aspect: 4 / 3 })], ['default', scenes.default], ['--all', scenes.all]]) console.log(`| ${k} | ` + Object.values(layoutMetrics(f())).join(' | ') + ' |');
