/**
 * The lineage pages of a Hub store: the graph packed for walks. Page p holds rids p·4096 … p·4096+4095:
 * each rid's children (rids, in rid order), its Hub relation and its label (repo id and the date a
 * lineage shows). A walk reads a page once (one row, one blob) instead of one index lookup per node,
 * and decodes a page's labels only when it prints one of them.
 *
 * Blob layout (little-endian): int32 K; int32 start[4097] (children of slot s are kids[start[s]..start[s+1]));
 * int32 kids[K]; uint8 relation[4096]; then the labels, one line a slot: `id\tdate` ('' for an unused rid).
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
  return Buffer.concat([head, Buffer.from(start.buffer), Buffer.from(kids.buffer), rels, Buffer.from(lines.join('\n'), 'utf8')]);
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
 * back would cost seconds): labels, relations and edges by rid.
 */
export class PageCollector {
  private labels: string[] = [];
  private rel = new Uint8Array(1 << 16);
  private parents = new Int32Array(1 << 16);
  private children = new Int32Array(1 << 16);
  private edges = 0;

  name(rid: number, id: string): void {
    this.labels[rid] ??= `${id}\t`;
  }

  repo(rid: number, id: string, date: string | undefined, relation: string | undefined): void {
    this.labels[rid] = `${id}\t${date ?? ''}`;
    if (rid >= this.rel.length) this.rel = grow(this.rel, rid + 1);
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
    const maxRid = this.labels.length - 1;
    // Children by parent (counting sort), each list in rid order without repeats (as in the edges table).
    const start = new Int32Array(maxRid + 2);
    for (let i = 0; i < this.edges; i++) start[this.parents[i] + 1]++;
    for (let r = 0; r <= maxRid; r++) start[r + 1] += start[r];
    const at = start.slice(0, maxRid + 1);
    const kids = new Int32Array(this.edges);
    for (let i = 0; i < this.edges; i++) kids[at[this.parents[i]]++] = this.children[i];
    const kidsOf = (rid: number): ArrayLike<number> => {
      if (rid > maxRid || start[rid] === start[rid + 1]) return EMPTY;
      const list = kids.subarray(start[rid], start[rid + 1]).sort();
      return list.filter((k, i) => i === 0 || k !== list[i - 1]);
    };
    const put = db.prepare('INSERT OR REPLACE INTO pages (page, data) VALUES (?, ?)');
    for (let p = 0; p <= maxRid >> PAGE_BITS; p++) {
      const lo = p << PAGE_BITS;
      put.run(p, pageBlob(lo, (rid) => this.labels[rid] ?? '', (rid) => this.rel[rid] ?? 0, kidsOf));
    }
  }
}

function grow<T extends Uint8Array | Int32Array>(a: T, min: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** One decoded page. */
class Page {
  readonly start: Int32Array;
  readonly kids: Int32Array;
  readonly rel: Uint8Array;
  private readonly text: Uint8Array;
  private lines?: string[];

  constructor(data: Uint8Array) {
    if (data.byteOffset % 4) data = new Uint8Array(data); // typed views need 4-byte alignment
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const k = view.getInt32(0, true);
    this.start = new Int32Array(data.buffer, data.byteOffset + 4, PAGE_SIZE + 1);
    this.kids = new Int32Array(data.buffer, data.byteOffset + 4 + 4 * (PAGE_SIZE + 1), k);
    const relAt = 4 + 4 * (PAGE_SIZE + 1) + 4 * k;
    this.rel = data.subarray(relAt, relAt + PAGE_SIZE);
    this.text = data.subarray(relAt + PAGE_SIZE);
  }

  line(slot: number): string {
    this.lines ??= Buffer.from(this.text.buffer, this.text.byteOffset, this.text.byteLength).toString('utf8').split('\n');
    return this.lines[slot] ?? '';
  }
}

/** Read access to the pages of one store: children, relation and label of a rid. Pages are read once. */
export class HubPages {
  private readonly cache = new Map<number, Page | null>();
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
    let page = this.cache.get(p);
    if (page === undefined) {
      const data = this.read.get(p) as Buffer | undefined;
      this.cache.set(p, (page = data ? new Page(data) : null));
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
    return page.kids.subarray(page.start[s], page.start[s + 1]);
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
