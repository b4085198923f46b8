import type { Command } from 'commander';
import { commercialUse, licenseCommercial, resolveVariants, formatCount, type Catalog, type Model } from '../catalog/core.js';
import { modelCommand } from './context.js';
import { json, table } from './format.js';
import { paramsText } from './list.js';

export function registerShow(program: Command): void {
  modelCommand(program, 'show', 'everything known about one model, with its parents and children', (catalog, m, format) => {
    const children = (catalog.children.get(m.id) ?? []).map((c) => ({
      model: c.id,
      relation: c.parents.find((p) => p.model === m.id)!.relation,
    }));
    if (format === 'json') {
      const organizations = m.organizations.map((id) => catalog.organizations.get(id));
      const license = m.license ? catalog.licenses.get(m.license) : undefined;
      return void process.stdout.write(json({ ...m, children, organizationDetails: organizations, licenseDetails: license, resolvedVariants: resolveVariants(m) }));
    }
    process.stdout.write(showText(catalog, m, children));
  });
}

function showText(catalog: Catalog, m: Model, children: { model: string; relation: string }[]): string {
  const lic = m.license ? catalog.licenses.get(m.license) : undefined;
  const name = (id: string) => catalog.byId.get(id)?.name ?? id;
  const lines: [string, string | undefined][] = [
    ['id', m.id],
    ['aliases', m.aliases.join(', ') || undefined],
    ['family', m.family + (m.architecture ? ` (${m.architecture})` : '')],
    ['released', m.released],
    ['organizations', m.organizations.map((o) => catalog.organizations.get(o)?.name ?? o).join(', ')],
    ['weights', m.weights],
    ['license', lic ? `${lic.name} (${lic.id})` : m.license],
    ['commercial use', commercialUse(catalog, m) ? `${commercialUse(catalog, m)}${lic?.condition ? `: ${lic.condition}` : ''}` : undefined],
    ['restrictions', lic?.restrictions.join('; ') || undefined],
    ['parameters', paramsText(m) || 'unknown'],
    ['context', m.context ? `${m.context} tokens` : undefined],
    ['tags', m.tags.join(', ') || undefined],
    ['parents', m.parents.map((p) => `${name(p.model)} (${p.model}, ${p.relation})`).join('; ') || undefined],
    ['children', children.map((c) => `${name(c.model)} (${c.model}, ${c.relation})`).join('; ') || undefined],
    ['data', m.data ? m.data.description + (m.data.license ? ` [licence: ${m.data.license}]` : '') : undefined],
    ['paper', m.paper],
    ['hugging face', m.hf.join(', ') || undefined],
    ['sources', m.sources.join('\n' + ' '.repeat(16))],
    ['uncertain', m.uncertain.join(', ') || undefined],
    ['notes', m.notes],
  ];
  const body = lines.filter(([, v]) => v !== undefined).map(([k, v]) => `${(k + ':').padEnd(15)} ${v}`);
  return `${m.name}\n${'='.repeat(m.name.length)}\n${body.join('\n')}\n${variantsTable(catalog, m)}`;
}

/** The entry's variants, every fact inherited, as a table (nothing for an entry without variants). */
function variantsTable(catalog: Catalog, m: Model): string {
  const variants = resolveVariants(m);
  if (variants.every((v) => v.implicit)) return '';
  const headers = ['variant', 'parameters', 'license', 'commercial', 'context', 'modality', 'released', 'weights', 'base', 'hugging face'];
  const rows = variants.map((v) => [
    v.label,
    v.parameters.map((p) => (p.active ? `${formatCount(p.total)} (${formatCount(p.active)} active)` : formatCount(p.total))).join(' '),
    v.license ?? '',
    licenseCommercial(catalog, v.license) ?? 'unknown',
    v.context ? String(v.context) : '',
    v.modality,
    v.released,
    v.weights,
    v.base ?? '',
    v.hf.join(' '),
  ]);
  const notes = variants.filter((v) => v.notes).map((v) => `  ${v.label}: ${v.notes}\n`).join('');
  return `\nvariants:\n${table(headers, rows)}${notes ? `variant notes:\n${notes}` : ''}`;
}
