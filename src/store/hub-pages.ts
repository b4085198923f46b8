/**
 * The lineage pages of a Hub store: the graph packed for walks, in lineage order.
 *
 * Every rid has a position. A fresh import (or a repack) numbers the repos depth first along each one's
 * primary base (its smallest-rid base): roots in rid order, then their derivatives, children in rid
 * order. A repo's derivatives thus follow it, contiguous as far as merges allow, so a walk reads the few
 * pages its lineage spans, in order, and labels only for the rows it prints. A re-import gives new rids
 * the next positions (it renumbers nothing and rebuilds only the pages its changed rows touch); once the
 * rids added since the last numbering pass a quarter of the store, the commit renumbers everything.
 *
 * Tables (all derived from names, repos and edges), one row per PAGE_SIZE (256) positions or rids, so that a
 * jump (a merge placed elsewhere) costs a few KB; little-endian, S = PAGE_SIZE:
 *  - graph: int32 K; int32 start[S+1] (children of slot s are kids[start[s]..start[s+1])); int32 kids[K]
 *    (positions, in rid order); uint8 relation[S];
 *  - labels: int32 at[S+1] (UTF-16 offsets of the ids in the text); uint16 date[S] (an index into the
 *    page's dates, 0 = none); then UTF-8 text: the ids, then the page's dates joined by '\n';
 *  - rid_pos (by rid) and pos_rid (by position): int32[S], -1 for none.
 * Readers (HubPages) speak positions only: `node(id)` gives one, children are given as positions.
 */
import type Database from 'better-sqlite3';

export const PAGE_BITS = 8;
export const PAGE_SIZE = 1 << PAGE_BITS;
const MASK = PAGE_SIZE - 1;

/** Hub relations as stored in a page; 0 = none given. */
export const RELATION_CODES = ['', 'finetune', 'adapter', 'quantized', 'merge'] as const;
const codeOf = (relation: string | null): number => Math.max(0, RELATION_CODES.indexOf((relation ?? '') as (typeof RELATION_CODES)[number]));

type Db = Database.Database;
const EMPTY = new Int32Array(0);

export const PAGE_TABLES = `
CREATE TABLE IF NOT EXISTS graph (page INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS labels (page INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS rid_pos (page INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pos_rid (page INTEGER PRIMARY KEY, data BLOB NOT NULL);
`;

// ---- writing ----

/** A graph page's blob: children of slot s are kids[start[s]..start[s+1]). */
function packGraph(start: Int32Array, kids: Int32Array, rels: Uint8Array): Buffer {
  const out = Buffer.alloc(4 + 4 * (PAGE_SIZE + 1) + 4 * kids.length + PAGE_SIZE);
  out.writeInt32LE(kids.length, 0);
  out.set(new Uint8Array(start.buffer, start.byteOffset, start.byteLength), 4);
  out.set(new Uint8Array(kids.buffer, kids.byteOffset, kids.byteLength), 4 + 4 * (PAGE_SIZE + 1));
  out.set(rels, 4 + 4 * (PAGE_SIZE + 1) + 4 * kids.length);
  return out;
}

function graphBlob(kids: ArrayLike<number>[], rels: Uint8Array): Buffer {
  const start = new Int32Array(PAGE_SIZE + 1);
  for (let s = 0; s < PAGE_SIZE; s++) start[s + 1] = start[s] + kids[s].length;
  const all = new Int32Array(start[PAGE_SIZE]);
  for (let s = 0; s < PAGE_SIZE; s++) all.set(kids[s], start[s]);
  return packGraph(start, all, rels);
}

function labelBlob(ids: string[], dates: string[]): Buffer {
  const at = new Int32Array(PAGE_SIZE + 1);
  const date = new Uint16Array(PAGE_SIZE);
  const table = new Map<string, number>([['', 0]]);
  for (let s = 0; s < PAGE_SIZE; s++) {
    at[s + 1] = at[s] + ids[s].length;
    let d = table.get(dates[s]);
    if (d === undefined) table.set(dates[s], (d = table.size));
    date[s] = d;
  }
  const text = ids.join('') + [...table.keys()].slice(1).join('\n');
  return Buffer.concat([Buffer.from(at.buffer), Buffer.from(date.buffer), Buffer.from(text, 'utf8')]);
}

