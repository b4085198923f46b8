import type { Command } from 'commander';
import { loadCatalog, formatIssue } from '../catalog/index.js';
import { catalogDir } from './context.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a catalog: schema, references, lineage, dates; every error as path:line:col')
    .argument('[dir]', 'catalog folder (default: ./catalog or the bundled one)')
    .action((dir?: string) => {
      const root = catalogDir(dir);
      const { catalog, issues } = loadCatalog(root);
      if (issues.length) {
        process.stderr.write(issues.map(formatIssue).join('\n') + '\n');
        process.stderr.write(`${issues.length} error${issues.length === 1 ? '' : 's'} in ${root}\n`);
        process.exitCode = 1;
        return;
      }
      const s = catalog.models;
      const open = s.filter((m) => m.weights !== 'closed').length;
      process.stdout.write(
        `ok: ${s.length} models (${open} open or restricted, ${s.length - open} closed), ` +
          `${catalog.organizations.size} organizations, ${catalog.licenses.size} licences in ${root}\n`,
      );
    });
}
