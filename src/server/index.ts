/** The explorer's HTTP server: the built page, plus the catalog as read-only JSON. GET and HEAD only. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../catalog/core.js';
import type { Guide } from '../catalog/guide-schema.js';
import { catalogPayload, modelPayload, scenePayload, figurePayload } from './data.js';
import { resolveStatic, contentType } from './static.js';

export { resolveStatic, contentType } from './static.js';
export { catalogPayload, modelPayload, scenePayload, figurePayload, API_VERSION, type CatalogPayload, type ModelPayload } from './data.js';

export interface ExplorerOptions {
  /** The built page (dist/web, or a folder written by `llmtree site`). */
  siteDir: string;
  catalog: Catalog;
  guide?: Guide;
}

/** The page may load only its own scripts and styles; data never becomes code. */
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

type ApiAnswer = { status: number; body: string; type?: string };

/**
 * The read-only JSON API: the catalog, a model, the pre-drawn figures and scenes, a filtered scene.
 * Answers that depend only on the catalog are made once; `warm` draws the default figure ahead of time.
 */
function apiRoutes(o: ExplorerOptions): { api: (path: string, query: URLSearchParams) => ApiAnswer | undefined; warm: () => void } {
  let catalogJson: string | undefined;
  const scenes = new Map<string, string>();
  const figures = new Map<string, { svg: string; json: string }>();
  const figure = (lang: 'en' | 'zh', theme: 'light' | 'dark') => {
    const k = `${lang}-${theme}`;
    if (!figures.has(k)) {
      const { svg, meta } = figurePayload(o.catalog, icons(), lang, theme);
      figures.set(k, { svg, json: JSON.stringify(meta) });
    }
    return figures.get(k)!;
  };
  let iconTexts: Record<string, string> | undefined;
  const icons = () => (iconTexts ??= catalogPayload(o.catalog).icons);
  const api = (path: string, query: URLSearchParams): ApiAnswer | undefined => {
    if (path === '/api/catalog' || path === '/api/catalog.json') {
      catalogJson ??= JSON.stringify(catalogPayload(o.catalog, o.guide));
      return { status: 200, body: catalogJson };
    }
    const m = /^\/api\/models\/([a-z0-9][a-z0-9.-]*?)(\.json)?$/.exec(path);
    if (m) {
      const p = modelPayload(o.catalog, m[1]);
      return p ? { status: 200, body: JSON.stringify(p) } : { status: 404, body: JSON.stringify({ error: `unknown model "${m[1]}"` }) };
    }
    const fig = /^\/api\/figures\/(en|zh)-(light|dark)\.(svg|json)$/.exec(path);
    if (fig) {
      const f = figure(fig[1] as 'en' | 'zh', fig[2] as 'light' | 'dark');
      return fig[3] === 'svg' ? { status: 200, body: f.svg, type: 'image/svg+xml; charset=utf-8' } : { status: 200, body: f.json };
    }
    const sc = /^\/api\/scenes\/(en|zh)-(light|dark)\.json$/.exec(path);
    if (sc) {
      const k = `${sc[1]}-${sc[2]}`;
      if (!scenes.has(k)) scenes.set(k, JSON.stringify(scenePayload(o.catalog, new URLSearchParams({ lang: sc[1], theme: sc[2] }))));
      return { status: 200, body: scenes.get(k)! };
    }
    if (path === '/api/scene' || path === '/api/scene.json') {
      try {
        return { status: 200, body: JSON.stringify(scenePayload(o.catalog, query)) };
      } catch (e) {
        return { status: 400, body: JSON.stringify({ error: (e as Error).message }) };
      }
    }
    if (path.startsWith('/api/')) return { status: 404, body: JSON.stringify({ error: 'no such API path' }) };
    return undefined;
  };
  return { api, warm: () => void figure('en', 'light') };
}

/** A file of the built page, with its type and cache policy (hashed assets are immutable). */
function sendFile(res: ServerResponse, file: string, head: boolean): void {
  const st = statSync(file);
  const hashed = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file.split('\\').join('/'));
  const headers: Record<string, string> = {
    ...COMMON,
    'Content-Type': contentType(file),
    'Content-Length': String(st.size),
    'Last-Modified': st.mtime.toUTCString(),
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = CSP;
  res.writeHead(200, headers);
  if (head) return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

export function createExplorerServer(o: ExplorerOptions): Server {
  const { api, warm } = apiRoutes(o);
  // Lay out and draw the default figure now, so the first page load does not wait for it.
  setImmediate(warm);

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const head = req.method === 'HEAD';
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      const buf = typeof body === 'string' ? Buffer.from(body) : body;
      res.writeHead(status, { ...COMMON, 'Content-Type': type, 'Content-Length': String(buf.length), ...headers });
      res.end(head ? undefined : buf);
    };
    if (req.method !== 'GET' && !head) return send(405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (path.startsWith('/api/')) {
      const r = api(path, query);
      if (r) return send(r.status, r.type ?? 'application/json; charset=utf-8', r.body, { 'Cache-Control': 'no-cache' });
    }
    const file = resolveStatic(o.siteDir, path);
    if (!file) return send(404, 'text/plain; charset=utf-8', 'Not Found\n', { 'Cache-Control': 'no-store' });
    sendFile(res, file, head);
  });
}

/** Listen on host:port; a taken port or an address that cannot be bound is a clear error. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use; choose another with --port`));
      else if (e.code === 'EADDRNOTAVAIL') reject(new Error(`cannot bind to ${host}: no such address on this machine`));
      else if (e.code === 'EACCES') reject(new Error(`not allowed to bind to ${host}:${port} (ports below 1024 need privileges)`));
      else reject(new Error(`cannot listen on ${host}:${port}: ${e.message}`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The URL to print: IPv6 hosts in brackets, the unspecified address shown as localhost. */
export function urlOf(a: AddressInfo): string {
  const host = a.address === '0.0.0.0' || a.address === '::' ? 'localhost' : a.family === 'IPv6' || a.address.includes(':') ? `[${a.address}]` : a.address;
  return `http://${host}:${a.port}/`;
}
