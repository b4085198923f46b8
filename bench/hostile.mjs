// Every repro of the hardening issue (13), run against the built CLI on a copy of the bundled catalog:
// exit code, first line of output, wall time and peak memory (from /usr/bin/time).
// Run: npm run build && node bench/hostile.mjs
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli', 'llmtree.js');
const tmp = mkdtempSync(join(tmpdir(), 'llmtree-hostile-'));
const fresh = () => {
  const c = join(mkdtempSync(join(tmp, 'c-')), 'c');
  cpSync(join(root, 'catalog'), c, { recursive: true });
  return c;
};
const out = mkdtempSync(join(tmp, 'out-'));
const rows = [];

function run(name, args, env = {}) {
  const cache = env.XDG_CACHE_HOME ?? mkdtempSync(join(tmp, 'cache-'));
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000, env: { ...process.env, XDG_CACHE_HOME: cache, ...env },
  });
  const ms = performance.now() - t;
  const err = r.stderr.trim().split('\n');
  const kb = Number(err.pop());
  const first = (err.find((l) => l.trim()) ?? r.stdout.split('\n')[0] ?? '').replace(/\/tmp\/llmtree-hostile-\w+\/(c-\w+\/)?/g, '').slice(0, 110);
  rows.push({ name, code: r.status ?? r.signal, ms: Math.round(ms), mb: Math.round(kb / 1024), first });
  return cache;
}

const bert = (c) => join(c, 'models', 'bert.yaml');

// 1. Writes
symlinkSync(join(out, 'real.svg'), join(out, 'link.svg'));
run('render -o link.svg (symlink)', ['render', '-o', join(out, 'link.svg')]);
execFileSync('mkfifo', [join(out, 'fifo.svg')]);
run('render -o fifo.svg (FIFO)', ['render', '-o', join(out, 'fifo.svg')]);
run('render -o /dev/null --format svg', ['render', '-o', '/dev/null', '--format', 'svg']);
run('render -o /dev/stdout --format svg', ['render', '-o', '/dev/stdout', '--format', 'svg']);
run('render -o - --format png (stdout)', ['render', '-o', '-', '--format', 'png']);
{
  const c = fresh();
  run('render -o <catalog>/models/llama-2.yaml', ['render', '--catalog', c, '-o', join(c, 'models', 'llama-2.yaml'), '--format', 'svg']);
}
run('render -o <245-char name>.svg', ['render', '-o', join(out, 'a'.repeat(241) + '.svg')]);

// 2. Bounded work
for (const levels of [9, 30]) {
  const c = fresh();
  let y = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < levels; i++) y += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  writeFileSync(bert(c), readFileSync(bert(c), 'utf8') + y);
  run(`validate, alias bomb ${levels} levels, cache on`, ['validate', c]);
  run(`validate, alias bomb ${levels} levels, LLMTREE_CACHE=0`, ['validate', c], { LLMTREE_CACHE: '0' });
}
{
  const c = fresh();
  writeFileSync(bert(c), readFileSync(bert(c), 'utf8') + 'zz: &x {a: *x}\n');
  run('validate, zz: &x {a: *x}, cache on', ['validate', c]);
  run('validate, zz: &x {a: *x}, LLMTREE_CACHE=0', ['validate', c], { LLMTREE_CACHE: '0' });
}
{
  const c = fresh();
  const line = Buffer.alloc(1_000_000, 0x61);
  line[500_000] = 0xff;
  writeFileSync(bert(c), Buffer.concat([readFileSync(bert(c)), Buffer.from('notes: "'), line, Buffer.from('"\n')]));
  run('validate, 1 MB line with one bad UTF-8 byte', ['validate', c]);
  run('render, same file', ['render', '--catalog', c, '-o', join(out, 'u.svg')]);
}
for (const args of [['--scale', '20'], ['--width', '100000'], ['--from', '1000', '--to', '9999'], ['--width', '1e9']]) {
  run(`render -o x.png ${args.join(' ')}`, ['render', '-o', join(out, 'x.png'), ...args]);
}
run('render -o x.svg --width 1e-9', ['render', '-o', join(out, 'x.svg'), '--width', '1e-9']);
{
  const c = fresh();
  const orgs = readFileSync(join(c, 'organizations.yaml'), 'utf8').replace(/icon: \S+/, 'icon: icons/deep.svg');
  writeFileSync(join(c, 'organizations.yaml'), orgs);
  writeFileSync(join(c, 'icons', 'deep.svg'), `<svg viewBox="0 0 1 1">${'<g>'.repeat(5000)}${'</g>'.repeat(5000)}</svg>`);
  run('validate, icon with 5,000 nested <g>', ['validate', c]);
  run('render, same icon', ['render', '--catalog', c, '-o', join(out, 'deep.svg')]);
}
for (const [n, cmd] of [[5000, 'lineage'], [20000, 'validate']]) {
  const c = fresh();
  const base = readFileSync(bert(c), 'utf8').replace(/^survey:.*\n/m, '').replace(/^parents:[\s\S]*?(?=^\w)/m, '');
  for (let i = 0; i < n; i++) {
    writeFileSync(join(c, 'models', `z${i}.yaml`), base.replace(/^id: .*/m, `id: z${i}`).replace(/^name: .*/m, `name: Z${i}`).replace(/^aliases: .*\n/m, '') + (i ? `parents: [{model: z${i - 1}, relation: finetune}]\n` : ''));
  }
  const args = cmd === 'lineage' ? ['lineage', `z${n - 1}`, '--catalog', c] : ['validate', c];
  run(`${cmd}, ${n.toLocaleString('en')}-long parent chain`, args);
  rmSync(c, { recursive: true, force: true });
}
run('render --highlight <131,000 characters>', ['render', '-o', join(out, 'h.svg'), '--highlight', 'q'.repeat(131_000)]);

