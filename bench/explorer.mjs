#!/usr/bin/env node
// Explorer first-paint benchmark: where the time goes, mark by mark, in wall clock and main-thread CPU.
// Build first (`npm run build`), then `node bench/explorer.mjs [runs] [query]`. Debian Chromium, headless,
// 1400×900, the whole catalog. Prints, for each of the page's performance marks, the median ms from
// navigation start (wall) and the renderer main thread's own CPU ms from the HTML parse (`tts` in a trace).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { createExplorerServer, listen } from '../dist/server/index.js';
import { loadValid } from '../dist/cli/context.js';

const runs = Number(process.argv[2] ?? 7);
const query = process.argv[3] ?? '';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { catalog, guide } = await loadValid('catalog');
const server = createExplorerServer({ siteDir: 'dist/web', catalog, guide });
const base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const dir = mkdtempSync(join(tmpdir(), 'llmtree-bench-'));
const wall = {};
const cpu = {};
const loads = [];
try {
  // One warm-up load: the server lays out and serialises its scenes once.
  for (let i = -1; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const file = join(dir, `t${i}.json`);
    await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'blink.user_timing'] });
    await page.goto(base + query);
    await page.waitForFunction(() => window.__llmtree?.ready === true || window.__llmtree?.error, null, { timeout: 60_000 });
    const marks = await page.evaluate(() => {
      const out = {};
      const nav = performance.getEntriesByType('navigation')[0];
      out.domContentLoaded = nav.domContentLoadedEventEnd;
      for (const r of performance.getEntriesByType('resource')) out[`fetched ${r.name.replace(location.origin, '').replace(/-[\w-]{8}\./, '.')}`] = r.responseEnd;
      for (const m of performance.getEntriesByType('mark')) if (!(m.name in out)) out[m.name] = m.startTime;
      out.error = window.__llmtree.error;
      return out;
    });
    await browser.stopTracing();
    await context.close();
    if (marks.error) throw new Error(marks.error);
    if (i < 0) continue;
    loads.push(loadavg()[0]);
    for (const [k, v] of Object.entries(marks)) if (typeof v === 'number') (wall[k] ??= []).push(v);
    const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
    const html = events.find((e) => e.name === 'ParseHTML' && e.tts !== undefined);
    for (const e of events) {
      if (e.cat?.includes('blink.user_timing') && e.tts !== undefined && e.pid === html.pid && e.tid === html.tid && !(cpu[e.name]?.length > loads.length - 1))
        (cpu[e.name] ??= []).push((e.tts - html.tts) / 1000);
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
const rows = Object.entries(wall).sort((a, b) => median(a[1]) - median(b[1]));
console.log(`explorer first paint, ${runs} loads, load average ${loads.map((x) => x.toFixed(1)).join(' ')}${query ? `, query ${query}` : ''}`);
console.log('| mark | wall ms (median) | wall runs | main-thread CPU ms (median) |');
console.log('|---|---:|---|---:|');
for (const [k, v] of rows) console.log(`| ${k} | ${Math.round(median(v))} | ${v.map(Math.round).join(' ')} | ${cpu[k] ? Math.round(median(cpu[k])) : ''} |`);
