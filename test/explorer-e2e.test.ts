/**
 * End-to-end tests of the explorer in Debian's Chromium (playwright-core, no downloaded browser). A missing
 * browser or an unbuilt page fails the suite; nothing is skipped. One browser serves every test.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page, type BrowserContext } from 'playwright-core';
import { createExplorerServer, listen } from '../src/server/index.js';
import { writeSite } from '../src/server/site.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadValid } from '../src/cli/context.js';
import type { Catalog } from '../src/catalog/core.js';
import { ROOT, CLI } from './helpers.js';
import { hostileCatalog, HOSTILE_ID } from './fixtures/hostile-web.js';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE_DIR = join(ROOT, 'dist', 'web');
const CATALOG = join(ROOT, 'catalog');
export const ARTIFACTS = join(ROOT, 'artifacts');
const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let server: Server;
let hostile: Server;
let base: string;
let hostileBase: string;
let catalog: Catalog;
const problems: string[] = [];
const timings: Record<string, number[]> = {};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium); the explorer's end-to-end tests need it`);
  if (!existsSync(join(PAGE_DIR, 'index.html'))) throw new Error(`the explorer page is not built (${PAGE_DIR}); run \`npm run build\``);
  const loaded = await loadValid(CATALOG);
  catalog = loaded.catalog;
  server = createExplorerServer({ siteDir: PAGE_DIR, catalog, guide: loaded.guide });
  base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}/`;
  hostile = createExplorerServer({ siteDir: PAGE_DIR, catalog: hostileCatalog(), guide: loaded.guide });
  hostileBase = `http://127.0.0.1:${(await listen(hostile, 0, '127.0.0.1')).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server, hostile].map((s) => s && new Promise<void>((r) => s.close(() => r()))));
  if (Object.keys(timings).length) {
    const summary = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, { runs: v.map((x) => Math.round(x)), median: Math.round(median(v)) }]));
    writeFileSync(join(ARTIFACTS, 'explorer-timings.json'), JSON.stringify({ when: new Date().toISOString(), loadavg: loadavg().map((x) => +x.toFixed(2)), ...summary }, null, 2) + '\n');
    console.log('explorer timings (ms):', JSON.stringify(summary), 'load average', loadavg().map((x) => x.toFixed(1)).join(' '));
  }
});

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function open(query = '', viewport = DESKTOP, at = base): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(at + query);
  await page.waitForFunction(() => (window as any).__llmtree?.ready === true || (window as any).__llmtree?.error, null, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as any).__llmtree.error)).toBeUndefined();
  return { page, context };
}

/** Ids of the models drawn now (not hidden), sorted; waits until the compact layout for the filters is on screen. */
async function drawn(page: Page, settle = true): Promise<string[]> {
  if (settle) await page.waitForFunction(() => (window as any).__llmtree.settled(), null, { timeout: 30_000 });
  return page.evaluate(() => [...document.querySelectorAll<SVGGElement>('#stage g.model:not(.off)')].map((g) => g.dataset.id!).sort());
}

async function listIds(...args: string[]): Promise<string[]> {
  const { stdout } = await run(process.execPath, [CLI, 'list', '--catalog', CATALOG, '--format', 'json', ...args], { cwd: ROOT });
  return (JSON.parse(stdout) as { id: string }[]).map((m) => m.id).sort();
}

async function url(page: Page): Promise<string> {
  await page.waitForTimeout(150); // the URL is written a moment after the last change
  return page.url();
}

