import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
const dir = process.argv[2];
const { createExplorerServer, listen } = await import(pathToFileURL(dir + '/dist/server/index.js').href);
const { loadValid } = await import(pathToFileURL(dir + '/dist/cli/context.js').href);
const { catalog, guide } = await loadValid('/work/wt/explorer-perf/catalog');
const server = createExplorerServer({ siteDir: dir + '/dist/web', catalog, guide });
const base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}/`;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
const self = {}; const incl = {};
for (let i = 0; i < Number(process.argv[3] ?? 4); i++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction(() => window.__llmtree?.ready === true);
  await page.waitForFunction(() => window.__llmtree.settled());
  await page.waitForTimeout(300);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start');
  await page.locator('#f-family input[value="encoder-only"]').check();
  await page.waitForFunction(() => window.__llmtree.redraws.length > 0);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = {}; for (let j = 0; j < profile.samples.length; j++) dt[profile.samples[j]] = (dt[profile.samples[j]] ?? 0) + (profile.timeDeltas[j] ?? 0) / 1000;
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, ms] of Object.entries(dt)) { const seen = new Set(); for (let x = Number(id); x !== undefined; x = parent.get(x)) { const nm = byId.get(x).callFrame.functionName; if (nm && !seen.has(nm)) { seen.add(nm); incl[nm] = (incl[nm] ?? 0) + ms; } } }
  for (const [id, ms] of Object.entries(dt)) { const n = byId.get(Number(id)); const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`; self[k] = (self[k] ?? 0) + ms; }
  await context.close();
}
await browser.close(); server.close();
for (const k of ['render','setOff','prepare','chartRows','isOpen','releasedBy','earliest','latest','filterModels','matches','applyVisibility','applyEmphasis','emphasize','renderChart','showDetails','selectModels','writeUrl','attach','nextPaint','filterModels','layoutKey']) console.log('incl', k, (incl[k]??0).toFixed(1));
for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(k.padEnd(40), v.toFixed(1));
