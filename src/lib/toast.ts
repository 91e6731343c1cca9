import type { ExternalToast, toast as sonnerToast } from 'sonner'

/**
 * The app's toasts. Sonner (and the toaster that shows its toasts) loads on the first toast, not
 * with the first page: `toast.success(...)` asks for the toaster to be mounted (`Toaster` in
 * `components/ui/sonner.tsx` listens) and hands the toast to sonner once it is loaded. Sonner
 * replays toasts created before its toaster subscribed, so none is lost. Import `toast` from here, never from
 * 'sonner' (lint enforces it): a toast sent straight to sonner would wait for a toaster that
 * nothing mounted.
 */
type Title = Parameters<typeof sonnerToast.success>[0]

let wanted = false
const listeners = new Set<() => void>()

/** Subscribes to "a toast was asked for" (for `useSyncExternalStore`). */
export function subscribeToasterWanted(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const toasterWanted = (): boolean => wanted

function show(kind: 'success' | 'error' | 'info' | 'warning', title: Title, data?: ExternalToast) {
  if (!wanted) {
    wanted = true
    for (const l of listeners) l()
  }
  void import('sonner').then((m) => m.toast[kind](title, data))
}

export const toast = {
  success: (title: Title, data?: ExternalToast): void => show('success', title, data),
  error: (title: Title, data?: ExternalToast): void => show('error', title, data),
  info: (title: Title, data?: ExternalToast): void => show('info', title, data),
  warning: (title: Title, data?: ExternalToast): void => show('warning', title, data),
}
