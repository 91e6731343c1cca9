import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFilterUrlWriter, FILTER_URL_IDLE_MS } from './filter-url-writer'

describe('createFilterUrlWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const setup = (q = '') => {
    const writes: string[] = []
    const writer = createFilterUrlWriter(q, (t) => writes.push(t))
    return { writes, writer }
  }

  it('writes the text once the box has been still for the idle time, not per keystroke', () => {
    const { writes, writer } = setup()
    for (const t of ['d', 'db', 'db-', 'db-1']) {
      writer.typed(t)
      vi.advanceTimersByTime(FILTER_URL_IDLE_MS - 1)
    }
    expect(writes).toEqual([])
    vi.advanceTimersByTime(1)
    expect(writes).toEqual(['db-1'])
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS * 3)
    expect(writes).toEqual(['db-1'])
  })
  it('writes at once on flush (the box lost focus), and only what the URL lacks', () => {
    const { writes, writer } = setup('a')
    writer.flush()
    expect(writes).toEqual([])
    writer.typed('ab')
    writer.flush()
    expect(writes).toEqual(['ab'])
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS)
    expect(writes).toEqual(['ab'])
  })
  it('writes nothing when the text is typed back to what the URL holds', () => {
    const { writes, writer } = setup('db')
    writer.typed('db1')
    writer.typed('db')
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS)
    expect(writes).toEqual([])
  })
  it('tells its own echo from a q that came from elsewhere', () => {
    const { writer } = setup('')
    writer.typed('abc')
    writer.flush()
    expect(writer.isForeign('abc')).toBe(false)
    writer.received('abc')
    expect(writer.isForeign('')).toBe(true)
  })
  it('drops a pending write when the URL changes from elsewhere (back/forward)', () => {
    const { writes, writer } = setup('old')
    writer.typed('new')
    expect(writer.isForeign('other')).toBe(true)
    writer.received('other')
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS)
    expect(writes).toEqual([])
    expect(writer.isForeign('other')).toBe(false)
    // Typing on from there writes again.
    writer.typed('other2')
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS)
    expect(writes).toEqual(['other2'])
  })
  it('drops a pending write on dispose (the table unmounts)', () => {
    const { writes, writer } = setup()
    writer.typed('abc')
    writer.dispose()
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS)
    expect(writes).toEqual([])
  })
  it('writes through the latest setter it was given', () => {
    const { writes, writer } = setup()
    const later: string[] = []
    writer.typed('a')
    writer.setWrite((t) => later.push(t))
    vi.advanceTimersByTime(FILTER_URL_IDLE_MS)
    expect(writes).toEqual([])
    expect(later).toEqual(['a'])
  })
})
