/**
 * The lineage pages of a Hub store: the graph packed for walks. Page p holds rids p·4096 … p·4096+4095:
 * each rid's children (rids, in rid order), its Hub relation and its label (repo id and the date a
 * lineage shows). A walk reads a page once (one row, one blob) instead of one index lookup per node,
 * and decodes only the labels it prints.
 *
 * Blob layout (little-endian): int32 K; int32 start[4097] (children of slot s are kids[start[s]..start[s+1]));
 * int32 kids[K]; uint8 relation[4096]; int32 at[4097]; then the labels as UTF-8, slot s's at
 * bytes at[s]..at[s+1]: `id\tdate` ('' for an unused rid).
 */
import type Database from 'better-sqlite3';

export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;
const MASK = PAGE_SIZE - 1;

/** Hub relations as stored in a page; 0 = none given. */
export const RELATION_CODES = ['', 'finetune', 'adapter', 'quantized', 'merge'] as const;
const codeOf = (relation: string | null): number => Math.max(0, RELATION_CODES.indexOf((relation ?? '') as (typeof RELATION_CODES)[number]));

type Db = Database.Database;
const EMPTY = new Int32Array(0);

/** One page's blob from accessors by rid: label ("id\tdate", '' for an unused rid), relation code, children. */
function pageBlob(lo: number, label: (rid: number) => string, rel: (rid: number) => number, kidsOf: (rid: number) => ArrayLike<number>): Buffer {
  const lines = new Array<string>(PAGE_SIZE);
  const rels = new Uint8Array(PAGE_SIZE);
  const start = new Int32Array(PAGE_SIZE + 1);
  const lists: ArrayLike<number>[] = new Array(PAGE_SIZE);
  for (let s = 0; s < PAGE_SIZE; s++) {
    lines[s] = label(lo + s);
    rels[s] = rel(lo + s);
    lists[s] = kidsOf(lo + s);
    start[s + 1] = start[s] + lists[s].length;
  }
  const kids = new Int32Array(start[PAGE_SIZE]);
  for (let s = 0; s < PAGE_SIZE; s++) kids.set(lists[s], start[s]);
  const head = Buffer.alloc(4);
  head.writeInt32LE(kids.length);
  const text = Buffer.from(lines.join(''), 'utf8');
  const at = new Int32Array(PAGE_SIZE + 1);
  for (let s = 0; s < PAGE_SIZE; s++) at[s + 1] = at[s] + Buffer.byteLength(lines[s]);
  return Buffer.concat([head, Buffer.from(start.buffer), Buffer.from(kids.buffer), rels, Buffer.from(at.buffer), text]);
}

/** Rebuild the given pages from names, repos and edges; a page left with no rid is deleted. */
export function buildPages(db: Db, which: Iterable<number>): void {
  const names = db.prepare('SELECT rid, id FROM names WHERE rid >= ? AND rid < ?').raw();
  const repos = db.prepare('SELECT rid, coalesce(created, last_modified), relation FROM repos WHERE rid >= ? AND rid < ?').raw();
  const edges = db.prepare('SELECT parent, child FROM edges WHERE parent >= ? AND parent < ? ORDER BY parent, child').raw();
  const put = db.prepare('INSERT OR REPLACE INTO pages (page, data) VALUES (?, ?)');
  const drop = db.prepare('DELETE FROM pages WHERE page = ?');
  for (const p of which) {
    const lo = p << PAGE_BITS;
    const hi = lo + PAGE_SIZE;
    const ids = new Map<number, string>((names.all(lo, hi) as [number, string][]));
    if (!ids.size) {
      drop.run(p);
      continue;
    }
    const rows = new Map<number, [string | null, string | null]>();
    for (const [rid, date, relation] of repos.all(lo, hi) as [number, string | null, string | null][]) rows.set(rid, [date, relation]);
    const kids = new Map<number, number[]>();
    for (const [parent, child] of edges.all(lo, hi) as [number, number][]) {
      const list = kids.get(parent);
      if (list) list.push(child);
      else kids.set(parent, [child]);
    }
    const label = (rid: number) => {
      const id = ids.get(rid);
      return id === undefined ? '' : `${id}\t${rows.get(rid)?.[0] ?? ''}`;
    };
    put.run(p, pageBlob(lo, label, (rid) => codeOf(rows.get(rid)?.[1] ?? null), (rid) => kids.get(rid) ?? EMPTY));
  }
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

  /** Write every page (the store had none). */
  write(db: Db): void {
    const maxRid = this.maxRid;
    // Children by parent (counting sort), each list in rid order without repeats (as in the edges table).
    const start = new Int32Array(maxRid + 2);
    for (let i = 0; i < this.edges; i++) start[this.parents[i] + 1]++;
    for (let r = 0; r <= maxRid; r++) start[r + 1] += start[r];
    const fill = start.slice(0, maxRid + 1);
    const kids = new Int32Array(this.edges);
    for (let i = 0; i < this.edges; i++) kids[fill[this.parents[i]]++] = this.children[i];
    const kidsOf = (rid: number): ArrayLike<number> => {
      if (rid > maxRid || start[rid] === start[rid + 1]) return EMPTY;
      const list = kids.subarray(start[rid], start[rid + 1]).sort();
      return list.filter((k, i) => i === 0 || k !== list[i - 1]);
    };
    const dates = [...this.dates.keys()];
    const label = (rid: number) =>
      rid > maxRid || this.len[rid] === 0 ? '' : `${this.bytes.toString('utf8', this.at[rid], this.at[rid] + this.len[rid])}\t${dates[this.date[rid]]}`;
    const put = db.prepare('INSERT OR REPLACE INTO pages (page, data) VALUES (?, ?)');
    for (let p = 0; p <= maxRid >> PAGE_BITS; p++) put.run(p, pageBlob(p << PAGE_BITS, label, (rid) => this.rel[rid] ?? 0, kidsOf));
  }
}

