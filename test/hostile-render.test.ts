/** Hostile strings, icons and paths through the CLI and the renderer. */
import { describe, it, expect } from 'vitest';
import { existsSync, rmSync, mkdirSync, readFileSync, readdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseIcon, renderSvg, svgToPng } from '../src/render/index.js';
import { loadCatalog, formatIssue } from '../src/catalog/index.js';
import { layoutTree } from '../src/layout/index.js';
import { readIcons } from '../src/cli/render.js';
import { fixture, readFixture, cli, outDir } from './helpers.js';

const ENV = { LLMTREE_CACHE: '0' };
const NOW = new Date('2026-11-28T00:00:00Z');

const EVIL_ICON = `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
<style>@import url(https://evil.example/x.css);</style>
<script>alert(1)</script><script xlink:href="https://evil.example/x.js"/>
<rect width="10" height="10" onclick="alert(2)" ONLOAD="alert(3)" style="fill:url(https://e.example/y);stroke:red" fill="url(#g)" stroke="url(http://x/y#z)"/>
<a href="javascript:alert(4)"><circle r="3"/></a>
<g><animate attributeName="href" to="javascript:alert(5)" begin="0s" onbegin="alert(6)"/><set attributeName="onclick" to="alert(7)"/></g>
<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>
<image href="https://evil.example/track.png"/><use xlink:href="https://evil.example/sprite.svg#a"/><use href="#ok"/>
<text>a &lt;b&gt; &amp; ]]&gt;</text><![CDATA[<script>]]>
</svg>`;

/** A minimal well-formedness check: tags balance, attributes are quoted, no stray markup. */
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  for (const m of svg.matchAll(re)) {
    if (!m[2]) return false;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]);
  }
  return stack.length === 0;
}

