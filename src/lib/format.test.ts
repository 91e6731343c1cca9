import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatDateTime,
  formatTimeOfDay,
  formatDuration,
  formatGb,
  formatRamMb,
  formatRelativeTime,
  parseCloudDate,
} from './format'

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1023)).toBe('1023 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(1024 ** 3)).toBe('1 GiB')
    expect(formatBytes(-2048)).toBe('-2 KiB')
    expect(formatBytes(Number.NaN)).toBe('—')
  })
  it('formats flavor RAM and volume sizes', () => {
    expect(formatRamMb(2048)).toBe('2 GiB')
    expect(formatRamMb(512)).toBe('512 MiB')
    expect(formatGb(5)).toBe('5 GB')
    expect(formatGb(0.125)).toBe('0.13 GB')
    expect(formatGb(undefined)).toBe('—')
  })
})

describe('parseCloudDate', () => {
  it('reads Trove timestamps as UTC', () => {
    expect(parseCloudDate('2026-11-23T03:53:15')?.toISOString()).toBe('2026-11-23T03:53:15.000Z')
    expect(parseCloudDate('2026-11-23 03:53:15')?.toISOString()).toBe('2026-11-23T03:53:15.000Z')
  })
  it('reads Keystone timestamps with microseconds', () => {
    expect(parseCloudDate('2026-11-23T03:53:15.123456Z')?.toISOString()).toBe(
      '2026-11-23T03:53:15.123Z',
    )
    expect(parseCloudDate('2026-11-23T05:53:15+02:00')?.toISOString()).toBe(
      '2026-11-23T03:53:15.000Z',
    )
  })
  it('returns undefined for garbage', () => {
    expect(parseCloudDate('nope')).toBeUndefined()
    expect(parseCloudDate(null)).toBeUndefined()
    expect(parseCloudDate('')).toBeUndefined()
  })
})

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-11-23T12:00:00Z')
  it('says how long ago', () => {
    expect(formatRelativeTime('2026-11-23T11:59:55', now)).toBe('just now')
    expect(formatRelativeTime('2026-11-23T11:59:30', now)).toBe('30 seconds ago')
    expect(formatRelativeTime('2026-11-23T11:57:00', now)).toBe('3 minutes ago')
    expect(formatRelativeTime('2026-11-23T10:00:00', now)).toBe('2 hours ago')
    expect(formatRelativeTime('2026-11-22T12:00:00', now)).toBe('yesterday')
    expect(formatRelativeTime(undefined, now)).toBe('—')
  })
  it('never says a time in the future (clock skew is clamped)', () => {
    expect(formatRelativeTime('2026-11-23T14:00:00', now)).toBe('just now')
    expect(formatRelativeTime(now + 13_000, now)).toBe('just now')
    expect(formatRelativeTime(undefined, now)).toBe('—')
  })
})

describe('formatDateTime', () => {
  it('formats in the given zone', () => {
    expect(formatDateTime('2026-11-23T03:53:15', { timeZone: 'UTC' })).toBe('23 Nov 2026, 03:53')
  })
})

describe('formatDuration', () => {
  it('is compact', () => {
    expect(formatDuration(4000)).toBe('4s')
    expect(formatDuration(75_000)).toBe('1m 15s')
    expect(formatDuration(3_700_000)).toBe('1h 1m')
    expect(formatDuration(-1)).toBe('0s')
  })
})

describe('formatTimeOfDay', () => {
  it('gives hours and minutes, 24-hour', () => {
    expect(formatTimeOfDay(Date.UTC(2026, 11, 6, 17, 5, 59), { timeZone: 'UTC' })).toBe('17:05')
    expect(formatTimeOfDay(undefined)).toBe('—')
  })
})
