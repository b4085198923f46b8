/**
 * The Hub lineage store: an embedded SQLite database (better-sqlite3) for Hub-scale dumps. Every repo id
 * (and every base named by a repo, stored or not) gets a small integer `rid` in `names`; repos and edges
 * are keyed by it. Repo ids compare case-insensitively, as on the Hub. Each repo keeps a hash of its
 * source record, so a re-import skips unchanged records without parsing them and leaves their rows
 * untouched. An import is one transaction: interrupted, the database stays as it was.
 *
 * The lineage pages (graph, labels, rid_pos, pos_rid) are derived from the rest: the graph packed 256
 * positions a row in lineage order, for walks (see hub-pages.ts). An import rebuilds only the pages its
 * changed rows touch.
 */
import Database from 'better-sqlite3';
import * as crypto from 'node:crypto';
import type { HubRepo } from '../import/hf.js';
import { PAGE_TABLES, PageCollector, rebuildPages, updatePages } from './hub-pages.js';

export type Db = Database.Database;

/** Written in `meta.format`; a database of another format is refused (see openHubDb). */
export const FORMAT = 'llmtree-hub-4';
/** The format before: the same rows, other lineage pages (upgraded in place when opened for an import). */
const UPGRADABLE = 'llmtree-hub-3';

const SCHEMA = PAGE_TABLES + `
CREATE TABLE IF NOT EXISTS names (
  id TEXT PRIMARY KEY COLLATE NOCASE,
  rid INTEGER NOT NULL,
  -- the SHA-1 of the repo's source record; NULL for a base that no record describes
  hash TEXT
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS names_rid ON names(rid);
CREATE TABLE IF NOT EXISTS repos (
  rid INTEGER PRIMARY KEY,
  author TEXT, created TEXT, placeholder INTEGER NOT NULL DEFAULT 0, last_modified TEXT,
  downloads INTEGER NOT NULL DEFAULT 0, likes INTEGER NOT NULL DEFAULT 0,
  pipeline TEXT, library TEXT, license TEXT, relation TEXT, gated INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS edges (
  child INTEGER NOT NULL,
  parent INTEGER NOT NULL,
  PRIMARY KEY (child, parent)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE VIEW IF NOT EXISTS repo_rows AS SELECT n.id AS id, r.* FROM repos r JOIN names n ON n.rid = r.rid;
`;
const INDEXES = `
CREATE INDEX IF NOT EXISTS edges_parent ON edges(parent);
`;

