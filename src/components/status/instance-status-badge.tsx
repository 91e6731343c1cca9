import {
  OPERATING_STATUS_DESCRIPTIONS,
  STATUS_DESCRIPTIONS,
  instanceStatusTone,
  operatingStatusTone,
} from '@/api/instances/status'
import { ToneBadge } from './tone-badge'

/** The public `status` (icon + text, never colour alone); unknown values render as such. */
function InstanceStatusBadge({ status }: { status: string }) {
  return (
    <ToneBadge
      tone={instanceStatusTone(status)}
      text={status || 'UNKNOWN'}
      title={STATUS_DESCRIPTIONS[status] ?? `Status reported by the cloud: ${status || '(none)'}`}
    />
  )
}

/**
 * `operating_status`: "" while a task runs is shown as a dash, not as an unknown state; a field
 * the cloud did not send shows nothing.
 */
function OperatingStatusBadge({ value, status }: { value: string | undefined; status: string }) {
  if (value === undefined) return null
  if (value === '') {
    // Trove also sends "" for a failed instance: no task runs then, the datastore is not reported.
    const failed = instanceStatusTone(status) === 'error'
    return (
      <span
        className="text-xs text-muted-foreground"
        title={
          failed
            ? 'The cloud reports no datastore status for a failed instance.'
            : OPERATING_STATUS_DESCRIPTIONS['']
        }
      >
        <span aria-hidden="true">—</span>
        <span className="sr-only">
          {failed ? 'no datastore status' : 'no datastore status while a task runs'}
        </span>
      </span>
    )
  }
  return (
    <ToneBadge
      tone={operatingStatusTone(value)}
      text={value}
      // In a cell too narrow for both, this one gives way first: the instance's status stays
      // readable ("BACKUP" and "HEALTHY" each shrank to one letter).
      className="shrink-[100]"

      title={
        OPERATING_STATUS_DESCRIPTIONS[value] ?? `Datastore status reported by the cloud: ${value}`
      }
    />
  )
}

/** An instance's status and operating status side by side (tenant and admin pages alike). */
export function InstanceStatusBadges({
  status,
  operatingStatus,
  nowrap,
}: {
  status: string
  operatingStatus: string | undefined
  nowrap?: boolean
}) {
  return (
    <span
      className={`inline-flex max-w-full min-w-0 items-center gap-1 ${nowrap ? 'flex-nowrap' : 'flex-wrap'}`}
    >
      <span data-testid="instance-status" className="contents">
        <InstanceStatusBadge status={status} />
      </span>
      <span data-testid="operating-status" className="contents">
        <OperatingStatusBadge value={operatingStatus} status={status} />
      </span>
    </span>
  )
}