describe('explorer (Chromium)', { timeout: 240_000 }, () => {
  it('loads the whole catalog with no console errors or warnings', async () => {
    const { page, context } = await open();
    expect(await drawn(page)).toEqual(catalog.models.map((m) => m.id).sort());
    expect(await page.locator('#chart button').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('measures first paint and filter redraws, wall clock and main-thread CPU (artifacts/explorer-timings.json)', async () => {
    // Main-thread CPU time from a Chromium trace: what the page costs, apart from waiting for a busy machine.
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      const file = join(ARTIFACTS, `trace-${i}.json`);
      await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'blink.user_timing'] });
      await page.goto(base);
      await page.waitForFunction(() => (window as any).__llmtree?.ready === true);
      await drawn(page);
      await page.locator('#f-family input[value="encoder-only"]').check();
      await page.waitForFunction(() => (window as any).__llmtree.redraws.length > 0);
      await page.waitForTimeout(200);
      await browser.stopTracing();
      const cpu = mainThreadCpu(JSON.parse(readFileSync(file, 'utf8')));
      (timings.firstPaintCpu ??= []).push(cpu.firstPaint);
      (timings.filterRedrawCpu ??= []).push(cpu.filter);
      await context.close();
    }
    for (let i = 0; i < 5; i++) {
      const { page, context } = await open();
      (timings.firstPaint ??= []).push(await page.evaluate(() => (window as any).__llmtree.firstPaint));
      await drawn(page); // the whole catalog's layout is in place
      await page.locator('#f-family input[value="encoder-only"]').check();
      await page.waitForFunction(() => (window as any).__llmtree.redraws.length > 0);
      (timings.filterRedraw ??= []).push(await page.evaluate(() => (window as any).__llmtree.redraws[0].ms));
      await drawn(page);
      await page.waitForFunction(() => (window as any).__llmtree.redraws.some((r: { what: string }) => r.what === 'layout'));
      (timings.compactLayoutAfterFilter ??= []).push(await page.evaluate(() => (window as any).__llmtree.redraws.find((r: { what: string }) => r.what === 'layout').ms));
      await context.close();
    }
    expect(timings.firstPaint.every((t) => t > 0)).toBe(true);
  });

  it('search suggests names and aliases and selects the model', async () => {
    const { page, context } = await open();
    const m = catalog.resolve('llama-2')!;
    await page.locator('#search').fill(m.name.slice(0, 5));
    await expect.poll(() => page.locator('#suggestions li').count()).toBeGreaterThan(0);
    await page.locator('#search').fill(m.name);
    await page.locator('#search').press('Enter');
    await expect.poll(() => page.locator('#details-title').textContent()).toBe(m.name);
    expect(await page.locator(`#stage g.model.selected`).getAttribute('data-id')).toBe(m.id);
    expect(new URL(await url(page)).searchParams.get('sel')).toBe(m.id);
    const alias = catalog.models.find((x) => x.aliases.length && x.aliases[0].length > 4)!;
    await page.locator('#search').fill(alias.aliases[0]);
    await expect.poll(() => page.locator('#suggestions li').first().getAttribute('data-id')).toBe(alias.id);
    await context.close();
  });

  it('each filter draws exactly the models `llmtree list` selects', async () => {
    const { page, context } = await open();
    const reset = async () => {
      await page.locator('#reset').click();
      expect(await drawn(page)).toHaveLength(catalog.models.length);
    };
    const cases: [string, () => Promise<void>, string[]][] = [
      ['family', () => page.locator('#f-family input[value="encoder-decoder"]').check(), ['--family', 'encoder-decoder']],
      ['weights', () => page.locator('#f-weights input[value="closed"]').check(), ['--weights', 'closed']],
      ['commercial', () => page.locator('#f-commercial input[value="no"]').check(), ['--commercial', 'no']],
      ['org', async () => void (await page.locator('#org').selectOption(['openai', 'google'])), ['--org', 'openai,google']],
      ['license', async () => void (await page.locator('#license').selectOption(['apache-2.0'])), ['--license', 'apache-2.0']],
      ['years', async () => { await page.locator('#since').fill('2021'); await page.locator('#since').press('Enter'); await page.locator('#until').fill('2022'); await page.locator('#until').press('Enter'); }, ['--since', '2021', '--until', '2022']],
      ['params', async () => { await page.locator('#pmin').fill('7B'); await page.locator('#pmin').press('Enter'); await page.locator('#pmax').fill('70B'); await page.locator('#pmax').press('Enter'); }, ['--params-min', '7B', '--params-max', '70B']],
    ];
    const expected = await Promise.all(cases.map(([, , args]) => listIds(...args)));
    for (const [i, [name, apply]] of cases.entries()) {
      await reset();
      await apply();
      const want = expected[i];
      expect(want.length, name).toBeGreaterThan(0);
      expect(want.length, name).toBeLessThan(catalog.models.length);
      expect(await drawn(page, false), `${name} (at once)`).toEqual(want);
      expect(await drawn(page), `${name} (laid out)`).toEqual(want);
      expect(Number(await page.locator('#viewport').getAttribute('data-shown')), name).toBe(want.length);
    }
    // The bar chart is live: a click on an organisation filters by it.
    await reset();
    await page.locator('#chart button[data-org="meta"]').click();
    expect(await drawn(page)).toEqual(await listIds('--org', 'meta'));
    expect(await page.locator('#chart button[data-org="meta"]').getAttribute('aria-pressed')).toBe('true');
    // Landmarks: flagged models only, or every model while none is flagged.
    await reset();
    await page.locator('#f-view input[value="landmark"]').check();
    const flagged = catalog.models.filter((m) => m.landmark).map((m) => m.id).sort();
    expect(await drawn(page)).toEqual(flagged.length ? flagged : catalog.models.map((m) => m.id).sort());
    await context.close();
  });

  it('the details panel shows the catalog facts and lineage links navigate', async () => {
    const m = catalog.models.find((x) => x.parents.length && (catalog.children.get(x.id) ?? []).length && x.license)!;
    const { page, context } = await open(`?sel=${m.id}`);
    const panel = page.locator('#details');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(m.name);
    const text = (await panel.textContent())!;
    expect(text).toContain(m.released);
    for (const o of m.organizations) expect(text).toContain(catalog.organizations.get(o)!.name);
    const lic = catalog.licenses.get(m.license!)!;
    expect(text).toContain(lic.name);
    expect(text).toContain({ yes: 'yes', no: 'no', conditional: 'with conditions' }[lic.commercial]);
    const hrefs = await panel.locator('ul.links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const s of m.sources) expect(hrefs).toContain(new URL(s).href);
    expect(new Set(hrefs).size).toBe(hrefs.length); // each address once (a source that is also the paper or a Hub repo)
    expect(hrefs.every((h) => /^https?:\/\//.test(h!))).toBe(true);
    const child = catalog.children.get(m.id)![0];
    await panel.locator(`ul.lineage a[data-id="${child.id}"]`).click();
    await expect.poll(() => panel.locator('h2').textContent()).toBe(child.name);
    expect(new URL(await url(page)).searchParams.get('sel')).toBe(child.id);
    // The selected model's lineage stands out; the rest fades.
    expect(await page.locator('#stage g.model.dim').count()).toBeGreaterThan(0);
    expect(await page.locator(`#stage g.model[data-id="${m.id}"]`).getAttribute('class')).not.toContain('dim');
    await context.close();
  });

  it('a copied URL restores filters, selection, zoom, time, language and theme', async () => {
    const { page, context } = await open();
    await page.locator('#f-family input[value="decoder-only"]').check();
    await page.locator('#f-weights input[value="open"]').check();
    await drawn(page);
    await page.locator('#search').fill('Mistral 7B');
    await page.locator('#search').press('Enter');
    await page.locator('#viewport').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowLeft');
    const range = page.locator('#time');
    const months = Number(await range.getAttribute('max'));
    await range.evaluate((el: HTMLInputElement, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, months - 12);
    await page.locator('#theme').click();
    const link = await url(page);
    const before = await snapshot(page);
    const again = await open(link.slice(base.length));
    const after = await snapshot(again.page);
    expect({ ...after, transform: [] }).toEqual({ ...before, transform: [] });
    expect(after.transform).toHaveLength(3);
    after.transform.forEach((v, i) => expect(Math.abs(v - before.transform[i]), `transform[${i}]`).toBeLessThan(i < 2 ? 1.5 : 0.01));
    expect(before.sel).toBeTruthy();
    expect(before.theme).toBe('dark');
    await again.context.close();
    await context.close();
  });

  it('zooms with the wheel, a pinch and the keyboard; Fit restores the whole figure; Enter selects by keyboard', async () => {
    const { page, context } = await open();
    const scale = () => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.getElementById('stage')!.style.transform)![1]));
    const fit = await scale();
    await page.mouse.move(700, 450);
    await page.mouse.wheel(0, -400);
    await expect.poll(scale).toBeGreaterThan(fit * 1.5);
    // While it moves the stage is its own layer; once still it is drawn again at its new scale (sharp, not a blown-up bitmap).
    const layered = () => page.evaluate(() => getComputedStyle(document.getElementById('stage')!).willChange);
    await expect.poll(layered).toBe('auto');
    await page.locator('#fit').click();
    expect(await scale()).toBeCloseTo(fit, 5);
    const pinched = await page.evaluate(() => {
      const v = document.getElementById('viewport')!;
      const fire = (type: string, id: number, x: number) => v.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: 400, bubbles: true, isPrimary: id === 1 }));
      fire('pointerdown', 1, 600);
      fire('pointerdown', 2, 700);
      for (let x = 700; x <= 900; x += 20) fire('pointermove', 2, x);
      fire('pointerup', 2, 900);
      fire('pointerup', 1, 600);
      return Number(/scale\(([\d.]+)\)/.exec(document.getElementById('stage')!.style.transform)![1]);
    });
    expect(pinched).toBeGreaterThan(fit * 2.5);
    await page.locator('#viewport').focus();
    await page.keyboard.press('0');
    expect(await scale()).toBeCloseTo(fit, 5);
    await page.keyboard.press('+');
    expect(await scale()).toBeCloseTo(fit * 1.25, 5);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#details').isVisible()).toBe(false);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the time slider hides models released after it, and boxes do not move', async () => {
    const { page, context } = await open();
    await drawn(page);
    const box = (id: string) => page.locator(`#stage g.model[data-id="${id}"] > rect`).first().evaluate((r: SVGRectElement) => [r.x.baseVal.value, r.y.baseVal.value]);
    const early = catalog.models.find((m) => m.released.startsWith('2019'))!;
    const where = await box(early.id);
    const months = await page.evaluate(() => Number((document.getElementById('time') as HTMLInputElement).max));
    // Step the slider back to 2020-12 by keyboard-free input.
    await page.locator('#time').evaluate((el: HTMLInputElement) => {
      const out = document.getElementById('time-out')!;
      for (let v = Number(el.max); v >= 0; v--) {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        if (out.textContent === '2020-12') break;
      }
    });
    expect(months).toBeGreaterThan(12);
    expect(await page.locator('#time-out').textContent()).toBe('2020-12');
    expect(await drawn(page)).toEqual(await listIds('--until', '2020-12'));
    expect(await box(early.id)).toEqual(where);
    expect(new URL(await url(page)).searchParams.get('t')).toBe('2020-12');
    // Play grows the tree.
    await page.locator('#play').click();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBeGreaterThan((await listIds('--until', '2020-12')).length);
    await page.locator('#play').click();
    await context.close();
  });

  it('the guide panel ranks models as `llmtree guide` does and highlights them', async () => {
    const { page, context } = await open('?panel=guide');
    await page.locator('#g-task').selectOption('code-generation');
    await page.locator('#g-commercial').selectOption('1');
    await page.locator('#g-open').check();
    await page.locator('#g-max').fill('40B');
    await page.locator('#g-max').press('Tab');
    const { stdout } = await run(process.execPath, [CLI, 'guide', '--catalog', CATALOG, '--task', 'code-generation', '--commercial', '--open-weights', '--max-params', '40B', '--format', 'json'], { cwd: ROOT });
    const want = (JSON.parse(stdout) as { candidates: { id: string }[] }).candidates.map((c) => c.id);
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#guide-out ol.candidates li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual(want);
    const highlighted = await page.locator('#stage g.model.candidate').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')).sort());
    expect(highlighted).toEqual([...want].sort());
    // The situation questions too: few labels, out-of-distribution data, a domain.
    await page.locator('#g-task').selectOption('classification');
    await page.locator('#g-labels').fill('few');
    await page.locator('#g-ood').check();
    await page.locator('#g-domain').selectOption('biomedical');
    const second = await run(process.execPath, [CLI, 'guide', '--catalog', CATALOG, '--task', 'classification', '--labels', 'few', '--ood', '--domain', 'biomedical', '--commercial', '--open-weights', '--max-params', '40B', '--format', 'json'], { cwd: ROOT });
    const want2 = (JSON.parse(second.stdout) as { candidates: { id: string }[] }).candidates.map((c) => c.id);
    expect(want2.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#guide-out ol.candidates li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual(want2);
    expect(new URL(await url(page)).searchParams.get('gdomain')).toBe('biomedical');
    await context.close();
  });

  it("the guide panel takes `llmtree guide`'s situation, deployment and hardware inputs, from the URL and typed in, with the CLI's ranking", async () => {
    const guideIds = async (...args: string[]) => {
      const { stdout } = await run(process.execPath, [CLI, 'guide', '--catalog', CATALOG, '--format', 'json', ...args], { cwd: ROOT });
      const a = JSON.parse(stdout) as { recommended: { family: string }; candidates: { id: string }[] };
      return { family: a.recommended.family, ids: a.candidates.map((c) => c.id) };
    };
    const panel = async (page: Page) => ({
      family: (await page.locator('#guide-out p.rec strong').textContent())!,
      ids: await page.locator('#guide-out ol.candidates li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id'))),
    });
    // Many tasks, a loose latency budget, retrieval, a GPU budget: from a shared link.
    const { page, context } = await open('?panel=guide&task=classification&glabels=5000&gtasks=20&glatency=2000&gretrieval=1&ggpu=80GB&ggpus=2&gbatch=4&gkv=32K&gfinetune=lora');
    const first = await guideIds('--task', 'classification', '--labels', '5000', '--tasks', '20', '--latency', '2000', '--retrieval', '--gpu-memory', '80GB', '--gpus', '2', '--batch', '4', '--context', '32K', '--finetune', 'lora');
    expect(first.ids.length).toBeGreaterThan(0);
    await expect.poll(() => panel(page)).toEqual(first);
    expect(await page.locator('#g-tasks').inputValue()).toBe('20');
    expect(await page.locator('#g-retrieval').isChecked()).toBe(true);
    // The same situation with strict latency and one task changes the answer, as in the CLI.
    await page.locator('#g-latency').fill('50');
    await page.locator('#g-latency').press('Tab');
    await page.locator('#g-tasks').fill('1');
    await page.locator('#g-tasks').press('Tab');
    const strict = await guideIds('--task', 'classification', '--labels', '5000', '--tasks', '1', '--latency', '50', '--retrieval', '--gpu-memory', '80GB', '--gpus', '2', '--batch', '4', '--context', '32K', '--finetune', 'lora');
    await expect.poll(() => panel(page)).toEqual(strict);
    // Translation into a language, a low-resource pair, self-hosted, within an API budget.
    for (const id of ['#g-gpu', '#g-gpus', '#g-batch', '#g-kv', '#g-tasks', '#g-latency']) await page.locator(id).fill('');
    await page.locator('#g-finetune').selectOption('');
    await page.locator('#g-retrieval').uncheck();
    await page.locator('#g-labels').fill('');
    await page.locator('#g-task').selectOption('translation');
    await page.locator('#g-language').fill('de');
    await page.locator('#g-language').press('Tab');
    await page.locator('#g-pair').selectOption('low');
    await page.locator('#g-deploy').selectOption('self-host');
    const translation = await guideIds('--task', 'translation', '--language', 'de', '--pair', 'low', '--deploy', 'self-host');
    expect(translation.ids.length).toBeGreaterThan(0);
    await expect.poll(() => panel(page)).toEqual(translation);
    const q = new URL(await url(page)).searchParams;
    expect([q.get('glanguage'), q.get('gpair'), q.get('gdeploy'), q.get('gtasks')]).toEqual(['de', 'low', 'self-host', null]);
    // What the CLI refuses is marked, not silently dropped.
    await page.locator('#g-language').fill('german');
    await page.locator('#g-language').press('Tab');
    await expect.poll(() => page.locator('#g-language').getAttribute('aria-invalid')).toBe('true');
    await context.close();
    expect(problems).toEqual([]);
  });

  it('exports the current view as a valid SVG and a PNG', async () => {
    const { page, context } = await open('?family=encoder-only');
    const want = await drawn(page);
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svgDownload.suggestedFilename()).toBe('llmtree.svg');
    const check = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName, ids: [...doc.querySelectorAll('g.model')].map((g) => g.getAttribute('data-id')).sort() };
    }, svg);
    expect(check).toEqual({ error: 0, root: 'svg', ids: want });
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await context.close();
  });

  it('the zh toggle changes the labels', async () => {
    const { page, context } = await open();
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('大语言模型进化树');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('#f-family legend').textContent()).toBe('架构');
    await drawn(page);
    expect(await page.locator('#stage svg #title').textContent()).toContain('大语言模型进化树');
    expect(new URL(await url(page)).searchParams.get('lang')).toBe('zh');
    await context.close();
  });

  it('hostile catalog strings are shown as text and run nothing', async () => {
    const { page, context } = await open(`?sel=${HOSTILE_ID}`, DESKTOP, hostileBase);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const m = hostileCatalog().byId.get(HOSTILE_ID)!;
    await expect.poll(() => page.locator('#details h2').textContent()).toBe(m.name);
    await page.locator('#search').fill('<img');
    await page.locator('#search').press('ArrowDown');
    await page.locator(`#stage g.model[data-id="${HOSTILE_ID}"]`).hover();
    expect(await page.locator('#tooltip').textContent()).toContain(m.name);
    await page.locator('#toggle-guide').click();
    await page.waitForTimeout(300);
    const report = await page.evaluate(() => ({
      pwned: (window as any).__pwned ?? null,
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
      badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^(https?:|\?|\/|#viewport$)/.test(h)),
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      injected: document.querySelectorAll('#stage script, #details img, #details script, #tooltip img, #suggestions img, foreignObject, iframe').length,
    }));
    expect(report).toEqual({ pwned: null, scripts: [expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)], badLinks: [], handlers: [], injected: 0 });
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots', 'hostile.png') });
    await context.close();
    // The whole catalog's view paints the server's figure first, straight from renderSvg's text.
    const plain = await open('', DESKTOP, hostileBase);
    expect(await plain.page.locator(`#stage g.model[data-id="${HOSTILE_ID}"]`).textContent()).toContain('</text><sc'); // shown as text, cut to fit
    expect(await plain.page.evaluate(() => ({
      pwned: (window as any).__pwned ?? null,
      handlers: [...document.querySelectorAll('#stage *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
      injected: document.querySelectorAll('#stage script, #stage img, #stage iframe, #stage foreignObject, #stage a').length,
    }))).toEqual({ pwned: null, handlers: [], injected: 0 });
    await plain.context.close();
    expect(problems).toEqual([]);
  });

  it('axe-core finds no serious or critical accessibility violations; every control is reachable by keyboard', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    for (const [query, viewport] of [['?sel=bert&panel=guide', DESKTOP], ['?theme=dark&sel=gpt-3', DESKTOP], ['?theme=light', PHONE]] as const) {
      const { page, context } = await open(query, viewport);
      await page.evaluate(axe);
      const violations = await page.evaluate(async () => {
        const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      });
      expect(violations, query).toEqual([]);
      if (viewport === DESKTOP && query.includes('panel=guide')) {
        const reached = new Set<string>();
        const targets = ['search', 'toggle-filters', 'toggle-guide', 'fit', 'lang', 'theme', 'export-svg', 'export-png', 'share', 'view', 'family', 'weights', 'commercial', 'since', 'until', 'pmin', 'pmax', 'org', 'license', 'reset', 'viewport', 'play', 'time', 'g-task', 'g-labels', 'g-retrieval', 'g-tasks', 'g-latency', 'g-language', 'g-pair', 'g-commercial', 'g-open', 'g-deploy', 'g-max', 'g-budget', 'g-gpus', 'g-prec', 'g-finetune'];
        for (let i = 0; i < 160 && !targets.every((t) => reached.has(t)); i++) {
          await page.keyboard.press('Tab');
          reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name') || ''));
        }
        for (const id of targets) expect(reached, id).toContain(id);
      }
      await context.close();
    }
  });

  it('the static site works from a nested folder of any static host', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llmtree-static-'));
    mkdirSync(join(root, 'deep'));
    writeSite(join(root, 'deep', 'site'), PAGE_DIR, catalog);
    const plain = createExplorerServer({ siteDir: root, catalog: hostileCatalog() }); // its /api/ is never asked
    const at = `http://127.0.0.1:${(await listen(plain, 0, '127.0.0.1')).port}/deep/site/`;
    try {
      const { page, context } = await open('?family=encoder-only&sel=bert', DESKTOP, at);
      expect(await drawn(page)).toEqual(await listIds('--family', 'encoder-only'));
      await expect.poll(() => page.locator('#details h2').textContent()).toBe('BERT');
      await page.locator('#reset').click();
      expect(await drawn(page)).toHaveLength(catalog.models.length);
      await context.close();
    } finally {
      await new Promise<void>((r) => plain.close(() => r()));
    }
    expect(problems).toEqual([]);
  });

  it('works at phone width; screenshots of desktop and phone, light and dark', async () => {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      for (const theme of ['light', 'dark']) {
        const { page, context } = await open(`?theme=${theme}&sel=llama-2`, viewport);
        await drawn(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} ${theme}`).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}-${theme}.png`) });
        if (name === 'phone') {
          await page.locator('#toggle-filters').click();
          await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}-${theme}-filters.png`) });
          expect(await page.locator('#filters').isVisible()).toBe(true);
        }
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  });
});

async function snapshot(page: Page) {
  await drawn(page);
  return page.evaluate(() => ({
    checked: [...document.querySelectorAll<HTMLInputElement>('#filter-form input:checked')].map((i) => `${i.name}=${i.value}`).sort(),
    sel: document.querySelector('#stage g.model.selected')?.getAttribute('data-id') ?? null,
    details: document.querySelector('#details h2')?.textContent ?? null,
    // Within a pixel: the view is stored as its centre and scale, rounded in the URL.
    transform: ((document.getElementById('stage') as HTMLElement).style.transform.match(/-?[\d.]+/g) ?? []).map(Number),
    time: (document.getElementById('time-out') as HTMLElement).textContent,
    drawn: [...document.querySelectorAll<SVGGElement>('#stage g.model:not(.off)')].length,
    theme: document.documentElement.dataset.theme,
    lang: document.documentElement.lang,
  }));
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  tts?: number;
  pid: number;
  tid: number;
}

/**
 * CPU ms of the renderer's main thread (its thread clock, `tts`): from parsing the HTML to the first frame
 * with the figure, and from a filter change to the frame that shows it. Raster threads are not counted.
 */
function mainThreadCpu(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): { firstPaint: number; filter: number } {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mark = (test: (name: string) => boolean) => events.find((e) => test(e.name) && e.tts !== undefined);
  const painted = mark((n) => n === 'painted');
  const start = mark((n) => n === 'redraw-start:family');
  const end = mark((n) => n === 'redrawn:family');
  if (!painted || !start || !end) throw new Error("the trace lacks the page's performance marks");
  const html = events.find((e) => e.name === 'ParseHTML' && e.pid === painted.pid && e.tid === painted.tid && e.tts !== undefined);
  if (!html) throw new Error('the trace lacks the HTML parse');
  return { firstPaint: (painted.tts! - html.tts!) / 1000, filter: (end.tts! - start.tts!) / 1000 };
}
