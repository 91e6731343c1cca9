/**
 * Storage faults (another process holds the write lock, the disk is full, an I/O error): they
 * degrade the server instead of stalling it. Reads keep answering (WAL readers need no lock),
 * writes are refused at once with 503 + `Retry-After`, background work pauses, and each fault is
 * logged once when it starts and once when it clears, not per request.
 */
export type StorageFaultKind = 'busy' | 'full' | 'io'

/** The SQLite error codes (better-sqlite3's `err.code`) that are a fault of the store, not a bug. */
export function storageFaultKind(err: unknown): StorageFaultKind | null {
  const code =
    typeof err === 'object' && err !== null && 'code' in err
      ? String((err as { code: unknown }).code)
      : ''
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED'))
    return 'busy'
  if (code === 'SQLITE_FULL') return 'full'
  if (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN'
  )
    return 'io'
  return null
}

/** Seconds a client should wait before writing again, per kind of fault. */
export const RETRY_AFTER_SECONDS: Record<StorageFaultKind, number> = { busy: 2, full: 30, io: 10 }

const MESSAGES: Record<StorageFaultKind, string> = {
  busy: 'The cloud’s storage is busy (another process holds its write lock). Reads still work; try the change again shortly.',
  full: 'The cloud’s storage is full. Reads still work; changes are refused until space is freed.',
  io: 'The cloud’s storage cannot be written. Reads still work; changes are refused until it recovers.',
}

export function storageFaultMessage(kind: StorageFaultKind): string {
  return MESSAGES[kind]
}

export interface FaultLog {
  /** Records a fault; logs it only when it is a new one (none or another kind before). */
  report(err: unknown, now: number): StorageFaultKind | null
  /** True while background writes should wait (just after a fault). */
  pausing(now: number): boolean
  /** A write went through: the fault, if any, is over (logged once). */
  cleared(): void
}

/** How long background work pauses after a fault before it tries the store again. */
const PAUSE_MS: Record<StorageFaultKind, number> = { busy: 1000, full: 5000, io: 5000 }

export function createFaultLog(log: (msg: string) => void = () => {}): FaultLog {
  let current: StorageFaultKind | null = null
  let until = 0
  return {
    report(err, now) {
      const kind = storageFaultKind(err)
      if (!kind) return null
      if (kind !== current) {
        const detail = err instanceof Error ? err.message : String(err)
        log(
          `storage fault (${kind}): ${detail}. Reads keep answering; writes get 503 until it clears.`,
        )
      }
      current = kind
      until = now + PAUSE_MS[kind]
      return kind
    },
    pausing(now) {
      return current !== null && now < until
    },
    cleared() {
      if (current === null) return
      log(`storage fault (${current}) cleared: writes work again.`)
      current = null
      until = 0
    },
  }
}
