/**
 * Epoch AI's "Notable AI Models" / "Large-Scale AI Models" CSV. Column names change between exports
 * (`System` → `Model`, `Country (from Organization)` → `Country (of organization)`), so columns are
 * found by alias and every column the importer does not use is reported.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.js';
import { toDate } from './dates.js';
import { newSummary, skip, text, type Openness, type Skip, type SourceRecord, type Summary } from './types.js';

/** Our field → the header spellings seen in Epoch exports (compared case- and space-insensitively). */
export const EPOCH_COLUMNS = {
  name: ['Model', 'System', 'Model name'],
  organization: ['Organization', 'Organisation', 'Organization(s)'],
  date: ['Publication date', 'Publication Date', 'Date'],
  domain: ['Domain'],
  parameters: ['Parameters', 'Parameters (count)'],
  access: ['Model accessibility', 'Accessibility'],
  base: ['Base model'],
  link: ['Link', 'Links', 'Reference link'],
  country: ['Country (of organization)', 'Country (from Organization)', 'Country'],
  openWeights: ['Open model weights?'],
} as const;
type Field = keyof typeof EPOCH_COLUMNS;

/** Columns Epoch exports that this importer reads no fact from (known, so not reported as unknown). */
const KNOWN_UNUSED = [
  'Task', 'Authors', 'Reference', 'Citations', 'Notability criteria', 'Notability criteria notes', 'Parameters notes',
  'Training compute (FLOP)', 'Training compute notes', 'Training dataset', 'Training dataset notes',
  'Training dataset size (datapoints)', 'Training dataset size (gradients)', 'Dataset size notes', 'Training time (hours)',
  'Training time notes', 'Training hardware', 'Approach', 'Confidence', 'Abstract', 'Epochs', 'Benchmark data',
  'Finetune compute (FLOP)', 'Finetune compute notes', 'Hardware quantity', 'Hardware utilization', 'Hardware utilization (MFU)',
  'Training cloud compute vendor', 'Training data center', 'Archived links', 'Batch size', 'Batch size notes',
  'Organization categorization', 'Organization categorization (from Organization)', 'Foundation model',
  'Training compute lower bound', 'Training compute upper bound', 'Training chip-hours', 'Training code accessibility',
  'Accessibility notes', 'Frontier model', 'Training power draw (W)', 'Training compute estimation method',
  'Hugging Face developer id', 'Post-training compute (FLOP)', 'Post-training compute notes', 'Last modified',
  'Training compute cost (2023 USD)', 'Training compute cost (2020 USD)', 'Cost (inflation-adjusted)', 'Utilization notes',
  'Numerical format', 'Inference compute (FLOP)', 'Model version',
];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Epoch's accessibility vocabulary → openness. */
export function epochOpenness(access?: string, openWeights?: string): Openness | undefined {
  const a = (access ?? '').toLowerCase();
  if (a.startsWith('open weights (unrestricted)')) return 'open';
  if (a.startsWith('open weights')) return 'restricted';
  if (/^(api access|hosted access|unreleased|limited access)/.test(a)) return 'closed';
  const o = (openWeights ?? '').toLowerCase();
  if (o === 'yes') return 'open';
  if (o === 'no') return 'closed';
  return undefined;
}

export interface EpochResult {
  records: SourceRecord[];
  summary: Summary;
  skips: Skip[];
  unknownColumns: string[];
  missingColumns: string[];
}

/** Read an Epoch CSV; only rows whose Domain includes one of `domains` (default Language) are kept. */
export function readEpoch(file: string, domains: string[] = ['Language']): EpochResult {
  const summary = newSummary();
  const skips: Skip[] = [];
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows.next();
  if (header.done) throw new Error(`${file}: empty CSV`);
  const cols = header.value.cells.map((c) => c.trim());
  const index: Partial<Record<Field, number>> = {};
  for (const [field, aliases] of Object.entries(EPOCH_COLUMNS) as [Field, readonly string[]][]) {
    const i = cols.findIndex((c) => aliases.some((a) => squash(a) === squash(c)));
    if (i >= 0) index[field] = i;
  }
  const used = new Set(Object.values(index));
  const known = new Set(KNOWN_UNUSED.map(squash));
  const unknownColumns = cols.filter((c, i) => !used.has(i) && !known.has(squash(c)) && c !== '');
  const missingColumns = (['name', 'organization', 'date'] as Field[]).filter((f) => index[f] === undefined).map((f) => EPOCH_COLUMNS[f][0]);
  if (index.name === undefined) throw new Error(`${file}:1: no model name column (expected one of ${EPOCH_COLUMNS.name.join(', ')})`);
  const wanted = domains.map((d) => d.toLowerCase());
  const records: SourceRecord[] = [];
  for (const row of rows) {
    summary.read++;
    const where = `${file}:${row.line}`;
    const get = (f: Field) => (index[f] === undefined ? undefined : text(row.cells[index[f]!]));
    if (row.cells.length !== cols.length) {
      skip(summary, skips, { where, reason: 'wrong number of cells', detail: `${row.cells.length} cells, header has ${cols.length}` });
      continue;
    }
    const name = get('name');
    if (!name) {
      skip(summary, skips, { where, reason: 'no model name' });
      continue;
    }
    const domain = (get('domain') ?? '').split(',').map((d) => d.trim().toLowerCase());
    if (!wanted.includes('all') && !domain.some((d) => wanted.includes(d))) {
      skip(summary, skips, { where, reason: 'other domain', detail: domain.join(', ') });
      continue;
    }
    const rawDate = get('date');
    const released = toDate(rawDate);
    if (rawDate && !released) {
      skip(summary, skips, { where, reason: 'bad date', detail: rawDate });
      continue;
    }
    const rawParams = get('parameters');
    const params = rawParams === undefined ? undefined : Number(rawParams.replace(/,/g, ''));
    if (params !== undefined && !(params > 0 && Number.isFinite(params))) {
      skip(summary, skips, { where, reason: 'bad parameter count', detail: rawParams });
      continue;
    }
    const base = get('base');
    records.push({
      source: 'epoch',
      key: name,
      name,
      organizations: splitList(get('organization')),
      released,
      weights: epochOpenness(get('access'), get('openWeights')),
      parameters: params ? [params] : undefined,
      bases: base ? splitList(base) : undefined,
      url: firstUrl(get('link')),
      where,
    });
    summary.imported++;
  }
  return { records, summary, skips, unknownColumns, missingColumns };
}

function splitList(s?: string): string[] {
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

function firstUrl(s?: string): string | undefined {
  const m = s ? /https?:\/\/[^\s,]+/.exec(s) : null;
  return m?.[0];
}
