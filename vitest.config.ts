import { configDefaults, defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      'src/**/*.test.ts',
      'server/**/*.test.ts',
      'conformance/**/*.test.ts',
      'eslint-rules/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // Soak and multi-second proofs run in `npm run test:proof` (vitest.proof.config.ts).
    exclude: [...configDefaults.exclude, '**/*.proof.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    projects: [
      { extends: true, test: { name: 'unit' } },
      {
        // Route tests render real routes in happy-dom against the in-process cloud. Not
        // `extends: true`: that would add the include list above to this project.
        resolve: { alias },
        test: {
          name: 'route',
          include: ['src/**/*.route.test.tsx'],
          environment: './src/test/happy-dom-environment.ts',
          testTimeout: 20000,
        },
      },
    ],
  },
})
