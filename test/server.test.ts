import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request, createServer as createPlainServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createExplorerServer, listen, resolveStatic, urlOf } from '../src/server/index.js';
import { writeSite, SITE_MARKER } from '../src/server/site.js';
import { asciiOnly } from '../src/server/figure.js';
import { loadValid } from '../src/cli/context.js';
import { cli, MINI } from './helpers.js';
import type { Catalog } from '../src/catalog/core.js';

function raw(port: number, method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let site: string;
let outside: string;
let server: Server;
let port: number;
let catalog: Catalog;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'llmtree-site-'));
  site = join(root, 'site');
  outside = join(root, 'secret.txt');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(site, 'assets', 'index-AbCdEf12.js'), 'export {};');
  writeFileSync(join(site, 'assets', 'style.css'), 'body{}');
  writeFileSync(outside, 'SECRET');
  symlinkSync(outside, join(site, 'link.txt'));
  symlinkSync(root, join(site, 'up'));
  ({ catalog } = await loadValid(MINI));
  server = createExplorerServer({ siteDir: site, catalog });
  port = (await listen(server, 0, '127.0.0.1')).port;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('explorer server', () => {
  it('serves the page and assets with their content types and cache headers', async () => {
    const page = await raw(port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw(port, 'GET', '/assets/index-AbCdEf12.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await raw(port, 'GET', '/assets/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD without a body and refuses every other method with 405', async () => {
    const head = await raw(port, 'HEAD', '/');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw(port, m, '/api/catalog');
      expect(r.status, m).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
  });

  it('answers unknown paths with 404', async () => {
    expect((await raw(port, 'GET', '/nope.html')).status).toBe(404);
    expect((await raw(port, 'GET', '/api/nope')).status).toBe(404);
    expect((await raw(port, 'GET', '/api/models/no-such-model')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '//etc/passwd',
    '/etc/passwd',
    '/C:/Windows/win.ini',
    '/link.txt',
    '/up/secret.txt',
    '/index.html%00.js',
    '/%',
  ])('refuses %s', async (path) => {
    const r = await raw(port, 'GET', path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('SECRET');
  });

  it('resolves only files inside the site', () => {
    expect(resolveStatic(site, '/')).toBe(join(site, 'index.html'));
    expect(resolveStatic(site, '/assets/style.css')).toBe(join(site, 'assets', 'style.css'));
    expect(resolveStatic(site, outside)).toBeUndefined();
    expect(resolveStatic(site, '/up/secret.txt')).toBeUndefined();
  });

  it('serves the catalog, one model and a filtered scene as JSON', async () => {
    const c = await raw(port, 'GET', '/api/catalog');
    expect(c.headers['content-type']).toBe('application/json; charset=utf-8');
    const payload = JSON.parse(c.body);
    expect(payload.models.map((m: { id: string }) => m.id)).toEqual(catalog.models.map((m) => m.id));
    const id = catalog.models[0].id;
    const m = JSON.parse((await raw(port, 'GET', `/api/models/${id}`)).body);
    expect(m.model.id).toBe(id);
    const family = catalog.models[0].family;
    const scene = JSON.parse((await raw(port, 'GET', `/api/scene?family=${family}`)).body);
    expect(scene.boxes.map((b: { id: string }) => b.id).sort()).toEqual(catalog.models.filter((x) => x.family === family).map((x) => x.id).sort());
    const bad = await raw(port, 'GET', '/api/scene?family=nonsense');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toContain('nonsense');
  });

  it("serves the page's first-paint figure: the SVG the renderer writes and its boxes, in each language and theme", async () => {
    const ids = catalog.models.map((m) => m.id).sort();
    for (const v of ['en-light', 'zh-dark']) {
      const svg = await raw(port, 'GET', `/api/figures/${v}.svg`);
      expect(svg.status).toBe(200);
      expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(svg.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect([...svg.body.matchAll(/class="model" data-id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(ids);
      const meta = JSON.parse((await raw(port, 'GET', `/api/figures/${v}.json`)).body);
      expect(meta.boxes.map((b: { id: string }) => b.id).sort()).toEqual(ids);
      expect(svg.body).toContain(`viewBox="0 0 ${meta.width} ${meta.height}"`);
      // ASCII only (non-ASCII as character references): the browser then decodes and parses 8-bit text.
      expect(svg.body).toMatch(/^[\x00-\x7f]*$/);
    }
    expect(asciiOnly('<text>Clinical…α中\u{1D538}&amp;</text>')).toBe('<text>Clinical&#8230;&#945;&#20013;&#120120;&amp;</text>');
    expect((await raw(port, 'GET', '/api/figures/fr-light.svg')).status).toBe(404);
  });

  it('binds where it is told and reports a taken port clearly', async () => {
    const other = createPlainServer();
    await expect(listen(other, port, '127.0.0.1')).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    const a = await listen(other, 0, '127.0.0.1');
    expect(a.address).toBe('127.0.0.1');
    expect(urlOf(a)).toBe(`http://127.0.0.1:${a.port}/`);
    await new Promise<void>((r) => other.close(() => r()));
  });

  it('`llmtree serve` exits non-zero with a message when the port is taken', () => {
    const r = cli(['serve', '--port', String(port), '--catalog', MINI]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('`llmtree site` writes the page and JSON, and refuses a folder it did not write', async () => {
    const root = mkdtempSync(join(tmpdir(), 'llmtree-out-'));
    const out = join(root, 'site');
    writeSite(out, site, catalog);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, SITE_MARKER))).toBe(true);
    expect(existsSync(join(out, 'link.txt'))).toBe(false);
    expect(existsSync(join(out, 'up'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'api', 'catalog.json'), 'utf8')).models).toHaveLength(catalog.models.length);
    for (const m of catalog.models) expect(existsSync(join(out, 'api', 'models', `${m.id}.json`))).toBe(true);
    for (const f of ['en-light.svg', 'en-light.json', 'zh-dark.svg', 'zh-dark.json']) expect(existsSync(join(out, 'api', 'figures', f)), f).toBe(true);
    const served = await raw(port, 'GET', '/api/figures/zh-dark.svg');
    expect(readFileSync(join(out, 'api', 'figures', 'zh-dark.svg'), 'utf8')).toBe(served.body);
    writeSite(out, site, catalog); // its own folder may be replaced
    const foreign = join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'x');
    expect(() => writeSite(foreign, site, catalog)).toThrow(/not empty/);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('x');
    rmSync(root, { recursive: true, force: true });
  });
});
