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
type Statement = ReturnType<Db['prepare']>;
const COLS = 'r.id, r.created, r.last_modified, r.relation, r.pipeline, r.author, r.license, r.gated, r.placeholder';

/** A map that falls back to a lookup for keys it does not hold (the store answers on demand). */
class LazyMap<V> extends Map<string, V> {
  constructor(
    private readonly lookup: (k: string) => V | undefined,
    base: Map<string, V>,
  ) {
    super(base);
  }
  override get(k: string): V | undefined {
    return super.get(k) ?? this.lookup(k);
  }
  override has(k: string): boolean {
    return this.get(k) !== undefined;
  }
}

export function withHub(catalog: Catalog, db: Db): Catalog {
  const hub = new HubModels(catalog, db);
  const extended: Catalog = {
    dir: catalog.dir,
    get models() {
      return hub.all();
    },
    organizations: catalog.organizations,
    licenses: catalog.licenses,
    byId: new LazyMap((k) => hub.get(k), catalog.byId),
    children: new LazyMap((k) => hub.children(k), new Map()),
    resolve: (s: string) => catalog.resolve(s) ?? hub.get(s),
  };
  registerHubSource(extended, { catalog, pages: hub.pages, linked: hub.linkedNodes });
  return extended;
}

/** Hub repos as catalog models, looked up in the store when asked for. */
class HubModels {
  readonly pages: HubPages;
  /** Catalog models by each of their Hub repo ids (lower case), and by the store position of each. */
  private readonly linked = new Map<string, Model>();
  readonly linkedNodes = new Map<number, Model>();
  private readonly orgs: OrgIndex;
  private readonly authors = new Map<string, string>();
  private readonly full = new Map<string, Model | null>();
  /** Children from the Hub: light models (what a lineage shows; `get` gives the full one), one per repo. */
  private readonly stubs = new Map<number, Model>();
  private readonly repoStmt: Statement;
  private readonly basesStmt: Statement;
  private everything?: Model[];

  constructor(
    private readonly catalog: Catalog,
    private readonly db: Db,
  ) {
    this.orgs = new OrgIndex(catalog);
    for (const m of catalog.models) for (const h of hubIds(m)) this.linked.set(h.toLowerCase(), m);
    this.repoStmt = db.prepare(`SELECT ${COLS} FROM repo_rows r WHERE r.id = ?`);
    this.basesStmt = db.prepare('SELECT p.id FROM names c JOIN edges e ON e.child = c.rid JOIN names p ON p.rid = e.parent WHERE c.id = ?').pluck();
    this.pages = new HubPages(db);
    this.pages.batch(() => {
      for (const [h, m] of this.linked) {
        const pos = this.pages.node(h);
        if (pos !== undefined) this.linkedNodes.set(pos, m);
      }
    });
  }

  private orgOf(author: string): string {
    let o = this.authors.get(author);
    if (o === undefined) this.authors.set(author, (o = this.orgs.resolve(author) ?? author));
    return o;
  }

  private edgeTo(parentRepo: string, relation: string | null): Model['parents'][number] {
    const p = this.linked.get(parentRepo.toLowerCase());
    const rel = RELATION[relation ?? ''] ?? { relation: 'finetune' as Relation };
    return { model: p ? p.id : parentRepo, relation: rel.relation, ...(rel.note ? { note: rel.note } : {}) };
  }

  private toModel(r: Row, id: string, bases: string[], family?: Family): Model {
    return {
      id,
      name: id,
      aliases: [],
      family: (familyFromPipeline(r.pipeline ?? undefined) as Family | undefined) ?? family ?? 'decoder-only',
      released: r.created ?? r.last_modified ?? '2022',
      organizations: [this.orgOf(r.author ?? id.split('/')[0])],
      weights: r.gated ? 'restricted' : 'open',
      license: r.license ? normalizeLicense(r.license, this.catalog.licenses) ?? r.license : undefined,
      parameters: [],
      parents: bases.map((b) => this.edgeTo(b, r.relation)),
      tags: [],
      sources: [`https://huggingface.co/${id}`],
      hf: [id],
      variants: [],
      uncertain: r.created ? [] : ['released'],
      notes: r.created ? undefined : r.placeholder ? "The Hub's placeholder creation date: created before 2022-03-02." : undefined,
    };
  }

  /** A catalog model, the catalog model a Hub repo is, or the repo as a model. */
  get(k: string): Model | undefined {
    const own = this.catalog.byId.get(k);
    if (own) return own;
    const key = k.toLowerCase();
    const l = this.linked.get(key);
    if (l) return l;
    if (this.full.has(key)) return this.full.get(key) ?? undefined;
    const r = this.repoStmt.get(k) as Row | undefined;
    const m = r ? this.toModel(r, r.id, this.basesStmt.all(r.id) as string[]) : undefined;
    this.full.set(key, m ?? null);
    return m;
  }

  /** A light model for the repo at `pos`, listing each parent it was reached from. */
  private stubOf(pos: number, parentId: string, family?: Family): Model {
    let m = this.stubs.get(pos);
    if (!m) {
      const id = this.pages.id(pos);
      m = this.toModel({ ...EMPTY, id, created: this.pages.date(pos) || null }, id, [], family);
      m.parents.length = 0;
      this.stubs.set(pos, m);
    }
    if (!m.parents.some((p) => p.model === parentId)) m.parents.push({ ...this.edgeTo(parentId, this.pages.relation(pos) || null), model: parentId });
    return m;
  }

  private hubChildren(pos: number, parentId: string, family: Family | undefined, out: Set<Model>): void {
    for (const k of this.pages.kids(pos)) {
      if (k === pos) continue;
      const c = this.linkedNodes.get(k);
      // A catalog model is a Hub child only where the catalog itself says so: the catalog is curated.
      if (c) {
        if (c.parents.some((p) => p.model === parentId)) out.add(c);
      } else out.add(this.stubOf(k, parentId, family));
    }
  }

  /** A model's children: the catalog's, then its Hub repos' (or, for a Hub repo, the repo's). */
  children(id: string): Model[] | undefined {
    const node = this.get(id);
    if (!node) return undefined;
    const out = new Set<Model>(this.catalog.children.get(node.id) ?? []);
    const repos = this.catalog.byId.has(node.id) ? hubIds(node) : [node.id];
    for (const h of repos) {
      const pos = this.pages.node(h);
      if (pos !== undefined) this.hubChildren(pos, node.id, node.family, out);
    }
    return out.size ? [...out] : undefined;
  }

  /** Every model: the catalog's and every Hub repo not linked to one, by release. */
  all(): Model[] {
    if (this.everything) return this.everything;
    const rows = this.db
      .prepare(`SELECT ${COLS}, (SELECT json_group_array(p.id) FROM edges e JOIN names p ON p.rid = e.parent WHERE e.child = r.rid) AS bases FROM repo_rows r`)
      .iterate() as Iterable<Row & { bases: string }>;
    const extra: Model[] = [];
    for (const r of rows) if (!this.linked.has(r.id.toLowerCase())) extra.push(this.toModel(r, r.id, JSON.parse(r.bases) as string[]));
    return (this.everything = [...this.catalog.models, ...extra].sort(byRelease));
  }
}
