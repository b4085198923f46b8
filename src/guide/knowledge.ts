/** Looking things up in the knowledge base (catalog/guide.yaml; schema in src/catalog/guide-schema.ts). */
import { suggest } from '../catalog/core.js';
import { taskKey } from '../catalog/guide-constants.js';
import type { Guide, TaskGuide, FamilyGuide } from '../catalog/guide-schema.js';
import type { Family } from '../catalog/core.js';

export class UnknownTaskError extends Error {
  constructor(
    readonly query: string,
    readonly known: { id: string; name: string }[],
    readonly suggestions: string[],
  ) {
    const did = suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?)` : '';
    super(`unknown task "${query}"${did}; known tasks:\n${known.map((k) => `  ${k.id.padEnd(16)} ${k.name}`).join('\n')}`);
    this.name = 'UnknownTaskError';
  }
}

/** A task by id, English or Chinese name, or alias, in any spelling ("NER", "named entity recognition", "翻译"). */
export function findTask(guide: Guide, query: string): TaskGuide {
  const k = taskKey(query);
  const hit = guide.tasks.find((t) => [t.id, t.name.en, t.name.zh, ...t.aliases].some((n) => taskKey(n) === k));
  if (hit) return hit;
  const names = guide.tasks.flatMap((t) => [t.id, ...t.aliases]);
  const ids = [...new Set(suggest(query, names, 6).map((n) => guide.tasks.find((t) => t.id === n || t.aliases.includes(n))!.id))];
  throw new UnknownTaskError(query, taskList(guide), ids.slice(0, 3));
}

export function taskList(guide: Guide): { id: string; name: string }[] {
  return guide.tasks.map((t) => ({ id: t.id, name: t.name.en }));
}

export function familyGuide(guide: Guide, family: Family): FamilyGuide | undefined {
  return guide.families.find((f) => f.family === family);
}
