/** Read a catalog folder: models/*.yaml, organizations.yaml, licenses.yaml. Reports every problem at once. */
import { isUtf8 } from 'node:buffer';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, basename, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { Model, Organization, License } from './schema.js';
import { Guide, crossCheckGuide } from './guide-schema.js';
import { variantLabels } from './variants.js';
import type { Issue } from './issues.js';
import { parseYamlFile, type YamlFile, type PathKey } from './yaml-file.js';
import { openParseMemo, type ParseMemo } from './parse-memo.js';
import { crossCheck } from './validate.js';
import { makeCatalog, type Catalog } from './catalog.js';

export interface LoadOptions {
  /** "Today" for the future-date check; defaults to the real date. */
  now?: Date;
  /** Reuse YAML parses of unchanged files from the user's cache folder (see parse-memo.ts). */
  parseMemo?: boolean;
}

/** The parse memo of the load in progress, if it asked for one. */
let memo: ParseMemo | undefined;

export interface LoadResult {
  catalog: Catalog;
  issues: Issue[];
  files: number;
  /** The model-choice knowledge base, when the folder has a guide.yaml that passed validation. */
  guide?: Guide;
}

/** Where each record came from, so cross-file checks can point at a line. */
export interface Located<T> {
  value: T;
  doc: YamlFile;
  /** Path of the record inside its file (empty for a model file; ['organizations', i] for a list entry). */
  path: PathKey[];
}

export function loadCatalog(dir: string, options: LoadOptions = {}): LoadResult {
  memo = options.parseMemo ? openParseMemo(dir) : undefined;
  try {
    const result = load(dir, options);
    // Problems are reported from this run's own parse, never from memoised data.
    if (!memo || !result.issues.length) {
      memo?.save();
      return result;
    }
    memo = undefined;
    return load(dir, options);
  } finally {
    memo = undefined;
  }
}

function load(dir: string, options: LoadOptions): LoadResult {
  const issues: Issue[] = [];
  const rel = displayPath;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const message = existsSync(dir) ? 'catalog folder not found: this is a file (give the folder that holds models/)' : 'catalog folder not found';
    issues.push({ file: rel(dir), line: 1, col: 1, message });
    return { catalog: makeCatalog(dir, [], [], []), issues, files: 0 };
  }
  const modelsDir = join(dir, 'models');
  const modelsStat = statSync(modelsDir, { throwIfNoEntry: false });
  if (modelsStat && !modelsStat.isDirectory()) issues.push({ file: rel(modelsDir), line: 1, col: 1, message: 'models is not a folder (expected models/<id>.yaml files)' });
  const modelFiles = modelsStat?.isDirectory()
    ? readdirSync(modelsDir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(modelsDir, f))
    : [];
  if (!modelFiles.length && !(modelsStat && !modelsStat.isDirectory())) issues.push({ file: rel(modelsDir), line: 1, col: 1, message: 'no model files (models/*.yaml)' });

  const models: Located<Model>[] = [];
  const invalidIds = new Set<string>();
  for (const f of modelFiles) {
    const stem = basename(f).replace(/\.ya?ml$/, '');
    const doc = readDoc(f, rel(f), issues);
    if (!doc || !isMapping(doc.data)) {
      // A file that cannot be read or parsed still names its model: children report nothing extra.
      invalidIds.add(stem);
      if (doc) issues.push(doc.issue([], `expected a mapping of model fields (id: …, name: …), found ${kindOf(doc.data)}`));
      continue;
    }
    const dateOk = checkDateToken(doc, ['released'], issues);
    const m = check(Model, doc.data, doc, [], issues);
    if (!m || !dateOk) {
      // Still known by id, so references to it do not cascade into more errors.
      const id = (doc.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') invalidIds.add(id);
      invalidIds.add(stem);
      continue;
    }
    if (stem !== m.id) issues.push(doc.issue(['id'], `id "${m.id}" does not match the file name "${stem}"`));
    models.push({ value: m, doc, path: [] });
  }
  const invalidOrgs: Unusable = { all: false, ids: new Set() };
  const invalidLicenses: Unusable = { all: false, ids: new Set() };
  const organizations = readList(join(dir, 'organizations.yaml'), 'organizations', Organization, rel, issues, invalidOrgs);
  const licenses = readList(join(dir, 'licenses.yaml'), 'licenses', License, rel, issues, invalidLicenses);

  issues.push(
    ...crossCheck({ models, organizations, licenses, invalidIds, invalidOrgs, invalidLicenses, dir, now: options.now ?? new Date() }),
  );
  // The guide is optional; when present it is checked against the models just read.
  const guidePath = join(dir, 'guide.yaml');
  let guide: Guide | undefined;
  if (existsSync(guidePath)) {
    // Without a models folder, every model id would be unknown: the guide's references are not checked.
    const known = modelsStat?.isDirectory() ? new Set([...models.map((m) => m.value.id), ...invalidIds]) : undefined;
    const labels = new Map(models.map((m) => [m.value.id, variantLabels(m.value)]));
    const r = loadGuide(guidePath, known, labels);
    issues.push(...r.issues);
    if (!r.issues.length) guide = r.guide;
  }
  const catalog = makeCatalog(
    dir,
    models.map((m) => m.value),
    organizations.map((o) => o.value),
    licenses.map((l) => l.value),
  );
  return { catalog, issues: sortIssues(issues), files: modelFiles.length + 2 + (existsSync(guidePath) ? 1 : 0), guide };
}

