/**
 * Streaming readers for source dumps: JSONL or a JSON array, plain or gzip (detected from the
 * file's first bytes, not its name). Records come one at a time with the line they start on, so
 * memory stays bounded however large the file, and a broken record can be reported as `file:line`.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export interface RawRecord {
  /** The record's JSON text. */
  text: string;
  /** 1-based line the record starts on (in the decompressed text). */
  line: number;
}

/** Progress callback: bytes of the (compressed) file read so far. */
export type OnBytes = (bytes: number) => void;

export function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The file's text in chunks, decompressed when it is gzip. */
export async function* textChunks(file: string, onBytes?: OnBytes): AsyncGenerator<string> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  if (onBytes) raw.on('data', (b) => onBytes((bytes += b.length)));
  const stream: Readable = isGzip(file) ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  if (stream !== raw) raw.on('error', (e) => stream.destroy(e));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) yield decoder.write(chunk as Buffer);
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * JSON records from a JSONL file or a JSON array (the first non-blank character decides). In a
 * JSONL file each non-blank line is one record; in an array each top-level element is one.
 */
export async function* jsonRecords(file: string, onBytes?: OnBytes): AsyncGenerator<RawRecord> {
  const chunks = textChunks(file, onBytes);
  let first = await chunks.next();
  while (!first.done && first.value.trim() === '') first = await chunks.next();
  if (first.done) return;
  const head = first.value;
  const rest = (async function* () {
    yield head;
    yield* chunks;
  })();
  if (head.trimStart().startsWith('[')) yield* arrayElements(rest);
  else yield* lines(rest);
}

/** Non-blank lines with their line numbers. */
export async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let carry = '';
  let line = 1;
  for await (const chunk of chunks) {
    const text = carry ? carry + chunk : chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const s = text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
      if (s.trim()) yield { text: s, line };
      line++;
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry.trim()) yield { text: carry, line };
}

/**
 * The top-level elements of a JSON array, as text, without parsing them: a scanner tracks strings,
 * escapes and bracket depth. A top-level element that is not an object or array is yielded as is
 * (the caller's JSON.parse will report it).
 */
export async function* arrayElements(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let depth = 0; // 1 = inside the top-level array
  let inString = false;
  let escaped = false;
  let buf = '';
  let bufLine = 0;
  let line = 1;
  let started = false;
  for await (const chunk of chunks) {
    let from = 0; // start of the element's text within this chunk, when depth >= 2 or in a scalar
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) {
        if (depth === 1) throw new SyntaxError(`line ${line}: a top-level array element must be an object`);
        inString = true;
      } else if (c === 123 || c === 91) {
        if (!started) {
          if (c !== 91) throw new SyntaxError(`line ${line}: expected a JSON array`);
          started = true;
          depth = 1;
          continue;
        }
        if (depth === 1) {
          from = i;
          buf = '';
          bufLine = line;
        }
        depth++;
      } else if (c === 125 || c === 93) {
        depth--;
        if (depth === 1) {
          yield { text: buf + chunk.slice(from, i + 1), line: bufLine };
          buf = '';
        } else if (depth === 0) return;
      }
    }
    if (depth >= 2) buf += chunk.slice(from);
  }
  if (depth !== 0) throw new SyntaxError(`line ${line}: the JSON array is not closed (truncated file?)`);
}
