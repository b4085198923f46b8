import { describe, it, expect } from 'vitest';
import { loadCatalog } from '../src/catalog/index.js';
import { freshness, lineageRoot, monthsBefore } from '../src/graph/index.js';
import { MINI, cli, fixture, readFixture } from './helpers.js';

const { catalog } = loadCatalog(MINI);

describe('monthsBefore', () => {
  it('steps back whole calendar months, across years, clamping to the month end', () => {
    expect(monthsBefore('2026-12-01', 6)).toBe('2026-06-01');
    expect(monthsBefore('2026-01-15', 6)).toBe('2025-07-15');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2024-05-31', 0)).toBe('2024-05-31');
  });
});

describe('freshness', () => {
  const f = freshness(catalog, { today: '2023-06-01', months: 6 });
  const org = (id: string) => f.organizations.find((r) => r.org === id)!;

  it('gives each organisation its newest model and flags those with nothing since the cut-off', () => {
    expect(f.cutoff).toBe('2022-12-01');
    expect(org('google')).toMatchObject({ models: 4, newest: { id: 'flan-t5', released: '2022-10-20' }, stale: true });
    expect(org('openai')).toMatchObject({ models: 2, newest: { id: 'instructgpt' }, stale: true });
    expect(org('meta')).toMatchObject({ models: 1, newest: { id: 'llama' }, stale: false });
    expect(org('stanford').stale).toBe(false);
  });

  it('lists organisations oldest newest-release first', () => {
    expect(f.organizations.map((r) => r.org)).toEqual(['openai', 'google', 'meta', 'stanford', 'cmu']);
  });

  it('follows only same-lab parent edges to a lineage root', () => {
    expect(lineageRoot(catalog, catalog.byId.get('instructgpt')!).id).toBe('gpt-3');
    expect(lineageRoot(catalog, catalog.byId.get('flan-t5')!).id).toBe('t5');
    // Alpaca (Stanford) is a fine-tune of Meta's LLaMA: a lineage of its own, not Meta's.
    expect(lineageRoot(catalog, catalog.byId.get('alpaca')!).id).toBe('alpaca');
  });

  it('reports lineages of at least two models with their newest member', () => {
    expect(f.lineages.map((r) => [r.root, r.models, r.newest.id, r.stale])).toEqual([
      ['gpt-3', 2, 'instructgpt', true],
      ['t5', 2, 'flan-t5', true],
    ]);
    expect(freshness(catalog, { today: '2023-06-01', minLineage: 1 }).lineages).toHaveLength(7);
  });

  it('flags an organisation with no model at all, listing it first', () => {
    const dir = fixture({
      'organizations.yaml': readFixture('organizations.yaml') + '  - {id: idle-lab, name: Idle Lab, kind: company, country: US}\n',
    });
    const g = freshness(loadCatalog(dir).catalog, { today: '2023-06-01' });
    expect(g.organizations[0]).toEqual({ org: 'idle-lab', name: 'Idle Lab', models: 0, stale: true });
  });
});

describe('llmtree freshness', () => {
  it('prints JSON for a fixed day and month window', () => {
    const r = cli(['freshness', '--catalog', MINI, '--today', '2023-06-01', '--months', '3', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.cutoff).toBe('2023-03-01');
    expect(out.organizations.find((o: { org: string }) => o.org === 'meta').stale).toBe(true);
  });

  it('keeps only flagged rows with --stale-only, in the table', () => {
    const r = cli(['freshness', '--catalog', MINI, '--today', '2023-06-01', '--stale-only']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('STALE');
    expect(r.stdout).not.toMatch(/^stanford /m);
    expect(r.stdout).toMatch(/^google /m);
  });

  it('refuses a bad --months or --today with exit code 2', () => {
    expect(cli(['freshness', '--catalog', MINI, '--months', 'six']).code).toBe(2);
    const r = cli(['freshness', '--catalog', MINI, '--today', '2023-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--today');
  });
});
