import type { ReactNode } from 'react'
import { manageability } from '@/api/databases/status'
import type { Instance } from '@/api/instances/schemas'
import { Alert } from '@/components/ui/alert'

/**
 * Shows `children` only when the cloud would accept database, user and root operations on the
 * instance; otherwise says why and when it will be possible.
 */
export function InstanceGate({ instance, children }: { instance: Instance; children: ReactNode }) {
  const m = manageability(instance)
  if (m.ready) return <>{children}</>
  return (
    <Alert variant="info" title="Not available while the instance is not ready" role="status">
      {m.reason} This page updates by itself when it is.
    </Alert>
  )
}