// 3. The cache
{
  const c = fresh();
  const cache = run('validate (icon test: writes the snapshot)', ['validate', c]);
  const icon = /icon: (\S+)/.exec(readFileSync(join(c, 'organizations.yaml'), 'utf8'))[1];
  writeFileSync(join(c, icon), '<svg><g></svg>');
  run('render (cached) after an icon is replaced', ['render', '--catalog', c, '-o', join(out, 'i.svg')], { XDG_CACHE_HOME: cache });
  rmSync(join(c, icon));
  run('render (cached) after an icon is deleted', ['render', '--catalog', c, '-o', join(out, 'i.svg')], { XDG_CACHE_HOME: cache });
}
{
  const c = fresh();
  const cache = run('validate (snapshot test)', ['validate', c]);
  const dir = join(cache, 'llmtree');
  const snap = join(dir, readdirSync(dir).find((f) => !f.startsWith('parsed-')));
  const text = readFileSync(snap, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('\n') + 1));
  delete data.models[0].released;
  const body = JSON.stringify(data);
  writeFileSync(snap, text.slice(0, text.lastIndexOf(' ', text.indexOf('\n')) + 1) + createHash('sha256').update(body).digest('hex') + '\n' + body);
  run('render with a snapshot of the right key, bad content', ['render', '--catalog', c, '-o', join(out, 's.svg')], { XDG_CACHE_HOME: cache });
  const memo = join(dir, readdirSync(dir).find((f) => f.startsWith('parsed-')));
  const mt = readFileSync(memo, 'utf8');
  const m = JSON.parse(mt.slice(mt.indexOf('\n') + 1));
  for (const v of Object.values(m.entries)) if (v.id === 'bert') v.name = 7;
  const mb = JSON.stringify(m);
  writeFileSync(memo, mt.slice(0, mt.lastIndexOf(' ', mt.indexOf('\n')) + 1) + createHash('sha256').update(mb).digest('hex') + '\n' + mb);
  run('validate with a poisoned parse-memo entry', ['validate', c], { XDG_CACHE_HOME: cache });
  for (const f of readdirSync(dir)) {
    rmSync(join(dir, f));
    symlinkSync('/dev/zero', join(dir, f));
  }
  run('list, cache files are links to /dev/zero', ['list', '--catalog', c], { XDG_CACHE_HOME: cache });
  for (const f of readdirSync(dir)) {
    rmSync(join(dir, f));
    execFileSync('mkfifo', [join(dir, f)]);
  }
  run('list, cache files are FIFOs', ['list', '--catalog', c], { XDG_CACHE_HOME: cache });
  for (const f of readdirSync(dir)) {
    rmSync(join(dir, f));
    mkdirSync(join(dir, f));
  }
  run('validate, cache writes fail (path is a folder)', ['validate', c], { XDG_CACHE_HOME: cache });
  rows.push({ name: '  … *.tmp files left in the cache folder', code: '', ms: '', mb: '', first: String(readdirSync(dir).filter((f) => f.endsWith('.tmp')).length) });
}

// 4. Smaller
{
  const c = fresh();
  rmSync(join(c, 'models'), { recursive: true });
  writeFileSync(join(c, 'models'), 'x');
  run('validate, models/ is a file', ['validate', c]);
}
for (const [label, from, to] of [
  ['released: 0x7E7', /^released: .*/m, 'released: 0x7E7'],
  ['released: 0o3747', /^released: .*/m, 'released: 0o3747'],
  ['released: +2023', /^released: .*/m, 'released: +2023'],
  ['released: 2023.0', /^released: .*/m, 'released: 2023.0'],
  ['name: " "', /^name: .*/m, 'name: " "'],
  ['name: "\\u200B"', /^name: .*/m, 'name: "\\u200B"'],
  ['name: "\\u3000"', /^name: .*/m, 'name: "\\u3000"'],
  ['name: "\\uFEFF"', /^name: .*/m, 'name: "\\uFEFF"'],
  ['name: "\\uD800"', /^name: .*/m, 'name: "\\uD800"'],
  ['parameters: [{total: 7B, active: 70B}]', /^parameters:[\s\S]*?(?=^\w)/m, 'parameters: [{total: 7B, active: 70B}]\n'],
  ['hf: ["../.."]', /^hf:.*\n/m, ''],
]) {
  const c = fresh();
  let t = readFileSync(bert(c), 'utf8').replace(from, to);
  if (label.startsWith('hf')) t += 'hf: ["../.."]\n';
  writeFileSync(bert(c), t);
  run(`validate, ${label}`, ['validate', c], { LLMTREE_CACHE: '0' });
}
{
  const c = fresh();
  writeFileSync(join(c, 'models', 'llama-2.yaml'), 'id: llama-2\nname: [unclosed\n');
  run('validate, llama-2.yaml cannot be parsed', ['validate', c]);
}
run('show "x<ESC>[2J<BEL>y"', ['show', 'x\x1b[2J\x07y']);

console.log('| repro | exit | ms | peak MB | first line of output |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.code} | ${r.ms} | ${r.mb} | ${String(r.first).replace(/\|/g, '\\|').replace(/[\x00-\x1f]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`)} |`);
rmSync(tmp, { recursive: true, force: true });
