#!/usr/bin/env node
// Explorer first-paint benchmark: where the time goes, mark by mark, in wall clock and main-thread CPU.
// Build first (`npm run build`), then `node bench/explorer.mjs [runs] [query]`. Debian Chromium, headless,
// 1400×900, the whole catalog. Prints, for each of the page's performance marks, the median ms from
// navigation start (wall) and the renderer main thread's own CPU ms from the HTML parse (`tts` in a trace).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { explorerSession, tracedPage, median } from './explorer-session.mjs';

const runs = Number(process.argv[2] ?? 7);
const query = process.argv[3] ?? '';

const { base, browser, dir, close } = await explorerSession();
const wall = {};
const cpu = {};
const loads = [];
try {
  // One warm-up load: the server lays out and serialises its scenes once.
  for (let i = -1; i < runs; i++) {
    const file = join(dir, `t${i}.json`);
    const { context, page } = await tracedPage(browser, file, ['devtools.timeline', 'blink.user_timing']);
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
  await close();
}
const rows = Object.entries(wall).sort((a, b) => median(a[1]) - median(b[1]));
console.log(`explorer first paint, ${runs} loads, load average ${loads.map((x) => x.toFixed(1)).join(' ')}${query ? `, query ${query}` : ''}`);
console.log('| mark | wall ms (median) | wall runs | main-thread CPU ms (median) |');
console.log('|---|---:|---|---:|');
for (const [k, v] of rows) console.log(`| ${k} | ${Math.round(median(v))} | ${v.map(Math.round).join(' ')} | ${cpu[k] ? Math.round(median(cpu[k])) : ''} |`);
