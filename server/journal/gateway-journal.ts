import type { StateStore } from '../console-state/state-store'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import { keystoneActors } from './actors'
import type { WatchedTransition } from '../watch/watcher'
import type { TransitionInput } from './journal'
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

/** A status change the gateway's project watcher saw, as the journal records it. */
export function watchedTransition(t: WatchedTransition): TransitionInput {
  return {
    at: t.at,
    source: 'watcher',
    region: t.region,
    projectId: t.projectId,
    resourceKind: t.kind === 'instances' ? 'instance' : 'backup',
    resourceId: t.id,
    resourceName: t.name,
    from: t.from,
    to: t.to,
    datastore: t.datastore,
  }
}
