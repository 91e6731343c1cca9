import {
  createContext,
  useContext,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type Ref,
} from 'react'
import { Slot } from 'radix-ui'
import { lazyModule } from '@/lib/preload-later'
import type * as Parts from './dropdown-menu-parts'

/**
 * The dropdown menu, mounted on request: until the pointer comes over its trigger or the trigger
 * is used, a menu is only its trigger, a plain button with the same attributes and keys as
 * Radix's. Radix's menu (its positioning and focus handling, ~20 KB gzip that no first paint
 * needs, loaded from ./dropdown-menu-parts) is also ~25 components and a second render per menu:
 * mounted in every row of a list it was half of what a filter keystroke rendered. Hovering mounts
 * the menu closed; a press opens it; Enter, Space, ArrowDown or a click without a press (a screen
 * reader's) open it with its first item focused, as Radix does. Closing returns focus to the
 * trigger. Same API as Radix's DropdownMenu (uncontrolled only).
 */
type PartsModule = typeof Parts

// A failed chunk (outage) is tried again on the next request.
const partsModule = lazyModule<PartsModule>(() => import('./dropdown-menu-parts'))

/** What mounted the menu: the pointer over the trigger (closed), a press, or a key (open). */
type Request = 'hover' | 'pointer' | 'keyboard'
const STRENGTH: Record<Request, number> = { hover: 0, pointer: 1, keyboard: 2 }

interface MenuState {
  /** Radix's parts, once this menu is mounted; undefined while it is a plain trigger. */
  parts: PartsModule | undefined
  request: (request: Request) => void
  /** The trigger's element, plain or Radix's: closing the menu focuses it. */
  setTrigger: (node: HTMLButtonElement | null) => void
  focusTrigger: () => void
  /** Opened by a key: true once, for the content to focus its first item when it shows. */
  takeFocusFirst: () => boolean
}

const MenuContext = createContext<MenuState | null>(null)

export function DropdownMenu(
  props: Omit<ComponentProps<PartsModule['DropdownMenu']>, 'open' | 'defaultOpen'>,
) {
  const [mounted, setMounted] = useState<{ parts: PartsModule; request: Request }>()
  const triggerRef = useRef<HTMLButtonElement>(null)
  const focusFirst = useRef(false)
  // The plain trigger had focus when the menu was asked for: Radix's trigger, a new element,
  // takes it (else it falls to the page).
  const refocus = useRef(false)
  const announced = useRef(false)
  const request = (request: Request) => {
    if (request === 'keyboard') focusFirst.current = true
    if (document.activeElement === triggerRef.current) refocus.current = true
    void partsModule.load().then(
      (parts) => {
        setMounted((m) => (m && STRENGTH[m.request] >= STRENGTH[request] ? m : { parts, request }))
        if (request === 'hover' || announced.current) return
        announced.current = true
        props.onOpenChange?.(true)
      },
      () => undefined, // the chunk guard reports the failure (vite:preloadError)
    )
  }
  useLayoutEffect(() => {
    if (!mounted || !refocus.current) return
    refocus.current = false
    triggerRef.current?.focus({ preventScroll: true })
  }, [mounted])
  const opened = mounted !== undefined && mounted.request !== 'hover'
  const state: MenuState = {
    parts: mounted?.parts,
    request,
    setTrigger: (node) => (triggerRef.current = node),
    focusTrigger: () => triggerRef.current?.focus({ preventScroll: true }),
    takeFocusFirst: () => {
      const take = focusFirst.current
      focusFirst.current = false
      return take
    },
  }
  return (
    <MenuContext value={state}>
      {mounted ? <mounted.parts.DropdownMenu {...props} defaultOpen={opened} /> : props.children}
    </MenuContext>
  )
}

const OPEN_KEYS = ['Enter', ' ', 'ArrowDown']

function setRef<T>(ref: Ref<T> | undefined, node: T | null) {
  if (typeof ref === 'function') ref(node)
  else if (ref) ref.current = node
}

