/**
 * The curated catalog extended with a Hub lineage store (`--db FILE`): every Hub repo becomes a model
 * (id = repo id), a repo listed in a catalog model's `hf` *is* that model, and Hub bases become parents.
 * Lookups go to the database as needed; children come from the store's lineage pages (hub-pages.ts).
 */
import { byRelease, type Catalog, type Model, type Relation, type Family } from '../catalog/core.js';
import { familyFromPipeline } from '../import/hf.js';
import { normalizeLicense } from '../import/licenses.js';
import { hubIds } from '../import/match.js';
import { OrgIndex } from '../import/orgs.js';
import type { Db, RepoRow } from './hub-db.js';
import { HubPages } from './hub-pages.js';
import { registerHubSource } from './hub-lineage.js';

const RELATION: Record<string, { relation: Relation; note?: string }> = {
  finetune: { relation: 'finetune' },
  adapter: { relation: 'finetune', note: 'Hub: adapter' },
  quantized: { relation: 'finetune', note: 'Hub: quantized' },
  merge: { relation: 'merge' },
};

type Row = Pick<RepoRow, 'id' | 'created' | 'last_modified' | 'relation' | 'pipeline' | 'author' | 'license' | 'gated' | 'placeholder'>;
const EMPTY: Row = { id: '', created: null, last_modified: null, relation: null, pipeline: null, author: null, license: null, gated: 0, placeholder: 0 };
const COLS = 'r.id, r.created, r.last_modified, r.relation, r.pipeline, r.author, r.license, r.gated, r.placeholder';

export function withHub(catalog: Catalog, db: Db): Catalog {
  const orgs = new OrgIndex(catalog);
  const authors = new Map<string, string>();
  const orgOf = (author: string) => {
    let o = authors.get(author);
    if (o === undefined) authors.set(author, (o = orgs.resolve(author) ?? author));
    return o;
  };
  const linked = new Map<string, Model>();
  for (const m of catalog.models) for (const h of hubIds(m)) linked.set(h.toLowerCase(), m);
  const repoStmt = db.prepare(`SELECT ${COLS} FROM repo_rows r WHERE r.id = ?`);
  const basesStmt = db.prepare('SELECT p.id FROM names c JOIN edges e ON e.child = c.rid JOIN names p ON p.rid = e.parent WHERE c.id = ?').pluck();
  const pages = new HubPages(db);
  // Catalog models by the store position of each of their Hub repos.
  const linkedNodes = new Map<number, Model>();
  pages.batch(() => {
    for (const [h, m] of linked) {
      const pos = pages.node(h);
      if (pos !== undefined) linkedNodes.set(pos, m);
    }
  });

  const edgeTo = (parentRepo: string, relation: string | null) => {
    const p = linked.get(parentRepo.toLowerCase());
    const rel = RELATION[relation ?? ''] ?? { relation: 'finetune' as Relation };
    return { model: p ? p.id : parentRepo, relation: rel.relation, ...(rel.note ? { note: rel.note } : {}) };
  };

  const toModel = (r: Row, id: string, bases: string[], family?: Family): Model => ({
    id,
    name: id,
    aliases: [],
    family: (familyFromPipeline(r.pipeline ?? undefined) as Family | undefined) ?? family ?? 'decoder-only',
    released: r.created ?? r.last_modified ?? '2022',
    organizations: [orgOf(r.author ?? id.split('/')[0])],
    weights: r.gated ? 'restricted' : 'open',
    license: r.license ? normalizeLicense(r.license, catalog.licenses) ?? r.license : undefined,
    parameters: [],
    parents: bases.map((b) => edgeTo(b, r.relation)),
    tags: [],
    sources: [`https://huggingface.co/${id}`],
    hf: [id],
    variants: [],
    uncertain: r.created ? [] : ['released'],
    notes: r.created ? undefined : r.placeholder ? "The Hub's placeholder creation date: created before 2022-03-02." : undefined,
  });

  const full = new Map<string, Model | null>();
  const byIdGet = (k: string): Model | undefined => {
    const own = catalog.byId.get(k);
    if (own) return own;
    const key = k.toLowerCase();
    const l = linked.get(key);
    if (l) return l;
    if (full.has(key)) return full.get(key) ?? undefined;
    const r = repoStmt.get(k) as Row | undefined;
    const m = r ? toModel(r, r.id, basesStmt.all(r.id) as string[]) : undefined;
    full.set(key, m ?? null);
    return m;
  };

  // Children from the Hub: light models (what a lineage shows; `byId.get` gives the full one), one per
  // repo, each listing the parents it was reached from.
  const stubs = new Map<number, Model>();
  const stubOf = (pos: number, parentId: string, family?: Family): Model => {
    let m = stubs.get(pos);
    if (!m) {
      const id = pages.id(pos);
      m = toModel({ ...EMPTY, id, created: pages.date(pos) || null }, id, [], family);
      m.parents.length = 0;
      stubs.set(pos, m);
    }
    if (!m.parents.some((p) => p.model === parentId)) m.parents.push({ ...edgeTo(parentId, pages.relation(pos) || null), model: parentId });
    return m;
  };
  const hubChildren = (pos: number, parentId: string, family: Family | undefined, out: Set<Model>) => {
    for (const k of pages.kids(pos)) {
      if (k === pos) continue;
      const c = linkedNodes.get(k);
      // A catalog model is a Hub child only where the catalog itself says so: the catalog is curated.
      if (c) {
        if (c.parents.some((p) => p.model === parentId)) out.add(c);
      } else out.add(stubOf(k, parentId, family));
    }
  };
  const childrenGet = (id: string): Model[] | undefined => {
    const node = byIdGet(id);
    if (!node) return undefined;
    const out = new Set<Model>(catalog.children.get(node.id) ?? []);
    if (catalog.byId.has(node.id)) {
      for (const h of hubIds(node)) {
        const pos = pages.node(h);
        if (pos !== undefined) hubChildren(pos, node.id, node.family, out);
      }
    } else {
      const pos = pages.node(node.id);
      if (pos !== undefined) hubChildren(pos, node.id, node.family, out);
    }
    return out.size ? [...out] : undefined;
  };

  class LazyMap<V> extends Map<string, V> {
    constructor(private readonly lookup: (k: string) => V | undefined, base: Map<string, V>) {
      super(base);
    }
    override get(k: string): V | undefined {
      return super.get(k) ?? this.lookup(k);
    }
    override has(k: string): boolean {
      return this.get(k) !== undefined;
    }
  }

  let all: Model[] | undefined;
  const allModels = (): Model[] => {
    if (all) return all;
    const rows = db
      .prepare(`SELECT ${COLS}, (SELECT json_group_array(p.id) FROM edges e JOIN names p ON p.rid = e.parent WHERE e.child = r.rid) AS bases FROM repo_rows r`)
      .iterate() as Iterable<Row & { bases: string }>;
    const extra: Model[] = [];
    for (const r of rows) if (!linked.has(r.id.toLowerCase())) extra.push(toModel(r, r.id, JSON.parse(r.bases) as string[]));
    return (all = [...catalog.models, ...extra].sort(byRelease));
  };

  const extended: Catalog = {
    dir: catalog.dir,
    get models() {
      return allModels();
    },
    organizations: catalog.organizations,
    licenses: catalog.licenses,
    byId: new LazyMap(byIdGet, catalog.byId),
    children: new LazyMap(childrenGet, new Map()),
    resolve: (s: string) => catalog.resolve(s) ?? byIdGet(s),
  };
  registerHubSource(extended, { catalog, pages, linked: linkedNodes });
  return extended;
}
