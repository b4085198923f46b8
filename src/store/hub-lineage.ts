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
  return src.pages.batch(() => walk(src, model, visit, maxDepth));
}

function walk(src: HubSource, model: Model, visit: LineageVisitor, maxDepth: number): number {
  const { catalog, pages, linked } = src;
  const seenNode = new Uint8Array(pages.size);
  const isLinked = new Uint8Array(pages.size);
  for (const pos of linked.keys()) isLinked[pos] = 1;
  const seenModel = new Set<Model>();
  const hubIdsOf = (m: Model) => [...m.hf, ...(m.variants ?? []).flatMap((v) => v.hf ?? [])];

  const rootModel = catalog.byId.get(model.id);
  const rootPos = rootModel ? undefined : pages.node(model.id);
  const root: Item = rootModel ?? rootPos ?? model;

  /** The children `children` found: kids.items[from..to). */
  const kids = { items: [] as ArrayLike<Item>, from: 0, to: 0 };
  const found = (items: ArrayLike<Item>, from = 0, to = items.length) => {
    kids.items = items;
    kids.from = from;
    kids.to = to;
  };

  /** A repo's children (into `kids`); `into` collects them instead, for a catalog model with several repos. */
  const idOf = (parent: string | number) => (typeof parent === 'number' ? pages.id(parent) : parent);

  const hubKids = (pos: number, parent: string | number, into?: Set<Item>): void => {
    const r = pages.kidRange(pos);
    let plain = !into;
    for (let i = r.from; i < r.to && plain; i++) plain = !isLinked[r.items[i]] && r.items[i] !== pos;
    if (plain) return found(r.items, r.from, r.to);
    const out = into ?? new Set<Item>();
    for (let i = r.from; i < r.to; i++) {
      const k = r.items[i];
      if (k === pos) continue;
      const c = linked.get(k);
      // A catalog model is a Hub child only where the catalog itself says so: the catalog is curated.
      if (!c) out.add(k);
      else if (c.parents.some((p) => p.model === idOf(parent))) out.add(c);
    }
    if (!into) found([...out]);
  };

  const children = (item: Item): void => {
    if (typeof item === 'number') return hubKids(item, item);
    if (!catalog.byId.has(item.id)) return found([]); // a Hub repo unknown to the store
    const out = new Set<Item>(catalog.children.get(item.id) ?? []);
    for (const h of hubIdsOf(item)) {
      const pos = pages.node(h);
      if (pos !== undefined) hubKids(pos, item.id, out);
    }
    found([...out]);
  };

  const seen = (item: Item): boolean => {
    if (typeof item === 'number') {
      if (seenNode[item]) return true;
      seenNode[item] = 1;
      return false;
    }
    if (seenModel.has(item)) return true;
    seenModel.add(item);
    return false;
  };

  const stack: Frame[] = [];
  const open = (parent: string | number, depth: number): boolean => {
    if (kids.to === kids.from) return false;
    stack.push({ parent, items: kids.items, from: kids.from, i: kids.from, end: kids.to, depth });
    return true;
  };

  seen(root);
  const labels = visit.labels !== false;
  const id = typeof root === 'number' ? pages.id(root) : root.id;
  if (maxDepth > 0) children(root);
  else found([]);
  const hasTop = open(typeof root === 'number' ? root : id, 1);
  visit.node({
    depth: 0, id, name: typeof root === 'number' ? id : root.name, released: typeof root === 'number' ? pages.date(root) || '2022' : root.released,
    repeated: false, first: true, last: true, hasChildren: hasTop,
  });
  let count = 0;
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i >= f.end) {
      stack.pop();
      visit.up(f.depth - 1);
      continue;
    }
    const item = f.items[f.i++];
    count++;
    const repeated = seen(item);
    let cid: string, name: string, released: string, relation: Relation;
    if (typeof item === 'number') {
      cid = name = labels ? pages.id(item) : '';
      released = labels ? pages.date(item) || '2022' : '';
      relation = hubRelation(pages.relation(item));
    } else {
      [cid, name, released] = [item.id, item.name, item.released];
      const parentId = idOf(f.parent);
      relation = item.parents.find((p) => p.model === parentId)?.relation ?? 'finetune';
    }
    if (repeated || f.depth >= maxDepth) found([]);
    else children(item);
    const first = f.i === f.from + 1;
    const last = f.i === f.end;
    const hasChildren = open(typeof item === 'number' ? item : cid, f.depth + 1);
    visit.node({ depth: f.depth, id: cid, name, released, relation, repeated, first, last, hasChildren });
  }
  return count;
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
