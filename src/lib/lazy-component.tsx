import { useEffect, useState, type ComponentType } from 'react'
import { lazyModule } from './preload-later'

/**
 * A component whose module loads when it is first wanted (or with the other late preloads, 2 s
 * after the shell paints), not with the page that renders it: a page's dialogs, for instance, are
 * not needed for its first paint. Until its module is there, and until a render wants it, it
 * renders nothing; `wanted(props)` (default: always) says whether rendering it now should load
 * and mount it (a bulk dialog rendered with no items, or a closed dialog, does not). Once wanted
 * it keeps rendering the real component, so a dialog keeps its closing animation. A failed chunk (outage) is tried again on the next render that wants it.
 */
export function lazyComponent<M, P extends object>(
  importer: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  wanted: (props: P) => boolean = () => true,
): ComponentType<P> {
  const { load, current } = lazyModule(importer)
  function LazyComponent(props: P) {
    const [module, setModule] = useState(current)
    const want = wanted(props)
    // Mounted only from the first render that wants it (a closed dialog costs nothing before).
    const [wantedOnce, setWantedOnce] = useState(want)
    if (want && !wantedOnce) setWantedOnce(true)
    useEffect(() => {
      if (want && !module) void load().then(setModule, () => undefined) // the chunk guard reports it
    }, [want, module])
    if (!module || !(want || wantedOnce)) return null
    const Component = pick(module)
    return <Component {...props} />
  }
  return LazyComponent
}
