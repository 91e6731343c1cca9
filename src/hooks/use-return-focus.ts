import { useRef } from 'react'

/**
 * Where keyboard focus goes back to when a dialog closes: the control that opened it.
 *
 * Radix returns focus to the element focused when the dialog mounted. For a dialog opened from a
 * menu item (row actions) that element is gone by then (the menu closed), and focus fell to the
 * top of the page. So the console remembers the last control focused outside any dialog or menu
 * (the menu's trigger, for a menu item) and the dialog returns there on close.
 */

const LAYERS = '[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"]'

let lastOutside: HTMLElement | null = null
let listening = false

function track(): void {
  if (listening || typeof document === 'undefined') return
  listening = true
  document.addEventListener(
    'focusin',
    (e) => {
      const t = e.target
      if (t instanceof HTMLElement && t !== document.body && !t.closest(LAYERS)) lastOutside = t
    },
    true,
  )
}
track()

/** The element to give focus back to: connected, visible and focusable, or null. */
export function focusTarget(el: HTMLElement | null): HTMLElement | null {
  if (!el?.isConnected) return null
  if (el.closest('[inert],[hidden]') || el.matches(':disabled')) return null
  return el
}

/**
 * Props for a Radix dialog content: remembers the opener when the dialog opens and focuses it
 * again on close (the caller's own `onCloseAutoFocus` still runs first and may prevent it).
 */
export function useReturnFocus(onCloseAutoFocus?: (e: Event) => void) {
  track()
  const opener = useRef<HTMLElement | null>(null)
  // Read at mount (the dialog content mounts when it opens), before focus moves inside.
  if (opener.current === null) {
    const active = typeof document === 'undefined' ? null : document.activeElement
    opener.current =
      active instanceof HTMLElement && active !== document.body && !active.closest(LAYERS)
        ? active
        : lastOutside
  }
  return {
    onCloseAutoFocus: (e: Event) => {
      onCloseAutoFocus?.(e)
      if (e.defaultPrevented) return
      const target = focusTarget(opener.current)
      if (!target) return
      e.preventDefault()
      target.focus({ preventScroll: false })
    },
  }
}
