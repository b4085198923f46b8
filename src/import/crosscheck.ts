/**
 * Cross-check: match source records to catalog models and report where they disagree — release date
 * beyond ±1 month, organisation, open/closed weights, parameters beyond 10%, licence — unless the
 * catalog entry records (in `crosscheck:`) that it is right about that field.
 */
import type { Catalog, Model } from '../catalog/core.js';
import { formatCount } from '../catalog/core.js';
import { datesDisagree } from './dates.js';
import { Matcher, type MatchBy } from './match.js';
import { OrgIndex } from './orgs.js';
import type { SourceRecord, Source } from './types.js';

export const FIELDS = ['released', 'organizations', 'weights', 'parameters', 'license'] as const;
export type Field = (typeof FIELDS)[number];

export interface Disagreement {
  model: string;
  key: string;
  by: MatchBy;
  field: Field;
  catalog: string;
  source: string;
  where: string;
}

export interface CrosscheckReport {
  source: Source;
  records: number;
  matched: number;
  unmatched: string[];
  /** Catalog models at least one record matched. */
  models: number;
  disagreeing: number;
  disagreements: Disagreement[];
  /** Disagreements the catalog entry has already answered (`crosscheck:`), not counted above. */
  acknowledged: number;
}

const open = (w: string) => (w === 'closed' ? 'closed' : 'open');

function acknowledged(m: Model, source: Source, field: Field | 'match', says: string): boolean {
  return (m.crosscheck ?? []).some((a) => a.source === source && a.field === field && (a.says === undefined || a.says === says));
}

/** The disagreements between one record and the model it matched. */
export function compare(record: SourceRecord, model: Model, orgs: OrgIndex, sameLicense: (a: string, b: string) => boolean = (a, b) => a === b): { field: Field; catalog: string; source: string }[] {
  const out: { field: Field; catalog: string; source: string }[] = [];
  if (record.released && datesDisagree(record.released, model.released)) {
    out.push({ field: 'released', catalog: model.released, source: record.released });
  }
  if (record.organizations.length && !orgs.agrees(record.organizations, model.organizations)) {
    out.push({ field: 'organizations', catalog: model.organizations.join(', '), source: record.organizations.join(', ') });
  }
  if (record.weights && open(record.weights) !== open(model.weights)) {
    out.push({ field: 'weights', catalog: model.weights, source: record.weights });
  }
  const sizes = model.parameters.flatMap((p) => [p.total, ...(p.active ? [p.active] : [])]);
  for (const n of record.parameters ?? []) {
    if (sizes.length && !sizes.some((s) => Math.abs(s - n) <= 0.1 * s)) {
      out.push({ field: 'parameters', catalog: model.parameters.map((p) => formatCount(p.total)).join(' '), source: formatCount(n) });
    }
  }
  if (record.license && model.license && !sameLicense(record.license, model.license)) {
    out.push({ field: 'license', catalog: model.license, source: record.licenseText ?? record.license });
  }
  return out;
}

/** Two catalog licences agree when they are the same id or carry the same SPDX identifier. */
export function licenseMatcher(catalog: Catalog): (a: string, b: string) => boolean {
  const spdx = (id: string) => catalog.licenses.get(id)?.spdx?.toLowerCase();
  return (a, b) => a === b || (spdx(a) !== undefined && spdx(a) === spdx(b));
}

export function crosscheck(catalog: Catalog, source: Source, records: Iterable<SourceRecord>): CrosscheckReport {
  const matcher = new Matcher(catalog);
  const orgs = new OrgIndex(catalog);
  const report: CrosscheckReport = { source, records: 0, matched: 0, unmatched: [], models: 0, disagreeing: 0, disagreements: [], acknowledged: 0 };
  const models = new Set<string>();
  const disagreeing = new Set<string>();
  const seen = new Set<string>();
  for (const r of records) {
    report.records++;
    const hit = matcher.match(r);
    if (!hit || acknowledged(hit.model, source, 'match', r.key)) {
      report.unmatched.push(r.key);
      continue;
    }
    report.matched++;
    models.add(hit.model.id);
    for (const d of compare(r, hit.model, orgs, licenseMatcher(catalog))) {
      if (acknowledged(hit.model, source, d.field, d.source)) {
        report.acknowledged++;
        continue;
      }
      const sig = `${hit.model.id}\0${d.field}\0${d.source}`;
      if (seen.has(sig)) continue; // the same finding from a second copy of the record
      seen.add(sig);
      disagreeing.add(hit.model.id);
      report.disagreements.push({ model: hit.model.id, key: r.key, by: hit.by, ...d, where: r.where });
    }
  }
  report.models = models.size;
  report.disagreeing = disagreeing.size;
  report.disagreements.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return report;
}

export function summaryLine(r: CrosscheckReport): string {
  return (
    `${r.source}: ${r.records} records, ${r.matched} matched (${r.models} catalog models), ${r.unmatched.length} unmatched, ` +
    `${r.disagreeing} models disagreeing (${r.disagreements.length} disagreements${r.acknowledged ? `, ${r.acknowledged} acknowledged in the catalog` : ''})`
  );
}
