/** `llmtree serve` and `llmtree site`: the explorer, served locally or written as a static site. */
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { catalogDir, loadValid, PACKAGE_ROOT } from './context.js';
import { UsageError } from './errors.js';
import { numberFlag } from './numbers.js';

/** The built page (Vite output). */
export const PAGE_DIR = join(PACKAGE_ROOT, 'dist', 'web');

interface ServeFlags {
  port: string;
  host: string;
  catalog?: string;
  open?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the interactive explorer (read-only) and print its URL')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--catalog <dir>', 'catalog folder')
    .option('--open', 'open the page in the default browser')
    .action(async (flags: ServeFlags) => {
      const port = numberFlag('--port', flags.port, { min: 0, max: 65535, whole: true, what: 'a port number (0–65535)' });
      const { catalog, guide } = await loadValid(catalogDir(flags.catalog));
      const { createExplorerServer, listen, urlOf } = await import('../server/index.js');
      const { existsSync } = await import('node:fs');
      if (!existsSync(join(PAGE_DIR, 'index.html'))) throw new Error(`the explorer page is not built (${PAGE_DIR}); run \`npm run build\``);
      const server = createExplorerServer({ siteDir: PAGE_DIR, catalog, guide });
      const url = urlOf(await listen(server, port, flags.host));
      process.stdout.write(`llmtree explorer: ${url}\n(${catalog.models.length} models; Ctrl+C stops)\n`);
      if (flags.open) openBrowser(url);
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('site')
    .description('write the explorer as a static site (page + JSON) for any static host')
    .requiredOption('-o, --output <dir>', 'output folder (new, empty, or written by `llmtree site` before)')
    .option('--catalog <dir>', 'catalog folder')
    .action(async (flags: { output: string; catalog?: string }) => {
      const { catalog, guide } = await loadValid(catalogDir(flags.catalog));
      const { writeSite, SiteError } = await import('../server/site.js');
      try {
        writeSite(flags.output, PAGE_DIR, catalog, guide);
      } catch (e) {
        if (e instanceof SiteError) throw new UsageError(e.message);
        throw e;
      }
      process.stdout.write(`wrote the explorer (${catalog.models.length} models) to ${flags.output}\n`);
    });
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`llmtree: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`llmtree: could not open a browser; open ${url} yourself\n`);
  }
}
