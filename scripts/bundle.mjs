// Bundle the CLI into dist/cli/llmtree.js (plus lazily loaded chunks) so that a command loads a few
// files instead of a hundred modules: start-up is most of a query's time. The library keeps tsc's
// per-module output in dist/. Native and heavy packages stay external and load only when needed.
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

/**
 * Node's built-in modules through `require`, not `import`: an ESM import of a built-in makes Node build
 * a module facade that reads every export (fs's lazy ReadStream getters load the streams), which cost
 * the CLI's start-up tens of ms; `require` hands over the module object as it is. esbuild's interop
 * reads a named import (`readFileSync`) off that object when it is used. commander's own
 * `require('node:child_process')` (for executable subcommands, which llmtree has none of) loads only
 * if touched: child_process alone costs about 10 ms to load.
 */
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (a) => {
      // A dynamic import() stays as it is (a split-off CJS wrapper chunk would hand back only a default export).
      if (a.namespace.startsWith('builtin') || a.kind === 'dynamic-import' || !builtins.has(a.path)) return undefined;
      const lazy = a.path.endsWith('child_process') && /[\\/]node_modules[\\/]commander[\\/]/.test(a.importer);
      return { path: a.path, namespace: lazy ? 'builtin-lazy' : 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (a) => ({ contents: `module.exports = require(${JSON.stringify(a.path)});`, loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-lazy' }, (a) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require(${JSON.stringify(a.path)}))[k] });`,
      loader: 'js',
    }));
  },
};

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
  plugins: [builtinsViaRequire],
  logLevel: 'warning',
});