const intBlob = (values: Int32Array): Buffer => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

/** Int32 pages of rid_pos or pos_rid, read and written back as a whole (-1 where unset). */
class IntPages {
  private readonly pages = new Map<number, Int32Array>();
  private readonly changed = new Set<number>();
  private readonly read;
  private readonly put;

  constructor(db: Db, table: 'rid_pos' | 'pos_rid') {
    this.read = db.prepare(`SELECT data FROM ${table} WHERE page = ?`).pluck();
    this.put = db.prepare(`INSERT OR REPLACE INTO ${table} (page, data) VALUES (?, ?)`);
  }

  private page(p: number): Int32Array {
    let a = this.pages.get(p);
    if (!a) {
      const data = this.read.get(p) as Buffer | undefined;
      a = new Int32Array(PAGE_SIZE).fill(-1);
      if (data) a.set(new Int32Array(Uint8Array.from(data).buffer));
      this.pages.set(p, a);
    }
    return a;
  }

  get(i: number): number {
    return this.page(i >> PAGE_BITS)[i & MASK];
  }

  set(i: number, v: number): void {
    this.page(i >> PAGE_BITS)[i & MASK] = v;
    this.changed.add(i >> PAGE_BITS);
  }

  save(): void {
    for (const p of this.changed) this.put.run(p, intBlob(this.pages.get(p)!));
    this.changed.clear();
  }
}

const metaNumber = (db: Db, key: string): number => Number(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) ?? 0);
const setMetaNumber = (db: Db, key: string, n: number) => db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, String(n));

/**
 * After a re-import: give the new rids among `rids` the next positions and rebuild the pages of the
 * positions of all of `rids` (the repos whose lineage changed, and their old and new bases). Renumbers
 * and rebuilds everything instead once the rids added since the last numbering pass a quarter of the
 * store, or the pages to rebuild a quarter of the pages.
 */
export function updatePages(db: Db, rids: Iterable<number>): void {
  const ridPos = new IntPages(db, 'rid_pos');
  const posRid = new IntPages(db, 'pos_rid');
  const numbered = metaNumber(db, 'numbered');
  let next = metaNumber(db, 'positions');
  const dirty = new Set<number>();
  for (const rid of [...rids].sort((a, b) => a - b)) {
    let pos = ridPos.get(rid);
    if (pos < 0) {
      ridPos.set(rid, (pos = next++));
      posRid.set(pos, rid);
    }
    dirty.add(pos >> PAGE_BITS);
  }
  // Many new rows (their positions follow no lineage) or pages (point lookups cost more than a rebuild): all again.
  if (next - numbered > Math.max(PAGE_SIZE, numbered / 4) || dirty.size > Math.max(64, next / PAGE_SIZE / 4)) return rebuildPages(db);
  ridPos.save();
  posRid.save();
  setMetaNumber(db, 'positions', next);
  const name = db.prepare('SELECT id FROM names WHERE rid = ?').pluck();
  const repo = db.prepare('SELECT coalesce(created, last_modified), relation FROM repos WHERE rid = ?').raw();
  const children = db.prepare('SELECT child FROM edges WHERE parent = ? ORDER BY child').pluck();
  const putGraph = db.prepare('INSERT OR REPLACE INTO graph (page, data) VALUES (?, ?)');
  const putLabels = db.prepare('INSERT OR REPLACE INTO labels (page, data) VALUES (?, ?)');
  for (const p of [...dirty].sort((a, b) => a - b)) {
    const ids = new Array<string>(PAGE_SIZE).fill('');
    const dates = new Array<string>(PAGE_SIZE).fill('');
    const rels = new Uint8Array(PAGE_SIZE);
    const kids: ArrayLike<number>[] = new Array(PAGE_SIZE).fill(EMPTY);
    for (let s = 0; s < PAGE_SIZE; s++) {
      const rid = posRid.get((p << PAGE_BITS) + s);
      if (rid < 0) continue;
      ids[s] = name.get(rid) as string;
      const row = repo.get(rid) as [string | null, string | null] | undefined;
      dates[s] = row?.[0] ?? '';
      rels[s] = codeOf(row?.[1] ?? null);
      kids[s] = Int32Array.from(children.all(rid) as number[], (k) => ridPos.get(k));
    }
    putGraph.run(p, graphBlob(kids, rels));
    putLabels.run(p, labelBlob(ids, dates));
  }
}