export function DropdownMenuTrigger({
  ref,
  ...props
}: ComponentProps<PartsModule['DropdownMenuTrigger']>) {
  const menu = useContext(MenuContext)
  // Pressed before the click: the press asked for the menu already.
  const pressed = useRef(false)
  const refs = (node: HTMLButtonElement | null) => {
    setRef(ref, node)
    menu?.setTrigger(node)
  }
  if (menu?.parts) return <menu.parts.DropdownMenuTrigger {...props} ref={refs} />
  const {
    asChild,
    disabled = false,
    onPointerEnter,
    onPointerDown,
    onKeyDown,
    onClick,
    ...rest
  } = props
  const Comp = asChild ? Slot.Root : 'button'
  return (
    <Comp
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      data-disabled={disabled ? '' : undefined}
      disabled={disabled}
      {...rest}
      ref={refs}
      onPointerEnter={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerEnter?.(event)
        if (!event.defaultPrevented && !disabled) menu?.request('hover')
      }}
      onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerDown?.(event)
        if (event.defaultPrevented || disabled) return
        if (event.button === 0 && !event.ctrlKey) {
          pressed.current = true
          menu?.request('pointer')
          event.preventDefault()
        }
      }}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event)
        if (event.defaultPrevented || disabled) return
        if (OPEN_KEYS.includes(event.key)) {
          menu?.request('keyboard')
          event.preventDefault()
        }
      }}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event)
        if (event.defaultPrevented || disabled || pressed.current) return
        menu?.request('keyboard')
      }}
    />
  )
}

export function DropdownMenuContent({
  ref,
  onCloseAutoFocus,
  onInteractOutside,
  ...props
}: ComponentProps<PartsModule['DropdownMenuContent']>) {
  const menu = useContext(MenuContext)
  // Closed by a right-click outside: focus stays where that put it (as Radix's own menu does).
  const outside = useRef(false)
  if (!menu?.parts) return null
  return (
    <menu.parts.DropdownMenuContent
      {...props}
      ref={(node: HTMLDivElement | null) => {
        setRef(ref, node)
        if (!node || !menu.takeFocusFirst()) return
        // As Radix does for a menu opened by a key on its own trigger: the first available item
        // takes focus (after Radix's focus on the content, which runs once this is attached).
        setTimeout(() =>
          node
            .querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')
            ?.focus({ preventScroll: true }),
        )
      }}
      onInteractOutside={(event) => {
        onInteractOutside?.(event)
        const original = event.detail.originalEvent
        if (
          'button' in original &&
          (original.button === 2 || (original.button === 0 && original.ctrlKey))
        )
          outside.current = true
      }}
      // Back to the trigger this menu knows (plain or Radix's), not left to Radix's ref: with
      // the row menu's earlier plain button, focus fell to the page in 1 of 6 keyboard opens
      // (session 7). e2e/menus.spec.ts opens 12 by keyboard, each returning to its button.
      onCloseAutoFocus={(event) => {
        onCloseAutoFocus?.(event)
        if (event.defaultPrevented) return
        event.preventDefault()
        if (!outside.current) menu.focusTrigger()
        outside.current = false
      }}
    />
  )
}

/** The parts below only render inside an open menu's content, so after the menu has loaded. */
function loadedParts(): PartsModule {
  const parts = partsModule.current()
  if (!parts) throw new Error('Dropdown menu parts rendered outside an open DropdownMenuContent')
  return parts
}

export function DropdownMenuGroup(props: ComponentProps<PartsModule['DropdownMenuGroup']>) {
  const { DropdownMenuGroup: Group } = loadedParts()
  return <Group {...props} />
}

export function DropdownMenuRadioGroup(
  props: ComponentProps<PartsModule['DropdownMenuRadioGroup']>,
) {
  const { DropdownMenuRadioGroup: RadioGroup } = loadedParts()
  return <RadioGroup {...props} />
}

export function DropdownMenuItem(props: ComponentProps<PartsModule['DropdownMenuItem']>) {
  const { DropdownMenuItem: Item } = loadedParts()
  return <Item {...props} />
}

export function DropdownMenuRadioItem(props: ComponentProps<PartsModule['DropdownMenuRadioItem']>) {
  const { DropdownMenuRadioItem: RadioItem } = loadedParts()
  return <RadioItem {...props} />
}

export function DropdownMenuLabel(props: ComponentProps<PartsModule['DropdownMenuLabel']>) {
  const { DropdownMenuLabel: Label } = loadedParts()
  return <Label {...props} />
}

export function DropdownMenuSeparator(props: ComponentProps<PartsModule['DropdownMenuSeparator']>) {
  const { DropdownMenuSeparator: Separator } = loadedParts()
  return <Separator {...props} />
}

export function DropdownMenuCheckboxItem(
  props: ComponentProps<PartsModule['DropdownMenuCheckboxItem']>,
) {
  const { DropdownMenuCheckboxItem: CheckboxItem } = loadedParts()
  return <CheckboxItem {...props} />
}
