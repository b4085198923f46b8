/**
 * A snapshot of a catalog that passed validation, so that queries need not parse and check every
 * YAML file again. The snapshot is keyed by every catalog file's name, size and modification time,
 * the schema and package versions and today's date (the future-date check depends on it); any change
 * misses the cache and the catalog is loaded and validated in full.
 * Snapshots live in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, /llmtree); LLMTREE_CACHE=0
 * turns them off. Writes are atomic, and a cache that cannot be read or written is simply not used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, readFileSync, writeFileSync, mkdirSync, renameSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCHEMA_VERSION } from './constants.js';
import { makeCatalog, type Catalog } from './catalog.js';
import type { Model, Organization, License } from './schema.js';
import type { Guide } from './guide-schema.js';
import { todayUTC } from './dates.js';

const FORMAT = 1;

export interface Snapshot {
  models: Model[];
  organizations: Organization[];
  licenses: License[];
  guide?: Guide;
}

export function cacheEnabled(): boolean {
  return process.env.LLMTREE_CACHE !== '0';
}

export function cacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'llmtree');
}

/** The key of a catalog folder as it is now on disk; undefined if it cannot be read. */
export function catalogKey(dir: string, now = new Date()): string | undefined {
  try {
    const h = createHash('sha256');
    h.update(`${FORMAT}\0${SCHEMA_VERSION}\0${todayUTC(now)}\0${resolve(dir)}\0`);
    const stamp = (path: string, name: string) => {
      if (!existsSync(path)) return void h.update(`${name}\0-\0`);
      const s = statSync(path);
      h.update(`${name}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0`);
    };
    for (const f of ['organizations.yaml', 'licenses.yaml', 'guide.yaml']) stamp(join(dir, f), f);
    const models = join(dir, 'models');
    stamp(models, 'models/');
    for (const f of readdirSync(models).sort()) stamp(join(models, f), `models/${f}`);
    return h.digest('hex');
  } catch {
    return undefined;
  }
}

/** The cache file for a catalog folder: `<prefix><hash of the folder's path>.json`. */
export function cacheFile(dir: string, prefix = ''): string {
  return join(cacheFolder(), prefix + createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 24) + '.json');
}

/** Write a cache file atomically; a cache that cannot be written is not an error. */
export function writeCacheFile(path: string, data: unknown): void {
  try {
    mkdirSync(cacheFolder(), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // not written: the next run loads in full
  }
}

export function readSnapshot(dir: string, key: string): { catalog: Catalog; guide?: Guide } | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    const data = JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { key: string } & Snapshot;
    if (data.key !== key) return undefined;
    return { catalog: makeCatalog(dir, data.models, data.organizations, data.licenses), guide: data.guide };
  } catch {
    return undefined;
  }
}

export function writeSnapshot(dir: string, key: string, snapshot: Snapshot): void {
  if (cacheEnabled()) writeCacheFile(cacheFile(dir), { key, ...snapshot });
}
