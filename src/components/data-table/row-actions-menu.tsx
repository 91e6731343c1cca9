import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { MoreHorizontal } from 'lucide-react'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'

/** One entry of a row's actions menu. */
export interface RowAction<T> {
  label: string
  onSelect: (row: T) => void
  /** Shown in the danger colour (deletes). */
  destructive?: boolean
  /** Why the action is not available for this row now; undefined = available. */
  disabledReason?: (row: T) => string | undefined
}

/** Keys that open a menu from its trigger (as Radix's trigger). */
const OPEN_KEYS = ['Enter', ' ', 'ArrowDown']

/** How the row's menu was asked for before its menu was mounted. */
type Mode = 'plain' | 'armed' | 'pointer' | 'keyboard'

/**
 * The "…" menu at the end of a row. Until the pointer comes over its button or the button is
 * used, the row holds only the button (same attributes and keys as the menu's trigger): a menu
 * mounted per row (~25 components and a second render each) was half of what a keystroke
 * rendered in a filtered 20,000-row list, where every keystroke brings new rows into view.
 * Hovering mounts the menu (closed); a press or a key on the plain button mounts it open (a
 * key focuses its first item, as Radix does).
 */
export function RowActionsMenu<T>({
  row,
  label,
  actions,
}: {
  row: T
  /** The row's name, for the button's accessible name ("Actions for db1"). */
  label: string
  actions: readonly RowAction<T>[]
}) {
  const [mode, setMode] = useState<Mode>('plain')
  const triggerRef = useRef<HTMLButtonElement>(null)
  // Opened by a key on the plain button: the menu's first item takes focus once it shows.
  const focusFirst = useRef(false)
  const onContent = useCallback((node: HTMLDivElement | null) => {
    if (!node || !focusFirst.current) return
    focusFirst.current = false
    // After Radix's own focus on the content, as for a menu opened by a key.
    setTimeout(() => focusFirstItem(node))
  }, [])
  const opened = mode === 'pointer' || mode === 'keyboard'
  // Opened from the plain button before the menus' code has loaded (the first seconds of a
  // page): the menu shows its own plain trigger, closed. Hand it the press or key, which loads
  // the code and opens the menu.
  useLayoutEffect(() => {
    const trigger = triggerRef.current
    if (!opened || !trigger || trigger.getAttribute('aria-expanded') === 'true') return
    if (mode === 'keyboard') trigger.focus()
    const timer = setTimeout(() =>
      trigger.dispatchEvent(
        mode === 'keyboard'
          ? new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
          : new PointerEvent('pointerdown', { button: 0, bubbles: true, cancelable: true }),
      ),
    )
    return () => clearTimeout(timer)
  }, [mode, opened])
  const button = (
    <Button ref={triggerRef} variant="ghost" size="icon-sm" aria-label={`Actions for ${label}`}>
      <MoreHorizontal aria-hidden="true" className="size-4" />
    </Button>
  )
  if (mode === 'plain') {
    return (
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={`Actions for ${label}`}
        aria-haspopup="menu"
        aria-expanded={false}
        data-state="closed"
        onPointerEnter={() => setMode('armed')}
        onPointerDown={(e) => {
          if (e.button !== 0 || e.ctrlKey) return
          e.preventDefault()
          setMode('pointer')
        }}
        onKeyDown={(e) => {
          if (!OPEN_KEYS.includes(e.key)) return
          e.preventDefault()
          focusFirst.current = true
          setMode('keyboard')
        }}
        // A click without a press first (a screen reader's): open as from the keyboard.
        onClick={() => {
          focusFirst.current = true
          setMode('keyboard')
        }}
      >
        <MoreHorizontal aria-hidden="true" className="size-4" />
      </Button>
    )
  }
  return (
    <DropdownMenu defaultOpen={opened}>
      <DropdownMenuTrigger asChild>{button}</DropdownMenuTrigger>
      <DropdownMenuContent
        align="end"
        ref={onContent}
        // Back to this row's button on close. Radix returns focus to the trigger it knew when
        // the menu opened; opened from the plain button, whose element the menu replaced, focus
        // fell to the page once in six keyboard opens (fresh clone, 1440 px).
        onCloseAutoFocus={(e) => {
          e.preventDefault()
          triggerRef.current?.focus({ preventScroll: true })
        }}
      >
        {actions.map((a) => {
          const reason = a.disabledReason?.(row)
          return (
            <DropdownMenuItem
              key={a.label}
              variant={a.destructive ? 'destructive' : 'default'}
              disabled={reason !== undefined}
              title={reason}
              onSelect={() => a.onSelect(row)}
            >
              {a.label}
            </DropdownMenuItem>
          )
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}

function focusFirstItem(menu: HTMLElement) {
  menu
    .querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')
    ?.focus({ preventScroll: true })
}