/** Number every rid again and rebuild all pages from names, repos and edges (a repack; an upgrade). */
export function rebuildPages(db: Db): void {
  db.exec('DELETE FROM graph; DELETE FROM labels; DELETE FROM rid_pos; DELETE FROM pos_rid;');
  const c = new PageCollector();
  for (const [rid, id] of db.prepare('SELECT rid, id FROM names').raw().iterate() as Iterable<[number, string]>) c.name(rid, id);
  const repos = db.prepare('SELECT rid, coalesce(created, last_modified), relation FROM repos').raw().iterate() as Iterable<[number, string | null, string | null]>;
  for (const [rid, date, relation] of repos) c.repo(rid, '', date ?? undefined, relation ?? undefined);
  for (const [child, parent] of db.prepare('SELECT child, parent FROM edges').raw().iterate() as Iterable<[number, number]>) c.edge(child, parent);
  c.write(db);
}

/**
 * The pages of a fresh import, gathered from the records as they are written (reading a million rows
 * back would cost seconds). Kept compact (a million JS strings would double the import's memory): repo
 * ids as bytes in one growing buffer, dates interned, relations and edges in typed arrays, all by rid.
 */
export class PageCollector {
  private bytes = Buffer.alloc(1 << 20);
  private used = 0;
  private at = new Int32Array(1 << 16);
  private len = new Int32Array(1 << 16);
  private date = new Int32Array(1 << 16);
  private rel = new Uint8Array(1 << 16);
  private readonly dates = new Map<string, number>([['', 0]]);
  private parents = new Int32Array(1 << 16);
  private children = new Int32Array(1 << 16);
  private edges = 0;
  private maxRid = -1;

