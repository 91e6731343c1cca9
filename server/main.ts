import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import { createCloud, type Cloud } from './app'
import { createGatewayApp } from './gateway/gateway-app'
import { normalizeKeystoneUrl } from './gateway/gateway'
import { staticDirExists } from './static'
import { DEFAULT_MAX_BODY_BYTES } from './request-guards'
import { parsePasswordPolicy } from '../src/api/rules/password-strength'

const HELP = `Usage: node dist-server/main.mjs [options]   (development: tsx server/main.ts)

  --port N             port to listen on (PORT, default 8080)
  --host H             interface to bind (HOST, default 127.0.0.1)
  --db PATH            SQLite file or :memory: (DB_PATH, default ./data/dbaas.db)
  --task-speed X       multiplier on task durations (TASK_SPEED, 1 = realistic, 0.1 = 10x faster)
  --token-ttl S        token lifetime in seconds (TOKEN_TTL, default 3600)
  --static DIR         built console to serve (STATIC_DIR, default dist)
  --page-size-max N    largest page a list returns (PAGE_SIZE_MAX, default 1000)
  --max-body BYTES     largest request body; larger ones get 413 (MAX_BODY, default 1048576 = 1 MiB)
  --demo-instances N   seed N ACTIVE instances into project demo, RegionOne (DEMO_INSTANCES)
  --password-policy P  the console forms' password policy: min=12,classes=3 (default) or off
                       (PASSWORD_POLICY; the cloud itself accepts what Trove accepts)
  --keystone URL       gateway mode: forward to this real Keystone v3 (KEYSTONE_URL)
  -h, --help           this help`

function fail(message: string): never {
  console.error(`error: ${message}\n\n${HELP}`)
  process.exit(2)
}

function numberOption(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
): number {
  if (text === undefined || text === '') return fallback
  const n = Number(text)
  if (!Number.isFinite(n) || n < min) fail(`--${name} must be a number >= ${min} (got "${text}")`)
  return n
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'task-speed': { type: 'string' },
        'token-ttl': { type: 'string' },
        static: { type: 'string' },
        'page-size-max': { type: 'string' },
        'demo-instances': { type: 'string' },
        'max-body': { type: 'string' },
        keystone: { type: 'string' },
        'password-policy': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    })
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err))
  }
})()

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

const env = process.env
const port = numberOption('port', values.port ?? env.PORT, 8080, 0)
const host = values.host ?? env.HOST ?? '127.0.0.1'
const dbPath = values.db ?? env.DB_PATH ?? './data/dbaas.db'
const taskSpeed = numberOption('task-speed', values['task-speed'] ?? env.TASK_SPEED, 1, 0)
const tokenTtl = numberOption('token-ttl', values['token-ttl'] ?? env.TOKEN_TTL, 3600, 1)
const staticDir = values.static ?? env.STATIC_DIR ?? 'dist'
const pageSizeMax = numberOption(
  'page-size-max',
  values['page-size-max'] ?? env.PAGE_SIZE_MAX,
  1000,
  1,
)
const demoInstances = numberOption(
  'demo-instances',
  values['demo-instances'] ?? env.DEMO_INSTANCES,
  0,
  0,
)

const maxBodyBytes = Math.floor(
  numberOption('max-body', values['max-body'] ?? env.MAX_BODY, DEFAULT_MAX_BODY_BYTES, 1),
)

const passwordPolicy = (() => {
  try {
    return parsePasswordPolicy(values['password-policy'] ?? env.PASSWORD_POLICY)
  } catch (e) {
    return fail(`--password-policy: ${e instanceof Error ? e.message : String(e)}`)
  }
})()

const keystoneUrl = values.keystone ?? env.KEYSTONE_URL
let cloud: Cloud | undefined
let app
if (keystoneUrl) {
  try {
    normalizeKeystoneUrl(keystoneUrl)
  } catch {
    fail(`--keystone must be a URL such as http://keystone.example:5000/v3 (got "${keystoneUrl}")`)
  }
  app = createGatewayApp({
    keystoneUrl,
    staticDir,
    maxBodyBytes,
    passwordPolicy,
    log: (line) => console.error(line),
  })
} else {
  cloud = createCloud({
    dbPath,
    taskSpeed,
    tokenTtl,
    pageSizeMax: Math.floor(pageSizeMax),
    staticDir,
    demoInstances: Math.floor(demoInstances),
    maxBodyBytes,
    passwordPolicy,
    log: (msg) => console.error(msg),
  })
  app = cloud.app
}

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const shown =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
  if (keystoneUrl) {
    console.log(`dbaas-console gateway on http://${shown}:${info.port}/`)
    console.log(`  forwarding to Keystone ${normalizeKeystoneUrl(keystoneUrl)} and its catalog`)
  } else {
    console.log(`dbaas-console embedded cloud on http://${shown}:${info.port}/`)
    console.log(`  database: ${dbPath}, task speed x${taskSpeed}, token ttl ${tokenTtl}s`)
  }
  if (!staticDirExists(staticDir)) {
    console.log(
      `  no built console in ${staticDir}/: run \`npm run build\` to serve the UI (APIs work now)`,
    )
  }
  if (!keystoneUrl) console.log('  demo logins (domain Default): admin/secret, demo/demo, alt/alt')
})

// Keep idle connections open longer than clients and proxies do (Node's default is 5 s): a client
// that reuses a socket the server just closed gets ECONNRESET on its next request.
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
}

let stopping = false
function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: shutting down`)
  server.close()
  cloud?.close()
  process.exit(0)
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
