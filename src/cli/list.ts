import type { Command } from 'commander';
import { filterModels, formatCount, commercialUse, type Catalog, type Model } from '../catalog/core.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filters.js';
import { catalogDir, loadOrExit } from './context.js';
import { table, csv, json } from './format.js';
import { outputFormat } from './options.js';

export function registerList(program: Command): void {
  addFilterOptions(
    program
      .command('list')
      .description('list models, filtered')
      .option('--catalog <dir>', 'catalog folder')
      .option('--format <format>', 'table, json or csv', 'table'),
  ).action(async (o: FilterOptions & { catalog?: string; format: string }) => {
    const format = outputFormat(o.format, ['table', 'json', 'csv']);
    const catalog = await loadOrExit(catalogDir(o.catalog));
    const models = filterModels(catalog, filterFromOptions(o, catalog));
    if (format === 'json') return void process.stdout.write(json(models));
    const headers = ['id', 'name', 'family', 'released', 'weights', 'organizations', 'license', 'commercial', 'parameters'];
    const rows = models.map((m) => row(catalog, m));
    process.stdout.write(format === 'csv' ? csv(headers, rows) : table(headers, rows));
    if (format === 'table') process.stderr.write(`${models.length} model${models.length === 1 ? '' : 's'}\n`);
  });
}

function row(catalog: Catalog, m: Model): string[] {
  return [
    m.id,
    m.name,
    m.family,
    m.released,
    m.weights,
    m.organizations.join(' '),
    m.license ?? '',
    commercialUse(catalog, m) ?? '',
    paramsText(m),
  ];
}

export function paramsText(m: Model): string {
  return m.parameters
    .map((p) => (p.active ? `${formatCount(p.total)} (${formatCount(p.active)} active)` : formatCount(p.total)))
    .join(' ');
}
