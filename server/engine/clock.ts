/** Where the cloud reads the time (milliseconds since the epoch). Tests inject a manual clock. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that only moves when told to: for tests that drive tasks without sleeping. */
export class ManualClock implements Clock {
  private t: number
  constructor(start = Date.UTC(2026, 10, 23, 3, 53, 15)) {
    this.t = start
  }
  now(): number {
    return this.t
  }
  advance(ms: number): void {
    this.t += ms
  }
  set(ms: number): void {
    this.t = ms
  }
}
