import { builtinEnvironments, type Environment } from 'vitest/runtime'

/** What every element measures: happy-dom does no layout, so its sizes are all 0. */
const VIEWPORT = { width: 1280, height: 800 }

/**
 * happy-dom's DOM globals, with modules transformed for Node (Vite's `ssr` environment) like the
 * other unit tests: route tests import the embedded cloud (server/), which reads its seed files
 * with `new URL(..., import.meta.url)` and opens SQLite. Used by the `route` project of
 * vitest.config.ts (files named `*.route.test.tsx`).
 */
const happyDomSsr: Environment = {
  name: 'happy-dom-ssr',
  viteEnvironment: 'ssr',
  async setup(global, options) {
    const g = global as typeof globalThis
    const native = { Request: g.Request, Response: g.Response, Headers: g.Headers }
    const env = await builtinEnvironments['happy-dom'].setup(global, options)
    // The embedded cloud runs in-process and is a server: it reads Cookie and sends Set-Cookie
    // (the console's session), which happy-dom's browser-side Request/Response drop. Node's own.
    Object.assign(g, native)
    // Virtualized lists size their window from the scroll element (clientWidth/clientHeight,
    // offsetWidth/offsetHeight): without a size they would render no rows at all.
    const proto = g.HTMLElement.prototype
    for (const [prop, value] of [
      ['clientWidth', VIEWPORT.width],
      ['clientHeight', VIEWPORT.height],
      ['offsetWidth', VIEWPORT.width],
      ['offsetHeight', VIEWPORT.height],
    ] as const) {
      Object.defineProperty(proto, prop, { configurable: true, get: () => value })
    }
    return env
  },
}

export default happyDomSsr
