/**
 * `llmtree import hf`: stream a Hub dump into the lineage store (SQLite, in memory unless `--db`),
 * then report the forest, its links to the catalog (through `hf` ids) and licence conflicts.
 */
import { statSync } from 'node:fs';
import type { Catalog } from '../catalog/core.js';
import { jsonRecords } from './read.js';
import { parseHubRecord, familyFromPipeline, type HubRepo } from './hf.js';
import { normalizeLicense, licenseConflict } from './licenses.js';
import { newSummary, skip, type Skip, type Summary, type SourceRecord } from './types.js';
import { HubWriter, recordHash, counts, generation, getMeta, setMeta, type Db, type RepoRow } from '../store/hub-db.js';
import { progress } from './progress.js';
import { hubIds } from './match.js';

/** The record's `id`, read without parsing (a hint: see HubWriter.unchanged). */
const ID_HINT = /"id"\s*:\s*"([^"\\]+)"/;

export interface HubImport {
  summary: Summary;
  skips: Skip[];
  /** Records whose `createdAt` was the Hub's placeholder (stored without a date). */
  placeholderDates: number;
  /** Records with `license: other` and no `license_name`. */
  otherWithoutName: number;
}

/** Stream `file` into the store in one transaction; on any error or Ctrl-C nothing is kept. */
export async function importHubFile(file: string, db: Db, options: { showProgress?: boolean } = {}): Promise<HubImport> {
  const summary = newSummary();
  summary.unchanged = 0;
  const skips: Skip[] = [];
  const result: HubImport = { summary, skips, placeholderDates: 0, otherWithoutName: 0 };
  const writer = new HubWriter(db);
  const bar = options.showProgress === false ? { tick() {}, done() {} } : progress('import hf', statSync(file).size);
  let bytes = 0;
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSigint);
  writer.begin();
  try {
    for await (const rec of jsonRecords(file, (b) => (bytes = b))) {
      if (interrupted) throw new Error('interrupted: nothing was written');
      summary.read++;
      bar.tick(summary.read, bytes);
      const hash = recordHash(rec.text);
      if (writer.unchanged(ID_HINT.exec(rec.text)?.[1], hash)) {
        summary.unchanged!++;
        continue;
      }
      const repo = hubRecordOrSkip(rec, file, summary, skips);
      if (!repo) continue;
      if (repo.placeholderDate) result.placeholderDates++;
      if (repo.license === 'other') result.otherWithoutName++;
      writer.put(repo, hash);
      summary.imported++;
    }
    if (interrupted) throw new Error('interrupted: nothing was written');
    writer.commit();
  } catch (e) {
    writer.rollback();
    throw e;
  } finally {
    bar.done();
    process.removeListener('SIGINT', onSigint);
  }
  return result;
}

export interface LicenseFlag {
  repo: string;
  base: string;
  relation: string | null;
  license: string;
  baseLicense: string;
  reason: string;
}

export interface ForestReport {
  repos: number;
  edges: number;
  roots: number;
  /** Repos that are catalog models (their id is in a model's `hf`). */
  catalogRepos: number;
  /** Repos derived, directly or not, from a catalog model's repo. */
  descendantsOfCatalog: number;
  /** Biggest catalog lineages: model id → Hub descendants. */
  topCatalog: { model: string; repos: number }[];
  licenseConflicts: number;
  licenseFlags: LicenseFlag[];
}

/** Catalog Hub ids → their model, lower-cased. */
function catalogHub(catalog: Catalog): Map<string, { id: string; license?: string }> {
  const m = new Map<string, { id: string; license?: string }>();
  for (const x of catalog.models) for (const h of hubIds(x)) m.set(h.toLowerCase(), { id: x.id, license: x.license });
  return m;
}

export function forestReport(db: Db, catalog: Catalog, keep = 20): ForestReport {
  const hub = catalogHub(catalog);
  // The report depends only on the stored rows and the catalog's Hub ids and licences: reuse it while both are unchanged.
  const signature = `${generation(db)}\0${JSON.stringify([...hub])}\0${keep}`;
  const cached = getMeta(db, 'forest-report');
  if (cached) {
    const { key, report } = JSON.parse(cached) as { key: string; report: ForestReport };
    if (key === signature) return report;
  }
  const report = computeForest(db, catalog, hub, keep);
  if (!db.readonly) setMeta(db, 'forest-report', JSON.stringify({ key: signature, report }));
  return report;
}

