/** The model-choice guide as a panel: the same recommendModels as `llmtree guide`, run in the page. */
import { recommendModels, parseMemory, PRECISIONS, DOMAINS, type Guide, type GuideRequest, type GuideAnswer } from '../../src/guide/index.js';
import { parseCount, parseDateBound, type Catalog } from '../../src/catalog/core.js';
import type { GuideState } from './state.js';
import { STRINGS, type Lang } from './i18n.js';
import { h, clear, link } from './dom.js';

export function fillGuideForm(guide: Guide, g: GuideState, lang: Lang): void {
  const task = document.getElementById('g-task') as HTMLSelectElement;
  clear(task);
  for (const t of guide.tasks) task.append(h('option', { value: t.id }, t.name[lang]));
  task.value = g.task && guide.tasks.some((t) => t.id === g.task) ? g.task : guide.tasks[0].id;
  const prec = document.getElementById('g-prec') as HTMLSelectElement;
  if (!prec.options.length) for (const p of PRECISIONS) prec.append(h('option', { value: p }, p));
  prec.value = g.prec && (PRECISIONS as readonly string[]).includes(g.prec) ? g.prec : 'fp16';
  const domain = document.getElementById('g-domain') as HTMLSelectElement;
  if (domain.options.length === 1) for (const d of DOMAINS) domain.append(h('option', { value: d }, d));
  domain.value = g.domain && (DOMAINS as readonly string[]).includes(g.domain) ? g.domain : '';
  (document.getElementById('g-ood') as HTMLInputElement).checked = !!g.ood;
  (document.getElementById('g-know') as HTMLInputElement).checked = !!g.know;
  (document.getElementById('g-labels') as HTMLInputElement).value = g.labels ?? '';
  (document.getElementById('g-commercial') as HTMLSelectElement).value = g.commercial ?? '';
  (document.getElementById('g-open') as HTMLInputElement).checked = !!g.open;
  for (const [id, v] of [['g-max', g.max], ['g-ctx', g.ctx], ['g-since', g.since], ['g-gpu', g.gpu]] as const) (document.getElementById(id) as HTMLInputElement).value = v ?? '';
}

export function readGuideForm(): GuideState {
  const v = (id: string) => (document.getElementById(id) as HTMLInputElement).value.trim() || undefined;
  return {
    task: v('g-task'),
    commercial: (v('g-commercial') as GuideState['commercial']) ?? undefined,
    open: (document.getElementById('g-open') as HTMLInputElement).checked || undefined,
    max: v('g-max'),
    ctx: v('g-ctx'),
    since: v('g-since'),
    gpu: v('g-gpu'),
    prec: v('g-prec'),
    labels: v('g-labels'),
    ood: (document.getElementById('g-ood') as HTMLInputElement).checked || undefined,
    know: (document.getElementById('g-know') as HTMLInputElement).checked || undefined,
    domain: v('g-domain'),
  };
}

/** The request `llmtree guide` would build from the same flags; fields it cannot read are reported. */
export function guideRequest(g: GuideState, lang: Lang): { request: GuideRequest; bad: string[] } {
  const bad: string[] = [];
  const r: GuideRequest = { task: g.task ?? '', lang, precision: (g.prec as GuideRequest['precision']) ?? 'fp16', limit: 8 };
  if (g.commercial) r.commercial = g.commercial === 'unconditional' ? 'unconditional' : true;
  if (g.open) r.openWeights = true;
  const num = (v: string | undefined, id: string, parse: (s: string) => number | null) => {
    if (!v) return undefined;
    const n = parse(v);
    if (n === null || n <= 0) bad.push(id);
    return n ?? undefined;
  };
  r.maxParams = num(g.max, 'g-max', parseCount);
  r.minContext = num(g.ctx, 'g-ctx', parseCount);
  r.gpuMemory = num(g.gpu, 'g-gpu', parseMemory);
  if (g.since) {
    if (parseDateBound(g.since)) r.since = g.since;
    else bad.push('g-since');
  }
  // As `llmtree guide --labels`: none, few, or a whole number (0 means none).
  if (g.labels) {
    const l = g.labels.trim().toLowerCase();
    const n = l === 'none' || l === 'few' ? null : parseCount(l);
    if (l === 'none' || l === '0') r.labels = 'none';
    else if (l === 'few') r.labels = 'few';
    else if (n !== null && n >= 0 && Number.isInteger(n)) r.labels = n;
    else bad.push('g-labels');
  }
  if (g.ood) r.ood = true;
  if (g.know) r.needsKnowledge = true;
  if (g.domain && (DOMAINS as readonly string[]).includes(g.domain)) r.domain = g.domain as GuideRequest['domain'];
  return { request: r, bad };
}

export function runGuide(catalog: Catalog, guide: Guide, g: GuideState, lang: Lang, out: HTMLElement, go: (id: string) => void): GuideAnswer | undefined {
  const s = STRINGS[lang];
  const { request, bad } = guideRequest(g, lang);
  for (const id of ['g-max', 'g-ctx', 'g-gpu', 'g-since', 'g-labels']) document.getElementById(id)!.setAttribute('aria-invalid', String(bad.includes(id)));
  clear(out);
  if (bad.length) {
    out.append(h('p', { class: 'note' }, s.badInput));
    return undefined;
  }
  let a: GuideAnswer;
  try {
    a = recommendModels(catalog, guide, request);
  } catch (e) {
    out.append(h('p', { class: 'note' }, (e as Error).message));
    return undefined;
  }
  out.append(
    h('h3', {}, s.recommended),
    h('p', { class: 'rec' }, h('strong', {}, a.recommended.family), a.recommended.when ? ` — ${a.recommended.when}` : ''),
    h('p', {}, a.recommended.mechanism),
    h('ul', {}, ...a.recommended.reasons.map((r) => h('li', {}, r))),
  );
  if (a.alternatives.length) out.append(h('p', {}, `+ ${a.alternatives.map((x) => x.family).join(', ')}`));
  out.append(h('h3', {}, s.candidates));
  if (!a.candidates.length) out.append(h('p', { class: 'note' }, a.empty?.message ?? s.noCandidates));
  const ol = h('ol', { class: 'candidates' });
  for (const c of a.candidates) {
    const b = h('button', { type: 'button', class: 'linkish', 'data-id': c.id }, c.name);
    b.addEventListener('click', () => go(c.id));
    ol.append(h('li', { 'data-id': c.id }, b, h('span', { class: 'meta' }, ` ${c.family} · ${c.released}${c.size ? ` · ${c.size}` : ''} · ${c.score}`)));
  }
  out.append(ol);
  if (a.caveats.length) out.append(h('ul', { class: 'caveats' }, ...a.caveats.map((c) => h('li', {}, c))));
  if (a.sources.length) out.append(h('ul', { class: 'links' }, ...a.sources.map((x) => h('li', {}, link(x.url, x.title)))));
  return a;
}