function grow<T extends Uint8Array | Int32Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** One page, read: typed views into its blob. */
class Page {
  readonly start: Int32Array;
  readonly kids: Int32Array;
  readonly rel: Uint8Array;
  private readonly at: Int32Array;
  private readonly text: Buffer;

  constructor(data: Buffer) {
    if (data.byteOffset % 4) data = Buffer.from(data); // typed views need 4-byte alignment
    const k = data.readInt32LE(0);
    let o = data.byteOffset + 4;
    this.start = new Int32Array(data.buffer, o, PAGE_SIZE + 1);
    o += 4 * (PAGE_SIZE + 1);
    this.kids = new Int32Array(data.buffer, o, k);
    o += 4 * k;
    this.rel = new Uint8Array(data.buffer, o, PAGE_SIZE);
    o += PAGE_SIZE;
    this.at = new Int32Array(data.buffer, o, PAGE_SIZE + 1);
    o += 4 * (PAGE_SIZE + 1);
    this.text = Buffer.from(data.buffer, o, data.byteOffset + data.byteLength - o);
  }

  line(slot: number): string {
    return this.text.toString('utf8', this.at[slot], this.at[slot + 1]);
  }
}

/** Read access to the pages of one store: children, relation and label of a rid. Pages are read once. */
export class HubPages {
  private readonly cache: (Page | null | undefined)[] = [];
  private readonly read;
  private readonly ridOf;
  /** The largest rid in the store (typed arrays indexed by rid are this long, plus one). */
  readonly maxRid: number;

  constructor(db: Db) {
    this.read = db.prepare('SELECT data FROM pages WHERE page = ?').pluck();
    this.ridOf = db.prepare('SELECT rid FROM names WHERE id = ?').pluck();
    this.maxRid = db.prepare('SELECT coalesce(max(rid), 0) FROM names').pluck().get() as number;
  }

  private page(rid: number): Page | null {
    const p = rid >> PAGE_BITS;
    let page = this.cache[p];
    if (page === undefined) {
      const data = this.read.get(p) as Buffer | undefined;
      this.cache[p] = page = data ? new Page(data) : null;
    }
    return page;
  }

  /** The rid of a repo id (any case), if the store knows it. */
  rid(id: string): number | undefined {
    return this.ridOf.get(id) as number | undefined;
  }

  /** Children of a rid, in rid order (a view into the page: do not keep it past the walk). */
  kids(rid: number): Int32Array {
    const page = this.page(rid);
    if (!page) return EMPTY;
    const s = rid & MASK;
    const from = page.start[s];
    const to = page.start[s + 1];
    return from === to ? EMPTY : page.kids.subarray(from, to);
  }

  /** The Hub relation of a repo to its bases ('' if none is given). */
  relation(rid: number): string {
    return RELATION_CODES[this.page(rid)?.rel[rid & MASK] ?? 0];
  }

  /** The repo id as stored, and the date a lineage shows (created, else last modified; '' if neither). */
  label(rid: number): [id: string, date: string] {
    const line = this.page(rid)?.line(rid & MASK) ?? '';
    const tab = line.indexOf('\t');
    return tab < 0 ? [line, ''] : [line.slice(0, tab), line.slice(tab + 1)];
  }
}
