// Compiles the server (server/main.ts) into one ES module that `node` runs: `npm start` and
// `npm run serve` run it, `tsx` stays for development and tests. Packages stay external (they
// are resolved from node_modules at run time: better-sqlite3 is native). Files the server reads
// next to its own module (`new URL('./data/...', import.meta.url)`) are copied beside the bundle,
// and the journal's worker thread is bundled beside it (journal-writer-worker.mjs).
import { build } from 'esbuild'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Read at run time by server/seed/parameters-rules.ts as `./data/<manager>.validation-rules.json`. */
const RUNTIME_DATA = { from: 'server/seed/data', match: /\.validation-rules\.json$/, to: 'data' }

/** Bundles the server to `outfile` (default dist-server/main.mjs) and copies its run-time data. */
export async function buildServer(outfile = join(ROOT, 'dist-server', 'main.mjs')) {
  const outDir = dirname(outfile)
  const bundle = (entry, out) =>
    build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      tsconfig: 'server/tsconfig.json',
      logLevel: 'warning',
    })
  await bundle('server/main.ts', outfile)
  // The journal's writer thread (server/journal/journal-writer.ts) loads this file beside the bundle.
  await bundle('server/journal/journal-writer-worker.ts', join(outDir, 'journal-writer-worker.mjs'))
  const dataDir = join(outDir, RUNTIME_DATA.to)
  mkdirSync(dataDir, { recursive: true })
  for (const name of readdirSync(join(ROOT, RUNTIME_DATA.from))) {
    if (RUNTIME_DATA.match.test(name))
      copyFileSync(join(ROOT, RUNTIME_DATA.from, name), join(dataDir, name))
  }
  return outfile
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildServer(process.argv[2] ? resolve(process.argv[2]) : undefined)
  console.log(`server bundle: ${out}`)
}
