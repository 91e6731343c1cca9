import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import { createCloud, type Cloud } from './app'
import { createGatewayApp } from './gateway/gateway-app'
import { gatewayJournal } from './journal/gateway-journal'
import type { ConsoleJournal } from './journal/start-journal'
import { normalizeKeystoneUrl } from './gateway/gateway'
import { staticDirExists } from './static'
import { DEFAULT_MAX_BODY_BYTES } from './request-guards'
import { storeFileProblem } from './store/store-file'
import { trustEntryError, type ProxyOptions } from './public-origin'
import { DEFAULT_LOGIN_THROTTLE } from './identity/login-throttle'
import { DEFAULT_SERVER_LIMITS, applyServerLimits, serverOptionsFor } from './server-limits'
import { createStateSessionStore } from './sessions/state-session-store'
import { defaultStatePath, isPostgresUrl, openStateStore } from './console-state/open-state-store'
import type { StateStore } from './console-state/state-store'
import { parsePasswordPolicy } from '../src/api/rules/password-strength'

const HELP = `Usage: node dist-server/main.mjs [options]   (development: tsx server/main.ts)

  --port N             port to listen on (PORT, default 8080)
  --host H             interface to bind (HOST, default 127.0.0.1)
  --db PATH            SQLite file or :memory: (DB_PATH, default ./data/dbaas.db)
  --init               create a fresh demo cloud when --db does not exist yet (without it a
                       missing, empty or foreign file is refused)
  --task-speed X       multiplier on task durations (TASK_SPEED, 1 = realistic, 0.1 = 10x faster)
  --token-ttl S        token lifetime in seconds (TOKEN_TTL, default 3600)
  --static DIR         built console to serve (STATIC_DIR, default dist)
  --page-size-max N    largest page a list returns (PAGE_SIZE_MAX, default 1000)
  --max-body BYTES     largest request body; larger ones get 413 (MAX_BODY, default 1048576 = 1 MiB)
  --demo-instances N   seed N ACTIVE instances into project demo, RegionOne (DEMO_INSTANCES)
  --extension-postgresql-users
                       console extension, off by default: manage users and databases of
                       PostgreSQL instances through the Trove API (real Trove 18 answers 422)
  --password-policy P  the console forms' password policy: min=12,classes=3 (default) or off
                       (PASSWORD_POLICY; the cloud itself accepts what Trove accepts)
  --keystone URL       gateway mode: forward to this real Keystone v3 (KEYSTONE_URL)
  --gateway-interface I  catalog interface the gateway forwards to (GATEWAY_INTERFACE, public)
  --public-url URL     the console's public URL for catalogs and links (PUBLIC_URL, default
                       http://HOST:PORT of the listen address)
  --trust-proxy LIST   comma-separated proxy addresses/CIDRs/loopback whose Host and
                       X-Forwarded-* are believed (TRUST_PROXY, default none)
  --rate-limit N       Trove requests per tenant, verb and minute (RATE_LIMIT, default 200;
                       0 counts but never refuses)
  --login-lockout N    failed logins per user before a lockout (LOGIN_LOCKOUT, default 5; 0 off)
  --login-lockout-address N  failed logins per client address (LOGIN_LOCKOUT_ADDRESS, default 30)
  --login-lockout-max S  longest lockout in seconds (LOGIN_LOCKOUT_MAX, default 900)
  --max-connections N  open connections at most (MAX_CONNECTIONS, default 1024)
  --headers-timeout S  seconds a client has to send its headers (HEADERS_TIMEOUT, default 10)
  --request-timeout S  seconds a client has to send a whole request (REQUEST_TIMEOUT, default 30)
  --keep-alive-timeout S  idle seconds before a kept-alive socket closes (KEEP_ALIVE_TIMEOUT, 65)
  --secure-cookie      mark the session cookie Secure although served over http (TLS ends at a
                       proxy in front; it is Secure anyway on https) (SECURE_COOKIE=1)
  --watch-backstop S   gateway mode: seconds between the watchers' full list walks (WATCH_BACKSTOP, default 60)
  --watch-backstop-max S  gateway mode: a project whose walk keeps Trove busy more than a tenth of
                       the time is walked less often, at most S apart (WATCH_BACKSTOP_MAX, default
                       2 x --watch-backstop; equal to it: every walk at --watch-backstop)
  --database-url URL   the console's own state (journal) in PostgreSQL, postgres://user@host/db,
                       shared by several console servers (DATABASE_URL; default: SQLite beside --db)
  --journal-retention-days N   journal entries are kept N days (JOURNAL_RETENTION_DAYS, default 30)
  --stuck-floor-seconds N      stuck detection flags nothing in a state for less than N seconds
                               (STUCK_FLOOR_SECONDS, default 600)
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
        init: { type: 'boolean' },
        'gateway-interface': { type: 'string' },
        'public-url': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'rate-limit': { type: 'string' },
        'login-lockout': { type: 'string' },
        'login-lockout-address': { type: 'string' },
        'login-lockout-max': { type: 'string' },
        'max-connections': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'keep-alive-timeout': { type: 'string' },
        'secure-cookie': { type: 'boolean' },
        'watch-backstop': { type: 'string' },
        'watch-backstop-max': { type: 'string' },
        'database-url': { type: 'string' },
        'journal-retention-days': { type: 'string' },
        'stuck-floor-seconds': { type: 'string' },
        'extension-postgresql-users': { type: 'boolean' },
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

const int = (name: keyof typeof values & string, envName: string, fallback: number, min = 0) =>
  Math.floor(
    numberOption(name, (values[name] as string | undefined) ?? env[envName], fallback, min),
  )

const rateLimit = int('rate-limit', 'RATE_LIMIT', 200)
const loginThrottle = {
  userFailures: int('login-lockout', 'LOGIN_LOCKOUT', DEFAULT_LOGIN_THROTTLE.userFailures),
  addressFailures: int(
    'login-lockout-address',
    'LOGIN_LOCKOUT_ADDRESS',
    DEFAULT_LOGIN_THROTTLE.addressFailures,
  ),
  maxLockoutSeconds: int(
    'login-lockout-max',
    'LOGIN_LOCKOUT_MAX',
    DEFAULT_LOGIN_THROTTLE.maxLockoutSeconds,
    1,
  ),
}
const serverLimits = {
  maxConnections: int(
    'max-connections',
    'MAX_CONNECTIONS',
    DEFAULT_SERVER_LIMITS.maxConnections,
    1,
  ),
  headersTimeoutSeconds: int(
    'headers-timeout',
    'HEADERS_TIMEOUT',
    DEFAULT_SERVER_LIMITS.headersTimeoutSeconds,
    1,
  ),
  requestTimeoutSeconds: int(
    'request-timeout',
    'REQUEST_TIMEOUT',
    DEFAULT_SERVER_LIMITS.requestTimeoutSeconds,
    1,
  ),
  keepAliveTimeoutSeconds: int(
    'keep-alive-timeout',
    'KEEP_ALIVE_TIMEOUT',
    DEFAULT_SERVER_LIMITS.keepAliveTimeoutSeconds,
    1,
  ),
}

const trustProxy = (values['trust-proxy'] ?? env.TRUST_PROXY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '')
for (const entry of trustProxy) {
  const problem = trustEntryError(entry)
  if (problem) fail(`--trust-proxy: ${problem}`)
}
const listenHost =
  host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host
const publicUrlText = values['public-url'] ?? env.PUBLIC_URL
/** Read per request: without --public-url it is the listen address, known once listening. */
const proxy: ProxyOptions = { trustProxy }
if (publicUrlText !== undefined) {
  try {
    const u = new URL(publicUrlText)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme')
    proxy.publicUrl = u.origin
  } catch {
    fail(
      `--public-url must be an http(s) URL such as https://console.example.com (got "${publicUrlText}")`,
    )
  }
}
const gatewayInterface = values['gateway-interface'] ?? env.GATEWAY_INTERFACE ?? 'public'
if (!['public', 'internal', 'admin'].includes(gatewayInterface)) {
  fail(`--gateway-interface must be public, internal or admin (got "${gatewayInterface}")`)
}
const watchBackstopS = numberOption(
  'watch-backstop',
  values['watch-backstop'] ?? env.WATCH_BACKSTOP,
  60,
  1,
)
const watchBackstopMaxS = numberOption(
  'watch-backstop-max',
  values['watch-backstop-max'] ?? env.WATCH_BACKSTOP_MAX,
  2 * watchBackstopS,
  watchBackstopS,
)
const retentionDays = numberOption(
  'journal-retention-days',
  values['journal-retention-days'] ?? env.JOURNAL_RETENTION_DAYS,
  30,
  1,
)
const stuckFloorMs =
  numberOption(
    'stuck-floor-seconds',
    values['stuck-floor-seconds'] ?? env.STUCK_FLOOR_SECONDS,
    600,
    0,
  ) * 1000
