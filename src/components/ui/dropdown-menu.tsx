import {
  createContext,
  useContext,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type PointerEvent,
} from 'react'
import { Slot } from 'radix-ui'
import { lazyModule } from '@/lib/preload-later'
import type * as Parts from './dropdown-menu-parts'

/**
 * The dropdown menu, loaded on first use: until a menu is first opened, its trigger is a plain
 * button with the same attributes and keys (Radix's menu, its positioning and focus handling are
 * ~20 KB gzip that no first paint needs). Opening one loads ./dropdown-menu-parts for every menu;
 * from then on each menu is Radix's own. Same API as Radix's DropdownMenu (uncontrolled only).
 */
type PartsModule = typeof Parts

// A failed chunk (outage) is tried again on the next click.
const partsModule = lazyModule<PartsModule>(() => import('./dropdown-menu-parts'))
const loadParts = partsModule.load

interface MenuState {
  parts: PartsModule | undefined
  /** Opened from the keyboard before Radix's menu was mounted: its first item takes focus. */
  keyboardOpen: boolean
  request: (keyboard: boolean) => void
  entered: () => void
}

const MenuContext = createContext<MenuState | null>(null)

export function DropdownMenu({
  defaultOpen,
  ...props
}: ComponentProps<PartsModule['DropdownMenu']>) {
  const [loaded, setLoaded] = useState(partsModule.current)
  const [requested, setRequested] = useState<'pointer' | 'keyboard' | 'entered'>()
  const request = (keyboard: boolean) => {
    void loadParts().then(
      (m) => {
        setRequested(keyboard ? 'keyboard' : 'pointer')
        setLoaded(m)
        props.onOpenChange?.(true)
      },
      () => undefined, // the chunk guard reports the failure (vite:preloadError)
    )
  }
  const state: MenuState = {
    parts: loaded,
    keyboardOpen: requested === 'keyboard',
    request,
    entered: () => setRequested('entered'),
  }
  return (
    <MenuContext value={state}>
      {loaded ? (
        <loaded.DropdownMenu
          {...props}
          defaultOpen={
            requested === 'pointer' || requested === 'keyboard' ? true : (defaultOpen ?? false)
          }
        />
      ) : (
        props.children
      )}
    </MenuContext>
  )
}

const OPEN_KEYS = ['Enter', ' ', 'ArrowDown']

export function DropdownMenuTrigger(props: ComponentProps<PartsModule['DropdownMenuTrigger']>) {
  const menu = useContext(MenuContext)
  if (menu?.parts) return <menu.parts.DropdownMenuTrigger {...props} />
  const { asChild, disabled = false, onPointerDown, onKeyDown, ...rest } = props
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
      onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
        onPointerDown?.(event)
        if (event.defaultPrevented || disabled) return
        if (event.button === 0 && !event.ctrlKey) {
          menu?.request(false)
          event.preventDefault()
        }
      }}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event)
        if (event.defaultPrevented || disabled) return
        if (OPEN_KEYS.includes(event.key)) {
          menu?.request(true)
          event.preventDefault()
        }
      }}
    />
  )
}

export function DropdownMenuContent(props: ComponentProps<PartsModule['DropdownMenuContent']>) {
  const menu = useContext(MenuContext)
  if (!menu?.parts) return null
  if (!menu.keyboardOpen) return <menu.parts.DropdownMenuContent {...props} />
  const { ref, ...rest } = props
  return (
    <menu.parts.DropdownMenuContent
      {...rest}
      ref={(node: HTMLDivElement | null) => {
        if (typeof ref === 'function') ref(node)
        else if (ref) ref.current = node
        if (!node) return
        // As Radix does for a menu opened from the keyboard: its first available item takes
        // focus (after Radix's own focus on the content, which runs once this is attached).
        setTimeout(() => {
          node
            .querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')
            ?.focus({ preventScroll: true })
          menu.entered()
        })
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
