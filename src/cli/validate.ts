import type { Command } from 'commander';
import { catalogDir, saveSnapshot } from './context.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a catalog: schema, references, lineage, dates; every error as path:line:col')
    .argument('[dir]', 'catalog folder (default: ./catalog or the bundled one)')
    .action(async (dir?: string) => {
      const root = catalogDir(dir);
      // Validation always reads and checks every file; it never trusts a snapshot.
      const [{ loadCatalog, formatIssue }, { catalogKey }] = await Promise.all([import('../catalog/index.js'), import('../catalog/cache.js')]);
      const key = catalogKey(root);
      const { catalog, issues, guide } = loadCatalog(root, { parseMemo: true });
      if (issues.length) {
        process.stderr.write(issues.map(formatIssue).join('\n') + '\n');
        process.stderr.write(`${issues.length} error${issues.length === 1 ? '' : 's'} in ${root}\n`);
        process.exitCode = 1;
        return;
      }
      if (key) saveSnapshot(root, key, catalog, guide);
      const s = catalog.models;
      const open = s.filter((m) => m.weights !== 'closed').length;
      process.stdout.write(
        `ok: ${s.length} models (${open} open or restricted, ${s.length - open} closed), ` +
          `${catalog.organizations.size} organizations, ${catalog.licenses.size} licences${guide ? ', guide' : ''} in ${root}\n`,
      );
    });
}
