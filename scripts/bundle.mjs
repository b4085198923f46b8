// Bundle the CLI into dist/cli/llmtree.js (plus lazily loaded chunks) so that a command loads a few
// files instead of a hundred modules: start-up is most of a query's time. The library keeps tsc's
// per-module output in dist/. Native and heavy packages stay external and load only when needed.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli/chunks', { recursive: true, force: true });

await build({
  entryPoints: { llmtree: 'dist/cli/main.js' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', 'yaml', 'better-sqlite3'],
  // CommonJS dependencies (commander) require Node built-ins; ESM output needs a require to hand them.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