describe('hostile icons', () => {
  it('keeps only drawing elements and local references', () => {
    const icon = parseIcon(EVIL_ICON)!;
    expect(icon.viewBox).toEqual([0, 0, 10, 10]);
    expect(icon.body).not.toMatch(/<script|script>alert|style>|@import|onclick|onload|onbegin|<animate|<set|foreignObject|iframe|<image|<a\b|javascript:|https?:/i);
    expect(icon.body).toMatch(/<rect width="10" height="10" style="stroke:red" fill="url\(#icon-[a-z0-9]+-g\)"\/>/);
    expect(icon.body).toMatch(/<use href="#icon-[a-z0-9]+-ok"\/>/);
    expect(icon.body).toContain('&lt;script&gt;');
    expect(wellFormed(`<svg>${icon.body}</svg>`)).toBe(true);
  });

  it("prefixes an icon's ids and its references to them, so it cannot take over the figure's ids", () => {
    const icon = parseIcon('<svg viewBox="0 0 1 1"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><path id="trunk-label-decoder-only" d="M0 0" fill="url(#g)"/><use href="#g"/></svg>')!;
    const prefix = /id="(icon-[a-z0-9]+-)g"/.exec(icon.body)![1];
    expect(icon.body).toContain(`fill="url(#${prefix}g)"`);
    expect(icon.body).toContain(`<use href="#${prefix}g"/>`);
    expect(icon.body).not.toMatch(/id="trunk-label/);
  });

  it('refuses what is not well-formed, entity definitions and non-SVG', () => {
    expect(parseIcon('<svg viewBox="0 0 1 1"><g></svg>')).toBeNull();
    expect(parseIcon('<svg viewBox="0 0 1 1"><rect onload=alert(1)/></svg>')).toBeNull();
    expect(parseIcon('<!DOCTYPE x [<!ENTITY a "b">]><svg viewBox="0 0 1 1">&a;</svg>')).toBeNull();
    expect(parseIcon('<svg viewBox="0 0 1 1"><scr<script></script>ipt>alert(8)</script></svg>')).toBeNull();
    expect(parseIcon('root:x:0:0:root:/root:/bin/bash\n')).toBeNull();
    expect(parseIcon('<html><svg viewBox="0 0 1 1"/></html>')).toBeNull();
  });

  it('validate reports an icon outside the catalog, behind a link, or not a parsable SVG', () => {
    const dir = fixture();
    mkdirSync(join(dir, 'icons'));
    writeFileSync(join(dir, 'icons', 'text.svg'), 'not an svg');
    symlinkSync('/etc/hostname', join(dir, 'icons', 'link.svg'));
    const orgs = readFixture('organizations.yaml')
      .replace('website: https://ai.google', 'icon: ../../etc/passwd')
      .replace('name: OpenAI,', 'name: OpenAI, icon: icons/text.svg,')
      .replace('name: Meta AI,', 'name: Meta AI, icon: /etc/passwd,')
      .replace('name: Stanford University,', 'name: Stanford University, icon: icons/link.svg,');
    writeFileSync(join(dir, 'organizations.yaml'), orgs);
    const issues = loadCatalog(dir, { now: NOW }).issues.map(formatIssue);
    expect(issues).toEqual([
      expect.stringMatching(/organizations\.yaml:2:\d+: icon "\.\.\/\.\.\/etc\/passwd" is outside the catalog folder$/),
      expect.stringMatching(/organizations\.yaml:3:\d+: icon "icons\/text\.svg" is not a well-formed SVG/),
      expect.stringMatching(/organizations\.yaml:4:\d+: icon "\/etc\/passwd" is outside the catalog folder$/),
      expect.stringMatching(/organizations\.yaml:5:\d+: icon "icons\/link\.svg" is outside the catalog folder \(through a link\)/),
    ]);
    // The renderer, given such a catalog by a library user, never reads outside the folder.
    const { catalog } = loadCatalog(dir, { now: NOW });
    const scene = layoutTree(catalog, catalog.models);
    const icons = readIcons(catalog, scene);
    expect([...icons.keys()]).toEqual(['icons/text.svg']);
    const svg = renderSvg(scene, { icons });
    expect(svg).not.toMatch(/root:|not an svg/);
  });

  it('a rendered figure with a hostile icon has nothing active and is well-formed', () => {
    const dir = fixture({ 'organizations.yaml': readFixture('organizations.yaml').replace('website: https://ai.google', 'icon: icons/evil.svg') });
    mkdirSync(join(dir, 'icons'));
    writeFileSync(join(dir, 'icons', 'evil.svg'), EVIL_ICON);
    const out = join(outDir(), 'tree.svg');
    const r = cli(['render', '--catalog', dir, '-o', out], { env: ENV });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).not.toMatch(/<script|<style|@import|onclick|onload|onbegin|<animate|<set\b|foreignObject|<image|javascript:|evil\.example/i);
    expect(wellFormed(svg)).toBe(true);
    expect(svgToPng(svg, { scale: 0.5 }).length).toBeGreaterThan(100); // resvg parses it
  });
});

