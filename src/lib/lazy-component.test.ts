// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(cleanup)

describe('lazyComponent', () => {
  it('mounts only from the first render that wants it, then stays mounted', async () => {
    vi.resetModules()
    const { startPreloads } = await import('./preload-later')
    const { lazyComponent } = await import('./lazy-component')
    const mounts = vi.fn()
    function Dialog({ open }: { open: boolean }) {
      mounts()
      return createElement('p', null, open ? 'open' : 'closed')
    }
    const importer = vi.fn(() => Promise.resolve({ Dialog }))
    const Lazy = lazyComponent(
      importer,
      (m) => m.Dialog,
      (p) => p.open,
    )
    // Loaded with the late preloads, before anyone opens it.
    startPreloads()
    await act(() => importer.mock.results[0]?.value as Promise<unknown>)
    expect(importer).toHaveBeenCalledTimes(1)

    const view = render(createElement(Lazy, { open: false }))
    expect(screen.queryByText('closed')).toBeNull()
    expect(mounts).not.toHaveBeenCalled()

    view.rerender(createElement(Lazy, { open: true }))
    expect(screen.getByText('open')).toBeTruthy()
    // Closed again: still rendered (a dialog keeps its closing animation).
    view.rerender(createElement(Lazy, { open: false }))
    expect(screen.getByText('closed')).toBeTruthy()
    expect(importer).toHaveBeenCalledTimes(1)
  })
})
