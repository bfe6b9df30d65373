import { defineConfig } from 'vitest/config'

// The end-to-end run: a real Chromium against a running dev stack (see e2e/README in docs/console.md).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
})
