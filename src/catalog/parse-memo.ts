/**
 * A memo of YAML parses keyed by each file's content hash, so that `llmtree validate` need not parse
 * an unchanged file again. Parsing is a pure function of the text (and the parser's version, which is
 * part of the memo's key), so a hit gives exactly what a parse would; every schema and cross-file check
 * still runs on every file. Files with syntax errors, and values JSON cannot carry (.inf, .nan), are
 * never memoised. Stored beside the snapshots, read and written like them (cache.ts: regular file, size
 * limit, checksum); LLMTREE_CACHE=0 turns it off. A load that finds any problem is redone without the
 * memo (load.ts), so what `validate` reports always comes from its own parse.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheEnabled, cacheFile, readCacheFile, writeCacheFile } from './cache.js';

export interface ParseMemo {
  /** The memoised data for this text, or MISS. */
  get(text: string): unknown;
  set(text: string, data: unknown): void;
  /** Write the entries used in this run (older ones are dropped). */
  save(): void;
}

export const MISS: unique symbol = Symbol('miss');

const requireCjs = createRequire(import.meta.url);

function parserVersion(): string {
  try {
    const main = requireCjs.resolve('js-yaml');
    const pkg = JSON.parse(readFileSync(join(main, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return `js-yaml@${pkg.version}`;
  } catch {
    return 'js-yaml@unknown';
  }
}

const hash = (text: string) => createHash('sha1').update(text).digest('base64');

/** Whether JSON carries this value unchanged. */
function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object') {
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    return Object.entries(v as object).every(([k, x]) => k !== '__proto__' && jsonSafe(x));
  }
  return false;
}

export function openParseMemo(dir: string): ParseMemo | undefined {
  if (!cacheEnabled()) return undefined;
  const path = cacheFile(dir, 'parsed-');
  const version = `2:${parserVersion()}`;
  let stored: Record<string, unknown> = Object.create(null);
  // No memo yet, or not a memo of this version (see readCacheFile): parse everything.
  const file = readCacheFile(path) as { version?: unknown; entries?: unknown } | undefined;
  if (file?.version === version && file.entries && typeof file.entries === 'object' && !Array.isArray(file.entries))
    stored = Object.assign(Object.create(null), file.entries) as Record<string, unknown>;
  const used: Record<string, unknown> = Object.create(null);
  let changed = false;
  return {
    get(text) {
      const h = hash(text);
      if (!Object.hasOwn(stored, h)) return MISS;
      used[h] = stored[h];
      return stored[h];
    },
    set(text, data) {
      if (!jsonSafe(data)) return;
      used[hash(text)] = data;
      changed = true;
    },
    save() {
      if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
      writeCacheFile(path, { version, entries: used });
    },
  };
}
