/**
 * `npm run conformance`: the same scenario against the embedded cloud (started here, fast tasks)
 * and the reference cloud (real Keystone + Trove, already running: `npm run test:reference`
 * starts it), comparing status codes and body shapes step by step. A difference is a failure
 * unless conformance/known-differences.json lists it with its reason.
 */
import { readFileSync } from 'node:fs'
import { startServer } from '../bench/lib'
import { compare, type KnownDifference } from './compare'
import { runScenario } from './scenario'

const REFERENCE = process.env.REFERENCE_KEYSTONE ?? 'http://127.0.0.1:5000/v3'

async function main() {
  try {
    await fetch(REFERENCE)
  } catch {
    console.error(
      `The reference cloud is not running at ${REFERENCE} (npm run test:reference starts it).`,
    )
    process.exit(3)
  }
  const known = JSON.parse(
    readFileSync(new URL('./known-differences.json', import.meta.url), 'utf8'),
  ) as KnownDifference[]

  const server = await startServer(Number(process.env.CONFORMANCE_PORT ?? 4395), [
    '--task-speed',
    '0.2',
  ])
  let embedded
  try {
    console.log('embedded cloud:')
    embedded = await runScenario(`${server.url}/v3`, (l) => console.log(l))
  } finally {
    await server.stop()
  }
  console.log('reference cloud:')
  const reference = await runScenario(REFERENCE, (l) => console.log(l))

  const result = compare(embedded, reference, known)
  for (const line of result.explained) console.log(`explained  ${line}`)
  for (const k of result.staleEntries)
    console.log(`stale entry (no longer differs): ${k.step}: ${k.difference}`)
  for (const line of result.failures) console.log(`DIFFERENT  ${line}`)
  console.log(`conformance: ${result.passed.length} passed, ${result.failures.length} failed`)
  process.exit(result.failures.length ? 1 : 0)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
