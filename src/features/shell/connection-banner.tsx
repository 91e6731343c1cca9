import { useSyncExternalStore } from 'react'
import { onlineManager } from '@tanstack/react-query'
import { WifiOff } from 'lucide-react'
import { connectivity } from '@/api/connectivity'

function useConnectivity() {
  return useSyncExternalStore(connectivity.subscribe, connectivity.get, connectivity.get)
}

function useBrowserOnline() {
  return useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
    () => true,
  )
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false })
}

/**
 * Says so when the cloud cannot be reached (or the browser is offline): the page keeps what it
 * shows, reads are retried with backoff and the page updates by itself once the cloud answers;
 * changes are never sent again by themselves. The live region stays mounted so that both the
 * outage and the recovery are announced.
 */
export function ConnectionBanner() {
  const { reachable, lastAnswerAt, outages } = useConnectivity()
  const browserOnline = useBrowserOnline()
  const down = !reachable || !browserOnline
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      className="sticky top-14 z-30"
    >
      {down ? (
        <div
          data-testid="connection-banner"
          className="flex items-start gap-3 border-b border-warning-soft-foreground/25 bg-warning-soft px-4 py-2.5 text-sm text-warning-soft-foreground sm:px-6 lg:px-8"
        >
          <WifiOff className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <p>
            <strong className="font-semibold">
              {browserOnline ? 'The cloud cannot be reached.' : 'This browser is offline.'}
            </strong>{' '}
            Retrying automatically; this page updates by itself once the cloud answers.
            {lastAnswerAt
              ? ` What it shows is from ${clock(lastAnswerAt)} and may be out of date.`
              : ''}{' '}
            Changes are not sent again by themselves.
          </p>
        </div>
      ) : outages > 0 ? (
        <p className="sr-only">Connection to the cloud restored.</p>
      ) : null}
    </div>
  )
}
