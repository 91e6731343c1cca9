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
    const env = await builtinEnvironments['happy-dom'].setup(global, options)
    // Virtualized lists size their window from the scroll element (clientWidth/clientHeight,
    // offsetWidth/offsetHeight): without a size they would render no rows at all.
    const proto = (global as typeof globalThis).HTMLElement.prototype
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
