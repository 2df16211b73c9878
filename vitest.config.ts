import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@': resolve(import.meta.dirname, 'src-renderer/src') },
  },
  test: {
    // Playwright's own *.spec.ts convention is not used: browser tests are vitest files driving
    // playwright-core, so one runner counts every test.
    include: ['src-main/**/*.test.ts', 'src-preload/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'node',
    // .ci/run asks for a JSON report to print its closing "N passed, N failed" line.
    reporters: process.env.OMNILLM_TEST_REPORT ? ['default', ['json', { outputFile: process.env.OMNILLM_TEST_REPORT }]] : ['default'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
