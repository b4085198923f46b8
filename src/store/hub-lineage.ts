/**
 * A model's descendants through a Hub store, walked depth first and handed out one node at a time, so
 * that a lineage of 100k repos is printed as it is walked, without a tree in memory.
 *
 * The tree is the one `descendants()` of the extended catalog gives: a catalog model's children are its
 * curated children, then the Hub children of its repos (`hf` ids); a repo's children are the repos that
 * name it as a base, in rid order. A repo that is a catalog model appears as that model, and only where
 * the catalog lists the parent. A node met again (a merge, a diamond, a cycle) is a leaf marked repeated.
 * This module loads no database driver: it reads pages through HubPages.
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
  node(step: LineageStep): void;
  /** The children of the node last opened at this depth are done. */
  up(depth: number): void;
}

/** What a lineage walk needs from a Hub store: the curated catalog and the store's pages. */
export interface HubSource {
  catalog: Catalog;
  pages: HubPages;
  /** Catalog models by the rid of each of their Hub repos. */
  linked: Map<number, Model>;
}

const hubRelation = (r: string): Relation => (r === 'merge' ? 'merge' : 'finetune');

type Item = number | Model;
interface Frame {
  parent: Item;
  parentId: string;
  items: ArrayLike<Item>;
  i: number;
  depth: number;
}

/**
 * Walk `model`'s descendants, at most `maxDepth` levels down (a node at the limit shows no children).
 * Returns the number of nodes visited below the model.
 */
export function walkDescendants(src: HubSource, model: Model, visit: LineageVisitor, maxDepth = Infinity): number {
  const { catalog, pages, linked } = src;
  const seenRid = new Uint8Array(pages.maxRid + 1);
  const seenModel = new Set<Model>();
  const hubIdsOf = (m: Model) => [...m.hf, ...(m.variants ?? []).flatMap((v) => v.hf ?? [])];

  const rootModel = catalog.byId.get(model.id);
  const rootRid = rootModel ? undefined : pages.rid(model.id);
  const root: Item = rootModel ?? rootRid ?? model;

  /** A repo's children; `into` collects them for a catalog model with several repos (no repeats). */
  const hubKids = (rid: number, parentId: string, into?: Set<Item>): ArrayLike<Item> => {
    const kids = pages.kids(rid);
    let plain = !into;
    for (let i = 0; i < kids.length && plain; i++) plain = !linked.has(kids[i]) && kids[i] !== rid;
    if (plain) return kids;
    const out = into ?? new Set<Item>();
    for (const k of kids) {
      if (k === rid) continue;
      const c = linked.get(k);
      // A catalog model is a Hub child only where the catalog itself says so: the catalog is curated.
      if (!c) out.add(k);
      else if (c.parents.some((p) => p.model === parentId)) out.add(c);
    }
    return into ? [] : [...out];
  };

  const children = (item: Item, id: string): ArrayLike<Item> => {
    if (typeof item === 'number') return hubKids(item, id);
    if (!catalog.byId.has(item.id)) return []; // a Hub repo unknown to the store
    const out = new Set<Item>(catalog.children.get(item.id) ?? []);
    for (const h of hubIdsOf(item)) {
      const rid = pages.rid(h);
      if (rid !== undefined) hubKids(rid, item.id, out);
    }
    return [...out];
  };

  const seen = (item: Item): boolean => {
    if (typeof item === 'number') {
      if (seenRid[item]) return true;
      seenRid[item] = 1;
      return false;
    }
    if (seenModel.has(item)) return true;
    seenModel.add(item);
    return false;
  };

  const labelOf = (item: Item): [string, string, string] => {
    if (typeof item !== 'number') return [item.id, item.name, item.released];
    const [id, date] = pages.label(item);
    return [id, id, date || '2022'];
  };

  seen(root);
  const [id, name, released] = labelOf(root);
  const top = maxDepth > 0 ? children(root, id) : [];
  visit.node({ depth: 0, id, name, released, repeated: false, first: true, last: true, hasChildren: top.length > 0 });
  const stack: Frame[] = top.length ? [{ parent: root, parentId: id, items: top, i: 0, depth: 1 }] : [];
  let count = 0;
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i >= f.items.length) {
      stack.pop();
      visit.up(f.depth - 1);
      continue;
    }
    const item = f.items[f.i++];
    count++;
    const repeated = seen(item);
    const [cid, cname, creleased] = labelOf(item);
    const relation =
      typeof item === 'number' ? hubRelation(pages.relation(item)) : (item.parents.find((p) => p.model === f.parentId)?.relation ?? 'finetune');
    const kids = repeated || f.depth >= maxDepth ? [] : children(item, cid);
    visit.node({
      depth: f.depth, id: cid, name: cname, released: creleased, relation, repeated,
      first: f.i === 1, last: f.i === f.items.length, hasChildren: kids.length > 0,
    });
    if (kids.length) stack.push({ parent: item, parentId: cid, items: kids, i: 0, depth: f.depth + 1 });
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
