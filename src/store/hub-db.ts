/**
 * The Hub lineage store: an embedded SQLite database (better-sqlite3) for Hub-scale dumps. Repo ids
 * compare case-insensitively, as on the Hub. Each repo keeps a hash of its source record, so a
 * re-import skips unchanged records without parsing them and leaves their rows untouched. An import is
 * one transaction: interrupted, the database stays as it was.
 */
import Database from 'better-sqlite3';
import * as crypto from 'node:crypto';
import type { HubRepo } from '../import/hf.js';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS repos (
  id TEXT PRIMARY KEY COLLATE NOCASE,
  author TEXT, created TEXT, placeholder INTEGER NOT NULL DEFAULT 0, last_modified TEXT,
  downloads INTEGER NOT NULL DEFAULT 0, likes INTEGER NOT NULL DEFAULT 0,
  pipeline TEXT, library TEXT, license TEXT, relation TEXT, gated INTEGER NOT NULL DEFAULT 0,
  hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
  child TEXT NOT NULL COLLATE NOCASE,
  parent TEXT NOT NULL COLLATE NOCASE,
  -- the child's date as a lineage shows it (created, else last modified) and its relation, copied
  -- here so that a lineage needs no join
  created TEXT, relation TEXT,
  PRIMARY KEY (child, parent)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
`;
const INDEXES = `
CREATE INDEX IF NOT EXISTS edges_parent ON edges(parent);
`;

export function openHubDb(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: !!options.readonly, fileMustExist: !!options.readonly });
  if (!options.readonly) db.pragma('page_size = 16384'); // takes effect only on a new database
  if (!options.readonly) {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA + INDEXES);
    db.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('format', 'llmtree-hub-2')").run();
  } else {
    const format = db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get();
    if (format !== 'llmtree-hub-2') throw new Error(`${file}: not an llmtree Hub database`);
  }
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  return db;
}

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;

/** SHA-1 of a record's text (one-shot `crypto.hash` where Node has it: no hash object per record). */
export function recordHash(text: string): string {
  return oneShot ? oneShot('sha1', text, 'base64') : crypto.createHash('sha1').update(text).digest('base64');
}

/** Writes of one import run; `begin` … `commit` (or `rollback`). */
export class HubWriter {
  private readonly hashOf;
  private readonly upsert;
  private readonly dropEdges;
  private readonly addEdge;
  /** The database was empty: every record is new, and indexes are built once at the end. */
  readonly fresh: boolean;

  constructor(private readonly db: Db) {
    this.fresh = db.prepare('SELECT 1 FROM repos LIMIT 1').get() === undefined;
    this.hashOf = db.prepare('SELECT hash FROM repos WHERE id = ?').pluck();
    this.upsert = db.prepare(`INSERT INTO repos (id, author, created, placeholder, last_modified, downloads, likes, pipeline, library, license, relation, gated, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET author = excluded.author, created = excluded.created, placeholder = excluded.placeholder,
        last_modified = excluded.last_modified, downloads = excluded.downloads, likes = excluded.likes, pipeline = excluded.pipeline,
        library = excluded.library, license = excluded.license, relation = excluded.relation, gated = excluded.gated, hash = excluded.hash`);
    this.dropEdges = db.prepare('DELETE FROM edges WHERE child = ?');
    this.addEdge = db.prepare('INSERT OR IGNORE INTO edges (child, parent, created, relation) VALUES (?, ?, ?, ?)');
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
    return !this.fresh && id !== undefined && this.hashOf.get(id) === hash;
  }

  put(repo: HubRepo, hash: string): void {
    this.changed = true;
    this.upsert.run(
      repo.id, repo.author ?? null, repo.created ?? null, repo.placeholderDate ? 1 : 0, repo.lastModified ?? null,
      repo.downloads, repo.likes, repo.pipeline ?? null, repo.library ?? null, repo.license ?? null, repo.relation ?? null,
      repo.gated ? 1 : 0, hash,
    );
    if (!this.fresh) this.dropEdges.run(repo.id);
    for (const b of repo.bases) this.addEdge.run(repo.id, b, repo.created ?? repo.lastModified ?? null, repo.relation ?? null);
  }

  /** Something was written in this run. */
  changed = false;

  commit(): void {
    if (this.fresh) this.db.exec(INDEXES);
    this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('imported', ?)").run(new Date().toISOString());
    if (this.changed) this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)").run(String(generation(this.db) + 1));
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}

export interface RepoRow {
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

/** Every edge below the given repos: [parent, child, child's date, relation], in one recursive query. */
export function descendantEdges(db: Db, roots: string[]): [string, string, string | null, string | null][] {
  return db
    .prepare(
      `WITH RECURSIVE sub(parent, child, created, relation) AS (
        SELECT e.parent, e.child, e.created, e.relation FROM edges e WHERE e.parent IN (SELECT value FROM json_each(?))
        UNION SELECT e.parent, e.child, e.created, e.relation FROM sub JOIN edges e ON e.parent = sub.child)
      SELECT parent, child, created, relation FROM sub`,
    )
    .raw()
    .all(JSON.stringify(roots)) as [string, string, string | null, string | null][];
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
