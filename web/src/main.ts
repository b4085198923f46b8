/** The explorer: wires state (in the URL), the figure, filters, search, details, chart, guide and time. */
import { fetchFigure as fetchFigureFor, firstFigure, type Figure } from './early.js';
import { FAMILIES, WEIGHTS, parseCount } from '../../src/catalog/core.js';
import { lineageIds } from '../../src/graph/index.js';
import { STRINGS as FIGURE } from '../../src/layout/index.js';
import { loadData, selectModels, releasedBy, layoutKey, baseKey, months, type Data } from './data.js';
import { parseState, serializeState, type State } from './state.js';
import { draw, fromSvg, applyVisibility, applyEmphasis, exportSvg, type Drawn } from './tree.js';
import type { FigureMeta } from '../../src/server/figure.js';
import type { LayoutRequest } from './layout-worker.js';
import { filterOf } from './data.js';
import { PanZoom } from './zoom.js';
import { renderDetails } from './details.js';
import { renderChart } from './chart.js';
import { fillGuideForm, readGuideForm, runGuide } from './guide.js';
import { STRINGS, translatePage } from './i18n.js';
import { $, h, clear } from './dom.js';

interface Metrics {
  ready: boolean;
  /** Whether the figure on screen is the layout computed for the current filters (not the interim one). */
  settled?: () => boolean;
  firstPaint?: number;
  redraws: { what: string; ms: number }[];
  layouts: number;
  error?: string;
}

const metrics: Metrics = { ready: false, redraws: [], layouts: 0 };
(window as unknown as { __llmtree: Metrics }).__llmtree = metrics;

const state: State = parseState(location.search, matchMedia('(prefers-color-scheme: dark)').matches);
const cache = new Map<string, Drawn>();
let data: Data;
let current: Drawn | undefined;
let candidates = new Set<string>();
let timeMonths: string[] = [];
let pz: PanZoom;
let worker: Worker | undefined;
/** When the last filter change happened (for the compact layout's time to screen). */
let changedAt = 0;
const requested = new Set<string>();
/** Layouts asked for before the worker started. */
const queued = new Map<string, State>();

const viewport = $('viewport');
const stage = $('stage');

metrics.settled = () => !!current && current.key === layoutKey(state);

main().catch((e: Error) => {
  metrics.error = e.message;
  stage.append(h('p', { class: 'error', role: 'alert' }, e.message));
});

/** The whole catalog's figure in `lang` and `theme` (the one asked for first is already on its way). Filters, if any, are first shown on it. */
function fetchFigure(lang = state.lang, theme = state.theme): Promise<Figure | undefined> {
  return lang === firstFigure.lang && theme === firstFigure.theme ? firstFigure.figure : fetchFigureFor(lang, theme);
}

async function main(): Promise<void> {
  const figure = fetchFigure();
  // For the whole catalog's view the figure alone is the first paint: the catalog (for the panels, the
  // search and the guide) is fetched once it is on screen, so its bytes do not compete with the figure's.
  const plain = layoutKey(state) === baseKey(state) && !state.time && !state.sel;
  const catalog = plain ? undefined : fetch('api/catalog.json');
  applyTheme();
  translatePage(state.lang);
  pz = new PanZoom(viewport, stage, () => {
    state.zoom = pz.get();
    writeUrl();
  });
  if (window.innerWidth >= 900 || state.panel === 'filters') document.body.classList.add('filters-open');
  if (plain) {
    const fig = await figure;
    performance.mark('figure');
    if (fig) {
      attach(remember(fromSvg(fig.meta, fig.svg, baseKey(state))));
      await firstPaint();
    }
  }
  data = await loadData('api/catalog.json', catalog ?? fetch('api/catalog.json'));
  performance.mark('data');
  const fig = await figure;
  const fits = fig && fig.meta.boxes.length === data.catalog.models.length;
  if (fig && fits && !cache.has(baseKey(state))) remember(fromSvg(fig.meta, fig.svg, baseKey(state)));
  if (!fits) cache.delete(baseKey(state)); // not this catalog's figure: drawn here instead
  buildFilters();
  performance.mark('filters');
  setupTime();
  setupTools();
  setupTreeEvents();
  if (data.guide) fillGuideForm(data.guide, state.guide, state.lang);
  else $('toggle-guide').hidden = true;
  setGuideOpen(state.panel === 'guide');
  performance.mark('ui');
  const painted = metrics.firstPaint !== undefined;
  render('load');
  performance.mark('render');
  if (!painted) {
    if (state.sel && !state.zoom) flyToSelection();
    await firstPaint();
  }
  // The search (MiniSearch and its UI) is its own chunk, loaded once the figure is on screen.
  const { setupSearch } = await import('./search.js');
  setupSearch($('search') as HTMLInputElement, $('suggestions') as HTMLUListElement, data.catalog, (id) => select(id, true));
  metrics.ready = true;
  document.body.dataset.ready = 'true';
  startWorker();
  for (const [key, s] of queued) requestLayout(key, s);
  queued.clear();
  // The whole catalog's layout, ready for fast filtering later.
  requestLayout(baseKey(state), { ...state, family: [], weights: [], org: [], license: [], commercial: [], since: undefined, until: undefined, pmin: undefined, pmax: undefined, view: 'all' });
}

