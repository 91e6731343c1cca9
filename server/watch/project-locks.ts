/**
 * At most one read of a project's Trove in flight, whichever watcher (role set) sends it: reads
 * of one project wait for each other, reads of different projects do not.
 */
/** Longest a read holds its project's lock (the gateway's upstream timeout is 60 s). */
export const MAX_HOLD_MS = 75_000

export class ProjectLocks {
  private readonly tails = new Map<string, Promise<unknown>>()
  private readonly running = new Map<string, number>()

  /**
   * Runs `fn` after every read of `projectId` queued before it has ended, or has held the lock
   * for `maxHoldMs` (a read that hangs must not stop every reader of the project for good).
   */
  run<T>(projectId: string, fn: () => Promise<T>, maxHoldMs = MAX_HOLD_MS): Promise<T> {
    const before = this.tails.get(projectId) ?? Promise.resolve()
    const mine = before.then(async () => {
      this.running.set(projectId, (this.running.get(projectId) ?? 0) + 1)
      try {
        return await fn()
      } finally {
        const left = (this.running.get(projectId) ?? 1) - 1
        if (left === 0) this.running.delete(projectId)
        else this.running.set(projectId, left)
      }
    })
    const tail = new Promise<void>((release) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      void before.then(() => {
        timer = setTimeout(release, maxHoldMs)
        timer.unref?.()
      })
      void mine
        .catch(() => undefined)
        .then(() => {
          if (timer) clearTimeout(timer)
          release()
        })
    })
    this.tails.set(projectId, tail)
    void tail.then(() => {
      if (this.tails.get(projectId) === tail) this.tails.delete(projectId)
    })
    return mine
  }

  /** Reads of `projectId` running now (0 or 1). */
  inFlight(projectId: string): number {
    return this.running.get(projectId) ?? 0
  }
}
