/** Output writes never replace what they should not: links, pipes, devices, folders, catalog files. */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, cli, outDir, CLI } from './helpers.js';
import { writeOutput } from '../src/cli/output.js';
import { svgToPng, pngSize, PixelBudgetError } from '../src/render/png.js';

const ENV = { LLMTREE_CACHE: '0' };
const dir = fixture();

function render(out: string, ...extra: string[]) {
  const t = Date.now();
  const r = cli(['render', '--catalog', dir, '-o', out, ...extra], { env: ENV });
  return { ...r, ms: Date.now() - t };
}

describe('render -o refuses targets that are not regular files', () => {
  it('a symbolic link is refused and left as it was (policy: never written through, never replaced)', () => {
    const out = outDir();
    writeFileSync(join(out, 'real.svg'), 'keep');
    symlinkSync(join(out, 'real.svg'), join(out, 'link.svg'));
    const r = render(join(out, 'link.svg'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o: ".*link\.svg" is a symbolic link \(give the real path\)/);
    expect(lstatSync(join(out, 'link.svg')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(out, 'link.svg'))).toBe(join(out, 'real.svg'));
    expect(readFileSync(join(out, 'real.svg'), 'utf8')).toBe('keep');
  });

  it('a FIFO is refused without blocking, and stays a FIFO', () => {
    const out = outDir();
    execFileSync('mkfifo', [join(out, 'fifo.svg')]);
    const r = render(join(out, 'fifo.svg'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a named pipe; llmtree writes only regular files/);
    expect(lstatSync(join(out, 'fifo.svg')).isFIFO()).toBe(true);
    expect(readdirSync(out)).toEqual(['fifo.svg']);
  });

  it('/dev/null and /dev/stdout are refused (the device stays a device); -o - writes to stdout', () => {
    const r = render('/dev/null', '--format', 'svg');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"\/dev\/null" is a device \(use -o - to write to standard output\)/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(render('/dev/stdout', '--format', 'svg').code).toBe(2);
  });

  it('-o - writes every format to stdout (svg by default)', () => {
    const svg = render('-');
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stdout).toMatch(/^<svg /);
    const json = render('-', '--format', 'json');
    expect(JSON.parse(json.stdout).boxes.length).toBeGreaterThan(0);
    for (const [format, magic] of [['png', '\x89PNG'], ['pdf', '%PDF']]) {
      const bytes = execFileSync(process.execPath, [CLI, 'render', '--catalog', dir, '-o', '-', '--format', format], { env: { ...process.env, ...ENV } });
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(magic);
    }
  });

  it('writing inside the catalog folder is refused, and the catalog file is unchanged', () => {
    const c = fixture();
    const before = readFileSync(join(c, 'models', 'llama.yaml'));
    const r = cli(['render', '--catalog', c, '-o', join(c, 'models', 'llama.yaml'), '--format', 'svg'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is inside the catalog folder/);
    expect(readFileSync(join(c, 'models', 'llama.yaml'))).toEqual(before);
    expect(cli(['render', '--catalog', c, '-o', join(c, 'tree.svg')], { env: ENV }).code).toBe(2);
  });

  it('a legal 245-character file name works, leaving no temporary file', () => {
    const out = outDir();
    const name = 'a'.repeat(241) + '.svg';
    const r = render(join(out, name));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([name]);
  });

  it('a regular file is replaced atomically; a failed write reports the first error and leaves nothing', () => {
    const out = outDir();
    writeFileSync(join(out, 'tree.svg'), 'old');
    expect(render(join(out, 'tree.svg')).code).toBe(0);
    expect(readFileSync(join(out, 'tree.svg'), 'utf8')).toMatch(/^<svg /);
    // /proc/self is a folder in which no file can be created: the error is the write's, not the cleanup's.
    expect(() => writeOutput('/proc/self/tree.svg', 'x')).toThrow(/^cannot write \/proc\/self\/tree\.svg: E[A-Z]+ \(open\)$/);
    expect(readdirSync(out)).toEqual(['tree.svg']);
  });
});

describe('range-checked render flags and the PNG pixel budget', () => {
  const out = outDir();
  for (const [args, msg] of [
    [['--scale', '20'], /--scale: 20 is out of range; use a number from 0.1 to 10/],
    [['--width', '100000'], /the PNG would be 100000×\d+ px .*the limit is 100 megapixels: lower --width or --scale/],
    [['--width', '30000'], /the limit is 100 megapixels: lower --width or --scale/],
    [['--from', '1000', '--to', '9999'], /--from: 1000 is outside the catalog's years; use a date from \d{4} to \d{4}/],
    [['--width', '1e9'], /--width: 1000000000 is out of range/],
    [['--width', 'abc'], /--width: "abc" is not a number/],
  ] as const) {
    it(`render -o x.png ${args.join(' ')}: exit 2 before allocating, nothing written`, () => {
      const r = render(join(out, 'x.png'), ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(readdirSync(out)).toEqual([]);
    });
  }

  it('svgToPng refuses a figure over the budget before resvg allocates anything', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"/>';
    expect(pngSize(svg, { scale: 2 })).toEqual({ width: 40000, height: 40000 });
    expect(() => svgToPng(svg)).toThrow(PixelBudgetError);
    expect(() => svgToPng(svg)).toThrow(/20000×20000 px \(400 megapixels\); the limit is 100 megapixels/);
    expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>').subarray(1, 4).toString()).toBe('PNG');
  });

  it('--width 1e-9 -o x.svg is refused rather than writing a 0×0 SVG', () => {
    const r = render(join(out, 'x.svg'), '--width', '1e-9');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--width: 1e-9 is out of range; use a number from 64 to 100000/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('arguments in messages', () => {
  it('control characters from arguments are escaped (no ESC or BEL reaches the terminal)', () => {
    const r = cli(['show', 'x\x1b[2J\x07y', '--catalog', dir], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown model "x\\x1b[2J\\x07y"');
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
    const bad = cli(['list', '--family', '\x1b]0;pwned\x07', '--catalog', dir], { env: ENV });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/[\x07\x1b]/);
  });

  it('render --highlight with a 131,000-character argument answers at once, quoting only its start', () => {
    const r = render(join(outDir(), 'x.svg'), '--highlight', 'q'.repeat(131_000));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.ms).toBeLessThan(10_000); // was 32 s; usually ~0.3 s (a loose bound for a busy machine)
  });
});
