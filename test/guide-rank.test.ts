import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/index.js';
import { recommendModels, TUNING_TAGS } from '../src/guide/index.js';
import { ROOT } from './helpers.js';

const { catalog, guide } = loadCatalog(join(ROOT, 'catalog'));

describe('guide ranking: tuning tags', () => {
  it('counts at most one of chat, instruct and dialogue for a model', () => {
    const answer = recommendModels(catalog, guide!, { task: 'dialogue', limit: 30 });
    expect(answer.candidates.length).toBeGreaterThan(10);
    for (const c of answer.candidates) {
      const tuning = c.components.filter((x) => x.factor === 'tag' && TUNING_TAGS.has(x.note as never));
      expect(tuning.length, c.id).toBeLessThanOrEqual(1);
    }
    const both = catalog.models.filter((m) => m.tags.includes('chat') && m.tags.includes('instruct')).map((m) => m.id);
    expect(both.length).toBeGreaterThan(0);
  });
});
