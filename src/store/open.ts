/** Open a Hub lineage store read-only and extend a catalog with it (the CLI's `--db`). */
import type { Catalog } from '../catalog/core.js';
import { openHubDb } from './hub-db.js';
import { withHub } from './hub-catalog.js';

export function catalogWithHub(catalog: Catalog, file: string): Catalog {
  return withHub(catalog, openHubDb(file, { readonly: true }));
}
