import type { ComponentProps } from 'react'
import { cn } from '@/lib/cn'
import type * as Parts from './alert-dialog-parts'
import { createLazyOverlay } from './lazy-overlay'

// Radix's alert dialog loads when one first opens (./lazy-overlay); parts in ./alert-dialog-parts.
const overlay = createLazyOverlay<typeof Parts>(() => import('./alert-dialog-parts'))

export const AlertDialog = overlay.root((m) => m.AlertDialog)
export const AlertDialogTrigger = overlay.trigger((m) => m.AlertDialogTrigger)
export const AlertDialogPortal = overlay.part((m) => m.AlertDialogPortal)
export const AlertDialogContent = overlay.part((m) => m.AlertDialogContent)
export const AlertDialogTitle = overlay.part((m) => m.AlertDialogTitle)
export const AlertDialogDescription = overlay.part((m) => m.AlertDialogDescription)
/** The confirming button; `variant="destructive"` for deletes. */
export const AlertDialogAction = overlay.part((m) => m.AlertDialogAction)
export const AlertDialogCancel = overlay.part((m) => m.AlertDialogCancel)

export function AlertDialogHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('grid gap-1.5', className)} {...props} />
}

export function AlertDialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)}
      {...props}
    />
  )
}
