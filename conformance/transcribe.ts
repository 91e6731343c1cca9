/**
 * `npx tsx conformance/transcribe.ts`: runs the conformance scenario against the reference cloud
 * (real Keystone + Trove 18, already running; REFERENCE_KEYSTONE picks it) and writes the
 * answers of the steps named in issue 18 as a transcript, in the style of
 * ../shared/reference/trove-transcripts: conformance/transcripts/trove-exactness.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { runScenario } from './scenario'

const REFERENCE = process.env.REFERENCE_KEYSTONE ?? 'http://127.0.0.1:5000/v3'
const STEPS =
  /^(versions|mgmt: (create an inactive|re-create)|datastores: (admin|member)|postgresql|backup: (delete|still|gone))/

/** Ids, stamps and hosts vary per run: keep the transcript stable and readable. */
function redact(body: unknown): string {
  return JSON.stringify(body, null, 2)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/[0-9a-f]{32}/g, '<project>')
    .replace(/conf-ds-[a-z0-9]+/g, 'conf-ds-<stamp>')
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://<trove host>')
}

async function main() {
  const results = await runScenario(REFERENCE, () => undefined)
  const lines = [
    '# Reference answers for the cases of issue 18 (real Trove 18, reference cloud)',
    '',
    'Recorded by `npx tsx conformance/transcribe.ts` from the conformance scenario run against the',
    'reference cloud (`../shared/reference-cloud`); `npm run conformance` compares the embedded',
    'cloud with these answers, step by step, on every run of `npm run test:reference`.',
    '',
  ]
  for (const r of results.filter((x) => STEPS.test(x.step))) {
    lines.push(`## ${r.step}  ->  ${r.status}`, '', '```json', redact(r.body), '```', '')
  }
  mkdirSync(new URL('./transcripts/', import.meta.url), { recursive: true })
  writeFileSync(new URL('./transcripts/trove-exactness.md', import.meta.url), lines.join('\n'))
  console.log(`wrote conformance/transcripts/trove-exactness.md (${results.length} steps run)`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
