import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/load.js';
import { ancestors, descendants } from '../src/graph/index.js';
import { openHubDb, counts } from '../src/store/hub-db.js';
import { withHub } from '../src/store/hub-catalog.js';
import { importHubFile, forestReport, hubRecords } from '../src/import/hub-import.js';
import { ROOT, cli } from './helpers.js';

const FIX = join(ROOT, 'test', 'fixtures', 'import');
const HUB = join(FIX, 'hf', 'hub.jsonl');
const CAT = join(FIX, 'catalog');
const { catalog } = loadCatalog(CAT);
const tmp = () => mkdtempSync(join(tmpdir(), 'llmtree-store-'));

describe('Hub lineage store', () => {
  it('imports a dump, reports broken lines, and re-imports unchanged records without touching them', async () => {
    const file = join(tmp(), 'hub.db');
    const db = openHubDb(file);
    const first = await importHubFile(HUB, db, { showProgress: false });
    expect(first.summary).toMatchObject({ read: 19, imported: 15, unchanged: 0 });
    expect(first.summary.skipped).toEqual({ 'malformed JSON': 1, 'not a usable Hub record': 3 });
    expect(first.skips.map((s) => s.where.split(':').pop())).toEqual(['14', '15', '16', '17']);
    expect(first.placeholderDates).toBe(3);
    expect(first.otherWithoutName).toBe(1);
    expect(counts(db)).toMatchObject({ repos: 14, edges: 9 });
    const stamp = db.prepare("SELECT hash FROM names WHERE id = 'openai-community/gpt2'").pluck().get();

    const again = await importHubFile(HUB, db, { showProgress: false });
    // The dump lists one repo twice with different text: both versions are written again; the rest are unchanged.
    expect(again.summary).toMatchObject({ read: 19, imported: 2, unchanged: 13 });
    expect(db.prepare("SELECT hash FROM names WHERE id = 'openai-community/gpt2'").pluck().get()).toBe(stamp);
    expect(counts(db)).toMatchObject({ repos: 14, edges: 9 });
    db.close();
  });

  it('an import that fails part-way leaves the database as it was', async () => {
    const d = tmp();
    const db = openHubDb(join(d, 'hub.db'));
    await importHubFile(HUB, db, { showProgress: false });
    const before = counts(db);
    const bad = join(d, 'bad.json');
    writeFileSync(bad, '[\n{"id": "new/repo-1"},\n{"id": "new/repo-2", "cardData": {"base_model": "meta-llama/Llama-2-7b-hf"}},\n{"id": "new/rep');
    await expect(importHubFile(bad, db, { showProgress: false })).rejects.toThrow(/not closed/);
    expect(counts(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM repo_rows WHERE id LIKE 'new/%'").pluck().get()).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it('links Hub repos to catalog models and flags licence conflicts', async () => {
    const db = openHubDb(':memory:');
    await importHubFile(HUB, db, { showProgress: false });
    const f = forestReport(db, catalog);
    expect(f.catalogRepos).toBe(6); // Llama 2 (base and chat), Mistral 7B, GPT-2, BERT, Qwen
    expect(f.descendantsOfCatalog).toBe(7);
    expect(f.licenseConflicts).toBe(1);
    expect(f.licenseFlags[0]).toMatchObject({ repo: 'example-org/llama-2-7b-apache-sft', license: 'apache-2.0', baseLicense: 'llama-2' });
    const recs = [...hubRecords(db, catalog, { minDownloads: 100 })].map((r) => r.key);
    expect(recs).toContain('TheBloke/Llama-2-7B-GPTQ');
    expect(recs).not.toContain('someone/mistral-7b-lora'); // 12 downloads
  });

  it('extends the catalog: Hub derivatives become descendants of the catalog model (case-insensitive ids)', async () => {
    const db = openHubDb(':memory:');
    await importHubFile(HUB, db, { showProgress: false });
    const ext = withHub(catalog, db);
    const llama2 = ext.byId.get('llama-2')!;
    const down = descendants(ext, llama2);
    const ids = down.children.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['llama-2-chat', 'TheBloke/Llama-2-7B-GPTQ', 'example-org/llama-2-7b-apache-sft', 'example-org/mistral-llama-merge']));
    const sft = down.children.find((c) => c.id === 'example-org/llama-2-7b-apache-sft')!;
    expect(sft.children.map((c) => c.id)).toEqual(['example-org/llama-2-7b-sft-dpo']);
    const dpo = ext.byId.get('EXAMPLE-ORG/llama-2-7b-sft-dpo')!;
    expect(dpo).toMatchObject({ released: '2023-10-11', license: 'llama-2' });
    const up = ancestors(ext, dpo);
    expect(up.children[0].children[0].id).toBe('llama-2');
    const gpt2 = ext.models.find((m) => m.id === 'distilbert/distilbert-base-uncased')!;
    expect(gpt2).toMatchObject({ family: 'encoder-only', uncertain: ['released'] });
    expect(ext.models.length).toBe(catalog.models.length + 14 - 6);
  });
});

