import { createContext, useContext, useState, type ComponentProps, type MouseEvent } from 'react'
import { Slot } from 'radix-ui'
import { lazyModule } from '@/lib/preload-later'
import type * as Parts from './popover-parts'

/**
 * A popover, loaded on first use: until one is first opened, its trigger is a plain button with
 * the same attributes (Radix's popover, its positioning and focus handling are not needed for a
 * first paint). Opening one loads ./popover-parts; from then on it is Radix's own popover.
 * Same API as Radix's Popover (Root, Trigger, and Content with its portal; uncontrolled only).
 */
type PartsModule = typeof Parts

// A failed chunk (outage) is tried again on the next click.
const partsModule = lazyModule<PartsModule>(() => import('./popover-parts'))
const loadParts = partsModule.load

interface PopoverState {
  parts: PartsModule | undefined
  request: () => void
}

const PopoverContext = createContext<PopoverState | null>(null)

export function Popover({ defaultOpen, ...props }: ComponentProps<PartsModule['Popover']>) {
  const [loaded, setLoaded] = useState(partsModule.current)
  const [requested, setRequested] = useState(false)
  const request = () => {
    void loadParts().then(
      (m) => {
        setRequested(true)
        setLoaded(m)
        props.onOpenChange?.(true)
      },
      () => undefined, // the chunk guard reports the failure (vite:preloadError)
    )
  }
  return (
    <PopoverContext value={{ parts: loaded, request }}>
      {loaded ? (
        <loaded.Popover {...props} defaultOpen={requested ? true : (defaultOpen ?? false)} />
      ) : (
        props.children
      )}
    </PopoverContext>
  )
}

export function PopoverTrigger(props: ComponentProps<PartsModule['PopoverTrigger']>) {
  const popover = useContext(PopoverContext)
  if (popover?.parts) return <popover.parts.PopoverTrigger {...props} />
  const { asChild, onClick, ...rest } = props
  const Comp = asChild ? Slot.Root : 'button'
  return (
    <Comp
      type="button"
      aria-haspopup="dialog"
      aria-expanded={false}
      data-state="closed"
      {...rest}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event)
        if (!event.defaultPrevented) popover?.request()
      }}
    />
  )
}

export function PopoverContent(props: ComponentProps<PartsModule['PopoverContent']>) {
  const popover = useContext(PopoverContext)
  return popover?.parts ? <popover.parts.PopoverContent {...props} /> : null
}
