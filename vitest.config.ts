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
    ],
    environment: 'node',
    testTimeout: 20000,
    projects: [
      { extends: true, test: { name: 'unit' } },
      {
        // Route tests render real routes in happy-dom against the in-process cloud.
        extends: true,
        test: {
          name: 'route',
          include: ['src/**/*.route.test.tsx'],
          environment: './src/test/happy-dom-environment.ts',
        },
      },
    ],
  },
})
