import { useEffect } from 'react'

/** Rows whose filter text one slice computes before yielding to the browser. */
const SLICE_ROWS = 1000

/**
 * Computes every row's filter text (`text` caches it per row) in small slices after the list has
 * painted, so the first keystroke only compares strings instead of building 20,000 texts. A new
 * list or text function cancels the slices still pending.
 */
export function useWarmRowText<T>(rows: readonly T[], text: (row: T) => string): void {
  useEffect(() => {
    let next = 0
    let timer = 0
    const slice = () => {
      const end = Math.min(rows.length, next + SLICE_ROWS)
      for (; next < end; next++) text(rows[next] as T)
      if (next < rows.length) timer = window.setTimeout(slice, 0)
    }
    timer = window.setTimeout(slice, 0)
    return () => window.clearTimeout(timer)
  }, [rows, text])
}
