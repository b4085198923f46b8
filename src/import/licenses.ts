/**
 * Licences as sources spell them → catalog licence ids, and the licence-conflict rule for derivatives.
 * Hub licence ids (`llama2`, `apache-2.0`, `other` + `license_name`) and free text ("Apache 2.0",
 * "CC-BY NC 4.0", "Llama 2 Community License") meet in one spelling-insensitive table.
 */

/** Spelling-insensitive key: lower case, letters and digits only, common filler words dropped. */
export function licenseKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/\b(the|licen[cs]e|agreement|community|version|v(?=\d))\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Compact spelling → catalog licence id. */
const TABLE: Record<string, string> = {
  apache20: 'apache-2.0', apache: 'apache-2.0', apache2: 'apache-2.0',
  mit: 'mit', bsd3clause: 'bsd-3-clause', bsd3: 'bsd-3-clause', gpl30: 'gpl-3.0', gpl3: 'gpl-3.0',
  ccby40: 'cc-by-4.0', ccbysa40: 'cc-by-sa-4.0', ccbysa30: 'cc-by-sa-3.0', ccbync40: 'cc-by-nc-4.0',
  ccbyncsa40: 'cc-by-nc-sa-4.0', odcpddl10: 'odc-pddl-1.0',
  openrail: 'openrail-m', openrailm: 'openrail-m', creativemlopenrailm: 'openrail-m',
  bigscienceopenrailm: 'bigscience-openrail-m', bigsciencebloomrail10: 'bigscience-bloom-rail-1.0',
  bloomrail10: 'bigscience-bloom-rail-1.0', bigcodeopenrailm: 'bigcode-openrail-m', bigcodeopenrailm10: 'bigcode-openrail-m',
  llama2: 'llama-2', llama3: 'llama-3', llama31: 'llama-3.1', llama32: 'llama-3.2', llama33: 'llama-3.3', llama4: 'llama-4',
  gemma: 'gemma', gemmatermsofuse: 'gemma', gemmaterms: 'gemma',
  qwen: 'qwen', tongyiqianwen: 'qwen', qwenresearch: 'qwen-research', tongyiqianwenresearch: 'qwen-research',
  deepseek: 'deepseek', deepseekmodel: 'deepseek', yi: 'yi', yilicense: 'yi',
  opt175b: 'opt-175b-noncommercial', opt175bnoncommercial: 'opt-175b-noncommercial',
  mistralresearch: 'mistral-research', mrl: 'mistral-research', mistralainonproduction: 'mistral-non-production',
  mistralnonproduction: 'mistral-non-production', mnpl: 'mistral-non-production',
  falcon180b: 'falcon-180b', tiifalcon: 'tii-falcon', falconllm: 'tii-falcon',
  proprietary: 'proprietary',
};

/** The catalog licence id for a source's licence, or undefined when it maps to none (or is unknown). */
export function normalizeLicense(s: string | undefined, known?: { has(id: string): boolean }): string | undefined {
  if (!s) return undefined;
  const key = licenseKey(s);
  if (!key || key === 'unknown' || key === 'other' || key === 'none') return undefined;
  const id = TABLE[key];
  if (id) return id;
  if (known) {
    // A source that already uses a catalog id (`llama-3.1`, `minicpm`) needs no table entry.
    const direct = s.trim().toLowerCase();
    if (known.has(direct)) return direct;
  }
  return undefined;
}

/** Licences that impose nothing a derivative must keep beyond notices. */
const PERMISSIVE = new Set(['apache-2.0', 'mit', 'bsd-3-clause', 'cc-by-4.0', 'odc-pddl-1.0']);
const PERMISSIVE_HUB = new Set(['afl-3.0', 'bsd', 'bsd-2-clause', 'bsd-3-clause-clear', 'isc', 'unlicense', 'cc0-1.0', 'bsl-1.0', 'zlib', 'wtfpl', 'artistic-2.0', 'ecl-2.0', 'postgresql', 'ncsa', 'pddl', 'cc-by-2.0', 'cc-by-2.5', 'cc-by-3.0']);

export function isPermissive(license: string): boolean {
  return PERMISSIVE.has(license) || PERMISSIVE_HUB.has(license);
}

/**
 * Does a derivative's licence conflict with its base's? A base under a permissive licence allows any
 * licence; any other base (custom, copyleft, non-commercial, RAIL use restrictions) passes its terms
 * on, so a derivative claiming a different licence that is permissive, or that allows commercial use
 * when the base does not, is flagged. Unknown licences are never flagged.
 */
export function licenseConflict(
  base: string | undefined,
  derivative: string | undefined,
  commercial: (id: string) => 'yes' | 'no' | 'conditional' | undefined,
): string | undefined {
  if (!base || !derivative || base === derivative || isPermissive(base)) return undefined;
  if (isPermissive(derivative)) return `${derivative} on a derivative of a ${base} model (the base licence's terms pass to derivatives)`;
  if (commercial(base) === 'no' && commercial(derivative) && commercial(derivative) !== 'no') {
    return `${derivative} allows commercial use but the ${base} base does not`;
  }
  return undefined;
}
