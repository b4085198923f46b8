/** Organisation names as sources write them → catalog organisation ids. */
import { normalizeName, type Catalog } from '../catalog/core.js';

/** Spellings the sources use that the catalog's names do not reveal. */
const ALIASES: Record<string, string> = {
  facebook: 'meta', facebookai: 'meta', facebookairesearch: 'meta', fair: 'meta', metaaifair: 'meta', metallama: 'meta', metaplatforms: 'meta',
  googlebrain: 'google', googleresearch: 'google', googleai: 'google', googlebert: 'google', googlet5: 'google',
  mistral: 'mistral-ai', mistralai: 'mistral-ai', alibabacloud: 'alibaba', qwen: 'alibaba', qwenteam: 'alibaba', alibabagroup: 'alibaba',
  thudm: 'tsinghua', zhipuai: 'zhipu', zai: 'zhipu', zaiorg: 'zhipu', ai2: 'allenai', allenai: 'allenai', allenaiinstituteforai: 'allenai',
  tiiuae: 'tii', deepseekai: 'deepseek', '01ai': '01-ai', moonshotai: 'moonshot', microsoftresearch: 'microsoft',
  nvidiacorporation: 'nvidia', openaicommunity: 'openai', bigsciencebloom: 'bigscience', eleuther: 'eleutherai',
  anthropicpbc: 'anthropic', xaicorp: 'xai', amazonwebservices: 'amazon', aws: 'amazon', ibmresearch: 'ibm',
  stabilityai: 'stability-ai', huggingfaceh4: 'huggingface', huggingfacetb: 'huggingface', salesforceresearch: 'salesforce',
  berkeley: 'uc-berkeley', ucberkeley: 'uc-berkeley', rwkv: 'rwkv-foundation', uaetechnologyinnovationinstitute: 'tii',
  cohereforai: 'cohere', coherelabs: 'cohere', ai21labs: 'ai21', togethercomputer: 'together-ai',
};

/** Organisations that are one lab for the purpose of a cross-check (Google Brain and DeepMind merged in 2023). */
const GROUPS: string[][] = [['google', 'deepmind', 'google-deepmind']];

const key = (s: string) => normalizeName(s.replace(/\([^)]*\)/g, ' ')).replace(/[^a-z0-9]/g, '');
const strip = (k: string) => k.replace(/(inc|ltd|llc|corp|corporation|labs?|research|team|ai)+$/, '');

export class OrgIndex {
  private readonly byKey = new Map<string, string>();
  constructor(catalog: Catalog) {
    for (const o of catalog.organizations.values()) {
      for (const k of [key(o.id), key(o.name), strip(key(o.name)), strip(key(o.id))]) if (k && !this.byKey.has(k)) this.byKey.set(k, o.id);
    }
    for (const [k, id] of Object.entries(ALIASES)) if (catalog.organizations.has(id)) this.byKey.set(k, id);
  }

  /** The catalog organisation a source name refers to, if any. */
  resolve(name: string): string | undefined {
    const k = key(name);
    const found = this.byKey.get(k) ?? this.byKey.get(strip(k));
    if (found) return found;
    // "Meta AI (Facebook AI Research)", "Google DeepMind, Google Research": try the parenthesis and the parts.
    const inner = /\(([^)]+)\)/.exec(name)?.[1];
    const fromInner = inner ? this.byKey.get(key(inner)) ?? this.byKey.get(strip(key(inner))) : undefined;
    if (fromInner) return fromInner;
    // "UAE Technology Innovation Institute": a catalog organisation's full name inside the source's.
    for (const [k2, id] of this.byKey) if (k2.length >= 12 && k.includes(k2)) return id;
    return undefined;
  }

  /** Whether any source organisation is one of the model's (allowing merged labs). */
  agrees(sourceOrgs: string[], modelOrgs: string[]): boolean {
    const mine = new Set(modelOrgs.flatMap((o) => GROUPS.find((g) => g.includes(o)) ?? [o]));
    return sourceOrgs.some((s) => {
      const id = this.resolve(s);
      return id !== undefined && mine.has(id);
    });
  }

  /** Whether every source organisation resolves (otherwise disagreement cannot be judged). */
  known(sourceOrgs: string[]): boolean {
    return sourceOrgs.length > 0 && sourceOrgs.some((s) => this.resolve(s) !== undefined);
  }
}
