import type { Command } from 'commander';
import { parseDateBound, todayUTC } from '../catalog/dates.js';
import { freshness, type Freshness } from '../graph/index.js';
import { catalogDir, loadOrExit } from './context.js';
import { table, json } from './format.js';
import { outputFormat } from './options.js';
import { UsageError } from './errors.js';
import { numberFlag } from './numbers.js';

interface Options {
  catalog?: string;
  months: string;
  today?: string;
  staleOnly?: boolean;
  format: string;
}

export function registerFreshness(program: Command): void {
  program
    .command('freshness')
    .description('per organisation and per lineage, the newest model in the catalog and its date; flags those with nothing recent')
    .option('--catalog <dir>', 'catalog folder')
    .option('--months <n>', 'flag organisations and lineages with no model in the last n months', '6')
    .option('--today <date>', 'count months back from this day (YYYY-MM-DD) instead of today')
    .option('--stale-only', 'list only the flagged rows')
    .option('--format <format>', 'table or json', 'table')
    .action(async (o: Options) => {
      const format = outputFormat(o.format, ['table', 'json']);
      const months = numberFlag('--months', o.months, { min: 0, whole: true, what: 'a whole number of months' });
      const today = o.today === undefined ? todayUTC() : parseDateBound(o.today);
      if (!today || today.length !== 10) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${o.today}"`);
      const catalog = await loadOrExit(catalogDir(o.catalog));
      const f = freshness(catalog, { today, months });
      const shown: Freshness = o.staleOnly
        ? { ...f, organizations: f.organizations.filter((r) => r.stale), lineages: f.lineages.filter((r) => r.stale) }
        : f;
      process.stdout.write(format === 'json' ? json(shown) : text(shown));
    });
}

const flag = (stale: boolean): string => (stale ? 'STALE' : '');

function text(f: Freshness): string {
  const orgRows = f.organizations.map((r) => [r.org, r.name, String(r.models), r.newest?.id ?? '(none)', r.newest?.released ?? '', flag(r.stale)]);
  const linRows = f.lineages.map((r) => [r.root, r.organizations.join(', '), String(r.models), r.newest.id, r.newest.released, flag(r.stale)]);
  const staleOrgs = f.organizations.filter((r) => r.stale).length;
  const staleLins = f.lineages.filter((r) => r.stale).length;
  return (
    `Newest model per organisation and lineage, oldest first; STALE = nothing released since ${f.cutoff} (${f.months} months before ${f.today})\n\n` +
    'By organization\n' +
    table(['organization', 'name', 'models', 'newest', 'released', 'flag'], orgRows) +
    '\nBy lineage (a lab\'s chain of parent edges, named by its oldest model)\n' +
    table(['lineage', 'organizations', 'models', 'newest', 'released', 'flag'], linRows) +
    `\n${staleOrgs} organisation${staleOrgs === 1 ? '' : 's'} and ${staleLins} lineage${staleLins === 1 ? '' : 's'} flagged\n`
  );
}