describe('CLI: import hf, --db, crosscheck', () => {
  it('import hf --db, then lineage/show/list --db answer from it', () => {
    const d = tmp();
    const db = join(d, 'hub.db');
    const r = cli(['import', 'hf', HUB, '--db', db, '--catalog', CAT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/licence conflicts: 1/);
    expect(r.stdout).toMatch(/read 19, imported 15, unchanged 0, linked 13, skipped 4 \(malformed JSON: 1, not a usable Hub record: 3\)/);
    expect(r.stderr).toMatch(/hub\.jsonl:14: skipped: malformed JSON/);
    expect(r.stderr).not.toMatch(/rows\/s/); // no progress bar when stderr is not a terminal
    const lin = cli(['lineage', 'llama-2', '--catalog', CAT, '--db', db, '--format', 'json']);
    expect(lin.code).toBe(0);
    const json = JSON.parse(lin.stdout);
    expect(json.descendants.children.map((c: { id: string }) => c.id)).toContain('TheBloke/Llama-2-7B-GPTQ');
    const show = cli(['show', 'theBloke/llama-2-7b-gptq', '--catalog', CAT, '--db', db]);
    expect(show.stdout).toMatch(/parents:\s+Llama 2 \(llama-2, finetune\)/);
    const list = cli(['list', '--catalog', CAT, '--db', db, '--format', 'json']);
    expect(JSON.parse(list.stdout).length).toBe(15 + 8);
    const missing = cli(['list', '--catalog', CAT, '--db', join(d, 'nope.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--db: .*nope\.db does not exist/);
  });

  it('crosscheck prints a table and a summary, and JSON', () => {
    const t = cli(['crosscheck', 'epoch', join(FIX, 'epoch', 'notable_ai_models.csv'), '--catalog', CAT]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/instructgpt\s+released\s+2022-01-27\s+2022-03-04\s+InstructGPT 175B/);
    expect(t.stdout).toMatch(/epoch: 14 records, 10 matched \(9 catalog models\), 4 unmatched, 1 models disagreeing/);
    const j = JSON.parse(cli(['crosscheck', 'ecosystem-graphs', join(FIX, 'ecosystem-graphs'), '--catalog', CAT, '--format', 'json']).stdout);
    expect(j.disagreements.map((d: { model: string; field: string }) => `${d.model}:${d.field}`)).toEqual(
      expect.arrayContaining(['gpt-2:released', 'opt:weights']),
    );
    const hf = JSON.parse(cli(['crosscheck', 'hf', HUB, '--catalog', CAT, '--format', 'json']).stdout);
    expect(hf.matched).toBe(6);
    expect(hf.missing).toContain('meta-llama/Llama-2-70b-hf');
    const bad = cli(['crosscheck', 'nope', 'x', '--catalog', CAT]);
    expect(bad.code).toBe(2);
  });

  it('a catalog entry can record that the catalog is right, and the next crosscheck is quiet', () => {
    const d = tmp();
    const cat = join(d, 'cat');
    cpSync(CAT, cat, { recursive: true });
    const f = join(cat, 'models', 'instructgpt.yaml');
    writeFileSync(f, readFileSync(f, 'utf8') + 'crosscheck:\n  - {source: epoch, field: released, says: 2022-03-04, reason: "2022-03-04 is the arXiv paper; the models were announced and deployed in the API on 2022-01-27"}\n');
    expect(cli(['validate', cat]).code).toBe(0);
    const t = cli(['crosscheck', 'epoch', join(FIX, 'epoch', 'notable_ai_models.csv'), '--catalog', cat]);
    expect(t.stdout).toMatch(/no disagreements/);
    expect(t.stdout).toMatch(/0 models disagreeing \(0 disagreements, 1 acknowledged in the catalog\)/);
  });
});
