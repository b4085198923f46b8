import type { Command } from 'commander';
import { filterVariants, formatCount, licenseCommercial, type Catalog, type Model, type ParameterSize, type ResolvedVariant } from '../catalog/core.js';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filters.js';
import { catalogDir, loadOrExit } from './context.js';
import { table, csv, json } from './format.js';
import { outputFormat } from './options.js';

export function registerList(program: Command): void {
  addFilterOptions(
    program
      .command('list')
      .description('list models, filtered; per-variant facts match when one variant matches, and the "variants" column says which')
      .option('--catalog <dir>', 'catalog folder')
      .option('--format <format>', 'table, json or csv', 'table'),
  ).action(async (o: FilterOptions & { catalog?: string; format: string }) => {
    const format = outputFormat(o.format, ['table', 'json', 'csv']);
    const catalog = await loadOrExit(catalogDir(o.catalog));
    const found = filterVariants(catalog, filterFromOptions(o, catalog));
    if (format === 'json') return void process.stdout.write(json(found.map((f) => ({ ...f.model, matchedVariants: labels(f.variants) }))));
    const headers = ['id', 'name', 'family', 'released', 'weights', 'organizations', 'license', 'commercial', 'parameters', 'variants'];
    const rows = found.map((f) => row(catalog, f.model, f.variants));
    process.stdout.write(format === 'csv' ? csv(headers, rows) : table(headers, rows));
    if (format === 'table') process.stderr.write(`${found.length} model${found.length === 1 ? '' : 's'}\n`);
  });
}

/** Labels of the explicit variants among these (none for an entry without variants). */
function labels(variants: ResolvedVariant[]): string[] {
  return variants.filter((v) => !v.implicit).map((v) => v.label);
}

const distinct = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].join(' ');

/** One row per entry; licence, commercial use and sizes are those of the variants that matched. */
function row(catalog: Catalog, m: Model, variants: ResolvedVariant[]): string[] {
  return [
    m.id,
    m.name,
    m.family,
    m.released,
    distinct(variants.map((v) => v.weights)),
    m.organizations.join(' '),
    distinct(variants.map((v) => v.license)),
    distinct(variants.map((v) => licenseCommercial(catalog, v.license))),
    sizesText(variants.flatMap((v) => v.parameters)),
    labels(variants).join(', '),
  ];
}

export function sizesText(sizes: ParameterSize[]): string {
  return sizes.map((p) => (p.active ? `${formatCount(p.total)} (${formatCount(p.active)} active)` : formatCount(p.total))).join(' ');
}

export function paramsText(m: Model): string {
  return sizesText(m.parameters);
}
