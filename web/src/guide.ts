/** The model-choice guide as a panel: the same recommendModels as `llmtree guide`, run in the page. */
import { recommendModels, PRECISIONS, DOMAINS, PAIRS, FINETUNE_METHODS, type Guide, type GuideAnswer } from '../../src/guide/index.js';
import type { Catalog } from '../../src/catalog/core.js';
import { GUIDE_FIELDS, guideRequest, type GuideState } from './guide-fields.js';
import { STRINGS, type Lang } from './i18n.js';
import { h, clear, link } from './dom.js';

const control = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLSelectElement;

/** Options after the first (empty) one, added once: the value is the flag's own word. */
function options(id: string, values: readonly string[]): void {
  const sel = control(id) as HTMLSelectElement;
  if (sel.options.length === 1) for (const v of values) sel.append(h('option', { value: v }, v));
}

export function fillGuideForm(guide: Guide, g: GuideState, lang: Lang): void {
  const task = control('g-task') as HTMLSelectElement;
  clear(task);
  for (const t of guide.tasks) task.append(h('option', { value: t.id }, t.name[lang]));
  options('g-prec', PRECISIONS);
  options('g-domain', DOMAINS);
  options('g-pair', PAIRS);
  options('g-finetune', FINETUNE_METHODS);
  for (const f of GUIDE_FIELDS) {
    const el = control(f.id);
    const v = g[f.key] ?? '';
    if (f.kind === 'check') (el as HTMLInputElement).checked = v === '1';
    else if (f.kind === 'select') el.value = [...(el as HTMLSelectElement).options].some((o) => o.value === v) ? v : (el as HTMLSelectElement).options[0]?.value ?? '';
    else el.value = v;
  }
}

export function readGuideForm(): GuideState {
  const g: GuideState = {};
  for (const f of GUIDE_FIELDS) {
    const el = control(f.id);
    const v = f.kind === 'check' ? ((el as HTMLInputElement).checked ? '1' : '') : el.value.trim();
    if (v) g[f.key] = v;
  }
  return g;
}

export function runGuide(catalog: Catalog, guide: Guide, g: GuideState, lang: Lang, out: HTMLElement, go: (id: string) => void): GuideAnswer | undefined {
  const s = STRINGS[lang];
  const { request, bad } = guideRequest(g, lang);
  for (const f of GUIDE_FIELDS) if (f.kind === 'text') control(f.id).setAttribute('aria-invalid', String(bad.includes(f.id)));
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
