#!/usr/bin/env node
// A/B of the explorer's first paint: another built checkout (e.g. `git archive <commit> | tar -x -C DIR`,
// node_modules linked, `npx tsc -p . && npx tsc -p web && npx vite build --config web/vite.config.mjs`)
// against this one, loaded alternately in one Chromium so both see the same machine load.
// `node bench/explorer-ab.mjs DIR [runs] [query]`: first-paint wall (the page's own measure) and
// main-thread CPU (trace `tts` from the HTML parse to the `painted` mark), then a filter change (the
// family "encoder-only" checked once the whole catalog's layout is in place): its redraw's wall (the page's
// own measure) and CPU (`redraw-start:family` to `redrawn:family`); medians of the runs, after/before ratios.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { FLAGS, median } from './explorer-session.mjs';

const [other, runsArg, query = ''] = process.argv.slice(2);
if (!other) throw new Error('usage: node bench/explorer-ab.mjs DIR [runs] [query]');
const runs = Number(runsArg ?? 6);
const builds = { before: resolve(other), after: resolve('.') };
const servers = {};
for (const [k, dir] of Object.entries(builds)) {
  const { createExplorerServer, listen } = await import(pathToFileURL(join(dir, 'dist/server/index.js')).href);
  const { loadValid } = await import(pathToFileURL(join(dir, 'dist/cli/context.js')).href);
  const { catalog, guide } = await loadValid(resolve('catalog'));
  const server = createExplorerServer({ siteDir: join(dir, 'dist/web'), catalog, guide });
  servers[k] = { server, base: `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}/` };
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const tmp = mkdtempSync(join(tmpdir(), 'llmtree-ab-'));
const res = { before: { wall: [], cpu: [], filterWall: [], filterCpu: [] }, after: { wall: [], cpu: [], filterWall: [], filterCpu: [] } };
const loads = [];
try {
  // One warm-up load of each (the servers draw their figures once), then alternate the order.
  for (let i = -1; i < runs; i++)
    for (const k of i % 2 ? ['before', 'after'] : ['after', 'before']) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const file = join(tmp, `${k}${i}.json`);
      await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'blink.user_timing'] });
      await page.goto(servers[k].base + query);
      await page.waitForFunction(() => window.__llmtree?.ready === true, null, { timeout: 60_000 });
      const wall = await page.evaluate(() => window.__llmtree.firstPaint);
      await page.waitForFunction(() => window.__llmtree.settled(), null, { timeout: 60_000 });
      await page.locator('#f-family input[value="encoder-only"]').check();
      await page.waitForFunction(() => window.__llmtree.redraws.length > 0, null, { timeout: 60_000 });
      const filterWall = await page.evaluate(() => window.__llmtree.redraws[0].ms);
      await browser.stopTracing();
      await context.close();
      if (i < 0) continue;
      loads.push(loadavg()[0]);
      const ev = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
      const html = ev.find((e) => e.name === 'ParseHTML' && e.tts !== undefined);
      const mark = (name) => ev.find((e) => e.name === name && e.tts !== undefined);
      const painted = mark('painted');
      res[k].wall.push(wall);
      res[k].cpu.push((painted.tts - html.tts) / 1000);
      res[k].filterWall.push(filterWall);
      res[k].filterCpu.push((mark('redrawn:family').tts - mark('redraw-start:family').tts) / 1000);
    }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) s.server.close();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`first paint, ${runs} loads each, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
const line = (r, w, c) => `wall median ${Math.round(median(r[w]))} ms (runs ${r[w].map(Math.round).join(' ')}); main-thread CPU median ${Math.round(median(r[c]))} ms (runs ${r[c].map(Math.round).join(' ')})`;
for (const [k, r] of Object.entries(res)) console.log(`${k} first paint: ${line(r, 'wall', 'cpu')}`);
for (const [k, r] of Object.entries(res)) console.log(`${k} filter redraw: ${line(r, 'filterWall', 'filterCpu')}`);
const ratio = (m) => (median(res.after[m]) / median(res.before[m])).toFixed(2);
console.log(`after/before: first paint wall ${ratio('wall')}, CPU ${ratio('cpu')}; filter redraw wall ${ratio('filterWall')}, CPU ${ratio('filterCpu')}`);