function startWorker(): void {
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.postMessage({ catalogUrl: new URL('api/catalog.json', location.href).href });
    // A result is taken in after the next frame, so the filtered set on screen is never held up by it.
    worker.onmessage = (e: MessageEvent<{ key: string; figure: FigureMeta; svgText: string }>) => void nextPaint().then(() => {
      const { key, figure, svgText } = e.data;
      requested.delete(key);
      if (cache.has(key)) return;
      const wanted = key === layoutKey(state);
      if (!wanted && key !== baseKey(state)) return;
      remember(fromSvg(figure, svgText, key));
      metrics.layouts++;
      if (wanted) render('layout');
    });
    worker.onerror = () => (worker = undefined);
  } catch {
    worker = undefined;
  }
}

/** Lay out the figure for state `s` in the worker (or, without one, on the main thread soon). */
function requestLayout(key: string, s: State): void {
  if (cache.has(key) || requested.has(key)) return;
  // Before the first paint the worker is not started yet: it would compete with the page for a CPU.
  if (!metrics.ready) {
    queued.set(key, { ...s });
    return;
  }
  requested.add(key);
  if (worker) {
    const req: LayoutRequest = { key, filter: filterOf(s), landmarks: s.view === 'landmark' && data.hasLandmarks, lang: s.lang, theme: s.theme };
    worker.postMessage(req);
    return;
  }
  setTimeout(() => {
    requested.delete(key);
    if (cache.has(key) || (key !== layoutKey(state) && key !== baseKey(state))) return;
    remember(draw(data, selectModels(data, s), key, s.lang, s.theme));
    metrics.layouts++;
    if (key === layoutKey(state)) render('layout');
  }, 60);
}

/** The whole catalog's figure in the current language and theme, from the server rather than laid out here. */
async function withFigure(): Promise<void> {
  const key = baseKey(state);
  if (cache.has(key)) return;
  const fig = await fetchFigure(state.lang, state.theme);
  if (fig && !cache.has(key) && fig.meta.boxes.length === data.catalog.models.length) remember(fromSvg(fig.meta, fig.svg, key));
}

/** The first frame with the figure in it. */
async function firstPaint(): Promise<void> {
  await nextPaint();
  performance.mark('painted');
  metrics.firstPaint = performance.now();
}

