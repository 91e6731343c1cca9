import { describe, expect, it, vi } from 'vitest'

describe('preloadLater', () => {
  it('waits for startPreloads, runs each loader once, then runs late ones at once', async () => {
    vi.resetModules()
    const { preloadLater, startPreloads } = await import('./preload-later')
    const early = vi.fn(() => Promise.resolve('early'))
    const failing = vi.fn(() => Promise.reject(new Error('chunk failed')))
    preloadLater(early)
    preloadLater(failing)
    expect(early).not.toHaveBeenCalled()
    startPreloads()
    startPreloads()
    expect(early).toHaveBeenCalledTimes(1)
    expect(failing).toHaveBeenCalledTimes(1)
    const late = vi.fn(() => Promise.resolve('late'))
    preloadLater(late)
    expect(late).toHaveBeenCalledTimes(1)
    // A failed chunk is swallowed here (its own first use retries): no unhandled rejection.
    await Promise.resolve()
  })
})
