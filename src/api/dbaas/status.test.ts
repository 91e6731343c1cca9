import { describe, expect, it } from 'vitest'
import { migrationPollMs, operationPollMs, servicesPollMs, taskPollMs } from './status'

describe('operationPollMs', () => {
  it('polls at the base rate for 30 s, then backs off to 60 s, and stops once settled', () => {
    const op = { id: 'o', state: 'pending' as const }
    expect(operationPollMs(op, 0, 10_000, 1000)).toBe(1000)
    expect(operationPollMs(op, 0, 450_000, 1000)).toBeGreaterThan(20_000)
    expect(operationPollMs(op, 0, 2_000_000, 1000)).toBe(60_000)
    expect(operationPollMs({ id: 'o', state: 'success' }, 0, 10, 1000)).toBe(false)
  })
})

describe('other polls', () => {
  it('follow the data', () => {
    expect(servicesPollMs([{ name: 'a', type: 'pg', plan: 'p', state: 'rebuilding' }], 500)).toBe(
      1000,
    )
    expect(servicesPollMs([{ name: 'a', type: 'pg', plan: 'p', state: 'running' }], 500)).toBe(
      false,
    )
    expect(taskPollMs({ id: 't' }, 500)).toBe(500)
    expect(taskPollMs({ id: 't', success: true }, 500)).toBe(false)
    expect(migrationPollMs({ status: 'running' }, 500)).toBe(1000)
    expect(migrationPollMs({ status: 'done' }, 500)).toBe(false)
  })
})