/**
 * Read and check a guide.yaml on its own. With `modelIds`, every model id it names must be among them;
 * without, model ids are not checked (a guide used with another catalog).
 */
export function loadGuide(path: string, modelIds?: Set<string>, labels?: Map<string, string[]>): { guide?: Guide; issues: Issue[] } {
  const issues: Issue[] = [];
  const doc = readDoc(path, displayPath(path), issues);
  if (!doc) return { issues };
  const guide = check(Guide, doc.data, doc, [], issues);
  if (!guide) return { issues };
  issues.push(...crossCheckGuide(guide, doc, modelIds, labels));
  return { guide, issues: sortIssues(issues) };
}

/** A catalog file larger than this is refused rather than parsed. */
export const MAX_FILE_BYTES = 1 << 20;

function readDoc(path: string, name: string, issues: Issue[]): YamlFile | undefined {
  let text: string;
  try {
    const st = statSync(path);
    const size = st.size;
    if (!st.isFile()) {
      // A folder, device or pipe (e.g. a link to /dev/zero) would fail, or never finish reading.
      issues.push({ file: name, line: 1, col: 1, message: 'not a regular file' });
      return;
    }
    if (size > MAX_FILE_BYTES) {
      issues.push({ file: name, line: 1, col: 1, message: `file is ${size} bytes; catalog files may be at most ${MAX_FILE_BYTES} bytes` });
      return;
    }
    const bytes = readFileSync(path);
    const bad = firstInvalidUtf8(bytes);
    if (bad) {
      issues.push({ file: name, ...bad, message: 'file is not valid UTF-8 text (save it as UTF-8)' });
      return;
    }
    text = bytes.toString('utf8');
  } catch (e) {
    issues.push({ file: name, line: 1, col: 1, message: `cannot read file: ${(e as Error).message}` });
    return;
  }
  const { doc, issues: parseIssues } = parseYamlFile(name, text, memo);
  issues.push(...parseIssues);
  // Valid UTF-8 holds no surrogates: only a YAML escape (\uD800, \U0000DC00) can make one.
  const lone = doc && SURROGATE_ESCAPE.test(text) ? loneSurrogate(doc.data) : undefined;
  if (doc && lone) {
    issues.push(doc.issue(lone, `${lone.length ? `${lone.join('.')}: ` : ''}a lone surrogate (an escape like "\\uD800") is not text: write the character itself`));
    return;
  }
  return doc;
}

