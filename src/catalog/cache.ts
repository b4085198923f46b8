/**
 * A snapshot of a catalog that passed validation, so that queries need not parse and check every
 * YAML file again. The snapshot is keyed by every catalog file's name, size and modification time,
 * the schema and package versions and today's date (the future-date check depends on it); any change
 * misses the cache and the catalog is loaded and validated in full.
 * Snapshots live in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, /llmtree); LLMTREE_CACHE=0
 * turns them off. Writes are atomic, and a cache that cannot be read or written is simply not used.
 *
 * A cache file cannot lie: it is read only when it is a regular file (not a link, pipe or device) of
 * at most MAX_CACHE_BYTES whose header names this cache format and schema version and whose body
 * matches the header's SHA-256; a snapshot must also have the shape of a catalog, and the icon files
 * its organisations name must be unchanged. Anything else is ignored (and rebuilt), never fatal.
 */
import { isAscii } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import {
  readdirSync, statSync, lstatSync, writeFileSync, mkdirSync, renameSync, rmSync, openSync, fstatSync,
  readSync, closeSync, constants,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SCHEMA_VERSION } from './constants.js';
import { makeCatalog, type Catalog } from './catalog.js';
import type { Model, Organization, License } from './schema.js';
import type { Guide } from './guide-schema.js';
import { todayUTC } from './dates.js';
import { iconFile } from './icon-file.js';

const FORMAT = 2;
const MAGIC = 'llmtree-cache';
/** A cache file larger than this is not read. */
export const MAX_CACHE_BYTES = 64 << 20;

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
      // One stat per file (start-up time): a missing file stamps as "-".
      const s = statSync(path, { throwIfNoEntry: false });
      h.update(s ? `${name}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0` : `${name}\0-\0`);
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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * JSON with every character beyond ASCII written as a \u escape: the same data, in a file that decodes as
 * Latin-1 (a copy) into a one-byte string, which JSON.parse reads faster (about a quarter off a snapshot's
 * decode and parse).
 */
function asciiJson(data: unknown): string {
  return JSON.stringify(data).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Write a cache file atomically: a header line (format, schema version, SHA-256 of the body), then the
 * JSON body. A cache that cannot be written is not an error, and a failed write leaves no file behind.
 */
export function writeCacheFile(path: string, data: unknown): void {
  const tmp = join(dirname(path), `.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const body = asciiJson(data);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, `${MAGIC} ${FORMAT} ${SCHEMA_VERSION} ${sha256(body)}\n${body}`, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, path);
  } catch {
    // not written: the next run loads in full
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

/** The data of a cache file written by writeCacheFile, or undefined for anything else (never throws, never blocks). */
export function readCacheFile(path: string): unknown {
  let fd: number | undefined;
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const size = fstatSync(fd).size;
    if (!fstatSync(fd).isFile() || size > MAX_CACHE_BYTES) return undefined;
    const buf = Buffer.alloc(size);
    for (let off = 0; off < size; ) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n <= 0) return undefined;
      off += n;
    }
    const nl = buf.indexOf(0x0a);
    const [magic, format, schema, sum] = buf.toString('latin1', 0, Math.max(0, nl)).split(' ');
    if (magic !== MAGIC || format !== String(FORMAT) || schema !== String(SCHEMA_VERSION)) return undefined;
    const body = buf.subarray(nl + 1);
    if (sum !== createHash('sha256').update(body).digest('hex')) return undefined;
    // Files this version writes are ASCII (asciiJson); older ones are UTF-8.
    return JSON.parse(body.toString(isAscii(body) ? 'latin1' : 'utf8'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What each icon named by the organisations is on disk now: its real path, size and times. */
function iconStamps(dir: string, organizations: readonly { icon?: string }[]): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const o of organizations) {
    if (typeof o.icon !== 'string' || o.icon in stamps) continue;
    const { file, problem } = iconFile(dir, o.icon);
    let stamp = problem ?? '-';
    try {
      if (file) {
        const s = statSync(file);
        stamp = `${file}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}`;
      }
    } catch {
      // unreadable now: a stamp of its own
    }
    stamps[o.icon] = stamp;
  }
  return stamps;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Whether stored data has the shape the query code relies on (the schema checked it when it was saved). */
function looksLikeSnapshot(d: Record<string, unknown>): boolean {
  const withId = (x: unknown): x is Record<string, unknown> => isObject(x) && typeof x.id === 'string' && typeof x.name === 'string';
  const model = (m: unknown) =>
    withId(m) &&
    typeof m.family === 'string' && typeof m.weights === 'string' && typeof m.released === 'string' && DATE.test(m.released) &&
    strings(m.aliases) && strings(m.organizations) && strings(m.tags) && strings(m.sources) && strings(m.hf) && strings(m.uncertain) &&
    Array.isArray(m.parents) && m.parents.every((p: unknown) => isObject(p) && typeof p.model === 'string' && typeof p.relation === 'string') &&
    Array.isArray(m.parameters) && m.parameters.every((p: unknown) => isObject(p) && typeof p.total === 'number');
  return (
    Array.isArray(d.models) && d.models.every(model) &&
    Array.isArray(d.organizations) && d.organizations.every(withId) &&
    Array.isArray(d.licenses) && d.licenses.every(withId) &&
    (d.guide === undefined || isObject(d.guide)) && isObject(d.icons)
  );
}

export function readSnapshot(dir: string, key: string): { catalog: Catalog; guide?: Guide } | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    const data = readCacheFile(cacheFile(dir));
    if (!isObject(data) || data.key !== key || !looksLikeSnapshot(data)) return undefined;
    const s = data as unknown as Snapshot & { icons: Record<string, string> };
    const icons = iconStamps(dir, s.organizations);
    if (Object.keys(icons).length !== Object.keys(s.icons).length || Object.entries(icons).some(([k, v]) => s.icons[k] !== v)) return undefined;
    return { catalog: makeCatalog(dir, s.models, s.organizations, s.licenses), guide: s.guide };
  } catch {
    return undefined;
  }
}

export function writeSnapshot(dir: string, key: string, snapshot: Snapshot): void {
  if (cacheEnabled()) writeCacheFile(cacheFile(dir), { key, icons: iconStamps(dir, snapshot.organizations), ...snapshot });
}
