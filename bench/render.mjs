#!/usr/bin/env node
// Render benchmarks. Build first: `npx tsc -p . && node bench/render.mjs` (writes to bench/out/).
// Measures: full catalog → scene, → SVG, → PNG in-process; `llmtree render -o tree.svg` end to end;
// synthetic 1k, 5k and 10k (layout only) model catalogs to show growth. Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCatalog, makeCatalog } from '../dist/catalog/index.js';
import { layoutTree } from '../dist/layout/index.js';
import { renderSvg } from '../dist/render/svg.js';
import { svgToPng } from '../dist/render/png.js';
import { readIcons } from '../dist/cli/render.js';

mkdirSync('bench/out', { recursive: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, runs) {
  fn(); // warm-up
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 2 ** 32);
}
function synthetic(n, seed) {
  const rand = lcg(seed);
  const fams = ['encoder-only', 'encoder-decoder', 'decoder-only', 'decoder-only', 'decoder-only', 'non-transformer'];
  const orgs = Array.from({ length: 40 }, (_, i) => ({ id: `org-${i}`, name: `Org ${i} Labs`, kind: 'company', country: 'US' }));
  const models = [];
  const byFam = new Map();
  for (let i = 0; i < n; i++) {
    const y = 2018 + Math.floor(Math.pow(rand(), 0.5) * 7);
    const released = `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const family = fams[Math.floor(rand() * fams.length)];
    const earlier = (byFam.get(family) ?? []).filter((x) => x.released < `${y}`);
    const parent = earlier.length && rand() < 0.6 ? earlier[Math.floor(rand() * earlier.length)] : undefined;
    const m = { id: `m-${i}`, name: `Model-${i}`, aliases: [], family, released, organizations: [orgs[Math.floor(rand() * orgs.length)].id],
      weights: rand() < 0.35 ? 'closed' : 'open', parameters: [], parents: parent ? [{ model: parent.id, relation: 'finetune' }] : [], tags: [], hf: [], uncertain: [], sources: ['https://example.org'] };
    models.push(m);
    byFam.set(family, [...(byFam.get(family) ?? []), m]);
  }
  return makeCatalog('synthetic', models, orgs, []);
}

const rows = [];
const { catalog } = loadCatalog('catalog');
const n = catalog.models.length;
const scene = layoutTree(catalog, catalog.models);
const icons = readIcons(catalog, scene);
const svg = renderSvg(scene, { icons });
rows.push([`layout, full catalog (${n} models)`, time(() => layoutTree(catalog, catalog.models), 15)]);
rows.push([`SVG from the scene`, time(() => renderSvg(scene, { icons }), 15)]);
rows.push([`layout + SVG, full catalog`, time(() => renderSvg(layoutTree(catalog, catalog.models), { icons }), 15), 50]);
rows.push([`PNG from the SVG (scale 1, ${scene.width}×${scene.height})`, time(() => svgToPng(svg, { scale: 1 }), 3), 1500]);
rows.push([`PNG from the SVG (scale 2)`, time(() => svgToPng(svg, { scale: 2 }), 3)]);
writeFileSync('bench/out/tree.svg', svg);

const cli = ['dist/cli/llmtree.js'];
execFileSync('node', [...cli, 'validate'], { stdio: 'ignore' }); // the validated snapshot, as after any first run
const e2e = (out, runs) => time(() => execFileSync('node', [...cli, 'render', '-o', out], { stdio: 'ignore' }), runs);
rows.push([`\`llmtree render -o tree.svg\`, end to end`, e2e('bench/out/tree.svg', 7), 400]);
rows.push([`\`llmtree render -o tree.png\`, end to end`, e2e('bench/out/tree.png', 3), 1500]);

for (const size of [1000, 5000]) {
  const c = synthetic(size, 7);
  let s;
  const t = time(() => (s = layoutTree(c, c.models)), 3);
  rows.push([`layout, synthetic ${size} models (${s.width}×${s.height})`, t]);
  rows.push([`SVG, synthetic ${size} models`, time(() => renderSvg(s), 3)]);
}
{
  // Layout only, one run (after a warm-up): shows how the cost grows past 5k.
  const c = synthetic(10000, 7);
  let s;
  const t = time(() => (s = layoutTree(c, c.models)), 1);
  rows.push([`layout, synthetic 10000 models (${s.width}×${s.height})`, t]);
}

console.log(`Node ${process.version}, ${process.platform}/${process.arch}; medians in ms\n`);
console.log('| step | ms | budget ms | ms / budget |\n|---|---:|---:|---:|');
for (const [k, v, b] of rows) console.log(`| ${k} | ${v.toFixed(1)} | ${b ?? ''} | ${b ? (v / b).toFixed(2) : ''} |`);
