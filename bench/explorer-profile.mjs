#!/usr/bin/env node
// Where the explorer's main-thread time goes: a detailed Chromium trace of page load and of one filter
// change (family "encoder-only"), summed by trace event (self time, nested events subtracted), for the
// span navigation → `painted` and `redraw-start:family` → `redrawn:family`. Build first (`npm run build`),
// then `node bench/explorer-profile.mjs [runs]` (medians over the runs; the trace adds overhead).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { explorerSession, tracedPage, median } from './explorer-session.mjs';

const runs = Number(process.argv[2] ?? 3);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink.user_timing', 'v8', 'loading', 'toplevel'];

/** Self time (ms, thread clock) per event name on one thread between two timestamps. */
function selfTimes(events, pid, tid, from, to) {
  const xs = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts + e.dur >= from && e.ts <= to && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = {};
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && e.ts + e.dur <= parent.ts + parent.dur + 1) out[parent.name] = (out[parent.name] ?? 0) - e.tdur / 1000;
    out[e.name] = (out[e.name] ?? 0) + e.tdur / 1000;
    stack.push(e);
  }
  return out;
}

const { base, browser, dir, close } = await explorerSession();
const acc = { load: {}, filter: {} };
const loads = [];
try {
  for (let i = -1; i < runs; i++) {
    const file = join(dir, `t${i}.json`);
    const { context, page } = await tracedPage(browser, file, CATEGORIES);
    await page.goto(base);
    await page.waitForFunction(() => window.__llmtree?.ready === true);
    await page.waitForFunction(() => window.__llmtree.settled());
    await page.waitForTimeout(300);
    await page.locator('#f-family input[value="encoder-only"]').check();
    await page.waitForFunction(() => window.__llmtree.redraws.length > 0);
    await page.waitForTimeout(200);
    await browser.stopTracing();
    await context.close();
    if (i < 0) continue;
    loads.push(loadavg()[0]);
    const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
    const mark = (n) => events.find((e) => e.name === n && e.cat?.includes('blink.user_timing'));
    const painted = mark('painted');
    const html = events.find((e) => e.name === 'ParseHTML' && e.pid === painted.pid && e.tid === painted.tid);
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === painted.pid) ?? html;
    const spans = { load: [nav.ts, painted.ts], filter: [mark('redraw-start:family').ts, mark('redrawn:family').ts] };
    for (const [k, [from, to]] of Object.entries(spans)) {
      const t = selfTimes(events, painted.pid, painted.tid, from, to);
      t['(total wall)'] = (to - from) / 1000;
      for (const [name, ms] of Object.entries(t)) (acc[k][name] ??= []).push(ms);
    }
  }
} finally {
  await close();
}
console.log(`explorer profile, ${runs} runs, load average ${loads.map((x) => x.toFixed(1)).join(' ')}`);
for (const [k, t] of Object.entries(acc)) {
  console.log(`\n${k}: main-thread self time by event (ms, median of runs)`);
  for (const [name, v] of Object.entries(t).sort((a, b) => median(b[1]) - median(a[1])).filter(([, v]) => median(v) >= 1)) console.log(`  ${name.padEnd(40)} ${median(v).toFixed(1).padStart(7)}   ${v.map((x) => x.toFixed(0)).join(' ')}`);
}
