import { lazy, Suspense, useSyncExternalStore } from 'react'
import { subscribeToasterWanted, toasterWanted } from '@/lib/toast'

const SonnerToaster = lazy(() =>
  import('./sonner-toaster').then((m) => ({ default: m.SonnerToaster })),
)

/**
 * The app's toaster (rendered once in __root.tsx). Nothing of sonner loads until the first toast
 * (`toast` from `toast.ts`): the first page does not need it.
 */
export function Toaster() {
  const wanted = useSyncExternalStore(subscribeToasterWanted, toasterWanted, () => false)
  if (!wanted) return null
  return (
    <Suspense fallback={null}>
      <SonnerToaster />
    </Suspense>
  )
}
