import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'
import { availableParallelism } from 'node:os'

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
    // The proofs mostly wait on the server processes they start (the 20-client proof runs a
    // minute by design): on CI's two cores, two files at a time instead of vitest's one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
})
