import { Toaster as Sonner } from 'sonner'

/** Sonner's toaster, loaded on the first toast (see `toast.ts`); follows the system theme. */
export function SonnerToaster() {
  return <Sonner theme="system" closeButton position="bottom-right" />
}
