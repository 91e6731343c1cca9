import { useRef } from 'react'

/**
 * Where keyboard focus goes back to when a dialog closes: the control that opened it.
 *
 * Radix returns focus to the element focused when the dialog mounted. For a dialog opened from a
 * menu item (row actions) that element is gone by then (the menu closed), and focus fell to the
 * top of the page. So the console remembers the last control focused outside any dialog or menu
 * (for a menu item: the button that opened the menu) and the dialog returns there on close.
 */

const LAYERS = '[role="dialog"],[role="alertdialog"],[role="menu"],[role="listbox"]'

let lastOutside: HTMLElement | null = null
let listening = false

/** The control a focused element stands for outside the layers: itself, or its menu's trigger. */
function outsideControl(t: EventTarget | null): HTMLElement | null {
  if (!(t instanceof HTMLElement) || t === document.body) return null
  const menu = t.closest('[role="menu"][aria-labelledby]')
  if (menu) {
    const trigger = document.getElementById(menu.getAttribute('aria-labelledby') ?? '')
    return trigger && !trigger.closest(LAYERS) ? trigger : null
  }
  return t.closest(LAYERS) ? null : t
}

function track(): void {
  if (listening || typeof document === 'undefined') return
  listening = true
  document.addEventListener(
    'focusin',
    (e) => {
      const control = outsideControl(e.target)
      if (control) lastOutside = control
    },
    true,
  )
}
track()

/** The element to give focus back to: connected, not hidden, not disabled; else null. */
export function focusTarget(el: HTMLElement | null): HTMLElement | null {
  if (!el?.isConnected) return null
  if (el.closest('[inert],[hidden]') || el.matches(':disabled')) return null
  return el
}

/**
 * Props for a Radix dialog content: remembers the opener when the dialog opens and focuses it
 * again on close (the caller's own handlers still run first and may prevent it).
 */
export function useReturnFocus(
  onOpenAutoFocus?: (e: Event) => void,
  onCloseAutoFocus?: (e: Event) => void,
) {
  track()
  const opener = useRef<HTMLElement | null>(null)
  return {
    onOpenAutoFocus: (e: Event) => {
      opener.current = outsideControl(document.activeElement) ?? lastOutside
      onOpenAutoFocus?.(e)
    },
    onCloseAutoFocus: (e: Event) => {
      onCloseAutoFocus?.(e)
      if (e.defaultPrevented) return
      const target = focusTarget(opener.current)
      opener.current = null
      if (!target) return
      e.preventDefault()
      target.focus()
    },
  }
}
