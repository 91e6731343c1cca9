import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: [
      'src/**/*.test.ts',
      'server/**/*.test.ts',
      'conformance/**/*.test.ts',
      'eslint-rules/**/*.test.ts',
      // Route tests render real routes in happy-dom (`// @vitest-environment happy-dom`).
      'src/**/*.route.test.tsx',
    ],
    environment: 'node',
    testTimeout: 20000,
  },
})
