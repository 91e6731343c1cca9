import { configDefaults, defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'conformance/**/*.test.ts'],
    // Soak and multi-second proofs run in `npm run test:proof` (vitest.proof.config.ts).
    exclude: [...configDefaults.exclude, '**/*.proof.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
})