const databaseUrl = values['database-url'] ?? env.DATABASE_URL
if (databaseUrl && !isPostgresUrl(databaseUrl)) {
  fail(`--database-url must be a postgres://... URL (got "${databaseUrl}")`)
}
let stateStore: StateStore
try {
  stateStore = await openStateStore(databaseUrl || defaultStatePath(dbPath))
} catch (err) {
  console.error(
    `error: the console's state store could not be opened: ${err instanceof Error ? err.message : String(err)}`,
  )
  process.exit(1)
}
const passwordPolicy = (() => {
  try {
    return parsePasswordPolicy(values['password-policy'] ?? env.PASSWORD_POLICY)
  } catch (e) {
    return fail(`--password-policy: ${e instanceof Error ? e.message : String(e)}`)
  }
})()

const keystoneUrl = values.keystone ?? env.KEYSTONE_URL
const secureCookie = values['secure-cookie'] ?? env.SECURE_COOKIE === '1'
// Sessions live in the console's state store, beside the journal (SQLite or PostgreSQL).
const sessions = createStateSessionStore(stateStore)
let cloud: Cloud | undefined
/** The server's log on stderr: each line stamped with its UTC time (an operator lines it up with Keystone's and Trove's logs). */
const logLine = (line: string) => console.error(`${new Date().toISOString()} ${line}`)
let gatewayLog: ConsoleJournal | undefined
let app
if (keystoneUrl) {
  try {
    normalizeKeystoneUrl(keystoneUrl)
  } catch {
    fail(`--keystone must be a URL such as http://keystone.example:5000/v3 (got "${keystoneUrl}")`)
  }
  gatewayLog = gatewayJournal({
    keystoneUrl: normalizeKeystoneUrl(keystoneUrl),
    store: stateStore,
    retentionDays,
    stuckFloorMs,
    log: logLine,
  })
  app = createGatewayApp({
    keystoneUrl,
    staticDir,
    maxBodyBytes,
    proxy,
    endpointInterface: gatewayInterface as 'public' | 'internal' | 'admin',
    sessions,
    secureCookie,
    watchBackstopMs: watchBackstopS * 1000,
    watchBackstopMaxMs: watchBackstopMaxS * 1000,
    passwordPolicy,
    log: logLine,
    journal: gatewayLog,
  })
} else {
  const problem = storeFileProblem(dbPath, values.init === true)
  if (problem) {
    console.error(`error: ${problem}`)
    process.exit(2)
  }
  cloud = createCloud({
    dbPath,
    taskSpeed,
    tokenTtl,
    pageSizeMax: Math.floor(pageSizeMax),
    staticDir,
    demoInstances: Math.floor(demoInstances),
    maxBodyBytes,
    proxy,
    loginThrottle,
    rateLimitPerMinute: rateLimit,
    sessions,
    secureCookie,
    postgresqlUsersExtension: values['extension-postgresql-users'] === true,
    passwordPolicy,
    log: logLine,
    stateStore,
    journalRetentionDays: retentionDays,
    stuckFloorMs,
  })
  app = cloud.app
}