export function openHubDb(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: !!options.readonly, fileMustExist: !!options.readonly });
  let upgrade = false;
  try {
    upgrade = checkFormat(db, file, !options.readonly);
  } catch (e) {
    db.close();
    throw e;
  }
  if (!options.readonly) {
    db.pragma('page_size = 16384'); // takes effect only on a new database
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA + INDEXES);
    db.prepare('INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)').run('format', FORMAT);
    if (upgrade) upgradeFrom3(db);
  }
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * A store of another format (an older llmtree's) is refused with what to do, never read or mixed; one of
 * format 3 opened for writing is to be upgraded (true).
 */
function checkFormat(db: Db, file: string, writable: boolean): boolean {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (writable && tables.length === 0) return false; // a new database
  const format = tables.includes('meta') ? (db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get() as string | undefined) : undefined;
  if (format === FORMAT) return false;
  if (format === UPGRADABLE) {
    if (writable) return true;
    throw new Error(
      `${file}: a Hub store of an older format (${format}; this llmtree reads ${FORMAT}). ` +
        'Upgrade it in place by importing a dump into it (`llmtree import hf DUMP --db ' + file + '`: unchanged records are skipped, the lineage pages rebuilt)',
    );
  }
  if (format?.startsWith('llmtree-hub-')) {
    throw new Error(
      `${file}: a Hub store of an older format (${format}; this llmtree reads ${FORMAT}). ` +
        'Import the dump again into a new file: `llmtree import hf DUMP --db NEW.db`',
    );
  }
  throw new Error(`${file}: not an llmtree Hub database`);
}

/** Format 3 had the same rows and one `pages` table: rebuild the lineage pages, in one transaction. */
function upgradeFrom3(db: Db): void {
  db.transaction(() => {
    db.exec('DROP TABLE IF EXISTS pages');
    rebuildPages(db);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'format'").run(FORMAT);
  })();
}

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;

/** SHA-1 of a record's text (one-shot `crypto.hash` where Node has it: no hash object per record). */
export function recordHash(text: string): string {
  return oneShot ? oneShot('sha1', text, 'base64') : crypto.createHash('sha1').update(text).digest('base64');
}

type NameRow = [rid: number, hash: string | null, id: string];

/** Writes of one import run; `begin` … `commit` (or `rollback`). */
export class HubWriter {
  private readonly nameOf;
  private readonly addName;
  private readonly setName;
  private readonly upsert;
  private readonly parentsOf;
  private readonly lineageOf;
  private readonly dropEdges;
  private readonly addEdge;
  private nextRid: number;
  /** Rids whose lineage pages changed in this run: changed repos, their old and new bases (rebuilt at commit). */
  private readonly dirty = new Set<number>();
  /** A fresh import's pages, gathered as records are written. */
  private readonly collector?: PageCollector;
  /** The database was empty: every record is new, and indexes and pages are built once at the end. */
  readonly fresh: boolean;

  constructor(private readonly db: Db) {
    this.fresh = db.prepare('SELECT 1 FROM names LIMIT 1').get() === undefined;
    this.nameOf = db.prepare('SELECT rid, hash, id FROM names WHERE id = ?').raw();
    this.addName = db.prepare('INSERT INTO names (id, rid, hash) VALUES (?, ?, ?)');
    this.setName = db.prepare('UPDATE names SET id = ?, hash = ? WHERE id = ?');
    this.upsert = db.prepare(`INSERT OR REPLACE INTO repos (rid, author, created, placeholder, last_modified, downloads, likes, pipeline, library, license, relation, gated)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.parentsOf = db.prepare('SELECT parent FROM edges WHERE child = ?').pluck();
    this.lineageOf = db.prepare('SELECT coalesce(created, last_modified), relation FROM repos WHERE rid = ?').raw();
    this.dropEdges = db.prepare('DELETE FROM edges WHERE child = ?');
    this.addEdge = db.prepare('INSERT OR IGNORE INTO edges (child, parent) VALUES (?, ?)');
    this.nextRid = (db.prepare('SELECT coalesce(max(rid), 0) + 1 FROM names').pluck().get() as number);
    if (this.fresh) this.collector = new PageCollector();
  }

  begin(): void {
    this.db.exec('BEGIN');
    if (this.fresh) this.db.exec('DROP INDEX IF EXISTS edges_parent;');
  }

  /**
   * Whether the record is stored with exactly this text. `id` is a hint read from the text without
   * parsing it; a wrong hint only means the record is parsed and written as if it had changed.
   */
  unchanged(id: string | undefined, hash: string): boolean {
    return !this.fresh && id !== undefined && (this.nameOf.get(id) as NameRow | undefined)?.[1] === hash;
  }

  /** The rid of a repo id, a new one if the id is new. */
  private rid(id: string, hash: string | null): number {
    const row = this.nameOf.get(id) as NameRow | undefined;
    if (!row) {
      const rid = this.nextRid++;
      this.addName.run(id, rid, hash);
      this.collector?.name(rid, id);
      return rid;
    }
    // A record gives the id's spelling (a base may name it in another case) and its hash.
    if (hash !== null && (row[1] !== hash || row[2] !== id)) {
      this.setName.run(id, hash, row[2]);
      if (row[2] !== id) this.collector?.name(row[0], id);
    }
    return row[0];
  }

  put(repo: HubRepo, hash: string): void {
    this.changed = true;
    const known = this.fresh ? undefined : (this.nameOf.get(repo.id) as NameRow | undefined);
    const rid = this.rid(repo.id, hash);
    const before = known && (this.lineageOf.get(rid) as [string | null, string | null] | undefined);
    this.upsert.run(
      rid, repo.author ?? null, repo.created ?? null, repo.placeholderDate ? 1 : 0, repo.lastModified ?? null,
      repo.downloads, repo.likes, repo.pipeline ?? null, repo.library ?? null, repo.license ?? null, repo.relation ?? null,
      repo.gated ? 1 : 0,
    );
    if (this.collector) {
      // A fresh import gathers its pages as it goes.
      this.collector.repo(rid, repo.id, repo.created ?? repo.lastModified, repo.relation);
      for (const b of repo.bases) {
        const p = this.rid(b, null);
        this.addEdge.run(rid, p);
        this.collector.edge(rid, p);
      }
      return;
    }
    const oldBases = this.parentsOf.all(rid) as number[];
    this.dropEdges.run(rid);
    const bases = repo.bases.map((b) => this.rid(b, null));
    for (const p of bases) this.addEdge.run(rid, p);
    // A re-import rebuilds the pages of the rows whose lineage changed (spelling, date, relation, bases):
    // most changed records only have new download counts.
    const same =
      known?.[2] === repo.id && before?.[0] === (repo.created ?? repo.lastModified ?? null) && before?.[1] === (repo.relation ?? null) && sameSet(oldBases, bases);
    if (same) return;
    this.dirty.add(rid);
    for (const p of oldBases) this.dirty.add(p);
    for (const p of bases) this.dirty.add(p);
  }

  /** Something was written in this run. */
  changed = false;

  commit(): void {
    if (this.fresh) this.db.exec(INDEXES);
    if (this.collector) this.collector.write(this.db);
    else if (this.dirty.size) updatePages(this.db, this.dirty);
    this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('imported', ?)").run(new Date().toISOString());
    if (this.changed) this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)").run(String(generation(this.db) + 1));
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}

const sameSet = (a: number[], b: number[]): boolean => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

export interface RepoRow {
  rid: number;
  id: string;
  author: string | null;
  created: string | null;
  placeholder: number;
  last_modified: string | null;
  downloads: number;
  likes: number;
  pipeline: string | null;
  library: string | null;
  license: string | null;
  relation: string | null;
  gated: number;
}

export function counts(db: Db): { repos: number; edges: number; roots: number } {
  const repos = db.prepare('SELECT count(*) FROM repos').pluck().get() as number;
  const edges = db.prepare('SELECT count(*) FROM edges').pluck().get() as number;
  // Every edge's child is a stored repo (they are written together), so the roots are the rest.
  const roots = repos - (db.prepare('SELECT count(DISTINCT child) FROM edges').pluck().get() as number);
  return { repos, edges, roots };
}

/** A counter bumped by every import that changed something: derived reports are cached against it. */
export function generation(db: Db): number {
  return Number(db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get() ?? 0);
}

export function getMeta(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
}
