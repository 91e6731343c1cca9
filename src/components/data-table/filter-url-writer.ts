/**
 * How long the filter box must stay still before its text is written to the URL (ms). The box
 * filters at once; the URL (the shareable link, `?q=`) follows when typing pauses, because
 * writing it is a router navigation that re-renders the page: done on every keystroke, it was
 * most of a keystroke's cost on long lists.
 */
export const FILTER_URL_IDLE_MS = 400

/**
 * When a table's filter text goes to the URL: after the box has been still for `idleMs`, or at
 * once on `flush` (the box lost focus: a click on a link or Tab away writes the text first, so
 * back/forward return to the filtered list). A `q` the URL gets from elsewhere (back/forward, a
 * pasted link) drops a pending write. Plain state, no React: `useFilterText` holds one.
 */
export interface FilterUrlWriter {
  /** The box's text changed: the URL follows once the box has been still for `idleMs`. */
  typed(text: string): void
  /** Writes the box's text now, if the URL does not hold it yet. */
  flush(): void
  /** Whether `q` (the URL's) is not what this writer last wrote or saw: the box must show it. */
  isForeign(q: string): boolean
  /** The URL's `q` is now `q` (an echo of a write, or from elsewhere: then a pending write is dropped). */
  received(q: string): void
  /** Drops a pending write (the table unmounts: the page is being left). */
  dispose(): void
  /** Where writes go from now on (the page's latest setter). */
  setWrite(write: (q: string) => void): void
}

export function createFilterUrlWriter(
  q: string,
  write: (q: string) => void,
  idleMs: number = FILTER_URL_IDLE_MS,
): FilterUrlWriter {
  /** The box's text as last typed. */
  let latest = q
  /** What the URL holds as far as this writer knows: written by it, or received. */
  let written = q
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  const flush = () => {
    cancel()
    if (latest === written) return
    written = latest
    write(latest)
  }
  return {
    typed(text) {
      latest = text
      cancel()
      if (text !== written) timer = setTimeout(flush, idleMs)
    },
    flush,
    isForeign: (url) => url !== written,
    received(url) {
      if (url === written) return
      cancel()
      written = url
      latest = url
    },
    dispose: cancel,
    setWrite(next) {
      write = next
    },
  }
}
