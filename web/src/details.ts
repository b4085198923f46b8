/** The details panel: a model's catalog facts, all as text; sources as http(s) links; lineage as in-page links. */
import { commercialUse, formatCount, resolveVariants, type Catalog, type Model } from '../../src/catalog/core.js';
import { STRINGS, type Lang } from './i18n.js';
import { STRINGS as FIGURE } from '../../src/layout/index.js';
import { h, link, clear } from './dom.js';

export interface DetailsContext {
  catalog: Catalog;
  lang: Lang;
  drawn: boolean;
  /** The page URL that selects another model (for real links that can be opened or copied). */
  hrefFor: (id: string) => string;
  go: (id: string) => void;
  close: () => void;
  showAll: () => void;
}

export function renderDetails(panel: HTMLElement, m: Model, c: DetailsContext): void {
  const s = STRINGS[c.lang];
  clear(panel);
  const close = h('button', { type: 'button', class: 'close', 'aria-label': s.close }, '×');
  close.addEventListener('click', c.close);
  panel.append(h('div', { class: 'panel-head' }, h('h2', { id: 'details-title' }, m.name), close));
  panel.setAttribute('aria-labelledby', 'details-title');
  if (!c.drawn) {
    const b = h('button', { type: 'button' }, s.showAll);
    b.addEventListener('click', c.showAll);
    panel.append(h('p', { class: 'note' }, s.notDrawn, ' ', b));
  }
  const dl = h('dl', { class: 'facts' });
  const row = (k: string, ...v: (Node | string)[]) => dl.append(h('dt', {}, k), h('dd', {}, ...v));
  row(s.family, FIGURE[c.lang].family[m.family] ?? m.family);
  row(s.released, m.released);
  row(s.organizations, m.organizations.map((o) => c.catalog.organizations.get(o)?.name ?? o).join(', '));
  row(s.weights, s.weightsValue[m.weights] ?? m.weights);
  const params = m.parameters.map((p) => `${formatCount(p.total)}${p.active ? ` (${formatCount(p.active)} active)` : ''}${p.label ? ` ${p.label}` : ''}`);
  row(s.parameters, params.length ? params.join(', ') : s.unknown);
  if (m.context) row(s.context, formatCount(m.context));
  const lic = m.license ? c.catalog.licenses.get(m.license) : undefined;
  if (lic) row(s.license, link(lic.url, lic.name));
  else row(s.license, m.license ?? s.none);
  const com = commercialUse(c.catalog, m);
  row(s.licenseCommercial, com ? s.commercialValue[com] : s.unknown, lic?.condition ? h('span', { class: 'cond' }, ` — ${lic.condition}`) : '');
  if (m.variants?.length) {
    const items = resolveVariants(m).map((v) => {
      const size = v.parameters.map((p) => formatCount(p.total) + (p.active ? ` (${formatCount(p.active)} active)` : '')).join(', ');
      const lic = v.license ? c.catalog.licenses.get(v.license)?.name ?? v.license : '';
      return h('li', {}, [v.label, size, v.released !== m.released ? v.released : '', s.weightsValue[v.weights] ?? v.weights, lic].filter(Boolean).join(' · '));
    });
    row(s.variants, h('ul', { class: 'variants' }, ...items));
  }
  if (m.data) row(s.data, m.data.description, m.data.license ? ` (${m.data.license})` : '');
  const links = h('ul', { class: 'links' });
  if (m.paper) links.append(h('li', {}, `${s.paper}: `, link(m.paper)));
  // Each address once: a source that is also the paper or a Hub repo is listed under that name only.
  const hub = (r: string) => `https://huggingface.co/${r}`;
  const named = new Set([m.paper, ...m.hf.map(hub)]);
  for (const u of m.sources) if (!named.has(u)) links.append(h('li', {}, link(u)));
  for (const r of m.hf) links.append(h('li', {}, link(hub(r), `huggingface.co/${r}`)));
  row(s.sources, links);
  row(s.parents, lineageList(m.parents.map((p) => ({ id: p.model, note: p.relation })), c));
  row(s.children, lineageList((c.catalog.children.get(m.id) ?? []).map((x) => ({ id: x.id, note: x.parents.find((p) => p.model === m.id)?.relation })), c));
  if (m.notes) row(s.notes, m.notes);
  panel.append(dl);
}

function lineageList(items: { id: string; note?: string }[], c: DetailsContext): Node {
  if (!items.length) return document.createTextNode(STRINGS[c.lang].none);
  const ul = h('ul', { class: 'lineage' });
  for (const it of items) {
    const m = c.catalog.byId.get(it.id);
    if (!m) continue;
    const a = h('a', { href: c.hrefFor(m.id), 'data-id': m.id }, m.name);
    // An in-page link: real URL (open in a new tab, copy), plain click navigates without a reload.
    a.setAttribute('href', c.hrefFor(m.id));
    a.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      c.go(m.id);
    });
    ul.append(h('li', {}, a, it.note ? ` (${it.note})` : ''));
  }
  return ul;
}