  /** A name and its rid (again when a record gives it another spelling). */
  name(rid: number, id: string): void {
    if (rid >= this.at.length) {
      const n = rid + 1;
      [this.at, this.len, this.date, this.rel] = [grow(this.at, n), grow(this.len, n), grow(this.date, n), grow(this.rel, n)];
    }
    const need = this.used + Buffer.byteLength(id);
    if (need > this.bytes.length) {
      const b = Buffer.alloc(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(b, 0, 0, this.used);
      this.bytes = b;
    }
    this.at[rid] = this.used;
    this.len[rid] = this.bytes.write(id, this.used, 'utf8');
    this.used += this.len[rid];
    if (rid > this.maxRid) this.maxRid = rid;
  }

  /** A repo's record (after `name`, which gives the record's spelling of the id). */
  repo(rid: number, id: string, date: string | undefined, relation: string | undefined): void {
    if (rid > this.maxRid) this.name(rid, id);
    let d = this.dates.get(date ?? '');
    if (d === undefined) this.dates.set(date!, (d = this.dates.size));
    this.date[rid] = d;
    this.rel[rid] = codeOf(relation ?? null);
  }

  edge(child: number, parent: number): void {
    if (this.edges === this.parents.length) {
      this.parents = grow(this.parents, this.edges + 1);
      this.children = grow(this.children, this.edges + 1);
    }
    this.parents[this.edges] = parent;
    this.children[this.edges++] = child;
  }

  /** Number the rids (lineage order, see above) and write every page (the store had none). */
  write(db: Db): void {
    const n = this.maxRid + 1;
    const { parents, children, edges } = this;
    const { ridPos, posRid, count } = lineageOrder(n, parents, children, edges, (rid) => this.len[rid] > 0);
    // Children by parent (counting sort); each list is sorted and deduplicated as its page is written.
    const start = new Int32Array(n + 1);
    for (let i = 0; i < edges; i++) start[parents[i] + 1]++;
    for (let r = 0; r < n; r++) start[r + 1] += start[r];
    const fill = start.slice(0, n);
    const kids = new Int32Array(edges);
    for (let i = 0; i < edges; i++) kids[fill[parents[i]]++] = children[i];
    const dates = [...this.dates.keys()];
    const putGraph = db.prepare('INSERT OR REPLACE INTO graph (page, data) VALUES (?, ?)');
    const putLabels = db.prepare('INSERT OR REPLACE INTO labels (page, data) VALUES (?, ?)');
    const ids = new Array<string>(PAGE_SIZE);
    const days = new Array<string>(PAGE_SIZE);
    const rels = new Uint8Array(PAGE_SIZE);
    const at = new Int32Array(PAGE_SIZE + 1);
    let list = new Int32Array(1 << 16);
    for (let p = 0; p << PAGE_BITS < count; p++) {
      let k = 0;
      for (let s = 0; s < PAGE_SIZE; s++) {
        const pos = (p << PAGE_BITS) + s;
        const rid = pos < count ? posRid[pos] : -1;
        ids[s] = rid < 0 ? '' : this.bytes.toString('utf8', this.at[rid], this.at[rid] + this.len[rid]);
        days[s] = rid < 0 ? '' : dates[this.date[rid]];
        rels[s] = rid < 0 ? 0 : this.rel[rid];
        const from = rid < 0 ? 0 : start[rid];
        const to = rid < 0 ? 0 : start[rid + 1];
        if (to - from > 1) kids.subarray(from, to).sort();
        if (k + to - from > list.length) list = grow(list, k + to - from);
        for (let i = from; i < to; i++) if (i === from || kids[i] !== kids[i - 1]) list[k++] = ridPos[kids[i]];
        at[s + 1] = k;
      }
      putGraph.run(p, packGraph(at, list.subarray(0, k), rels));
      putLabels.run(p, labelBlob(ids, days));
    }
    const putRidPos = db.prepare('INSERT OR REPLACE INTO rid_pos (page, data) VALUES (?, ?)');
    const putPosRid = db.prepare('INSERT OR REPLACE INTO pos_rid (page, data) VALUES (?, ?)');
    const padded = (a: Int32Array, p: number) => {
      const page = new Int32Array(PAGE_SIZE).fill(-1);
      page.set(a.subarray(p << PAGE_BITS, Math.min(a.length, (p + 1) << PAGE_BITS)));
      return intBlob(page);
    };
    for (let p = 0; p << PAGE_BITS < n; p++) putRidPos.run(p, padded(ridPos, p));
    for (let p = 0; p << PAGE_BITS < count; p++) putPosRid.run(p, padded(posRid.subarray(0, count), p));
    setMetaNumber(db, 'positions', count);
    setMetaNumber(db, 'numbered', count);
  }
}

/**
 * Positions for rids 0 … n-1 (those `used`): depth first along each rid's primary base, roots in rid
 * order, children in rid order; rids on a cycle of primary bases (no root above them) come last, from
 * the smallest. A repo's primary base is its smallest base other than itself; a merge's is the base in
 * the biggest tree of that first numbering (ties: the smallest), so that a big lineage stays one run.
 */
export function lineageOrder(n: number, parents: Int32Array, children: Int32Array, edges: number, used: (rid: number) => boolean) {
  const primary = new Int32Array(n).fill(-1);
  for (let i = 0; i < edges; i++) {
    const c = children[i];
    const p = parents[i];
    if (p !== c && (primary[c] < 0 || p < primary[c])) primary[c] = p;
  }
  const first = numberTrees(n, primary, used);
  const treeSize = new Int32Array(n);
  for (let r = 0; r < n; r++) if (first.rootOf[r] >= 0) treeSize[first.rootOf[r]]++;
  const sizeOf = (rid: number) => treeSize[first.rootOf[rid]] ?? 0;
  let moved = false;
  for (let i = 0; i < edges; i++) {
    const c = children[i];
    const p = parents[i];
    if (p !== c && p !== primary[c] && sizeOf(p) > sizeOf(primary[c])) {
      primary[c] = p;
      moved = true;
    }
  }
  return moved ? numberTrees(n, primary, used) : first;
}

/** Depth-first positions along `primary` (see lineageOrder), and the tree root each rid was placed under. */
function numberTrees(n: number, primary: Int32Array, used: (rid: number) => boolean) {
  const start = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) if (primary[c] >= 0) start[primary[c] + 1]++;
  for (let r = 0; r < n; r++) start[r + 1] += start[r];
  const fill = start.slice(0, n);
  const tree = new Int32Array(start[n]);
  for (let c = 0; c < n; c++) if (primary[c] >= 0) tree[fill[primary[c]]++] = c; // in rid order
  const ridPos = new Int32Array(n).fill(-1);
  const posRid = new Int32Array(n);
  const rootOf = new Int32Array(n).fill(-1);
  const stack = fill; // reused: each rid is pushed at most once
  let count = 0;
  const place = (root: number) => {
    let sp = 0;
    stack[sp++] = root;
    ridPos[root] = -2; // on the stack
    while (sp) {
      const r = stack[--sp];
      ridPos[r] = count;
      posRid[count++] = r;
      rootOf[r] = root;
      for (let i = start[r + 1] - 1; i >= start[r]; i--) {
        const k = tree[i];
        if (ridPos[k] === -1) {
          ridPos[k] = -2;
          stack[sp++] = k;
        }
      }
    }
  };
  for (let r = 0; r < n; r++) if (primary[r] < 0 && used(r)) place(r);
  for (let r = 0; r < n; r++) if (ridPos[r] === -1 && used(r)) place(r);
  return { ridPos, posRid, count, rootOf };
}

