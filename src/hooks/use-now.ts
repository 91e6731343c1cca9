import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `intervalMs` while `enabled` (for elapsed-time labels and
 * time-based re-evaluation; never for fetching, which the query layer owns).
 */
export function useNow(intervalMs = 1000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!enabled) return
    // Catch up at once when re-enabled (from a timer callback, not synchronously in the effect).
    const first = window.setTimeout(() => setNow(Date.now()), 0)
    const id = window.setInterval(() => setNow(Date.now()), intervalMs)
    return () => {
      window.clearTimeout(first)
      window.clearInterval(id)
    }
  }, [intervalMs, enabled])
  return now
}
