import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

/**
 * `npm run test:proof` (run by `npm test`): the proofs named `*.proof.test.ts`, which start real
 * server processes or run for tens of seconds. `npm run test:unit` leaves them out.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['server/**/*.proof.test.ts', 'src/**/*.proof.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
})
