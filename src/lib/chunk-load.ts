/**
 * Route chunks (the code-split pages) that could not be loaded: the server is down, or this
 * build's files are gone. The router's own answer to that is a full page reload, which during
 * an outage replaces the console with the browser's error page; the console shows its outage
 * view instead and retries by itself when the server answers again (see RouteError).
 */
const CHUNK_ERROR =
  /^(Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS)/

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_ERROR.test(error.message)
}

/** The key TanStack Router checks before reloading the page for a failed chunk (once per message). */
export function routerReloadKey(message: string): string {
  return `tanstack_router_reload:${message}`
}

/**
 * Listens for Vite's `vite:preloadError` (every failed dynamic import of the build): tells the
 * router the reload was already done, so the failure reaches the route's error view, and calls
 * `onFailure` (the heartbeat probes at once: outage, or only a missing file?).
 */
export function installChunkErrorGuard(onFailure: () => void): () => void {
  const handler = (event: Event) => {
    const payload: unknown = (event as Event & { payload?: unknown }).payload
    if (payload instanceof Error) {
      try {
        sessionStorage.setItem(routerReloadKey(payload.message), '1')
      } catch {
        // Storage refused (private mode): the router may reload, as it would have anyway.
      }
    }
    onFailure()
  }
  window.addEventListener('vite:preloadError', handler)
  return () => window.removeEventListener('vite:preloadError', handler)
}
