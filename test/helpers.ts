import { cpSync, mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = resolve(import.meta.dirname, '..');
export const MINI = join(ROOT, 'test', 'fixtures', 'mini');
export const CLI = join(ROOT, 'dist', 'cli', 'llmtree.js');

/** A copy of the mini fixture catalog with some files replaced (content null = delete). */
export function fixture(files: Record<string, string | null> = {}, base = MINI): string {
  const dir = mkdtempSync(join(tmpdir(), 'llmtree-'));
  cpSync(base, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    if (content === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** An empty folder for output files (outputs may not go inside a catalog folder). */
export function outDir(): string {
  return mkdtempSync(join(tmpdir(), 'llmtree-out-'));
}

export function readFixture(name: string): string {
  return readFileSync(join(MINI, name), 'utf8');
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: options.timeout,
    env: { ...process.env, ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `llmtree render --catalog CATALOG ...args` in this process: a usage error is thrown, not printed. */
export async function renderInProcess(catalog: string, ...args: string[]): Promise<void> {
  const [{ Command }, { registerRender }] = await Promise.all([import('commander'), import('../src/cli/render.js')]);
  const program = new Command().exitOverride();
  registerRender(program);
  await program.parseAsync(['node', 'llmtree', 'render', '--catalog', catalog, ...args]);
}
