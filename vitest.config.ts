import { defineConfig } from 'vitest/config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Snapshots and parse memos written by the tests stay out of the user's cache folder.
    env: { XDG_CACHE_HOME: join(tmpdir(), `llmtree-test-cache-${process.pid}`) },
  },
});
