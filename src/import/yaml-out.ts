/** A model entry as YAML, in the catalog's own style (flow maps for sizes and parents). */
import { formatCount, type Model } from '../catalog/core.js';

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 .,()+_/'%&=?:#~-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A scalar: plain when YAML reads it back as the same string, else double-quoted (JSON escapes are YAML's). */
export function scalar(s: string): string {
  if (PLAIN.test(s) && !RESERVED.test(s) && !/^[\d.+-]+$/.test(s) && !/^\d{4}-\d\d/.test(s) && !/\s$/.test(s) && !/ #|: /.test(s)) return s;
  return JSON.stringify(s);
}

const list = (xs: string[]) => `[${xs.map(scalar).join(', ')}]`;

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** "7B" when the catalog reads that back as exactly `n` (66.6B would read as 66599999999.99999), else the number. */
export function count(n: number): string {
  const s = formatCount(n);
  const m = /^(\d+(?:\.\d+)?)([KMBT])$/.exec(s);
  return m && Number(m[1]) * SUFFIX[m[2]] === n ? s : String(n);
}

export function modelYaml(m: Model): string {
  const out: string[] = [];
  const put = (k: string, v: string) => out.push(`${k}: ${v}`);
  put('id', m.id);
  put('name', scalar(m.name));
  if (m.aliases.length) put('aliases', list(m.aliases));
  put('family', m.family);
  if (m.architecture) put('architecture', scalar(m.architecture));
  put('released', m.released);
  put('organizations', list(m.organizations));
  put('weights', m.weights);
  if (m.license) put('license', m.license);
  if (m.parameters.length) {
    out.push('parameters:');
    for (const p of m.parameters) {
      const parts = [`total: ${count(p.total)}`];
      if (p.active) parts.push(`active: ${count(p.active)}`);
      if (p.label) parts.push(`label: ${scalar(p.label)}`);
      out.push(`  - {${parts.join(', ')}}`);
    }
  }
  if (m.context) put('context', String(m.context));
  if (m.parents.length) {
    out.push('parents:');
    for (const p of m.parents) out.push(`  - {model: ${p.model}, relation: ${p.relation}${p.note ? `, note: ${JSON.stringify(p.note)}` : ''}}`);
  }
  if (m.tags.length) put('tags', list(m.tags));
  out.push('sources:');
  for (const s of m.sources) out.push(`  - ${scalar(s)}`);
  if (m.hf.length) put('hf', list(m.hf));
  if (m.uncertain.length) put('uncertain', list(m.uncertain));
  if (m.notes) put('notes', JSON.stringify(m.notes));
  return out.join('\n') + '\n';
}