function grow<T extends Uint8Array | Int32Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

// ---- reading ----

/** Typed arrays need 4-byte alignment: copy a blob that lacks it. */
const aligned = (data: Buffer): Buffer => (data.byteOffset % 4 ? Buffer.from(data) : data);

class GraphPage {
  readonly start: Int32Array;
  readonly kids: Int32Array;
  readonly rel: Uint8Array;

  constructor(data: Buffer) {
    data = aligned(data);
    const k = data.readInt32LE(0);
    let o = data.byteOffset + 4;
    this.start = new Int32Array(data.buffer, o, PAGE_SIZE + 1);
    o += 4 * (PAGE_SIZE + 1);
    this.kids = new Int32Array(data.buffer, o, k);
    this.rel = new Uint8Array(data.buffer, o + 4 * k, PAGE_SIZE);
  }
}

class LabelPage {
  readonly at: Int32Array;
  readonly date: Uint16Array;
  /** The ids, then the dates: decoded once, so an id is a slice of it. */
  readonly text: string;
  readonly dates: string[];

  constructor(data: Buffer) {
    data = aligned(data);
    this.at = new Int32Array(data.buffer, data.byteOffset, PAGE_SIZE + 1);
    this.date = new Uint16Array(data.buffer, data.byteOffset + 4 * (PAGE_SIZE + 1), PAGE_SIZE);
    this.text = data.toString('utf8', 4 * (PAGE_SIZE + 1) + 2 * PAGE_SIZE);
    const rest = this.text.slice(this.at[PAGE_SIZE]);
    this.dates = rest ? ['', ...rest.split('\n')] : [''];
  }
}

/** One table's pages, each read and decoded on first use (null: the store has no such page). */
class PageCache<T> {
  private readonly pages: (T | null | undefined)[] = [];
  private readonly read;

