import type * as Parts from './popover-parts'
import { createLazyOverlay } from './lazy-overlay'

// Radix's popover loads when a popover first opens, and each popover mounts it only once it is
// opened (./lazy-overlay, as dialogs and sheets); the parts are in ./popover-parts.
const overlay = createLazyOverlay<typeof Parts>(() => import('./popover-parts'))

export const Popover = overlay.root((m) => m.Popover)
export const PopoverTrigger = overlay.trigger((m) => m.PopoverTrigger)
export const PopoverContent = overlay.part((m) => m.PopoverContent)