function computeForest(db: Db, catalog: Catalog, hub: Map<string, { id: string; license?: string }>, keep: number): ForestReport {
  const c = counts(db);
  const ids = JSON.stringify([...hub.keys()]);
  const catalogRepos = db.prepare('SELECT count(*) FROM repo_rows WHERE id IN (SELECT value FROM json_each(?))').pluck().get(ids) as number;
  const withKids = db
    .prepare('SELECT n.id, n.rid FROM names n WHERE n.id IN (SELECT value FROM json_each(?)) AND EXISTS (SELECT 1 FROM edges e WHERE e.parent = n.rid)')
    .raw()
    .all(ids) as [string, number][];
  const sub = db.prepare(`WITH RECURSIVE sub(rid) AS (SELECT ? UNION SELECT e.child FROM edges e JOIN sub ON e.parent = sub.rid) SELECT count(*) - 1 FROM sub`).pluck();
  const perModel = new Map<string, number>();
  for (const [h, rid] of withKids) {
    const m = hub.get(h.toLowerCase())!;
    perModel.set(m.id, (perModel.get(m.id) ?? 0) + (sub.get(rid) as number));
  }
  const descendantsOfCatalog = db
    .prepare(`WITH RECURSIVE sub(rid) AS (SELECT rid FROM names WHERE id IN (SELECT value FROM json_each(?)) UNION SELECT e.child FROM edges e JOIN sub ON e.parent = sub.rid)
      SELECT count(*) FROM sub JOIN names n ON n.rid = sub.rid WHERE lower(n.id) NOT IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(ids, ids) as number;
  const commercial = (id: string) => catalog.licenses.get(id)?.commercial;
  const norm = new Map<string, string>();
  const licenseOf = (hubLicense: string) => {
    let v = norm.get(hubLicense);
    if (v === undefined) norm.set(hubLicense, (v = normalizeLicense(hubLicense, catalog.licenses) ?? hubLicense));
    return v;
  };
  // Licence pairs (derivative, base) are few: judge each pair once, count its edges in SQL.
  const pairs = db
    .prepare(`SELECT c.license, coalesce(p.license, ''), count(*) FROM edges e JOIN repos c ON c.rid = e.child LEFT JOIN repos p ON p.rid = e.parent
      WHERE c.license IS NOT NULL AND (p.license IS NULL OR p.license <> c.license) GROUP BY 1, 2`)
    .raw()
    .all() as [string, string, number][];
  let conflicts = 0;
  const bad: [string, string][] = [];
  for (const [license, baseLicense, n] of pairs) {
    if (!baseLicense) continue; // bases outside the dump: judged below through the catalog
    if (licenseConflict(licenseOf(baseLicense), licenseOf(license), commercial)) {
      conflicts += n;
      bad.push([license, baseLicense]);
    }
  }
  const flags: LicenseFlag[] = [];
  const examples = db
    .prepare(`SELECT c.id, p.id, c.relation, c.license, p.license FROM edges e JOIN repo_rows c ON c.rid = e.child JOIN repo_rows p ON p.rid = e.parent
      WHERE c.license = ? AND p.license = ? LIMIT ?`)
    .raw();
  for (const [license, baseLicense] of bad) {
    if (flags.length >= keep) break;
    for (const [repo, base, relation] of examples.all(license, baseLicense, keep - flags.length) as [string, string, string | null][]) {
      flags.push({ repo, base, relation, license, baseLicense: licenseOf(baseLicense), reason: licenseConflict(licenseOf(baseLicense), licenseOf(license), commercial)! });
    }
  }
  // Bases that are catalog models but not in the dump: their licence comes from the catalog.
  const outside = db
    .prepare(`SELECT c.id, pn.id, c.relation, c.license FROM names pn JOIN edges e ON e.parent = pn.rid JOIN repo_rows c ON c.rid = e.child
      WHERE pn.id IN (SELECT value FROM json_each(?)) AND c.license IS NOT NULL AND NOT EXISTS (SELECT 1 FROM repos p WHERE p.rid = pn.rid)`)
    .raw();
  for (const [repo, base, relation, license] of outside.iterate(ids) as Iterable<[string, string, string | null, string]>) {
    const b = hub.get(base.toLowerCase())?.license;
    const reason = licenseConflict(b, licenseOf(license), commercial);
    if (!reason) continue;
    conflicts++;
    if (flags.length < keep) flags.push({ repo, base, relation, license, baseLicense: b!, reason });
  }
  const topCatalog = [...perModel].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([model, repos]) => ({ model, repos }));
  return { ...c, catalogRepos, descendantsOfCatalog, topCatalog, licenseConflicts: conflicts, licenseFlags: flags };
}

/**
 * Source records for the catalog: repos whose base is a catalog model's repo (direct derivatives),
 * with at least `minDownloads`, plus the catalog's own repos (for cross-checks).
 */
export function* hubRecords(db: Db, catalog: Catalog, options: { minDownloads?: number; derivatives?: boolean } = {}): Generator<SourceRecord> {
  const hub = catalogHub(catalog);
  const own = db.prepare('SELECT * FROM repo_rows WHERE id = ?');
  const kids = db.prepare(
    'SELECT r.* FROM names pn JOIN edges e ON e.parent = pn.rid JOIN repo_rows r ON r.rid = e.child WHERE pn.id = ? AND r.downloads >= ? ORDER BY r.downloads DESC, r.id',
  );
  const basesOf = db.prepare('SELECT p.id FROM edges e JOIN names p ON p.rid = e.parent WHERE e.child = ?').pluck();
  const seen = new Set<string>();
  for (const h of hub.keys()) {
    const rows = [own.get(h) as RepoRow | undefined, ...(options.derivatives === false ? [] : (kids.all(h, options.minDownloads ?? 0) as RepoRow[]))];
    for (const r of rows) {
      if (!r || seen.has(r.id.toLowerCase())) continue;
      seen.add(r.id.toLowerCase());
      yield rowRecord(r, basesOf.all(r.rid) as string[], catalog);
    }
  }
}

export function rowRecord(r: RepoRow, bases: string[], catalog: Catalog): SourceRecord {
  return repoRecord(
    { id: r.id, created: r.created ?? undefined, gated: !!r.gated, license: r.license ?? undefined, relation: r.relation ?? undefined, pipeline: r.pipeline ?? undefined, bases },
    catalog,
  );
}

/** A Hub repo as a source record. Hub authors are accounts, not organisations, so none is given. */
export function repoRecord(
  r: Pick<HubRepo, 'id' | 'created' | 'gated' | 'license' | 'pipeline' | 'bases'> & { relation?: string },
  catalog: Catalog,
  where = r.id,
): SourceRecord {
  return {
    source: 'hf',
    key: r.id,
    name: r.id.split('/')[1],
    organizations: [],
    owner: r.id.split('/')[0],
    released: r.created,
    weights: r.gated ? 'restricted' : 'open',
    license: r.license ? normalizeLicense(r.license, catalog.licenses) : undefined,
    licenseText: r.license,
    hf: [r.id],
    bases: r.bases,
    relation: r.relation,
    family: familyFromPipeline(r.pipeline),
    url: `https://huggingface.co/${r.id}`,
    where,
  };
}

