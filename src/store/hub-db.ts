/**
 * The Hub lineage store: an embedded SQLite database (better-sqlite3) for Hub-scale dumps. Repo ids
 * compare case-insensitively, as on the Hub. Each repo keeps a hash of its source record, so a
 * re-import skips unchanged records without parsing them and leaves their rows untouched. An import is
 * one transaction: interrupted, the database stays as it was.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
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
  PRIMARY KEY (child, parent)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
`;
const INDEXES = `
CREATE INDEX IF NOT EXISTS edges_parent ON edges(parent);
CREATE INDEX IF NOT EXISTS repos_hash ON repos(hash);
`;

export function openHubDb(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: !!options.readonly, fileMustExist: !!options.readonly });
  if (!options.readonly) {
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA + INDEXES);
    db.prepare("INSERT OR IGNORE INTO meta(key, value) VALUES ('format', 'llmtree-hub-1')").run();
  } else {
    const format = db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get();
    if (format !== 'llmtree-hub-1') throw new Error(`${file}: not an llmtree Hub database`);
  }
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  return db;
}

export function recordHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Writes of one import run; `begin` … `commit` (or `rollback`). */
export class HubWriter {
  private readonly hasHash;
  private readonly upsert;
  private readonly dropEdges;
  private readonly addEdge;
  /** The database was empty: every record is new, and indexes are built once at the end. */
  readonly fresh: boolean;

  constructor(private readonly db: Db) {
    this.fresh = db.prepare('SELECT 1 FROM repos LIMIT 1').get() === undefined;
    this.hasHash = db.prepare('SELECT 1 FROM repos WHERE hash = ?').pluck();
    this.upsert = db.prepare(`INSERT INTO repos (id, author, created, placeholder, last_modified, downloads, likes, pipeline, library, license, relation, gated, hash)
      VALUES (@id, @author, @created, @placeholder, @lastModified, @downloads, @likes, @pipeline, @library, @license, @relation, @gated, @hash)
      ON CONFLICT(id) DO UPDATE SET author = excluded.author, created = excluded.created, placeholder = excluded.placeholder,
        last_modified = excluded.last_modified, downloads = excluded.downloads, likes = excluded.likes, pipeline = excluded.pipeline,
        library = excluded.library, license = excluded.license, relation = excluded.relation, gated = excluded.gated, hash = excluded.hash`);
    this.dropEdges = db.prepare('DELETE FROM edges WHERE child = ?');
    this.addEdge = db.prepare('INSERT OR IGNORE INTO edges (child, parent) VALUES (?, ?)');
  }

  begin(): void {
    this.db.exec('BEGIN');
    if (this.fresh) this.db.exec('DROP INDEX IF EXISTS edges_parent; DROP INDEX IF EXISTS repos_hash;');
  }

  /** Whether a record with exactly this text is already stored. */
  unchanged(hash: string): boolean {
    return !this.fresh && this.hasHash.get(hash) !== undefined;
  }

  put(repo: HubRepo, hash: string): void {
    this.upsert.run({
      id: repo.id,
      author: repo.author ?? null,
      created: repo.created ?? null,
      placeholder: repo.placeholderDate ? 1 : 0,
      lastModified: repo.lastModified ?? null,
      downloads: repo.downloads,
      likes: repo.likes,
      pipeline: repo.pipeline ?? null,
      library: repo.library ?? null,
      license: repo.license ?? null,
      relation: repo.relation ?? null,
      gated: repo.gated ? 1 : 0,
      hash,
    });
    if (!this.fresh) this.dropEdges.run(repo.id);
    for (const b of repo.bases) this.addEdge.run(repo.id, b);
  }

  commit(): void {
    if (this.fresh) this.db.exec(INDEXES);
    this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('imported', ?)").run(new Date().toISOString());
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
  const roots = db.prepare('SELECT count(*) FROM repos r WHERE NOT EXISTS (SELECT 1 FROM edges e WHERE e.child = r.id)').pluck().get() as number;
  return { repos, edges, roots };
}
