/**
 * A model's descendants through a Hub store, walked depth first and handed out one node at a time, so
 * that a lineage of 100k repos is printed as it is walked, without a tree in memory.
 *
 * The tree is the one `descendants()` of the extended catalog gives: a catalog model's children are its
 * curated children, then the Hub children of its repos (`hf` ids); a repo's children are the repos that
 * name it as a base, in rid order. A repo that is a catalog model appears as that model, and only where
 * the catalog lists the parent. A node met again (a merge, a diamond, a cycle) is a leaf marked repeated.
 * This module loads no database driver: it reads pages through HubPages, by store position.
 */
import type { Catalog, Model, Relation } from '../catalog/core.js';
import type { HubPages } from './hub-pages.js';
import { hubIds } from '../import/match.js';

/** One node of the walk, in depth-first order. */
export interface LineageStep {
  /** 0 for the model itself. */
  depth: number;
  id: string;
  name: string;
  released: string;
  /** How the node relates to its parent (absent at depth 0). */
  relation?: Relation;
  /** The node was shown before: it is a leaf here. */
  repeated: boolean;
  /** First / last child of its parent. */
  first: boolean;
  last: boolean;
  /** Children follow (then `up` once they are done). */
  hasChildren: boolean;
}

export interface LineageVisitor {
  /** false: the visitor does not look at ids, names and dates (`--count`), so Hub labels are not read. */
  readonly labels?: boolean;
  node(step: LineageStep): void;
  /** The children of the node last opened at this depth are done. */
  up(depth: number): void;
}

/** What a lineage walk needs from a Hub store: the curated catalog and the store's pages. */
export interface HubSource {
  catalog: Catalog;
  pages: HubPages;
  /** Catalog models by the store position of each of their Hub repos. */
  linked: Map<number, Model>;
}

const hubRelation = (r: string): Relation => (r === 'merge' ? 'merge' : 'finetune');

/** A store position (a Hub repo) or a catalog model. */
type Item = number | Model;
/** Children being walked: items[from..end), the next at i. */
interface Frame {
  /** The parent: its id, or the store position of a Hub repo (its id is read only if needed). */
  parent: string | number;
  items: ArrayLike<Item>;
  from: number;
  i: number;
  end: number;
  depth: number;
}

/**
 * Walk `model`'s descendants, at most `maxDepth` levels down (a node at the limit shows no children).
 * Returns the number of nodes visited below the model.
 */
export function walkDescendants(src: HubSource, model: Model, visit: LineageVisitor, maxDepth = Infinity): number {
  return src.pages.batch(() => new Walk(src, visit, maxDepth).run(model));
}

/** One depth-first walk: a stack of frames over children lists, each node visited once in tree order. */
class Walk {
  private readonly seenNode: Uint8Array;
  private readonly isLinked: Uint8Array;
  private readonly seenModel = new Set<Model>();
  private readonly stack: Frame[] = [];
  private readonly labels: boolean;
  /** The children `children` found: kids.items[from..to). */
  private readonly kids = { items: [] as ArrayLike<Item>, from: 0, to: 0 };

  constructor(
    private readonly src: HubSource,
    private readonly visit: LineageVisitor,
    private readonly maxDepth: number,
  ) {
    this.seenNode = new Uint8Array(src.pages.size);
    this.isLinked = new Uint8Array(src.pages.size);
    for (const pos of src.linked.keys()) this.isLinked[pos] = 1;
    this.labels = visit.labels !== false;
  }

  run(model: Model): number {
    const { catalog, pages } = this.src;
    const rootModel = catalog.byId.get(model.id);
    const rootPos = rootModel ? undefined : pages.node(model.id);
    const root: Item = rootModel ?? rootPos ?? model;
    this.seen(root);
    const id = typeof root === 'number' ? pages.id(root) : root.id;
    if (this.maxDepth > 0) this.children(root);
    else this.found([]);
    const hasTop = this.open(typeof root === 'number' ? root : id, 1);
    this.visit.node({
      depth: 0, id, name: typeof root === 'number' ? id : root.name, released: typeof root === 'number' ? pages.date(root) || '2022' : root.released,
      repeated: false, first: true, last: true, hasChildren: hasTop,
    });
    let count = 0;
    while (this.stack.length) {
      const f = this.stack[this.stack.length - 1];
      if (f.i >= f.end) {
        this.stack.pop();
        this.visit.up(f.depth - 1);
        continue;
      }
      this.step(f, f.items[f.i++]);
      count++;
    }
    return count;
  }

