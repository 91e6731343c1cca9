import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Popover, PopoverContent, PopoverTrigger } from './popover'

// The lazy overlays on their own (in the route project for its DOM), with the popover: each
// one mounts Radix's only once it is opened, also once the module is loaded (by an earlier
// popover, or by the shell's idle preload); until then its trigger is a plain button, which
// Radix's trigger (another element) replaces when it opens. A root that mounted Radix's before
// being opened keeps its trigger element through the open.

function popover(name: string) {
  return (
    <Popover>
      <PopoverTrigger>{name}</PopoverTrigger>
      <PopoverContent aria-label={`${name} panel`}>Inside {name}</PopoverContent>
    </Popover>
  )
}

async function openAndGetTrigger(name: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name }))
  await screen.findByText(`Inside ${name}`, {}, { timeout: 5000 })
  const trigger = screen.getByRole('button', { name })
  expect(trigger.getAttribute('aria-expanded')).toBe('true')
  return trigger
}

describe('lazy overlays', () => {
  it('a popover mounts Radix only when opened, also once the module is loaded', async () => {
    const first = render(popover('First'))
    const plainFirst = screen.getByRole('button', { name: 'First' })
    expect(plainFirst.getAttribute('aria-haspopup')).toBe('dialog')
    expect(await openAndGetTrigger('First')).not.toBe(plainFirst)
    first.unmount()

    // The module is loaded now: a popover mounted after that is still a plain button until opened.
    render(popover('Second'))
    await act(() => new Promise((r) => setTimeout(r, 20)))
    const plainSecond = screen.getByRole('button', { name: 'Second' })
    expect(plainSecond.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByText('Inside Second')).toBeNull()
    expect(await openAndGetTrigger('Second')).not.toBe(plainSecond)
  })
})
