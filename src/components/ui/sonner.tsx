import { lazy, Suspense, useSyncExternalStore } from 'react'
import { preloadLater } from '@/lib/preload-later'
import { subscribeToasterWanted, toasterWanted } from '@/lib/toast'

const loadToaster = () => import('./sonner-toaster')
preloadLater(loadToaster)
const SonnerToaster = lazy(() => loadToaster().then((m) => ({ default: m.SonnerToaster })))

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
