#!/usr/bin/env node
// What one figure SVG costs the page, apart from the rest of the first paint: `node bench/explorer-svg.mjs
// A.svg B.svg [...] RUNS`. Each file is parsed in an inert <template> (as web/src/tree.ts does), inserted at
// 1400 px wide and drawn (the next frame), alternating between the files in one Chromium page; medians of
// the renderer's own CDP metrics (main-thread time, style, layout) and of wall ms (parse; insert to frame).
// Get the explorer's figure with `curl http://127.0.0.1:PORT/api/figures/en-light.svg` from `llmtree serve`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { FLAGS, median } from './explorer-session.mjs';
const files = process.argv.slice(2, -1);
const runs = Number(process.argv.at(-1));
if (!files.length || !(runs > 0)) throw new Error('usage: node bench/explorer-svg.mjs A.svg [B.svg ...] RUNS');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
await page.setContent('<div id="c" style="width:1400px;height:900px;overflow:hidden"></div>');
const texts = files.map((f) => readFileSync(f, 'utf8').replace(/width="[\d.]+" height="[\d.]+"/, 'width="1400" height="1300"'));
const res = files.map(() => ({}));
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
for (let i = -1; i < runs; i++)
  for (let j = 0; j < files.length; j++) {
    const k = (i + j) % files.length;
    await page.evaluate(() => { document.getElementById('c').replaceChildren(); return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))); });
    const m0 = await metrics();
    const wall = await page.evaluate((text) => new Promise((r) => {
      const t0 = performance.now();
      const t = document.createElement('template');
      t.innerHTML = text;
      const t1 = performance.now();
      document.getElementById('c').replaceChildren(t.content.firstElementChild);
      requestAnimationFrame(() => setTimeout(() => r([t1 - t0, performance.now() - t0])));
    }), texts[k]);
    const m1 = await metrics();
    if (i < 0) continue;
    const d = (n) => (m1[n] - m0[n]) * 1000;
    for (const [n, v] of Object.entries({ parse: wall[0], wall: wall[1], task: d('TaskDuration'), style: d('RecalcStyleDuration'), layout: d('LayoutDuration'), script: d('ScriptDuration'), thread: d('ThreadTime') })) (res[k][n] ??= []).push(v);
  }
await browser.close();
for (const [j, f] of files.entries()) console.log(f.padEnd(30), Object.entries(res[j]).map(([n, v]) => `${n} ${Math.round(median(v))}`).join('  '));
