/** A one-line progress bar on stderr, shown only when stderr is a terminal; rows/s and percent of bytes. */
export interface Progress {
  tick(rows: number, bytes?: number): void;
  done(): void;
}

export function progress(label: string, totalBytes?: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { tick() {}, done() {} };
  const start = Date.now();
  let last = 0;
  let shown = false;
  const draw = (rows: number, bytes?: number) => {
    const secs = Math.max((Date.now() - start) / 1000, 1e-3);
    const rate = Math.round(rows / secs);
    let bar = '';
    if (totalBytes && bytes !== undefined) {
      const f = Math.min(1, bytes / totalBytes);
      const w = 24;
      bar = `[${'#'.repeat(Math.round(f * w)).padEnd(w, '.')}] ${(f * 100).toFixed(0).padStart(3)}% `;
    }
    stream.write(`\r${label} ${bar}${rows.toLocaleString('en-US')} rows  ${rate.toLocaleString('en-US')} rows/s\x1b[K`);
    shown = true;
  };
  let lastRows = 0;
  let lastBytes: number | undefined;
  return {
    tick(rows, bytes) {
      lastRows = rows;
      lastBytes = bytes;
      if ((rows & 1023) !== 0) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(rows, bytes);
    },
    done() {
      if (shown) {
        draw(lastRows, lastBytes);
        stream.write('\n');
      }
    },
  };
}