  /** Visit `item`, the next child in frame `f`, and open its children unless it was seen or is at the limit. */
  private step(f: Frame, item: Item): void {
    const pages = this.src.pages;
    const repeated = this.seen(item);
    let cid: string, name: string, released: string, relation: Relation;
    if (typeof item === 'number') {
      cid = name = this.labels ? pages.id(item) : '';
      released = this.labels ? pages.date(item) || '2022' : '';
      relation = hubRelation(pages.relation(item));
    } else {
      [cid, name, released] = [item.id, item.name, item.released];
      const parentId = this.idOf(f.parent);
      relation = item.parents.find((p) => p.model === parentId)?.relation ?? 'finetune';
    }
    if (repeated || f.depth >= this.maxDepth) this.found([]);
    else this.children(item);
    const first = f.i === f.from + 1;
    const last = f.i === f.end;
    const hasChildren = this.open(typeof item === 'number' ? item : cid, f.depth + 1);
    this.visit.node({ depth: f.depth, id: cid, name, released, relation, repeated, first, last, hasChildren });
  }

  private found(items: ArrayLike<Item>, from = 0, to = items.length): void {
    this.kids.items = items;
    this.kids.from = from;
    this.kids.to = to;
  }

  private idOf(parent: string | number): string {
    return typeof parent === 'number' ? this.src.pages.id(parent) : parent;
  }

  /** A repo's children (into `kids`); `into` collects them instead, for a catalog model with several repos. */
  private hubKids(pos: number, parent: string | number, into?: Set<Item>): void {
    const r = this.src.pages.kidRange(pos);
    let plain = !into;
    for (let i = r.from; i < r.to && plain; i++) plain = !this.isLinked[r.items[i]] && r.items[i] !== pos;
    if (plain) return this.found(r.items, r.from, r.to);
    const out = into ?? new Set<Item>();
    for (let i = r.from; i < r.to; i++) {
      const k = r.items[i];
      if (k === pos) continue;
      const c = this.src.linked.get(k);
      // A catalog model is a Hub child only where the catalog itself says so: the catalog is curated.
      if (!c) out.add(k);
      else if (c.parents.some((p) => p.model === this.idOf(parent))) out.add(c);
    }
    if (!into) this.found([...out]);
  }

  private children(item: Item): void {
    if (typeof item === 'number') return this.hubKids(item, item);
    const catalog = this.src.catalog;
    if (!catalog.byId.has(item.id)) return this.found([]); // a Hub repo unknown to the store
    const out = new Set<Item>(catalog.children.get(item.id) ?? []);
    for (const h of hubIds(item)) {
      const pos = this.src.pages.node(h);
      if (pos !== undefined) this.hubKids(pos, item.id, out);
    }
    this.found([...out]);
  }

  private seen(item: Item): boolean {
    if (typeof item === 'number') {
      if (this.seenNode[item]) return true;
      this.seenNode[item] = 1;
      return false;
    }
    if (this.seenModel.has(item)) return true;
    this.seenModel.add(item);
    return false;
  }

  private open(parent: string | number, depth: number): boolean {
    const k = this.kids;
    if (k.to === k.from) return false;
    this.stack.push({ parent, items: k.items, from: k.from, i: k.from, end: k.to, depth });
    return true;
  }
}

const sources = new WeakMap<Catalog, HubSource>();

/** Remember that `extended` is `source.catalog` extended with a Hub store (see withHub). */
export function registerHubSource(extended: Catalog, source: HubSource): void {
  sources.set(extended, source);
}

/** The Hub store behind a catalog extended with one (`--db`), if any. */
export function hubSourceOf(catalog: Catalog): HubSource | undefined {
  return sources.get(catalog);
}
