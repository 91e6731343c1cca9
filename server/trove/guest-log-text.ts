import type { EventRow } from '../store/task-queries'

/**
 * The text of an instance's guest logs, generated from what the instance did (its `events`)
 * in the datastore's own format, so the same history always gives the same bytes. A window
 * `(from, to]` of a log is the lines stamped in it: publishing in steps and all at once give the
 * same text.
 */

export type LogType = 'USER' | 'SYS'
export type LogFamily = 'mysql' | 'postgresql'

export interface LogDef {
  name: string
  type: LogType
  /** Shown to members (Trove's guest_log_exposed_logs); the others only to admins. */
  exposed: boolean
}

export const MYSQL_FAMILY = new Set(['mysql', 'mariadb', 'percona', 'pxc'])

export function logFamily(manager: string): LogFamily {
  return MYSQL_FAMILY.has(manager) ? 'mysql' : 'postgresql'
}

/** The logs each datastore family defines (Trove's guest_log_defs), in listing order. */
export function logDefs(family: LogFamily): LogDef[] {
  if (family === 'mysql') {
    return [
      { name: 'general', type: 'USER', exposed: true },
      { name: 'slow_query', type: 'USER', exposed: true },
      { name: 'error', type: 'SYS', exposed: true },
      { name: 'guest', type: 'SYS', exposed: false },
    ]
  }
  return [
    { name: 'general', type: 'USER', exposed: true },
    { name: 'guest', type: 'SYS', exposed: false },
  ]
}

export interface LogSubject {
  id: string
  family: LogFamily
  /** e.g. 5.7.29 */
  versionNumber: string
  events: EventRow[]
  /** USER logs: when the log was (last) enabled; lines start there. */
  enabledAt: number | null
}

/** Seconds between the guest agent's status checks (they show in the general log). */
export const HEARTBEAT_SECONDS = 60

const iso6 = (ms: number) =>
  `${new Date(ms).toISOString().slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}000Z`
const pgTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')} UTC`
const inWindow = (at: number, from: number, to: number) => at > from && at <= to

interface Line {
  at: number
  text: string
}

function isErrorEvent(e: EventRow): boolean {
  return e.to_status === 'ERROR' || /fail|error/i.test(e.message)
}

function mysqlErrorLines(s: LogSubject, e: EventRow): string[] {
  const t = iso6(e.at)
  const v = s.versionNumber
  if (isErrorEvent(e)) {
    return e.message.split('\n').map((m) => `${t} 0 [ERROR] ${m}`)
  }
  if (e.from_status === null) {
    return [
      `${t} 0 [Note] mysqld (mysqld ${v}) starting as process 1 ...`,
      `${t} 0 [Note] InnoDB: Initializing buffer pool, total size = 128M, instances = 1`,
    ]
  }
  if (e.message === 'Instance is ready.' || e.message === 'Restart complete.') {
    return [
      `${t} 0 [Note] InnoDB: Buffer pool(s) load completed`,
      `${t} 0 [Note] mysqld: ready for connections.`,
      `Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)`,
    ]
  }
  if (e.to_status === 'REBOOT') {
    return [
      `${t} 0 [Note] Giving 0 client threads a chance to die gracefully`,
      `${t} 0 [Note] mysqld: Shutdown complete`,
    ]
  }
  return [`${t} 0 [Note] ${e.message}`]
}

function postgresLines(s: LogSubject, e: EventRow): string[] {
  const t = pgTime(e.at)
  if (isErrorEvent(e)) return e.message.split('\n').map((m) => `${t} [1] ERROR:  ${m}`)
  if (e.from_status === null) {
    return [`${t} [1] LOG:  starting PostgreSQL ${s.versionNumber} on x86_64-pc-linux-gnu`]
  }
  if (e.message === 'Instance is ready.' || e.message === 'Restart complete.') {
    return [
      `${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${t} [1] LOG:  database system is ready to accept connections`,
    ]
  }
  if (e.to_status === 'REBOOT') {
    return [
      `${t} [1] LOG:  received fast shutdown request`,
      `${t} [1] LOG:  database system is shut down`,
    ]
  }
  return [`${t} [1] LOG:  ${e.message}`]
}

/** The guest agent's own log (admins only). */
function guestLines(e: EventRow): string[] {
  const t = pgTime(e.at).replace(' UTC', '')
  const level = isErrorEvent(e) ? 'ERROR' : 'INFO'
  return e.message
    .split('\n')
    .map((m) => `${t} 1 ${level} trove.guestagent.datastore.manager [-] ${m}`)
}