describe('hostile strings through every surface', () => {
  const model = readFixture('models/bert.yaml')
    .replace('name: BERT', `name: "<script>]]>&\\"' 😀中文 =cmd"`)
    .replace('tags: [base]', `tags: [base]\naliases: ["=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2"]\narchitecture: "</text><script>alert(1)</script>"\nnotes: "a\\nb"`);
  const dir = fixture({
    'models/bert.yaml': model,
    'organizations.yaml': readFixture('organizations.yaml').replace('name: Google,', `name: "G<o>&\\"o'gle", badge: "<&>",`),
  });

  it('validates, and list/show/lineage/licenses print it without control characters', () => {
    expect(cli(['validate', dir], { env: ENV }).code).toBe(0);
    for (const args of [['list'], ['list', '--format', 'json'], ['show', 'bert'], ['lineage', 'bert'], ['licenses'], ['stats']]) {
      const r = cli([...args, '--catalog', dir], { env: ENV });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    }
    expect(cli(['show', 'bert', '--catalog', dir], { env: ENV }).stdout).toContain('<script>]]>&"\' 😀中文 =cmd');
  });

  it('CSV neutralises formula cells', () => {
    const dir2 = fixture({ 'models/bert.yaml': readFixture('models/bert.yaml').replace('name: BERT', 'name: "=HYPERLINK(\\"http://x\\")"') });
    const r = cli(['list', '--format', 'csv', '--catalog', dir2], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`bert,"'=HYPERLINK(""http://x"")"`);
    expect(r.stdout.split('\n').some((l) => /(^|,)[=+@-]/.test(l.replace(/^bert,/, '')))).toBe(false);
  });

  it('render to svg, png, pdf and json: escaped, well-formed, and nothing half-written', () => {
    const out0 = outDir();
    for (const ext of ['svg', 'png', 'pdf', 'json']) {
      const out = join(out0, `tree.${ext}`);
      const r = cli(['render', '--catalog', dir, '-o', out, '--title', '<t>&]]>"', '--highlight', 'bert'], { env: ENV });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    const svg = readFileSync(join(out0, 'tree.svg'), 'utf8');
    expect(wellFormed(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;]]&gt;&amp;&quot;&apos; 😀中文 =cmd');
    expect(svg).toContain('G&lt;o&gt;&amp;&quot;o&apos;gle');
    expect(JSON.parse(readFileSync(join(out0, 'tree.json'), 'utf8'))).toBeTruthy();
    expect(readdirSync(out0).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('hostile dates on the command line', () => {
  it('impossible dates and reversed ranges are usage errors (exit 2), not empty results', () => {
    const C = ['--catalog', 'test/fixtures/mini'];
    for (const [args, msg] of [
      [['list', '--since', '2023-13'], /--since: "2023-13" is not a date/],
      [['list', '--until', '2023-02-30'], /--until: "2023-02-30" is not a date/],
      [['list', '--since', '2024', '--until', '2023'], /--since 2024 is after --until 2023/],
      [['render', '--format', 'json', '--from', '2025', '--to', '2020'], /--from 2025 is after --to 2020/],
      [['render', '--format', 'json', '--from', '2023-00'], /--from: "2023-00" is not a date/],
    ] as const) {
      const r = cli([...args, ...C], { env: ENV });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
    expect(cli(['list', '--since', '2024-02-29', ...C], { env: ENV }).code).toBe(0);
  });
});

describe('hostile paths', () => {
  it('--title longer than a title: exit 2, nothing written', () => {
    const dir = fixture();
    const out = outDir();
    const r = cli(['render', '--catalog', dir, '-o', join(out, 't.png'), '--title', 'T'.repeat(3000)], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--title: 3000 characters; a title may have at most 200/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--catalog at a file or a folder without models/: exit 1 naming it; a missing folder: usage error, exit 2', () => {
    const r1 = cli(['list', '--catalog', 'README.md'], { env: ENV });
    expect(r1.code).toBe(1);
    expect(r1.stdout + r1.stderr).toMatch(/README\.md:1:1: catalog folder not found: this is a file/);
    for (const args of [['list', '--catalog', '/nonexistent/catalog'], ['validate', '/nonexistent/catalog'], ['guide', '--task', 'ner', '--catalog', '/nonexistent/catalog']]) {
      const r = cli(args, { env: ENV });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/catalog folder not found: \/nonexistent\/catalog/);
    }
    const noModels = fixture();
    rmSync(join(noModels, 'models'), { recursive: true });
    const r = cli(['list', '--catalog', noModels], { env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/models:1:1: no model files/);
  });

  it('render -o into a missing folder, onto a folder, or with an unknown extension: exit 2 before any work, nothing written', () => {
    const catalog = fixture();
    const dir = outDir();
    mkdirSync(join(dir, 'out.svg'));
    for (const [out, msg] of [
      [join(dir, 'missing', 'tree.png'), /-o: the folder ".*missing" does not exist/],
      [join(dir, 'out.svg'), /-o: ".*out\.svg" is a folder, not a file/],
      [join(dir, 'tree.bmp'), /-o: cannot tell the format of ".*tree\.bmp"; use \.svg, \.png, \.pdf, \.json, \.gif or \.apng/],
      [join(dir, 'tree'), /-o: cannot tell the format/],
    ] as const) {
      const r = cli(['render', '--catalog', catalog, '-o', out], { env: ENV });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
    expect(readdirSync(dir).sort()).toEqual(['out.svg']);
  });
});