// A process that starts this server (benches, proofs) passes a nonce and checks /healthz echoes
// it, so that a stale server left on the same port is never measured in its place.
const runNonce = env.CONSOLE_RUN_NONCE
const appFetch = app.fetch
const fetchHandler: typeof appFetch = runNonce
  ? async (req, ...rest) => {
      const res = await appFetch(req, ...rest)
      if (new URL(req.url).pathname !== '/healthz') return res
      const tagged = new Response(res.body, res)
      tagged.headers.set('X-Console-Run', runNonce)
      return tagged
    }
  : appFetch

const server = serve(
  { fetch: fetchHandler, port, hostname: host, serverOptions: serverOptionsFor(serverLimits) },
  (info) => {
    proxy.publicUrl ??= `http://${listenHost}:${info.port}`
    if (keystoneUrl) {
      console.log(`dbaas-console gateway on http://${listenHost}:${info.port}/`)
      console.log(`  forwarding to Keystone ${normalizeKeystoneUrl(keystoneUrl)} and its catalog`)
    } else {
      console.log(`dbaas-console embedded cloud on http://${listenHost}:${info.port}/`)
      console.log(`  database: ${dbPath}, task speed x${taskSpeed}, token ttl ${tokenTtl}s`)
    }
    console.log(
      `  public URL ${proxy.publicUrl}${trustProxy.length ? `, trusting proxies ${trustProxy.join(', ')}` : ''}`,
    )
    if (!staticDirExists(staticDir)) {
      console.log(
        `  no built console in ${staticDir}/: run \`npm run build\` to serve the UI (APIs work now)`,
      )
    }
    console.log(`  console state (journal, ${retentionDays} days): ${stateStore.where}`)
    if (!keystoneUrl)
      console.log('  demo logins (domain Default): admin/secret, demo/demo, alt/alt')
  },
)

applyServerLimits(server, serverLimits)

let stopping = false
function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: shutting down`)
  server.close()
  // The journal writes what it queued (and the engine's last transitions) before the exit.
  const journal = cloud?.journal ?? gatewayLog
  void (journal ? journal.close() : Promise.resolve())
    .catch((err: unknown) =>
      console.error(`journal: ${err instanceof Error ? err.message : String(err)}`),
    )
    .finally(() => {
      cloud?.close()
      void sessions.close()
      process.exit(0)
    })
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
