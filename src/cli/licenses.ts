import type { Command } from 'commander';
import { licenseCommercial, matchingVariants, resolveVariants, type Catalog, type Model, type ModelFilter, type ResolvedVariant } from '../catalog/core.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filters.js';
import { catalogDir, loadOrExit } from './context.js';
import { table, csv, json } from './format.js';
import { outputFormat } from './options.js';

export interface UsageRow {
  model: string;
  /** The entry's name; with the variants' labels when its variants differ in licence. */
  name: string;
  weights: string;
  license: string | null;
  licenseName: string | null;
  commercial: string | null;
  condition: string | null;
  restrictions: string[];
  dataLicense: string | null;
  /** Labels of the entry's variants under this licence (empty for an entry without variants). */
  variants: string[];
}

/**
 * The survey's usage-restrictions table, from the data: one row per distinct licence within each entry
 * (most entries have one). With a filter, only the variants that pass it are counted.
 */
export function usageRows(catalog: Catalog, models: Model[], filter?: ModelFilter): UsageRow[] {
  return models.flatMap((m) => {
    const variants = filter ? matchingVariants(catalog, m, filter) : resolveVariants(m);
    const groups = new Map<string, ResolvedVariant[]>();
    for (const v of variants) groups.set(v.license ?? '', [...(groups.get(v.license ?? '') ?? []), v]);
    const all = resolveVariants(m);
    const split = new Set(all.map((v) => v.license ?? '')).size > 1;
    return [...groups].map(([license, vs]) => {
      const lic = license ? catalog.licenses.get(license) : undefined;
      const labels = vs.filter((v) => !v.implicit).map((v) => v.label);
      return {
        model: m.id,
        name: split ? `${m.name} (${labels.join(', ')})` : m.name,
        weights: [...new Set(vs.map((v) => v.weights))].join(' '),
        license: license || null,
        licenseName: lic?.name ?? null,
        commercial: licenseCommercial(catalog, license || undefined) ?? null,
        condition: lic?.condition ?? null,
        restrictions: lic?.restrictions ?? [],
        dataLicense: m.data?.license ?? null,
        variants: labels,
      };
    });
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
    // By default only what can be obtained: closed variants are left out unless asked for.
    const shown: ModelFilter = o.all || filter.weights ? filter : { ...filter, weights: ['open', 'restricted'] };
    const rows = usageRows(catalog, catalog.models, shown);
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
