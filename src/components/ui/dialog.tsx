import type { ComponentProps } from 'react'
import { cn } from '@/lib/cn'
import type * as Parts from './dialog-parts'
import { createLazyOverlay } from './lazy-overlay'

export { dialogContentClasses } from './dialog-classes'

// Radix's dialog loads when a dialog first opens (./lazy-overlay); the parts are in ./dialog-parts.
const overlay = createLazyOverlay<typeof Parts>(() => import('./dialog-parts'))

export const Dialog = overlay.root((m) => m.Dialog)
export const DialogTrigger = overlay.trigger((m) => m.DialogTrigger)
export const DialogClose = overlay.part((m) => m.DialogClose)
export const DialogPortal = overlay.part((m) => m.DialogPortal)
export const DialogOverlay = overlay.part((m) => m.DialogOverlay)
export const DialogContent = overlay.part((m) => m.DialogContent)
export const DialogTitle = overlay.part((m) => m.DialogTitle)
export const DialogDescription = overlay.part((m) => m.DialogDescription)

export function DialogHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('grid gap-1.5 pr-6', className)} {...props} />
}

export function DialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)}
      {...props}
    />
  )
}
