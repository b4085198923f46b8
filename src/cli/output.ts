/**
 * Where a command's output goes: a regular file written atomically, or stdout for `-o -`.
 * Every command that writes a file calls `checkOutput` before any work and `writeOutput` at the end.
 *
 * Policy: the target must be a regular file or not exist yet. A device, FIFO, socket or folder is
 * refused (a rename would replace it), and so is a symbolic link: llmtree neither replaces a link
 * with a file nor writes through it, so give the real path. The target may not lie inside the catalog
 * folder (links resolved), so a render can never overwrite the data it was drawn from. The temporary
 * file has a short name of its own in the target's folder; a failed write removes it, leaves the
 * target as it was, and reports the first error, not a cleanup error.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** `-o -` means standard output, for every format. */
export const STDOUT = '-';

function lstatOrUndefined(path: string, follow = false): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if (['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw new UsageError(`-o: cannot use "${path}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function kind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link (give the real path)';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device (use -o - to write to standard output)';
  return 'not a regular file';
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuse an output path before any work is done. `catalog` is the catalog folder the output must stay out of. */
export function checkOutput(file: string, catalog?: string): void {
  if (file === STDOUT) return;
  const abs = resolve(file);
  const dir = dirname(abs);
  const d = lstatOrUndefined(dir, true);
  if (!d) throw new UsageError(`-o: the folder "${dirname(file)}" does not exist`);
  if (!d.isDirectory()) throw new UsageError(`-o: "${dirname(file)}" is not a folder`);
  if (Buffer.byteLength(basename(abs)) > 255) throw new UsageError(`-o: the file name is longer than 255 bytes`);
  const st = lstatOrUndefined(abs);
  if (st?.isDirectory()) throw new UsageError(`-o: "${file}" is a folder, not a file`);
  if (st && !st.isFile()) throw new UsageError(`-o: "${file}" is ${kind(st)}; llmtree writes only regular files`);
  if (catalog && inside(resolve(realFolder(dir), basename(abs)), realFolder(catalog)))
    throw new UsageError(`-o: "${file}" is inside the catalog folder ${catalog}; write the output somewhere else`);
}

/** A temporary name in the target's folder: short, so it is within any file-name limit. */
function tempName(file: string): string {
  return resolve(dirname(file), `.llmtree-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Write `data` to `file` atomically (or to stdout for `-o -`). Throws an Error naming the file and the cause. */
export function writeOutput(file: string, data: string | Uint8Array, catalog?: string): void {
  if (file === STDOUT) {
    process.stdout.write(data);
    return;
  }
  const abs = resolve(file);
  checkOutput(abs, catalog); // again: the path may have changed while the figure was drawn
  const tmp = tempName(abs);
  try {
    writeFileSync(tmp, data, { flag: 'wx', mode: 0o666 });
    const st = lstatOrUndefined(abs);
    if (st && !st.isFile()) throw new UsageError(`-o: "${file}" is ${kind(st)}; llmtree writes only regular files`);
    renameSync(tmp, abs);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the first error is the one to report
    }
    if (e instanceof UsageError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new Error(`cannot write ${file}: ${err.code ? `${err.code} (${err.syscall ?? 'write'})` : err.message}`);
  }
}
