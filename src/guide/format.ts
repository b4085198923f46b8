/** A guide answer as plain text, in the answer's language. */
import { formatCount } from '../catalog/core.js';
import type { GuideAnswer, Excluded, Candidate } from './guide.js';
import { activeConstraints, commercialSet } from './constraints.js';
import { formatBytes } from './memory.js';
import { msg, familyName, factorName, type Lang } from './messages.js';

export function formatGuideText(a: GuideAnswer): string {
  const L = a.lang;
  const out: string[] = [];
  out.push(`${msg('task', L)}: ${a.task.name} (${a.task.id}) — ${a.task.summary}`);
  out.push(`${msg('constraints', L)}: ${constraintText(a) || msg('none', L)}`);
  out.push('');
  out.push(...flowLines(a));
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
  if (a.shortfall) out.push(`! ${a.shortfall.message}`);
  if (a.caveats.length || a.notes.length) {
    out.push(`${msg('caveats', L)}:`);
    for (const x of [...a.notes, ...a.caveats]) out.push(`  ! ${x}`);
  }
  if (a.memoryRule) out.push(`${msg('memoryRule', L)}: ${a.memoryRule}`);
  out.push('');
  out.push(msg('suitable', L, { n: a.satisfying, total: a.suitable }));
  for (const fam of [a.recommended, ...a.alternatives]) {
    const list = a.candidates.filter((c) => c.family === fam.family);
    out.push('');
    out.push(msg('candidatesOf', L, { family: familyName(fam.family, L), fit: msg(fam.fit === 'primary' ? 'primary' : 'alternativeFit', L) }));
    if (!list.length) out.push(`  (${msg('noCandidatesFamily', L, { family: fam.family })})`);
    for (const c of list) out.push(...candidateLines(c, L));
  }
  if (a.empty) {
    out.push('');
    out.push(a.empty.message);
    for (const b of a.empty.byConstraint) out.push(`  - ${b.message}`);
    if (a.empty.nearMisses.length) {
      out.push(`${msg('nearMisses', L)}:`);
      out.push(...a.empty.nearMisses.map((e) => excludedLine(e, L)));
    }
  }
  if (a.excluded) {
    out.push('');
    out.push(`${msg('excluded', L)}:`);
    if (!a.excluded.length) out.push(`  (${msg('none', L)})`);
    out.push(...a.excluded.map((e) => excludedLine(e, L)));
  } else if (activeConstraints(a.constraints).length && a.satisfying < a.suitable) {
    out.push('');
    out.push(msg('moreWithExplain', L));
  }
  out.push('');
  out.push(`${msg('sources', L)}:`);
  for (const s of a.sources) out.push(`  [${s.id}] ${s.title} — ${s.url}`);
  return out.join('\n') + '\n';
}

function flowLines(a: GuideAnswer): string[] {
  const L = a.lang;
  const by = { you: msg('byYou', L), task: msg('byTask', L), assumed: msg('byAssumed', L) };
  const out = [`${msg('flow', L)}:`];
  a.flow.steps.forEach((s, i) => {
    const leads = s.leads === 'next' ? msg('next', L) : msg(s.leads === 'llm' ? 'outcomeLlm' : s.leads === 'fine-tuned' ? 'outcomeFineTuned' : 'outcomeNone', L);
    out.push(`  ${i + 1}. ${s.question} ${msg(s.answer ? 'yes' : 'no', L)} (${by[s.by]}) → ${leads}`);
    if (s.leads !== 'next' || s.by !== 'assumed') out.push(`     ${s.remark.ref}: ${s.remark.text}`);
  });
  out.push(`${msg('path', L)}: ${a.flow.path}`);
  out.push(`${msg('modelClass', L)}: ${a.modelClass}`);
  return out;
}

function candidateLines(c: Candidate, L: Lang): string[] {
  const sign = (p: number) => (p > 0 ? `+${p}` : String(p));
  const ctx = L === 'zh' ? '上下文' : 'ctx';
  const facts = [c.released, c.weights, c.license ?? '', c.size ?? '', c.context ? `${contextText(c.context)} ${ctx}` : ''].filter(Boolean).join(', ');
  const cls = msg(c.modelClass === 'hosted-llm' ? 'classHostedShort' : c.modelClass === 'open-llm' ? 'classOpenShort' : 'classFineTunedShort', L);
  const out = [`  ${c.rank}. ${c.name} [${c.id}] — ${msg('score', L)} ${c.score} (${facts}; ${msg('classLabel', L)}: ${cls})`];
  for (const k of c.components) out.push(`       ${sign(k.points).padStart(5)}  ${factorName(k.factor, L)}: ${k.note}`);
  if (c.price) out.push(`       ${msg('price', L)}: ${msg('perMillion', L, { input: c.price.input, output: c.price.output, date: c.price.date })}`);
  if (c.memory) for (const step of c.memory.steps) out.push(`       ${msg('memory', L)}: ${step}`);
  return out;
}

function excludedLine(e: Excluded, L: Lang): string {
  return `  ✗ ${e.name} [${e.id}] — ${e.failed.map((f) => `${f.constraint === 'task' ? msg('task', L) : `--${f.constraint}`}: ${f.message}`).join('; ')}`;
}

export function constraintText(a: GuideAnswer): string {
  const c = a.constraints;
  const s = a.situation;
  const parts: string[] = [];
  const com = commercialSet(c.commercial);
  if (com) parts.push(`--commercial ${com.join(',')}`);
  if (c.openWeights) parts.push('--open-weights');
  if (c.deploy) parts.push(`--deploy ${c.deploy}`);
  if (c.modality) parts.push(`--modality ${c.modality.join(',')}`);
  if (c.language) parts.push(`--language ${c.language}`);
  if (c.maxParams !== undefined) parts.push(`--max-params ${formatCount(c.maxParams)}`);
  if (c.minContext !== undefined) parts.push(`--min-context ${c.minContext}`);
  if (c.since !== undefined) parts.push(`--since ${c.since}`);
  if (c.budget !== undefined) parts.push(`--budget ${c.budget}`);
  if (c.gpuMemory !== undefined) parts.push(`--gpu-memory ${formatBytes(c.gpuMemory)}${c.gpus && c.gpus > 1 ? ` --gpus ${c.gpus}` : ''}${c.precision ? ` --precision ${c.precision}` : ''}`);
  if (c.finetune) parts.push(`--finetune ${c.finetune}`);
  if (s.labels !== undefined) parts.push(`--labels ${s.labels}`);
  if (s.ood) parts.push('--ood');
  if (s.needsKnowledge) parts.push('--needs-knowledge');
  if (s.retrieval) parts.push('--retrieval');
  if (s.tasks !== undefined) parts.push(`--tasks ${s.tasks}`);
  if (s.latency !== undefined) parts.push(`--latency ${s.latency}`);
  if (s.domain) parts.push(`--domain ${s.domain}`);
  return parts.join(' ');
}

/** 131072 → "128K", 200000 → "200K", 512 → "512". */
export function contextText(n: number): string {
  if (n < 1000) return String(n);
  const k = n % 1024 === 0 ? n / 1024 : n / 1000;
  return `${+k.toFixed(1)}K`;
}
