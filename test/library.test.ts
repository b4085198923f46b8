import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import * as llmtree from '../src/index.js';
import { ROOT } from './helpers.js';

describe('library API (as in the README)', () => {
  it('loads, filters, lays out, renders and guides from one import', () => {
    const { loadCatalog, filterModels, layoutTree, renderSvg, recommendModels, stats } = llmtree;
    const { catalog, issues, guide } = loadCatalog(join(ROOT, 'catalog'));
    expect(issues).toEqual([]);
    const open = filterModels(catalog, { weights: ['open'], since: '2024' });
    expect(open.length).toBeGreaterThan(20);
    expect(open.every((m) => m.weights === 'open' && m.released >= '2024')).toBe(true);
    const svg = renderSvg(layoutTree(catalog, open, { lang: 'en' }));
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    for (const m of open.slice(0, 10)) expect(svg).toContain(llmtree.xml(m.display?.name ?? m.name).split(' ')[0]);
    const answer = recommendModels(catalog, guide!, { task: 'summarisation', commercial: true, openWeights: true });
    expect(answer.recommended.family).toBe('decoder-only'); // Remark 3: LLMs for summarisation
    expect(answer.flow.path).toMatch(/generation → LLM/);
    expect(answer.candidates.every((c) => c.weights === 'open')).toBe(true);
    expect(stats(catalog, open).models).toBe(open.length);
  });
});
