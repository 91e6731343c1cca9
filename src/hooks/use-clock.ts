import { useCallback, useSyncExternalStore } from 'react'

/** One ticking clock per interval, shared by every component that reads it. */
interface Clock {
  now: number
  listeners: Set<() => void>
  timer: ReturnType<typeof setInterval> | undefined
}

const clocks = new Map<number, Clock>()

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs)
  if (!clock)
    clocks.set(intervalMs, (clock = { now: Date.now(), listeners: new Set(), timer: undefined }))
  return clock
}

/**
 * The clock's time: the last tick while it runs; when nobody listens, the time now if the last
 * reading is older than an interval (the same value until then: React compares readings).
 */
export function readClock(intervalMs: number): number {
  const clock = clockFor(intervalMs)
  if (clock.timer === undefined && Date.now() - clock.now >= intervalMs) clock.now = Date.now()
  return clock.now
}

/** Listens to the clock of `intervalMs`: one timer for all listeners, stopped when none is left. */
export function subscribeClock(intervalMs: number, listener: () => void): () => void {
  const clock = clockFor(intervalMs)
  clock.listeners.add(listener)
  clock.timer ??= setInterval(() => {
    clock.now = Date.now()
    for (const l of clock.listeners) l()
  }, intervalMs)
  return () => {
    clock.listeners.delete(listener)
    if (clock.listeners.size > 0 || clock.timer === undefined) return
    clearInterval(clock.timer)
    clock.timer = undefined
  }
}

/**
 * The current time, ticking every `intervalMs`, from one clock shared by every caller with that
 * interval: for labels in long lists ("5 minutes ago" in every row), where `useNow`'s timer per
 * component and its catch-up render after mounting cost each new row a timer and a render more.
 */
export function useClock(intervalMs: number): number {
  // Stable, or React would unsubscribe and subscribe again on every render of the caller.
  const subscribe = useCallback(
    (listener: () => void) => subscribeClock(intervalMs, listener),
    [intervalMs],
  )
  const read = useCallback(() => readClock(intervalMs), [intervalMs])
  return useSyncExternalStore(subscribe, read, read)
}
