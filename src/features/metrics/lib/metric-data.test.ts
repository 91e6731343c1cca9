import { describe, expect, it } from 'vitest'
import {
  axisFormatter,
  axisUnitLabel,
  formatValue,
  maxValue,
  orderedKeys,
  timeTickFormat,
  toChartData,
  unitOf,
} from './metric-data'

describe('toChartData', () => {
  it('turns rows into points per node, with and without a Z on the time', () => {
    const data = toChartData('cpu_usage', {
      hints: { title: 'CPU usage %' },
      data: {
        cols: [
          { type: 'date', label: 'time' },
          { type: 'number', label: 'a-1 (master)' },
          { type: 'number', label: 'a-2 (read-replica)' },
        ],
        rows: [
          ['2023-02-09T05:14:00', 43.6, 3.1],
          ['2023-02-09T05:14:30Z', 43.5],
        ],
      },
    })
    expect(data.nodes).toEqual(['a-1 (master)', 'a-2 (read-replica)'])
    expect(data.points).toEqual([
      { t: Date.UTC(2023, 1, 9, 5, 14, 0), n0: 43.6, n1: 3.1 },
      { t: Date.UTC(2023, 1, 9, 5, 14, 30), n0: 43.5 },
    ])
    expect(data.unit).toBe('percent')
  })
})

describe('units', () => {
  it('formats per metric kind and orders known metrics first', () => {
    expect(unitOf('net_send')).toBe('bytes-per-second')
    expect(formatValue(2048, 'bytes-per-second')).toBe('2.0 KiB/s')
    expect(formatValue(1.234, 'load')).toBe('1.23')
    expect(formatValue(55.54, 'percent')).toBe('55.5 %')
    expect(orderedKeys(['zzz', 'net_send', 'cpu_usage'])).toEqual(['cpu_usage', 'net_send', 'zzz'])
  })
})

describe('axes', () => {
  it('puts every label of one axis in one unit, short enough not to wrap', () => {
    const f = axisFormatter('bytes-per-second', 3 * 1024 * 1024)
    expect([0, 512 * 1024, 1.5 * 1024 * 1024].map(f)).toEqual([
      '0.0 MiB/s',
      '0.5 MiB/s',
      '1.5 MiB/s',
    ])
    expect(axisFormatter('bytes-per-second', 900)(450)).toBe('450 B/s')
    expect(axisFormatter('percent', 100)(55.5)).toBe('56 %')
    expect(axisUnitLabel('bytes-per-second', 5000)).toBe('KiB/s')
    expect(
      maxValue([
        { t: 1e12, n0: 3, n1: 7 },
        { t: 2e12, n0: 5 },
      ]),
    ).toBe(7)
  })
  it('shows the year on the year view', () => {
    const t = Date.UTC(2026, 5, 15, 12)
    expect(timeTickFormat('year')(t)).toMatch(/2026/)
    expect(timeTickFormat('month')(t)).not.toMatch(/2026/)
    expect(timeTickFormat('hour')(t)).toMatch(/^\d\d:\d\d$/)
  })
})
