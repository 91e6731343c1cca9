import type * as Parts from './sheet-parts'
import { createLazyOverlay } from './lazy-overlay'

// Radix's dialog loads when the sheet first opens (./lazy-overlay); the parts are in ./sheet-parts.
const overlay = createLazyOverlay<typeof Parts>(() => import('./sheet-parts'))

/** A panel sliding from the left edge (the mobile navigation); a modal dialog underneath. */
export const Sheet = overlay.root((m) => m.Sheet)
export const SheetTrigger = overlay.trigger((m) => m.SheetTrigger)
export const SheetClose = overlay.part((m) => m.SheetClose)
export const SheetTitle = overlay.part((m) => m.SheetTitle)
export const SheetDescription = overlay.part((m) => m.SheetDescription)
export const SheetContent = overlay.part((m) => m.SheetContent)
