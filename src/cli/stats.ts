import type { Command } from 'commander';
import { filterModels } from '../catalog/core.js';
import { stats } from '../graph/index.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filters.js';
import { catalogDir, loadOrExit } from './context.js';
import { table, json } from './format.js';
import { outputFormat } from './options.js';

export function registerStats(program: Command): void {
  addFilterOptions(
    program
      .command('stats')
      .description('models per organisation (open vs closed: the numbers behind the bar chart), per family, per year')
      .option('--catalog <dir>', 'catalog folder')
      .option('--format <format>', 'table or json', 'table'),
  ).action(async (o: FilterOptions & { catalog?: string; format: string }) => {
    const format = outputFormat(o.format, ['table', 'json']);
    const catalog = await loadOrExit(catalogDir(o.catalog));
    const s = stats(catalog, filterModels(catalog, filterFromOptions(o, catalog)));
    if (format === 'json') return void process.stdout.write(json(s));
    const n = (x: number) => String(x);
    process.stdout.write(
      `${s.models} models (open = open or restricted weights)\n\nBy organization\n` +
        table(['organization', 'name', 'open', 'closed', 'total'], s.byOrganization.map((r) => [r.org, r.name, n(r.open), n(r.closed), n(r.total)])) +
        '\nBy family\n' +
        table(['family', 'open', 'closed', 'total'], s.byFamily.map((r) => [r.family, n(r.open), n(r.closed), n(r.total)])) +
        '\nBy year\n' +
        table(['year', 'open', 'closed', 'total'], s.byYear.map((r) => [n(r.year), n(r.open), n(r.closed), n(r.total)])),
    );
  });
}
