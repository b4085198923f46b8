/** Files of the built site, resolved safely: nothing outside the site folder is ever served. */
import { realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `root`, or undefined. Refused: encoded slashes or backslashes,
 * backslashes, NUL, `.`/`..` segments (also percent-encoded), empty segments (`//etc`), drive letters,
 * and anything whose real path (links resolved) leaves the root. `/` and folders serve their index.html.
 */
export function resolveStatic(root: string, rawPath: string): string | undefined {
  if (/%(2f|5c|00)/i.test(rawPath) || rawPath.includes('\\') || !rawPath.startsWith('/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const segments = path.slice(1).split('/');
  const last = segments.length - 1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s === '' && i === last) continue; // a trailing slash
    if (s === '' || s === '.' || s === '..' || /^[a-z]:/i.test(s) || s.startsWith('~')) return undefined;
  }
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  let file = join(realRoot, ...segments.filter(Boolean));
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const real = realpathSync(file);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
    if (!statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}
