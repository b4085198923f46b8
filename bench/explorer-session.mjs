// Shared by the explorer benchmarks: the built explorer (`npm run build`) served on a free port of
// 127.0.0.1, Debian's Chromium with the project's flags, and a fresh 1400×900 page traced into a file.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { createExplorerServer, listen } from '../dist/server/index.js';
import { loadValid } from '../dist/cli/context.js';

export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The explorer on the bundled catalog, a browser and a scratch folder; `close()` ends all three. */
export async function explorerSession() {
  const { catalog, guide } = await loadValid('catalog');
  const server = createExplorerServer({ siteDir: 'dist/web', catalog, guide });
  const base = `http://127.0.0.1:${(await listen(server, 0, '127.0.0.1')).port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const dir = mkdtempSync(join(tmpdir(), 'llmtree-bench-'));
  const close = async () => {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { base, browser, dir, close };
}

/** A new page in its own context, traced (these categories) into `file` until `browser.stopTracing()`. */
export async function tracedPage(browser, file, categories) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { path: file, categories });
  return { context, page };
}
