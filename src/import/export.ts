/** Catalog entries back to source records (the inverse of `--into`), for round trips and exports. */
import type { Catalog, Model } from '../catalog/core.js';
import type { Source, SourceRecord } from './types.js';

export function modelRecord(m: Model, catalog: Catalog, source: Source = 'epoch'): SourceRecord {
  return {
    source,
    key: m.name,
    name: m.name,
    organizations: m.organizations.map((o) => catalog.organizations.get(o)?.name ?? o),
    released: m.released,
    weights: m.weights,
    parameters: m.parameters.length ? m.parameters.map((p) => p.total) : undefined,
    license: m.license,
    licenseText: m.license,
    hf: m.hf.length ? m.hf : undefined,
    bases: m.parents.length ? m.parents.map((p) => p.model) : undefined,
    context: m.context,
    url: m.sources[0],
    where: `${m.id}.yaml`,
  };
}
