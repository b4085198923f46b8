/** The model filters shared by `list`, `render`, `stats` and `licenses`. */
import type { Command } from 'commander';
import {
  FAMILIES,
  WEIGHTS,
  MODALITIES,
  parseCount,
  parseDateBound,
  earliest,
  latest,
  suggest,
  type Catalog,
  type ModelFilter,
  type Family,
  type Weights,
  type Commercial,
  type Modality,
} from '../catalog/core.js';
import { UsageError } from './errors.js';

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--family <families>', `family, comma-separated: ${FAMILIES.join(', ')}`)
    .option('--weights <kinds>', `weights, comma-separated: ${WEIGHTS.join(', ')}`)
    .option('--org <ids>', 'organisation ids, comma-separated')
    .option('--license <ids>', 'licence ids, comma-separated')
    .option('--commercial <kinds>', 'commercial use allowed by the licence: yes, no, conditional')
    .option('--since <date>', 'released on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'released on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--params-min <n>', 'some size has at least this many parameters (7B, 560M, 70e9)')
    .option('--params-max <n>', 'some size has at most this many parameters')
    .option('--min-context <tokens>', 'some variant has a context window of at least this many tokens (128K, 32000)')
    .option('--modality <kinds>', `some variant has this modality, comma-separated: ${MODALITIES.join(', ')}`)
    .option('--search <text>', 'free text in name, aliases, organisation, notes')
    .option('--survey [version]', "only models drawn in the survey's figure (version 1, 2 or 3; default: any)");
}

export interface FilterOptions {
  family?: string;
  weights?: string;
  org?: string;
  license?: string;
  commercial?: string;
  since?: string;
  until?: string;
  paramsMin?: string;
  paramsMax?: string;
  minContext?: string;
  modality?: string;
  search?: string;
  survey?: string | boolean;
}

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

function oneOf<T extends string>(flag: string, values: string[] | undefined, allowed: readonly string[]): T[] | undefined {
  for (const v of values ?? []) {
    if (!allowed.includes(v)) {
      const s = suggest(v, allowed);
      throw new UsageError(`${flag}: unknown value "${v}"${s.length ? ` (did you mean "${s[0]}"?)` : ''}; expected one of ${allowed.join(', ')}`);
    }
  }
  return values as T[] | undefined;
}

/** Turn CLI options into a ModelFilter, checking every value against the catalog. */
export function filterFromOptions(o: FilterOptions, catalog: Catalog): ModelFilter {
  const f: ModelFilter = {
    family: oneOf<Family>('--family', list(o.family), FAMILIES),
    weights: oneOf<Weights>('--weights', list(o.weights), WEIGHTS),
    org: oneOf('--org', list(o.org), [...catalog.organizations.keys()]),
    license: oneOf('--license', list(o.license), [...catalog.licenses.keys()]),
    commercial: oneOf<Commercial>('--commercial', list(o.commercial), ['yes', 'no', 'conditional']),
    modality: oneOf<Modality>('--modality', list(o.modality), MODALITIES),
    search: o.search,
  };
  for (const key of ['since', 'until'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (!parseDateBound(v)) throw new UsageError(`--${key}: "${v}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    f[key] = v;
  }
  if (f.since && f.until && earliest(f.since) > latest(f.until)) throw new UsageError(`--since ${f.since} is after --until ${f.until}`);
  for (const [key, flag] of [['paramsMin', '--params-min'], ['paramsMax', '--params-max']] as const) {
    const v = o[key];
    if (v === undefined) continue;
    const n = parseCount(v);
    if (n === null) throw new UsageError(`${flag}: "${v}" is not a parameter count (use 7B, 560M, 1.5T or 70e9)`);
    f[key] = n;
  }
  if (o.minContext !== undefined) {
    const n = parseCount(o.minContext);
    if (n === null || !Number.isInteger(n)) throw new UsageError(`--min-context: "${o.minContext}" is not a number of tokens (use 128K, 32768 or 1M)`);
    f.minContext = n;
  }
  if (o.survey !== undefined && o.survey !== false) {
    if (o.survey === true) f.survey = true;
    else if (['1', '2', '3'].includes(o.survey)) f.survey = Number(o.survey) as 1 | 2 | 3;
    else throw new UsageError(`--survey: "${o.survey}" is not a version of the survey's figure (1, 2 or 3)`);
  }
  return f;
}
