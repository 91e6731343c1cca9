import { integrationStateOf, migrationStateOf, serviceStateOf } from '@/api/dbaas/status'
import { ToneBadge } from './tone-badge'

/**
 * A DBaaS service's state: icon + text, never colour alone. `troveStatus` (the status of the
 * instance it stands for, when known) tells a failed database from a powered-off one.
 */
export function ServiceStatusBadge({
  state,
  troveStatus,
}: {
  state: string | undefined
  troveStatus?: string | undefined
}) {
  const { label, tone, reason } = serviceStateOf(state, troveStatus)
  return (
    <ToneBadge
      tone={tone}
      text={label}
      title={`Service state: ${state ?? 'unknown'}${reason ? `. ${reason}` : ''}`}
      data-testid="service-state"
    />
  )
}

/** An integration's state (active, or the cloud's word while it is set up). */
export function IntegrationStatusBadge({
  integration,
}: {
  integration: { 'is-active'?: boolean | undefined; status?: string | undefined }
}) {
  const { label, tone } = integrationStateOf(integration)
  return <ToneBadge tone={tone} text={label} title={`Integration: ${label}`} />
}

/** A migration's (or one database's migration) status. */
export function MigrationStatusBadge({ status }: { status: string | undefined }) {
  const { label, tone } = migrationStateOf(status)
  return <ToneBadge tone={tone} text={label} title={`Migration: ${label}`} />
}