  constructor(
    db: Db,
    table: string,
    private readonly decode: (data: Buffer) => T,
  ) {
    this.read = db.prepare(`SELECT data FROM ${table} WHERE page = ?`).pluck();
  }

  get(p: number): T | null {
    let page = this.pages[p];
    if (page === undefined) {
      const data = this.read.get(p) as Buffer | undefined;
      this.pages[p] = page = data ? this.decode(data) : null;
    }
    return page;
  }
}

/** Read access to the pages of one store, by position: children, relation and label. Pages are read once. */
export class HubPages {
  private readonly graphs: PageCache<GraphPage>;
  private readonly labels: PageCache<LabelPage>;
  private readonly positions: PageCache<Int32Array>;
  private readonly ridOf;
  /** Positions are below this (typed arrays indexed by position are this long). */
  readonly size: number;

  constructor(private readonly db: Db) {
    this.graphs = new PageCache(db, 'graph', (d) => new GraphPage(d));
    this.labels = new PageCache(db, 'labels', (d) => new LabelPage(d));
    this.positions = new PageCache(db, 'rid_pos', (d) => new Int32Array(Uint8Array.from(d).buffer));
    this.ridOf = db.prepare('SELECT rid FROM names WHERE id = ?').pluck();
    this.size = ((db.prepare('SELECT coalesce(max(page), -1) FROM graph').pluck().get() as number) + 1) << PAGE_BITS;
  }

  private graph(pos: number): GraphPage | null {
    return this.graphs.get(pos >> PAGE_BITS);
  }

  private label(pos: number): LabelPage | null {
    return this.labels.get(pos >> PAGE_BITS);
  }

  /**
   * Run `f` (reads) in one read transaction: SQLite then locks the file and checks it for changes once,
   * not once a statement (that was most of the cost of reading a page).
   */
  batch<T>(f: () => T): T {
    if (this.db.inTransaction) return f();
    this.db.exec('BEGIN');
    try {
      return f();
    } finally {
      if (this.db.inTransaction) this.db.exec('COMMIT');
    }
  }

  /** The position of a repo id (any case), if the store knows it. */
  node(id: string): number | undefined {
    const rid = this.ridOf.get(id) as number | undefined;
    if (rid === undefined) return undefined;
    const pos = this.positions.get(rid >> PAGE_BITS)?.[rid & MASK] ?? -1;
    return pos < 0 ? undefined : pos;
  }

  /** Children of a position, in rid order (a view into the page: do not keep it past the walk). */
  kids(pos: number): Int32Array {
    const r = this.kidRange(pos);
    return r.from === r.to ? EMPTY : r.items.subarray(r.from, r.to);
  }

  private readonly range: { items: Int32Array; from: number; to: number } = { items: EMPTY, from: 0, to: 0 };

  /** Children of a position, in rid order, as items[from..to) of one array (valid until the next call). */
  kidRange(pos: number): { readonly items: Int32Array; readonly from: number; readonly to: number } {
    const page = this.graph(pos);
    const r = this.range;
    if (!page) {
      r.items = EMPTY;
      r.from = r.to = 0;
    } else {
      r.items = page.kids;
      r.from = page.start[pos & MASK];
      r.to = page.start[(pos & MASK) + 1];
    }
    return r;
  }

  /** The Hub relation of a repo to its bases ('' if none is given). */
  relation(pos: number): string {
    return RELATION_CODES[this.graph(pos)?.rel[pos & MASK] ?? 0];
  }

  /** The repo id as stored ('' for an unused position). */
  id(pos: number): string {
    const page = this.label(pos);
    if (!page) return '';
    const s = pos & MASK;
    return page.text.slice(page.at[s], page.at[s + 1]);
  }

  /** The date a lineage shows (created, else last modified; '' if neither). */
  date(pos: number): string {
    const page = this.label(pos);
    return page ? page.dates[page.date[pos & MASK]] : '';
  }
}
