/**
 * Stanford CRFM ecosystem-graphs assets (`assets/*.yaml`): a YAML list of assets; those with
 * `type: model` carry `name`, `organization`, `created_date`, `access` (open | limited | closed, or
 * older "Full public access" / "Limited public access"), `license` (free text), `size`, `dependencies`.
 * Any value may be plain or `{value, explanation}`.
 */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isSeq, isMap, LineCounter, type Node } from 'yaml';
import { toDate } from './dates.js';
import { normalizeLicense } from './licenses.js';
import { newSummary, skip, text, type Openness, type Skip, type SourceRecord, type Summary } from './types.js';

export interface EcosystemResult {
  records: SourceRecord[];
  summary: Summary;
  skips: Skip[];
}

/** A plain value, or the `value` of `{value, explanation}`. */
export function plain(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && 'value' in v) return (v as { value: unknown }).value;
  return v;
}

export function ecosystemOpenness(access: unknown): Openness | undefined {
  const a = String(plain(access) ?? '').toLowerCase().trim();
  if (a === 'open' || a.startsWith('full public')) return 'open';
  if (a === 'limited' || a === 'closed' || a.startsWith('limited') || a.startsWith('closed') || a.startsWith('no public')) return 'closed';
  return undefined;
}

/** "7.3B parameters (dense)", "175B", "1.2T parameters" → count; undefined for "unknown", "256k". */
export function parseSize(v: unknown): number | undefined {
  const s = String(plain(v) ?? '');
  const m = /(\d+(?:\.\d+)?)\s*([BMT])\b(?:\s*param|\s*\(|\s*$)/i.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { B: 1e9, M: 1e6, T: 1e12 }[m[2].toUpperCase() as 'B' | 'M' | 'T'];
}

export function ecosystemFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

export function readEcosystem(path: string, licenseIds?: { has(id: string): boolean }): EcosystemResult {
  const summary = newSummary();
  const skips: Skip[] = [];
  const records: SourceRecord[] = [];
  for (const file of ecosystemFiles(path)) {
    const lc = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc, uniqueKeys: false });
    const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
    if (doc.errors.length) {
      const e = doc.errors[0];
      skip(summary, skips, { where: `${file}:${e.linePos?.[0].line ?? 1}`, reason: 'YAML syntax error', detail: e.message.split('\n')[0] });
      continue;
    }
    if (!isSeq(doc.contents)) {
      if (doc.contents) skip(summary, skips, { where: `${file}:1`, reason: 'not a list of assets' });
      continue;
    }
    for (const item of doc.contents.items) {
      const where = `${file}:${lineOf(item as Node)}`;
      if (!isMap(item)) {
        summary.read++;
        skip(summary, skips, { where, reason: 'asset is not a mapping' });
        continue;
      }
      const a = item.toJS(doc) as Record<string, unknown>;
      if (plain(a.type) !== 'model') continue; // datasets and applications are not models
      summary.read++;
      const r = assetRecord(a, where, licenseIds);
      if ('error' in r) skip(summary, skips, { where, reason: r.error });
      else {
        records.push(r);
        summary.imported++;
      }
    }
  }
  return { records, summary, skips };
}

function assetRecord(a: Record<string, unknown>, where: string, licenseIds?: { has(id: string): boolean }): SourceRecord | { error: string } {
  const name = text(plain(a.name));
  if (!name) return { error: 'no name' };
  const rawDate = plain(a.created_date);
  const released = toDate(rawDate);
  if (rawDate !== undefined && text(rawDate instanceof Date ? rawDate.toISOString() : rawDate) && !released) return { error: 'bad created_date' };
  const licenseText = text(plain(a.license));
  const size = parseSize(a.size);
  const deps = plain(a.dependencies);
  const url = [plain(a.url), plain(a.model_card)].map((u) => text(u)).find((u) => u && /^https?:\/\//.test(u));
  return {
    source: 'ecosystem-graphs',
    key: name,
    name,
    organizations: String(text(plain(a.organization)) ?? '').split(/,\s*|;\s*/).filter(Boolean),
    released,
    weights: ecosystemOpenness(a.access),
    parameters: size ? [size] : undefined,
    licenseText,
    license: normalizeLicense(licenseText, licenseIds),
    bases: Array.isArray(deps) ? deps.map((d) => text(plain(d))).filter((d): d is string => !!d) : undefined,
    url,
    where,
  };
}
