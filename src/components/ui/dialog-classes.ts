import { cn } from '@/lib/cn'

/** The centred dialog panel (dialogs and alert dialogs). */
export const dialogContentClasses = cn(
  'fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg',
  '-translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-lg border bg-popover p-6',
  'text-popover-foreground shadow-xl animate-fade-in focus-visible:outline-none',
)
