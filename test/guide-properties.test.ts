/**
 * Properties of the guide over random queries (fast-check): whatever the task and constraints, every
 * candidate's chosen variant satisfies every constraint, restated here independently of the code.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { loadCatalog, earliest, latest } from '../src/catalog/index.js';
import { recommendModels, PRECISIONS, type GuideRequest } from '../src/guide/index.js';
import type { Guide } from '../src/catalog/guide-schema.js';
import { ROOT } from './helpers.js';

const { catalog, guide } = loadCatalog(join(ROOT, 'catalog'));
const kb = guide as Guide;
const TASKS = kb.tasks.map((t) => t.id);

const request: fc.Arbitrary<GuideRequest> = fc.record(
  {
    task: fc.constantFrom(...TASKS),
    commercial: fc.constantFrom<GuideRequest['commercial']>(true, 'unconditional', ['yes'], ['conditional'], ['no'], ['yes', 'conditional']),
    openWeights: fc.boolean(),
    deploy: fc.constantFrom<GuideRequest['deploy']>('api', 'self-host', 'any'),
    maxParams: fc.constantFrom(300e6, 1e9, 8e9, 40e9, 120e9),
    minContext: fc.constantFrom(2048, 8192, 32768, 131072),
    since: fc.constantFrom('2019', '2023', '2024-06', '2025'),
    gpuMemory: fc.constantFrom(8e9, 16e9, 24e9, 48e9, 80e9),
    gpus: fc.integer({ min: 1, max: 8 }),
    precision: fc.constantFrom(...PRECISIONS),
    finetune: fc.constantFrom<GuideRequest['finetune']>('full', 'lora', 'qlora'),
    budget: fc.constantFrom(0.5, 2, 10),
    labels: fc.constantFrom<GuideRequest['labels']>('none', 'few', 200, 5000, 100_000),
    ood: fc.boolean(),
    latency: fc.constantFrom(50, 500, 5000),
    modality: fc.constantFrom<GuideRequest['modality']>(['text'], ['text', 'omni'], ['code'], ['vision-language']),
  },
  { requiredKeys: ['task'] },
);

describe('guide properties', () => {
  it('no candidate ever violates a constraint (licence, weights, deployment, parameters, context, date, modality, memory, price)', () => {
    fc.assert(
      fc.property(request, (r) => {
        const a = recommendModels(catalog, kb, { ...r, limit: 12 });
        const task = kb.tasks.find((t) => t.id === r.task)!;
        const allowed = r.modality ?? task.modalities;
        for (const c of a.candidates) {
          const lic = c.license ? catalog.licenses.get(c.license)?.commercial : undefined;
          if (r.commercial) {
            const ok = r.commercial === true ? ['yes', 'conditional'] : r.commercial === 'unconditional' ? ['yes'] : r.commercial;
            expect(ok, `${c.id} licence`).toContain(lic);
          }
          if (r.openWeights) expect(c.weights).toBe('open');
          if (r.deploy === 'self-host') expect(c.weights).not.toBe('closed');
          if (r.deploy === 'api') expect(c.weights === 'closed' || c.price !== undefined).toBe(true);
          if (r.maxParams !== undefined) expect(c.parameters ?? Infinity).toBeLessThanOrEqual(r.maxParams);
          if (r.minContext !== undefined) expect(c.context ?? 0).toBeGreaterThanOrEqual(r.minContext);
          if (r.since !== undefined) expect(latest(c.released) >= earliest(r.since)).toBe(true);
          expect(c.serves.some((x) => allowed.includes(x)), `${c.id} serves ${c.serves}`).toBe(true);
          if (r.gpuMemory !== undefined) {
            expect(c.weights).not.toBe('closed');
            expect(c.memory, c.id).toBeDefined();
            expect(c.memory!.total).toBeLessThanOrEqual(r.gpuMemory * (r.gpus ?? 1) * 0.9);
            const parts = c.memory!.weights + c.memory!.kvCache + c.memory!.training + c.memory!.overhead;
            expect(c.memory!.total).toBeCloseTo(parts, 0);
          }
          if (r.budget !== undefined && c.price) expect((3 * c.price.input + c.price.output) / 4).toBeLessThanOrEqual(r.budget);
          if (r.budget !== undefined && !c.price) expect(c.weights).not.toBe('closed');
          // The score is the sum of its listed components.
          expect(c.score).toBeCloseTo(c.components.reduce((s, x) => s + x.points, 0), 0);
        }
      }),
      { numRuns: Number(process.env.LLMTREE_GUIDE_RUNS ?? 150), seed: 20261201 },
    );
  });

  it('answers are deterministic', () => {
    fc.assert(
      fc.property(request, (r) => {
        expect(recommendModels(catalog, kb, r)).toEqual(recommendModels(catalog, kb, r));
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
