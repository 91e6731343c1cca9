import type { StateStore } from '../console-state/state-store'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import { keystoneActors } from './actors'
import { startJournal, type ConsoleJournal } from './start-journal'

/**
 * The journal of a gateway: actors learned from sign-ins passing through or validated once with
 * the real Keystone; transitions come from the project watcher (`recordTransition`).
 */
export function gatewayJournal(opts: {
  keystoneUrl: string
  fetchImpl?: typeof fetch | undefined
  store?: StateStore
  retentionDays?: number
  stuckFloorMs?: number
  log?: (line: string) => void
}): ConsoleJournal {
  return startJournal({
    store: opts.store ?? openSqliteStateStore(':memory:'),
    actors: keystoneActors({ keystoneUrl: opts.keystoneUrl, fetchImpl: opts.fetchImpl }),
    mode: 'gateway',
    retentionDays: opts.retentionDays,
    stuckFloorMs: opts.stuckFloorMs,
    log: opts.log,
  })
}
