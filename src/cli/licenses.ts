import type { Command } from 'commander';
import { filterModels, commercialUse, type Catalog, type Model } from '../catalog/core.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filters.js';
import { catalogDir, loadOrExit } from './context.js';
import { table, csv, json } from './format.js';
import { outputFormat } from './options.js';

export interface UsageRow {
  model: string;
  name: string;
  weights: string;
  license: string | null;
  licenseName: string | null;
  commercial: string | null;
  condition: string | null;
  restrictions: string[];
  dataLicense: string | null;
}

/** The survey's usage-restrictions table, from the data. */
export function usageRows(catalog: Catalog, models: Model[]): UsageRow[] {
  return models.map((m) => {
    const lic = m.license ? catalog.licenses.get(m.license) : undefined;
    return {
      model: m.id,
      name: m.name,
      weights: m.weights,
      license: m.license ?? null,
      licenseName: lic?.name ?? null,
      commercial: commercialUse(catalog, m) ?? null,
      condition: lic?.condition ?? null,
      restrictions: lic?.restrictions ?? [],
      dataLicense: m.data?.license ?? null,
    };
  });
}

export function registerLicenses(program: Command): void {
  addFilterOptions(
    program
      .command('licenses')
      .description('usage restrictions per model: licence, commercial use, other restrictions, data licence')
      .option('--catalog <dir>', 'catalog folder')
      .option('--all', 'include closed models (by default only models whose weights can be obtained)')
      .option('--format <format>', 'table, json or csv', 'table'),
  ).action(async (o: FilterOptions & { catalog?: string; format: string; all?: boolean }) => {
    const format = outputFormat(o.format, ['table', 'json', 'csv']);
    const catalog = await loadOrExit(catalogDir(o.catalog));
    const filter = filterFromOptions(o, catalog);
    const models = filterModels(catalog, filter).filter((m) => o.all || filter.weights || m.weights !== 'closed');
    const rows = usageRows(catalog, models);
    if (format === 'json') return void process.stdout.write(json(rows));
    const headers = ['model', 'license', 'commercial', 'other restrictions', 'data license'];
    const cells = rows.map((r) => [
      r.name,
      r.licenseName ?? '',
      r.commercial ? r.commercial + (r.condition ? ` (${r.condition})` : '') : 'unknown',
      r.restrictions.join('; '),
      r.dataLicense ?? '',
    ]);
    process.stdout.write(format === 'csv' ? csv(headers, cells) : table(headers, cells));
  });
}