function nextPaint(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

function remember(d: Drawn): Drawn {
  cache.delete(d.key);
  cache.set(d.key, d);
  while (cache.size > 12) {
    const oldest = cache.keys().next().value!;
    if (oldest === baseKey(state)) {
      const b = cache.get(oldest)!;
      cache.delete(oldest);
      cache.set(oldest, b);
      continue;
    }
    cache.delete(oldest);
  }
  return d;
}

/**
 * Draw the state. A layout not yet computed for these filters is shown at once on the whole catalog's
 * layout (hiding what the filters exclude), then replaced by a compact layout computed right after.
 */
function render(what: string, started = performance.now()): void {
  if (what !== 'load') performance.mark(`redraw-start:${what}`);
  const key = layoutKey(state);
  const models = selectModels(data, state);
  let d = cache.get(key);
  if (!d) {
    const base = cache.get(baseKey(state));
    if (base) {
      d = base;
      // The compact layout is asked for once this redraw is on screen: a worker laying out at the same
      // time competes with the redraw for one of few CPUs.
      const asked = { ...state };
      void nextPaint().then(() => requestLayout(key, asked));
    } else {
      d = draw(data, models, key, state.lang, state.theme);
      metrics.layouts++;
      remember(d);
    }
  }
  if (d !== current) attach(d);
  const visible = new Set<string>();
  const shown = [];
  for (const m of models) {
    if (releasedBy(m, state.time) && d.ids.has(m.id)) {
      visible.add(m.id);
      shown.push(m);
    }
  }
  applyVisibility(d, visible);
  emphasize();
  renderChart($('chart'), data.catalog, shown, state.org, state.lang, toggleOrg);
  $('status').textContent = STRINGS[state.lang].shown(visible.size, data.catalog.models.length);
  viewport.dataset.shown = String(visible.size);
  showDetails();
  writeUrl();
  if (what !== 'load') {
    if (what !== 'layout') changedAt = started;
    const frame = (redrawn = nextPaint().then(() => {
      performance.mark(`redrawn:${what}`);
      metrics.redraws.push({ what, ms: performance.now() - (what === 'layout' ? changedAt : started) });
      if (redrawn === frame) redrawn = undefined;
    }));
  }
}

/**
 * Put `d` on the stage. The view (the URL's zoom, else fit) is set before the figure goes in: reading
 * the viewport's size after inserting it forced a synchronous style and layout of the whole figure, at
 * scale 1, inside the script; now the figure is styled and laid out in the frame, at its view's scale.
 */
function attach(d: Drawn): void {
  current = d;
  pz.setSize(d.figure.width, d.figure.height);
  if (state.zoom) pz.set(state.zoom, false);
  else pz.fit(false);
  clear(stage);
  stage.append(d.svg);
}

function emphasize(): void {
  if (!current) return;
  const sel = state.sel && data.catalog.byId.get(state.sel);
  applyEmphasis(current, sel ? lineageIds(data.catalog, sel) : undefined, sel ? sel.id : undefined, candidates);
}

let urlTimer = 0;
/** The frame a redraw waits for, if one is pending: the URL (history.replaceState, ~10 ms) is written after it. */
let redrawn: Promise<void> | undefined;
function writeUrl(): void {
  clearTimeout(urlTimer);
  const write = () => {
    const url = `${location.pathname}${serializeState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  };
  urlTimer = window.setTimeout(() => (redrawn ? void redrawn.then(write) : write()), 80);
}

// ---- selection and details ----

function select(id: string, fly: boolean): void {
  const m = data.catalog.resolve(id);
  if (!m) return;
  state.sel = m.id;
  emphasize();
  showDetails();
  writeUrl();
  if (fly) flyToSelection();
}

function flyToSelection(): void {
  const b = current?.figure.boxes.find((x) => x.id === state.sel);
  // On a phone the details panel covers the lower part of the view: show the box above it.
  const fy = window.innerWidth <= 700 ? 0.22 : 0.5;
  if (b && !current!.boxes.get(b.id)!.classList.contains('off')) pz.flyTo(b.x + b.w / 2, b.y + b.h / 2, Math.min(1.2, pz.fitScale() * 6), fy);
}

function showDetails(): void {
  const panel = $('details');
  const m = state.sel ? data.catalog.byId.get(state.sel) : undefined;
  if (!m) {
    panel.hidden = true;
    clear(panel);
    return;
  }
  panel.hidden = false;
  renderDetails(panel, m, {
    catalog: data.catalog,
    lang: state.lang,
    drawn: !!current?.boxes.get(m.id) && !current.boxes.get(m.id)!.classList.contains('off'),
    hrefFor: (id) => `${location.pathname}${serializeState({ ...state, sel: id, zoom: undefined })}`,
    go: (id) => select(id, true),
    close: () => {
      state.sel = undefined;
      emphasize();
      showDetails();
      writeUrl();
      viewport.focus();
    },
    showAll: () => {
      resetFilters();
      state.time = undefined;
      syncTime();
      render('show-all');
      flyToSelection();
    },
  });
}

// ---- filters ----

function checkboxes(fieldset: HTMLElement, name: keyof State, values: readonly string[], label: (v: string) => string): void {
  for (const old of fieldset.querySelectorAll('label')) old.remove();
  for (const v of values) {
    const input = h('input', { type: 'checkbox', name: String(name), value: v });
    input.addEventListener('change', (e) => {
      const list = state[name] as string[];
      const next = input.checked ? [...new Set([...list, v])] : list.filter((x) => x !== v);
      (state[name] as string[]) = next;
      render(String(name), e.timeStamp);
    });
    fieldset.append(h('label', { class: 'check' }, input, ` ${label(v)}`));
  }
}

function buildFilters(): void {
  const s = STRINGS[state.lang];
  const view = $('f-view');
  for (const old of view.querySelectorAll('label')) old.remove();
  for (const v of ['all', 'landmark'] as const) {
    const input = h('input', { type: 'radio', name: 'view', value: v });
    input.addEventListener('change', (e) => {
      state.view = v;
      render('view', e.timeStamp);
    });
    view.append(h('label', { class: 'check' }, input, ` ${v === 'all' ? s.viewAll : s.viewLandmark}`));
  }
  checkboxes($('f-family'), 'family', FAMILIES, (v) => FIGURE[state.lang].family[v as 'decoder-only']);
  checkboxes($('f-weights'), 'weights', WEIGHTS, (v) => s.weightsValue[v]);
  checkboxes($('f-commercial'), 'commercial', ['yes', 'conditional', 'no'], (v) => s.commercialValue[v]);
  const count = new Map<string, number>();
  for (const m of data.catalog.models) for (const o of m.organizations) count.set(o, (count.get(o) ?? 0) + 1);
  const org = $('org') as HTMLSelectElement;
  clear(org);
  for (const o of [...data.catalog.organizations.values()].filter((o) => count.has(o.id)).sort((a, b) => a.name.localeCompare(b.name)))
    org.append(h('option', { value: o.id }, `${o.name} (${count.get(o.id)})`));
  const lic = $('license') as HTMLSelectElement;
  clear(lic);
  for (const l of [...data.catalog.licenses.values()].sort((a, b) => a.name.localeCompare(b.name))) lic.append(h('option', { value: l.id }, l.name));
  syncControls();
}

function setupFilterInputs(): void {
  const years = (id: 'since' | 'until') => {
    const input = $(id) as HTMLInputElement;
    input.addEventListener('change', (e) => {
      const v = input.value.trim();
      const ok = v === '' || /^\d{4}$/.test(v);
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) return;
      state[id] = v ? Number(v) : undefined;
      render(id, e.timeStamp);
    });
  };
  years('since');
  years('until');
  for (const id of ['pmin', 'pmax'] as const) {
    const input = $(id) as HTMLInputElement;
    input.addEventListener('change', (e) => {
      const v = input.value.trim();
      const ok = v === '' || parseCount(v) !== null;
      input.setAttribute('aria-invalid', String(!ok));
      if (!ok) return;
      state[id] = v || undefined;
      render(id, e.timeStamp);
    });
  }
  for (const id of ['org', 'license'] as const) {
    const sel = $(id) as HTMLSelectElement;
    sel.addEventListener('change', (e) => {
      state[id] = [...sel.selectedOptions].map((o) => o.value);
      render(id, e.timeStamp);
    });
  }
  $('reset').addEventListener('click', (e) => {
    resetFilters();
    render('reset', e.timeStamp);
  });
}

function resetFilters(): void {
  Object.assign(state, { family: [], weights: [], org: [], license: [], commercial: [], since: undefined, until: undefined, pmin: undefined, pmax: undefined, view: 'all' });
  syncControls();
}

function syncControls(): void {
  for (const name of ['family', 'weights', 'commercial'] as const)
    for (const input of document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) input.checked = state[name].includes(input.value);
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="view"]')) input.checked = input.value === state.view;
  ($('since') as HTMLInputElement).value = state.since?.toString() ?? '';
  ($('until') as HTMLInputElement).value = state.until?.toString() ?? '';
  ($('pmin') as HTMLInputElement).value = state.pmin ?? '';
  ($('pmax') as HTMLInputElement).value = state.pmax ?? '';
  for (const id of ['org', 'license'] as const) for (const o of ($(id) as HTMLSelectElement).options) o.selected = state[id].includes(o.value);
}

function toggleOrg(org: string): void {
  const started = performance.now();
  state.org = state.org.includes(org) ? state.org.filter((o) => o !== org) : [...state.org, org];
  syncControls();
  render('org-chart', started);
}

// ---- time ----

function setupTime(): void {
  timeMonths = months(data.first, data.last);
  const range = $('time') as HTMLInputElement;
  range.max = String(timeMonths.length - 1);
  syncTime();
  range.addEventListener('input', (e) => {
    const i = Number(range.value);
    state.time = i >= timeMonths.length - 1 ? undefined : timeMonths[i];
    syncTime();
    render('time', e.timeStamp);
  });
  let timer = 0;
  const play = $('play');
  const stop = () => {
    clearInterval(timer);
    timer = 0;
    play.setAttribute('aria-pressed', 'false');
    play.textContent = STRINGS[state.lang].play;
  };
  play.addEventListener('click', () => {
    if (timer) return stop();
    let i = state.time ? timeMonths.indexOf(state.time) : timeMonths.length - 1;
    if (i < 0 || i >= timeMonths.length - 1) i = 0;
    const step = Math.max(1, Math.ceil(timeMonths.length / 80));
    play.setAttribute('aria-pressed', 'true');
    play.textContent = STRINGS[state.lang].pause;
    state.time = timeMonths[i];
    syncTime();
    render('play');
    timer = window.setInterval(() => {
      i = Math.min(timeMonths.length - 1, i + step);
      state.time = i >= timeMonths.length - 1 ? undefined : timeMonths[i];
      syncTime();
      render('play');
      if (!state.time) stop();
    }, 120);
  });
}

function syncTime(): void {
  const range = $('time') as HTMLInputElement;
  const i = state.time ? timeMonths.indexOf(state.time) : -1;
  range.value = String(i < 0 ? timeMonths.length - 1 : i);
  const label = state.time ?? timeMonths[timeMonths.length - 1] ?? '';
  $('time-out').textContent = label;
  range.setAttribute('aria-valuetext', label);
}

// ---- tools: language, theme, export, share, panels ----

function applyTheme(): void {
  document.documentElement.dataset.theme = state.theme;
  $('theme').textContent = state.theme === 'dark' ? STRINGS[state.lang].themeLight : STRINGS[state.lang].themeDark;
}

function setGuideOpen(open: boolean): void {
  $('guide').hidden = !open;
  $('toggle-guide').setAttribute('aria-expanded', String(open));
  if (open) state.panel = 'guide';
  else if (state.panel === 'guide') state.panel = undefined;
  updateGuide();
}

function updateGuide(): void {
  candidates = new Set();
  if (data.guide && !$('guide').hidden) {
    const a = runGuide(data.catalog, data.guide, state.guide, state.lang, $('guide-out'), (id) => select(id, true));
    candidates = new Set(a?.candidates.map((c) => c.id) ?? []);
  }
  emphasize();
  writeUrl();
}

function setupTools(): void {
  setupFilterInputs();
  $('fit').addEventListener('click', () => {
    state.zoom = undefined;
    pz.fit(false);
    writeUrl();
  });
  $('lang').addEventListener('click', (e) => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    translatePage(state.lang);
    applyTheme();
    buildFilters();
    if (data.guide) fillGuideForm(data.guide, state.guide, state.lang);
    $('play').textContent = STRINGS[state.lang].play;
    writeUrl(); // at once: the figure for the new language may take a moment
    void withFigure().then(() => render('lang', e.timeStamp));
    updateGuide();
  });
  $('theme').addEventListener('click', (e) => {
    state.theme = state.theme === 'dark' ? 'light' : 'dark';
    applyTheme();
    writeUrl(); // at once: the figure for the new theme may take a moment
    void withFigure().then(() => render('theme', e.timeStamp));
  });
  $('toggle-filters').addEventListener('click', () => {
    const open = !document.body.classList.contains('filters-open');
    document.body.classList.toggle('filters-open', open);
    $('toggle-filters').setAttribute('aria-expanded', String(open));
  });
  $('toggle-filters').setAttribute('aria-expanded', String(document.body.classList.contains('filters-open')));
  $('toggle-guide').addEventListener('click', () => setGuideOpen($('guide').hidden));
  $('guide-close').addEventListener('click', () => setGuideOpen(false));
  $('guide-form').addEventListener('change', () => {
    state.guide = readGuideForm();
    updateGuide();
  });
  $('guide-form').addEventListener('submit', (e) => e.preventDefault());
  $('export-svg').addEventListener('click', () => {
    if (current) download(new Blob([exportSvg(current)], { type: 'image/svg+xml' }), 'llmtree.svg');
  });
  $('export-png').addEventListener('click', () => void exportPng());
  $('share').addEventListener('click', async () => {
    const url = location.origin + location.pathname + serializeState(state);
    try {
      await navigator.clipboard.writeText(url);
      $('status').textContent = STRINGS[state.lang].copied;
    } catch {
      $('status').textContent = url;
    }
  });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { download: name });
  a.setAttribute('href', url);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportPng(): Promise<void> {
  if (!current) return;
  const svg = exportSvg(current);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = current.figure.width;
    canvas.height = current.figure.height;
    canvas.getContext('2d')!.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
    if (blob) download(blob, 'llmtree.png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ---- the figure: tooltip, clicks ----

function setupTreeEvents(): void {
  const tip = $('tooltip');
  viewport.addEventListener('pointermove', (e) => {
    const g = (e.target as Element).closest?.('g.model') as SVGGElement | null;
    const m = g && !g.classList.contains('off') ? data.catalog.byId.get(g.dataset.id!) : undefined;
    if (!m || e.pointerType === 'touch') {
      tip.hidden = true;
      return;
    }
    clear(tip);
    const orgs = m.organizations.map((o) => data.catalog.organizations.get(o)?.name ?? o).join(', ');
    tip.append(h('strong', {}, m.name), h('br'), `${m.released} · ${orgs}`, h('br'), `${FIGURE[state.lang].family[m.family]} · ${STRINGS[state.lang].weightsValue[m.weights]}`);
    tip.hidden = false;
    const r = viewport.getBoundingClientRect();
    const x = Math.min(e.clientX - r.left + 14, r.width - tip.offsetWidth - 4);
    const y = Math.min(e.clientY - r.top + 14, r.height - tip.offsetHeight - 4);
    tip.style.transform = `translate(${Math.max(0, x + r.left)}px, ${Math.max(0, y + r.top)}px)`;
  });
  viewport.addEventListener('pointerleave', () => (tip.hidden = true));
  // By keyboard: Enter selects the drawn model nearest the centre of the view; Escape closes the details.
  viewport.addEventListener('keydown', (e) => {
    if (e.target !== viewport) return;
    if (e.key === 'Enter' && current) {
      const z = pz.get();
      const cx = z.x * current.figure.width;
      const cy = z.y * current.figure.height;
      let best: { id: string; d: number } | undefined;
      for (const b of current.figure.boxes) {
        if (current.boxes.get(b.id)?.classList.contains('off')) continue;
        const d = Math.hypot(b.x + b.w / 2 - cx, b.y + b.h / 2 - cy);
        if (!best || d < best.d) best = { id: b.id, d };
      }
      if (best) select(best.id, true);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.sel && !(e.target as Element).closest?.('.search')) {
      state.sel = undefined;
      emphasize();
      showDetails();
      writeUrl();
    }
  });
  viewport.addEventListener('click', (e) => {
    if (pz.dragged) return;
    const t = e.target as Element;
    const g = t.closest?.('g.model') as SVGGElement | null;
    if (g && !g.classList.contains('off')) return select(g.dataset.id!, false);
    const bar = t.closest?.('g.bar') as SVGGElement | null;
    if (bar?.dataset.org) toggleOrg(bar.dataset.org);
  });
}