/**
 * Line and column (in characters) of the first byte that is not valid UTF-8, if any. One pass over
 * the bytes, so a huge line costs no more than a short one.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number } | undefined {
  if (isUtf8(bytes)) return undefined;
  let line = 1;
  let col = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 0x0a) (line++, (col = 1));
      else col++;
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (!n) return { line, col };
    i += n;
    col++;
  }
  return { line, col };
}

/** Length of the valid UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

const LONE = /\p{Surrogate}/u;
const SURROGATE_ESCAPE = /\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** Path of the first string or key holding a lone surrogate (e.g. "\uD800" in YAML), found without recursion. */
function loneSurrogate(data: unknown): (string | number)[] | undefined {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: data, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE.test(v)) return path;
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (LONE.test(k)) return [...path, k];
        stack.push({ v: x, path: [...path, k] });
      }
    }
  }
  return undefined;
}

/** Entries of a list file that could not be read: references to them are not reported again. */
export interface Unusable {
  /** The whole file is missing or unreadable. */
  all: boolean;
  ids: Set<string>;
}

/** What a parsed YAML document is, for messages. */
function kindOf(v: unknown): string {
  return v === null || v === undefined ? 'an empty document' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `a single value (${typeof v})`;
}

function readList<S extends z.ZodType>(
  path: string,
  key: string,
  schema: S,
  rel: (f: string) => string,
  issues: Issue[],
  invalid: Unusable,
): Located<z.infer<S>>[] {
  const name = rel(path);
  invalid.all = true; // until the list is read: references into it are not checked
  if (!existsSync(path)) {
    issues.push({ file: name, line: 1, col: 1, message: `missing file (expected a "${key}:" list)` });
    return [];
  }
  const doc = readDoc(path, name, issues);
  if (!doc) return [];
  const data = doc.data as Record<string, unknown> | null;
  const list = data && typeof data === 'object' ? data[key] : undefined;
  if (!Array.isArray(list)) {
    const found = isMapping(data) ? (key in data ? kindOf(list) : `no "${key}:" key`) : kindOf(data);
    issues.push(doc.issue(isMapping(data) && key in data ? [key] : [], `expected a top-level "${key}:" list, found ${found}`));
    return [];
  }
  invalid.all = false;
  const out: Located<z.infer<S>>[] = [];
  list.forEach((item, i) => {
    const v = check(schema, item, doc, [key, i], issues);
    if (v) out.push({ value: v, doc, path: [key, i] });
    else if (typeof (item as { id?: unknown } | null)?.id === 'string') invalid.ids.add((item as { id: string }).id);
  });
  return out;
}

/**
 * YAML reads `released: 2023` as a number, which the schema takes as the year "2023". Any other way of
 * writing a number (0x7E7, 0o3747, +2023, 2023.0, 2.023e3) is refused rather than read as a year.
 */
function checkDateToken(doc: YamlFile, path: PathKey[], issues: Issue[]): boolean {
  if (typeof valueAt(doc.data, path) !== 'number') return true;
  const token = doc.token(path);
  if (/^\d{4}$/.test(token)) return true;
  issues.push(doc.issue(path, `${path.join('.')}: "${token.slice(0, 40)}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`));
  return false;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function check<S extends z.ZodType>(
  schema: S,
  data: unknown,
  doc: YamlFile,
  base: PathKey[],
  issues: Issue[],
): z.infer<S> | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const zi of r.error.issues) {
    const path = [...base, ...(zi.path as PathKey[])];
    let message = zi.message;
    if (zi.code === 'unrecognized_keys') {
      message = `unknown field${zi.keys.length > 1 ? 's' : ''} ${zi.keys.map((k) => `"${k}"`).join(', ')}`;
      if (zi.keys.includes('<<')) message += ' (YAML merge keys are not supported: write the fields out)';
      path.push(zi.keys[0]); // point at the first unknown key rather than at the start of the record
    } else if (zi.path.length && valueAt(data, zi.path as PropertyKey[]) === undefined) message = 'is required';
    const field = zi.path.length ? `${zi.path.join('.')}: ` : '';
    issues.push(doc.issue(path, field + message));
  }
  return undefined;
}

/** A path relative to the working folder when inside it, else absolute. */
function displayPath(f: string): string {
  const r = relative(process.cwd(), f);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : resolve(f);
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
}
