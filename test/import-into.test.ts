import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/load.js';
import { planImport, writePlan, planDiff } from '../src/import/into-catalog.js';
import { modelRecord } from '../src/import/export.js';
import { readEpoch } from '../src/import/epoch.js';
import type { SourceRecord } from '../src/import/types.js';
import { ROOT } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'import');
const CAT = join(FIX, 'catalog');
const TODAY = '2026-01-01';

function copyCatalog(): string {
  const d = join(mkdtempSync(join(tmpdir(), 'llmtree-into-')), 'catalog');
  cpSync(CAT, d, { recursive: true });
  return d;
}

function files(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of readdirSync(join(dir, 'models'))) m.set(f, readFileSync(join(dir, 'models', f), 'utf8'));
  return m;
}

describe('--into catalog', () => {
  it('adds new models that pass validate, lists conflicts without applying them, and --dry-run writes nothing', () => {
    const dir = copyCatalog();
    const before = files(dir);
    const { catalog } = loadCatalog(dir);
    const { records } = readEpoch(join(FIX, 'epoch', 'notable_ai_models.csv'));
    const plan = planImport(catalog, records, { today: TODAY });
    expect(plan.entries.map((e) => e.model.id)).toEqual(['palm']);
    expect(plan.entries[0].model).toMatchObject({ name: 'PaLM', organizations: ['google'], weights: 'closed', license: 'proprietary', released: '2022-04-04' });
    expect(plan.entries[0].model.parameters.map((p) => p.total)).toEqual([62e9, 540e9]);
    expect(plan.conflicts).toEqual([{ model: 'instructgpt', key: 'InstructGPT 175B', field: 'released', catalog: '2022-01-27', source: '2022-03-04' }]);
    expect(plan.skippedByReason).toEqual({ 'open weights without a catalog licence': 2 }); // Falcon-40B, Alpaca: Epoch gives no licence
    expect(planDiff(dir, plan)).toMatch(/^\+\+\+ catalog\/models\/palm\.yaml\n@@ -0,0 \+1,\d+ @@\n\+id: palm\n/m);
    expect(files(dir)).toEqual(before); // planning (the dry run) writes nothing
    writePlan(dir, plan);
    const after = files(dir);
    expect(after.size).toBe(before.size + 1);
    for (const [f, text] of before) expect(after.get(f)).toBe(text);
    expect(loadCatalog(dir).issues).toEqual([]);
    expect(readdirSync(join(dir, 'models')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('drops an entry that would not validate (a child released before its parent) and says why', () => {
    const dir = copyCatalog();
    const { catalog } = loadCatalog(dir);
    const rec: SourceRecord = {
      source: 'epoch', key: 'Zeta 1', name: 'Zeta 1', organizations: ['OpenAI'], released: '2001-01-01', weights: 'closed',
      bases: ['GPT-3'], url: 'https://example.org/zeta', where: 'x.csv:2',
    };
    const plan = planImport(catalog, [rec], { today: TODAY });
    expect(plan.entries).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ reason: 'fails validation', detail: expect.stringMatching(/models\/zeta-1\.yaml:\d+:\d+: .*released/) });
  });

  it('never replaces an existing file', () => {
    const dir = copyCatalog();
    const { catalog } = loadCatalog(dir);
    const plan = planImport(catalog, [{ source: 'epoch', key: 'k', name: 'Brand New', organizations: ['OpenAI'], released: '2024-01-01', weights: 'closed', url: 'https://example.org', where: 'x' }], { today: TODAY });
    plan.entries[0].model.id = 'gpt-3';
    expect(() => writePlan(dir, plan)).toThrow(/already exists/);
    expect(existsSync(join(dir, 'models', 'brand-new.yaml'))).toBe(false);
  });
});

// Arbitrary source records: new names, or names/aliases of curated models with arbitrary facts.
const { catalog: base } = loadCatalog(CAT);
const orgNames = [...base.organizations.values()].slice(0, 30).map((o) => o.name);
const curatedNames = base.models.flatMap((m) => [m.name, ...m.aliases]);
const date = fc
  .record({ y: fc.integer({ min: 1990, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const freshName = fc.tuple(fc.constantFrom('Zeta', 'Orion', 'Kestrel', 'Nimbus', 'Quill'), fc.integer({ min: 1, max: 99 }), fc.constantFrom('', ' Chat', ' Pro'))
  .map(([a, n, s]) => `${a} ${n}${s}`);
const record = (name: fc.Arbitrary<string>) =>
  fc.record({
    name,
    org: fc.constantFrom(...orgNames),
    released: date,
    weights: fc.constantFrom('open' as const, 'restricted' as const, 'closed' as const),
    license: fc.constantFrom(undefined, 'apache-2.0', 'mit', 'llama-2', 'not-a-licence'),
    params: fc.option(fc.integer({ min: 1, max: 2000 }).map((n) => n * 1e8), { nil: undefined }),
  }).map((r): SourceRecord => ({
    source: 'ecosystem-graphs', key: r.name, name: r.name, organizations: [r.org], released: r.released, weights: r.weights,
    license: r.license, parameters: r.params ? [r.params] : undefined, url: `https://example.org/${encodeURIComponent(r.name)}`, where: 'gen',
  }));

describe('round trip (property)', () => {
  it('import → export → import is a fixed point, and curated files survive any import', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(record(freshName), record(fc.constantFrom(...curatedNames))), { minLength: 1, maxLength: 6 }), (records) => {
        const dir = copyCatalog();
        const before = files(dir);
        const c0 = loadCatalog(dir).catalog;
        const plan = planImport(c0, records, { today: TODAY });
        writePlan(dir, plan);
        const after = files(dir);
        for (const [f, text] of before) expect(after.get(f)).toBe(text); // curated entries untouched
        const c1 = loadCatalog(dir);
        expect(c1.issues).toEqual([]);
        // Export what was added, import it again: nothing new, nothing conflicting.
        const added = plan.entries.map((e) => c1.catalog.byId.get(e.model.id)!);
        const again = planImport(c1.catalog, added.map((m) => modelRecord(m, c1.catalog)), { today: TODAY });
        expect(again.entries).toEqual([]);
        expect(again.conflicts).toEqual([]);
        // And the export imported into the original catalog gives the same files.
        const replay = planImport(c0, added.map((m) => modelRecord(m, c0, 'ecosystem-graphs')), { today: TODAY });
        const facts = (p: typeof plan) => p.entries.map((e) => ({ ...e.model, notes: undefined })).sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(facts(replay)).toEqual(facts(plan));
      }),
      { numRuns: 8 },
    );
  });
});

describe('--into catalog from the Hub', () => {
  it('adds a derivative of a catalog model whose publisher is a catalog organisation, with its licence and parent', async () => {
    const { openHubDb } = await import('../src/store/hub-db.js');
    const { importHubFile, hubRecords } = await import('../src/import/hub-import.js');
    const dir = copyCatalog();
    const { catalog } = loadCatalog(dir);
    const db = openHubDb(':memory:');
    await importHubFile(join(FIX, 'hf', 'hub.jsonl'), db, { showProgress: false });
    const plan = planImport(catalog, hubRecords(db, catalog), { today: TODAY });
    expect(plan.entries.map((e) => e.model.id)).toEqual(['mistral-7b-instruct-v0.2']);
    expect(plan.entries[0].model).toMatchObject({ organizations: ['mistral-ai'], license: 'apache-2.0', parents: [{ model: 'mistral-7b', relation: 'finetune' }] });
    expect(plan.skippedByReason['organisation not in the catalog']).toBe(5); // TheBloke, example-org, someone: accounts, not catalog organisations
  });
});
