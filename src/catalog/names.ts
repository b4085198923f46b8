/** Spelling-insensitive form of a model name: "Flan-T5", "FLAN T5" and "flan_t5" are one name. */
export function normalizeName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s_\-.·/]+/g, '');
}