/** Heartbeat instants (every HEARTBEAT_SECONDS on the clock) in (from, to], capped. */
function heartbeats(from: number, to: number, max = 500): number[] {
  const step = HEARTBEAT_SECONDS * 1000
  const out: number[] = []
  let at = (Math.floor(from / step) + 1) * step
  if (to - at > max * step) at = (Math.floor(to / step) - max + 1) * step
  for (; at <= to; at += step) out.push(at)
  return out
}

function mysqlGeneral(s: LogSubject, from: number, to: number): Line[] {
  const lines: Line[] = []
  const start = s.enabledAt
  if (start === null) return lines
  if (inWindow(start, from, to)) {
    lines.push({
      at: start,
      text: [
        `/usr/sbin/mysqld, Version: ${s.versionNumber} (MySQL Community Server (GPL)). started with:`,
        'Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock',
        'Time                 Id Command    Argument',
      ].join('\n'),
    })
  }
  const lo = Math.max(from, start)
  for (const at of heartbeats(lo, to)) {
    const id = 10 + ((at / 60_000) % 90)
    const t = iso6(at)
    lines.push({
      at,
      text: [
        `${t}\t   ${id} Connect\tos_admin@localhost on  using Socket`,
        `${t}\t   ${id} Query\tSELECT 1`,
        `${t}\t   ${id} Quit\t`,
      ].join('\n'),
    })
  }
  for (const e of s.events) {
    if (e.at < start || !inWindow(e.at, from, to)) continue
    lines.push({
      at: e.at,
      text: `${iso6(e.at)}\t    1 Query\t/* trove */ -- ${e.message.split('\n')[0]}`,
    })
  }
  return lines
}

function mysqlSlow(s: LogSubject, from: number, to: number): Line[] {
  const lines: Line[] = []
  const start = s.enabledAt
  if (start === null) return lines
  if (inWindow(start, from, to)) {
    lines.push({
      at: start,
      text: [
        `/usr/sbin/mysqld, Version: ${s.versionNumber} (MySQL Community Server (GPL)). started with:`,
        'Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock',
        'Time                 Id Command    Argument',
      ].join('\n'),
    })
  }
  for (const e of s.events) {
    if (e.at < start || !inWindow(e.at, from, to)) continue
    if (!/backup|resiz/i.test(e.message)) continue
    const secs = 1 + (e.at % 7000) / 1000
    lines.push({
      at: e.at,
      text: [
        `# Time: ${iso6(e.at)}`,
        '# User@Host: os_admin[os_admin] @ localhost []  Id:     7',
        `# Query_time: ${secs.toFixed(6)}  Lock_time: 0.000120 Rows_sent: 0  Rows_examined: 0`,
        `SET timestamp=${Math.floor(e.at / 1000)};`,
        /backup/i.test(e.message) ? 'FLUSH TABLES WITH READ LOCK;' : 'ANALYZE TABLE mysql.user;',
      ].join('\n'),
    })
  }
  return lines
}

function fromEvents(
  s: LogSubject,
  from: number,
  to: number,
  render: (e: EventRow) => string[],
): Line[] {
  const start = s.enabledAt ?? -Infinity
  return s.events
    .filter((e) => e.at >= start && inWindow(e.at, from, to))
    .map((e) => ({ at: e.at, text: render(e).join('\n') }))
}

/** The lines of log `name` stamped in (from, to], in order, each ending in a newline. */
export function logText(s: LogSubject, def: LogDef, from: number, to: number): string {
  let lines: Line[]
  if (def.name === 'guest') lines = fromEvents(s, from, to, guestLines)
  else if (s.family === 'mysql') {
    if (def.name === 'general') lines = mysqlGeneral(s, from, to)
    else if (def.name === 'slow_query') lines = mysqlSlow(s, from, to)
    else lines = fromEvents(s, from, to, (e) => mysqlErrorLines(s, e))
  } else {
    lines = fromEvents(s, from, to, (e) => postgresLines(s, e))
    const start = s.enabledAt
    if (def.type === 'USER' && start !== null && inWindow(start, from, to)) {
      lines.unshift({
        at: start,
        text: `${pgTime(start)} [1] LOG:  parameter "log_statement" changed to "all"`,
      })
    }
  }
  // Stable: equal instants keep their generation order.
  return lines
    .map((l, i) => ({ ...l, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((l) => `${l.text}\n`)
    .join('')
}

export const byteLength = (text: string) => Buffer.byteLength(text, 'utf8')
