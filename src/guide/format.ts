/** A guide answer as plain text, in the answer's language. */
import { formatCount } from '../catalog/core.js';
import type { GuideAnswer, Excluded } from './guide.js';
import { activeConstraints } from './constraints.js';
import { formatBytes } from './memory.js';
import { msg, familyName } from './messages.js';

export function formatGuideText(a: GuideAnswer): string {
  const L = a.lang;
  const out: string[] = [];
  const sign = (p: number) => (p > 0 ? `+${p}` : String(p));
  out.push(`${msg('task', L)}: ${a.task.name} (${a.task.id}) — ${a.task.summary}`);
  out.push(`${msg('constraints', L)}: ${constraintText(a) || msg('none', L)}`);
  out.push('');
  const r = a.recommended;
  out.push(`${msg('recommended', L)}: ${familyName(r.family, L)}${r.when ? ` — ${msg('when', L)} ${r.when}` : ''}`);
  for (const x of r.reasons) out.push(`  • ${x}`);
  out.push(`  ${msg('mechanism', L)}: ${r.mechanism}`);
  out.push(`  ${msg('strengths', L)}:`);
  for (const x of r.strengths) out.push(`    + ${x}`);
  out.push(`  ${msg('limits', L)}:`);
  for (const x of r.limits) out.push(`    − ${x}`);
  out.push(`  ${msg('cost', L)}:`);
  out.push(`    ${msg('training', L)}: ${r.cost.training}`);
  out.push(`    ${msg('finetuning', L)}: ${r.cost.finetuning}`);
  out.push(`    ${msg('inference', L)}: ${r.cost.inference}`);
  for (const alt of a.alternatives) {
    out.push(`${msg('alternative', L)}: ${familyName(alt.family, L)}${alt.when ? ` — ${msg('when', L)} ${alt.when}` : ''}`);
    for (const x of alt.reasons) out.push(`  • ${x}`);
  }
  if (a.caveats.length) {
    out.push(`${msg('caveats', L)}:`);
    for (const x of a.caveats) out.push(`  ! ${x}`);
  }
  if (a.memoryRule) out.push(`${msg('memoryRule', L)}: ${a.memoryRule}`);
  out.push('');
  out.push(msg('suitable', L, { n: a.satisfying, total: a.suitable }));
  for (const fam of [a.recommended, ...a.alternatives]) {
    const list = a.candidates.filter((c) => c.family === fam.family);
    out.push('');
    out.push(msg('candidatesOf', L, { family: familyName(fam.family, L), fit: msg(fam.fit === 'primary' ? 'primary' : 'alternativeFit', L) }));
    if (!list.length) out.push(`  (${msg('noCandidatesFamily', L, { family: fam.family })})`);
    for (const c of list) {
      const facts = [c.released, c.weights, c.license ?? '', c.size ?? '', c.context ? `${contextText(c.context)} ctx` : ''].filter(Boolean).join(', ');
      out.push(`  ${c.rank}. ${c.name} [${c.id}] — ${msg('score', L)} ${c.score} (${facts})`);
      for (const k of c.components) out.push(`       ${sign(k.points).padStart(5)}  ${k.factor}: ${k.note}`);
    }
  }
  if (a.empty) {
    out.push('');
    out.push(a.empty.message);
    for (const b of a.empty.byConstraint) out.push(`  - ${b.message}`);
    if (a.empty.nearMisses.length) {
      out.push(`${msg('nearMisses', L)}:`);
      out.push(...a.empty.nearMisses.map(excludedLine));
    }
  }
  if (a.excluded) {
    out.push('');
    out.push(`${msg('excluded', L)}:`);
    if (!a.excluded.length) out.push(`  (${msg('none', L)})`);
    out.push(...a.excluded.map(excludedLine));
  } else if (activeConstraints(a.constraints).length) {
    out.push('');
    out.push(msg('moreWithExplain', L));
  }
  out.push('');
  out.push(`${msg('sources', L)}:`);
  for (const s of a.sources) out.push(`  [${s.id}] ${s.title} — ${s.url}`);
  return out.join('\n') + '\n';
}

function excludedLine(e: Excluded): string {
  return `  ✗ ${e.name} [${e.id}] — ${e.failed.map((f) => `${f.constraint === 'task' ? 'task' : `--${f.constraint}`}: ${f.message}`).join('; ')}`;
}

export function constraintText(a: GuideAnswer): string {
  const c = a.constraints;
  const parts: string[] = [];
  if (c.commercial) parts.push(c.commercial === 'unconditional' ? '--commercial unconditional' : '--commercial');
  if (c.openWeights) parts.push('--open-weights');
  if (c.maxParams !== undefined) parts.push(`--max-params ${formatCount(c.maxParams)}`);
  if (c.minContext !== undefined) parts.push(`--min-context ${c.minContext}`);
  if (c.since !== undefined) parts.push(`--since ${c.since}`);
  if (c.gpuMemory !== undefined) parts.push(`--gpu-memory ${formatBytes(c.gpuMemory)} --precision ${c.precision}`);
  return parts.join(' ');
}

/** 131072 → "128K", 200000 → "200K", 512 → "512". */
export function contextText(n: number): string {
  if (n < 1000) return String(n);
  const k = n % 1024 === 0 ? n / 1024 : n / 1000;
  return `${+k.toFixed(1)}K`;
}
