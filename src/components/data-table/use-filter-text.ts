import { useCallback, useEffect, useLayoutEffect, useState } from 'react'
import { createFilterUrlWriter } from './filter-url-writer'

/** The filter box's text and what the box does with it. */
export interface FilterTextState {
  text: string
  /** The box changed: filter at once, write the URL when typing pauses. */
  setText: (text: string) => void
  /** Writes the text to the URL now (the box lost focus). */
  flush: () => void
  /** Empties the box and the URL's text at once (Clear filters). */
  clear: () => void
}

/**
 * The data table's filter text: the box's own state, so a keystroke renders the table only
 * (the rows are filtered from it at once); the URL's `q` follows when typing pauses or the box
 * loses focus (`filter-url-writer.ts`), and a `q` from elsewhere (back/forward, a link) replaces
 * the box's text. `write` sets the URL's `q` (replace, not push); it need not be stable.
 */
export function useFilterText(q: string, write: (q: string) => void): FilterTextState {
  const [writer] = useState(() => createFilterUrlWriter(q, write))
  useLayoutEffect(() => writer.setWrite(write), [writer, write])
  const [text, setTextState] = useState(q)
  // A q from elsewhere replaces the box's text in this render (an effect would cost a render
  // more); an echo of this box's own write does not (the text may have moved on since).
  const [lastQ, setLastQ] = useState(q)
  if (q !== lastQ) {
    setLastQ(q)
    if (writer.isForeign(q)) setTextState(q)
  }
  useLayoutEffect(() => writer.received(q), [writer, q])
  useEffect(() => () => writer.dispose(), [writer])

  const setText = useCallback(
    (t: string) => {
      setTextState(t)
      writer.typed(t)
    },
    [writer],
  )
  const flush = useCallback(() => writer.flush(), [writer])
  const clear = useCallback(() => {
    setTextState('')
    writer.typed('')
    writer.flush()
  }, [writer])
  return { text, setText, flush, clear }
}
