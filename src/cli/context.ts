/** Locating and loading the catalog for a CLI command. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { formatIssue, suggest, type Catalog, type Model } from '../catalog/core.js';
import { outputFormat } from './options.js';
import { catalogKey, readSnapshot, writeSnapshot } from '../catalog/cache.js';
import type { Guide } from '../catalog/guide-schema.js';
import { UsageError, shown } from './errors.js';

/** The package's root folder: the nearest folder above this module with llmtree's package.json. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The catalog bundled with the package. */
export const BUNDLED_CATALOG = join(PACKAGE_ROOT, 'catalog');

/** The CLI's entry files: the bundle that `bin` runs, and tsc's module it is built from. */
export const CLI_ENTRIES = [join(PACKAGE_ROOT, 'dist', 'cli', 'llmtree.js'), join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')];

function findPackageRoot(from: string): string {
  // This module runs from dist/cli/ (tsc) or dist/cli/chunks/ (the bundle); look upward for the package.
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'llmtree') return dir;
    } catch {
      // no package.json here
    }
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

/** `--catalog` if given, else ./catalog when it looks like one, else the bundled catalog. */
export function catalogDir(option?: string): string {
  if (option) {
    // A folder named on the command line that does not exist is a usage error (exit 2), like any bad flag.
    const dir = resolve(option);
    if (!existsSync(dir)) throw new UsageError(`catalog folder not found: ${dir}`);
    return dir;
  }
  const local = resolve('catalog');
  if (existsSync(join(local, 'models')) && existsSync(join(local, 'organizations.yaml'))) return local;
  return BUNDLED_CATALOG;
}

/**
 * Load a catalog for a query. A catalog with errors stops the command (exit 1). A catalog that passed
 * validation and has not changed since is read from its snapshot, without parsing the YAML again.
 */
export async function loadValid(dir: string): Promise<{ catalog: Catalog; guide?: Guide }> {
  const key = catalogKey(dir);
  const cached = key ? readSnapshot(dir, key) : undefined;
  if (cached) return cached;
  const { loadCatalog } = await import('../catalog/load.js');
  const { catalog, issues, guide } = loadCatalog(dir, { parseMemo: true });
  if (issues.length) {
    const first = issues.slice(0, 20).map(formatIssue).join('\n');
    const more = issues.length > 20 ? `\n… and ${issues.length - 20} more (run \`llmtree validate\`)` : '';
    process.stderr.write(`llmtree: the catalog at ${dir} has ${issues.length} error(s):\n${first}${more}\n`);
    process.exit(1);
  }
  if (key) saveSnapshot(dir, key, catalog, guide);
  return { catalog, guide };
}

export function saveSnapshot(dir: string, key: string, catalog: Catalog, guide?: Guide): void {
  writeSnapshot(dir, key, {
    models: catalog.models,
    organizations: [...catalog.organizations.values()],
    licenses: [...catalog.licenses.values()],
    guide,
  });
}

export async function loadOrExit(dir: string): Promise<Catalog> {
  const { catalog } = await loadValid(dir);
  if (!hubDb) return catalog;
  if (!existsSync(hubDb)) throw new UsageError(`--db: ${hubDb} does not exist (create it with \`llmtree import hf DUMP --db FILE\`)`);
  return (await import('../store/open.js')).catalogWithHub(catalog, hubDb);
}

/** `--db FILE` of the command being run: a Hub lineage store (`llmtree import hf --db`) read with the catalog. */
let hubDb: string | undefined;

/** Give the named commands `--db <file>`; their catalog then includes the store's Hub repos. */
export function addDbOption(program: Command, names: string[]): void {
  for (const c of program.commands) {
    if (names.includes(c.name())) c.option('--db <file>', 'also read Hub lineage from this database (made by `llmtree import hf --db`)');
  }
  program.hook('preAction', (_root, action) => {
    const db = names.includes(action.name()) ? (action.opts() as { db?: string }).db : undefined;
    hubDb = db === undefined ? undefined : resolve(db);
  });
}

/** Resolve a model by id or alias, or fail with the closest names. */
export function findModel(catalog: Catalog, query: string): Model {
  const m = catalog.resolve(query);
  if (m) return m;
  const names = [...catalog.byId.keys(), ...catalog.models.flatMap((x) => [x.name, ...x.aliases])];
  const s = [...new Set(suggest(query, names, 6).map((n) => catalog.resolve(n)!.id))].slice(0, 3);
  throw new UsageError(`unknown model "${shown(query)}"${s.length ? `; did you mean ${s.map((x) => `"${x}"`).join(', ')}?` : ''}`);
}

/** A command about one model (`show`, `lineage`): `<model>`, `--catalog`, `--format text|json`. */
export function modelCommand(
  program: Command,
  name: string,
  description: string,
  run: (catalog: Catalog, model: Model, format: 'text' | 'json') => void,
): void {
  program
    .command(name)
    .description(description)
    .argument('<model>', 'model id or alias')
    .option('--catalog <dir>', 'catalog folder')
    .option('--format <format>', 'text or json', 'text')
    .action(async (query: string, o: { catalog?: string; format: string }) => {
      const format = outputFormat(o.format, ['text', 'json']);
      const catalog = await loadOrExit(catalogDir(o.catalog));
      run(catalog, findModel(catalog, query), format);
    });
}