/**
 * The catalog's own repos as they appear in a dump (streamed, nothing stored), and the catalog
 * repos the dump does not have.
 */
export async function catalogReposInDump(file: string, catalog: Catalog): Promise<{ records: SourceRecord[]; missing: string[]; summary: Summary; skips: Skip[] }> {
  const hub = catalogHub(catalog);
  const found = new Set<string>();
  const records: SourceRecord[] = [];
  const summary = newSummary();
  const skips: Skip[] = [];
  for await (const rec of jsonRecords(file)) {
    summary.read++;
    const repo = hubRecordOrSkip(rec, file, summary, skips);
    if (!repo) continue;
    summary.imported++;
    const k = repo.id.toLowerCase();
    if (!hub.has(k)) continue;
    found.add(k);
    records.push(repoRecord(repo, catalog, `${file}:${rec.line}`));
  }
  summary.linked = records.length;
  const missing = catalog.models.flatMap(hubIds).filter((h) => !found.has(h.toLowerCase()));
  return { records, missing, summary, skips };
}

/** One line of a Hub dump as a repo, or undefined after counting it as skipped (malformed JSON, unusable record). */
function hubRecordOrSkip(rec: { text: string; line: number }, file: string, summary: Summary, skips: Skip[]): HubRepo | undefined {
  let value: unknown;
  try {
    value = JSON.parse(rec.text);
  } catch (e) {
    skip(summary, skips, { where: `${file}:${rec.line}`, reason: 'malformed JSON', detail: (e as Error).message });
    return undefined;
  }
  const repo = parseHubRecord(value);
  if ('error' in repo) {
    skip(summary, skips, { where: `${file}:${rec.line}`, reason: 'not a usable Hub record', detail: repo.error });
    return undefined;
  }
  return repo;
}
