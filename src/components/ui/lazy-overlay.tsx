import {
  createContext,
  useContext,
  useEffect,
  useState,
  type JSXElementConstructor,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { Slot } from 'radix-ui'
import { lazyModule } from '@/lib/preload-later'

interface RootProps {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  children?: ReactNode
}

interface TriggerProps {
  asChild?: boolean
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void
}

/**
 * A Radix overlay family (dialog, alert dialog, sheet, popover) whose module loads when one is
 * first opened, not with the page: Radix's focus trap, scroll lock, positioning and layers are not
 * needed for a first paint. Each root mounts Radix's only once it is opened, even when the module
 * is there already (the shell preloads it when idle), as the dropdown menu does: until then it
 * renders only its children, a trigger is a plain button with Radix's attributes, and every other
 * part renders nothing (they only show inside an open one). A controlled root that is opened
 * (`open`) loads the module if needed and opens once it is there; once opened, it stays Radix's.
 */
export function createLazyOverlay<M extends object>(importer: () => Promise<M>) {
  // A failed chunk (outage): the next open tries again.
  const { load, current } = lazyModule(importer)
  const ignore = () => undefined // the chunk guard reports a failure (vite:preloadError)

  const OverlayContext = createContext<{ module: M | undefined; request: () => void } | null>(null)

  function root<P extends RootProps>(pick: (m: M) => JSXElementConstructor<P>) {
    return function LazyOverlayRoot(props: P) {
      // This root's Radix module, once it was opened (not merely once the module is loaded).
      const [mounted, setMounted] = useState<M>()
      const [requested, setRequested] = useState(false)
      const wantsOpen = props.open ?? props.defaultOpen ?? false
      // Opened with the module there: Radix's root in this very render, not one later.
      const module = mounted ?? (wantsOpen ? current() : undefined)
      useEffect(() => {
        if (wantsOpen && !mounted) void load().then(setMounted, ignore)
      }, [wantsOpen, mounted])
      const request = () => {
        void load().then((m) => {
          setRequested(true)
          setMounted(m)
          props.onOpenChange?.(true)
        }, ignore)
      }
      const Root = module ? pick(module) : undefined
      const rootProps = { ...props, defaultOpen: requested || (props.defaultOpen ?? false) }
      return (
        <OverlayContext value={{ module, request }}>
          {Root ? <Root {...rootProps} /> : props.children}
        </OverlayContext>
      )
    }
  }

  function trigger<P extends TriggerProps>(pick: (m: M) => JSXElementConstructor<P>) {
    return function LazyOverlayTrigger(props: P) {
      const overlay = useContext(OverlayContext)
      if (overlay?.module) {
        const Trigger = pick(overlay.module)
        return <Trigger {...props} />
      }
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
            if (!event.defaultPrevented) overlay?.request()
          }}
        />
      )
    }
  }

  function part<P extends object>(pick: (m: M) => JSXElementConstructor<P>) {
    return function LazyOverlayPart(props: P) {
      const overlay = useContext(OverlayContext)
      if (!overlay?.module) return null
      const Part = pick(overlay.module)
      return <Part {...props} />
    }
  }

  return { root, trigger, part }
}
