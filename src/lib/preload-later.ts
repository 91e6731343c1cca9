/**
 * Code the first paint does not need but an outage must not take away (dialog, menu and popover
 * primitives, the toaster, the re-login dialog): each lazy module registers its loader here, and
 * the signed-in shell loads them all once the first page has painted and the browser is idle
 * (`startPreloads`). A dialog opened while the server is down then still opens and says so,
 * instead of waiting for a chunk that cannot arrive. A loader registered after that runs at once.
 */
type Loader = () => Promise<unknown>

const waiting = new Set<Loader>()
let started = false

const quietly = (load: Loader) => void load().catch(() => undefined) // retried on first use

export function preloadLater(load: Loader): void {
  if (started) quietly(load)
  else waiting.add(load)
}

/** Loads every registered module (once); called by the shell after its first paint. */
export function startPreloads(): void {
  if (started) return
  started = true
  for (const load of waiting) quietly(load)
  waiting.clear()
}

/**
 * A module loaded on first use, or by `startPreloads`: `load()` imports it once (a failed chunk,
 * e.g. during an outage, is tried again on the next call); `current()` is it once loaded.
 */
export function lazyModule<M>(importer: () => Promise<M>): {
  load: () => Promise<M>
  current: () => M | undefined
} {
  let loaded: M | undefined
  let loading: Promise<M> | undefined
  const load = (): Promise<M> => {
    loading ??= importer().then(
      (m) => (loaded = m),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  }
  preloadLater(load)
  return { load, current: () => loaded }
}
