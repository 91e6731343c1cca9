import { connectivity, isUnreachableStatus } from './connectivity'

export interface HeartbeatOptions {
  /** While the cloud answers: probe when nothing else got an answer for this long. */
  quietMs?: number
  /** During an outage: probe this often, so recovery shows within seconds. */
  outageMs?: number
  /** Whether other requests are under way (their answers already tell; no probe needed). */
  busy?: () => boolean
  fetchImpl?: typeof fetch
  now?: () => number
}

/**
 * A light heartbeat (`GET /healthz`, a few bytes) that drives the connection banner on pages
 * that are not polling: every `quietMs` (10 s) when no other request got an answer meanwhile,
 * every `outageMs` (2 s) during an outage, so the console notices the server's return within
 * seconds and `refetchOnRecovery` refreshes what failed. Hidden tabs do not probe.
 */
export function startHeartbeat(opts: HeartbeatOptions = {}) {
  const quietMs = opts.quietMs ?? 10_000
  const outageMs = opts.outageMs ?? 2_000
  const now = opts.now ?? Date.now
  const doFetch = opts.fetchImpl ?? ((input, init) => fetch(input, init))
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let inFlight: Promise<void> | undefined

  const probe = (): Promise<void> => {
    inFlight ??= (async () => {
      try {
        const res = await doFetch('/healthz', { cache: 'no-store' })
        if (isUnreachableStatus(res.status) || res.status === 503)
          connectivity.reportUnreachable(now())
        else connectivity.reportAnswer(now())
      } catch {
        connectivity.reportUnreachable(now())
      } finally {
        inFlight = undefined
      }
    })()
    return inFlight
  }

  const due = (): boolean => {
    if (typeof document !== 'undefined' && document.hidden) return false
    const state = connectivity.get()
    if (!state.reachable) return true
    if (opts.busy?.()) return false
    return state.lastAnswerAt === undefined || now() - state.lastAnswerAt >= quietMs
  }

  const schedule = () => {
    if (stopped) return
    const wait = connectivity.get().reachable ? Math.min(quietMs, 1_000) : outageMs
    timer = setTimeout(() => {
      void (due() ? probe() : Promise.resolve()).finally(schedule)
    }, wait)
  }
  schedule()

  return {
    /** Probe now (a route chunk failed to load: is the server gone, or only that file?). */
    probeNow: probe,
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
