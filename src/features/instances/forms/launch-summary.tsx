import type { ReactNode } from 'react'
import type { Flavor } from '@/api/flavors/schemas'
import {
  QUOTA_LABELS,
  describeExcess,
  limitOf,
  type QuotaExcess,
  type QuotaUsage,
} from '@/api/limits/quota'
import type { AbsoluteLimits } from '@/api/limits/schemas'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Spinner } from '@/components/ui/spinner'
import { formatRamMb } from '@/lib/format'
import type { MutationRequest } from '@/api/cli-twin/mutation-request'
import { CliTwin } from '@/components/cli-twin'

export interface LaunchSummaryValues {
  name: string
  datastore: string
  version: string
  flavor: Flavor | undefined
  volumeSize: number | undefined
  volumeType: string
  count: number
  replicaOfName: string | undefined
  backupName: string | undefined
  configurationName: string | undefined
}

/**
 * The launch form's live summary: what will be created, what it takes of the quota (instances,
 * volume GB, RAM), and the refusal the cloud would answer (413) before anything is sent. Holds
 * the submit button, so it stays in view (sticky beside the form on desktop, below it on phones).
 */
export function LaunchSummary({
  v,
  deltas,
  usage,
  limits,
  excesses,
  pending,
  onCancel,
  twin,
}: {
  v: LaunchSummaryValues
  deltas: Partial<QuotaUsage>
  usage: QuotaUsage | undefined
  limits: AbsoluteLimits | undefined
  excesses: QuotaExcess[]
  pending: boolean
  onCancel: () => void
  /** The request a launch would send now (undefined while the form is incomplete). */
  twin?: MutationRequest | undefined
}) {
  const rows: [string, ReactNode][] = [
    ['Name', v.name.trim() || <Missing />],
    [
      'Datastore',
      v.replicaOfName ? (
        'As its source'
      ) : v.datastore ? (
        `${v.datastore} ${v.version}`.trim()
      ) : (
        <Missing />
      ),
    ],
    [
      'Flavor',
      v.flavor ? (
        `${v.flavor.name} · ${v.flavor.vcpus ?? '?'} vCPU · ${formatRamMb(v.flavor.ram)}`
      ) : v.replicaOfName ? (
        'As its source'
      ) : (
        <Missing />
      ),
    ],
    [
      'Volume',
      v.volumeSize && Number.isFinite(v.volumeSize)
        ? `${v.volumeSize} GB${v.volumeType ? ` (${v.volumeType})` : ''}`
        : '—',
    ],
  ]
  if (v.replicaOfName) rows.push(['Replica of', `${v.replicaOfName} × ${v.count}`])
  if (v.backupName) rows.push(['Restores', v.backupName])
  if (v.configurationName) rows.push(['Configuration', v.configurationName])

  const quota = (['instances', 'volumes', 'ram'] as const).map((r) => {
    const limit = limitOf(limits, r)
    const used = usage?.[r]
    const add = deltas[r] ?? 0
    const fmt = (n: number) =>
      r === 'ram' ? formatRamMb(n) : `${n}${r === 'volumes' ? ' GB' : ''}`
    return {
      r,
      label: QUOTA_LABELS[r].label,
      text:
        used === undefined
          ? `+${fmt(add)}`
          : `${fmt(used)} + ${fmt(add)} of ${limit < 0 ? 'unlimited' : fmt(limit)}`,
      over: excesses.some((e) => e.resource === r),
    }
  })

  return (
    <aside
      aria-labelledby="launch-summary-title"
      className="grid gap-4 self-start rounded-lg border p-4 lg:sticky lg:top-4"
      data-testid="launch-summary"
    >
      <h2 id="launch-summary-title" className="text-sm font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, val]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="min-w-0 break-words">{val}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-1">
        <h3 className="text-sm font-medium">Quota in this region</h3>
        <ul className="grid gap-0.5 text-sm" data-testid="launch-quota">
          {quota.map((q) => (
            <li key={q.r} className={q.over ? 'font-medium text-danger' : undefined}>
              {q.label}: {q.text}
            </li>
          ))}
        </ul>
      </div>
      {excesses.length > 0 ? (
        <Alert
          variant="error"
          title="The quota would refuse this launch: the console will not send it"
        >
          <ul className="list-disc pl-5">
            {excesses.map((e) => (
              <li key={e.resource}>{describeExcess(e)}</li>
            ))}
          </ul>
          <p className="mt-1">Free some resources or ask an administrator to raise the quota.</p>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner className="size-4" /> : null}
          Launch instance
        </Button>
        <Button variant="outline" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {twin ? (
        <CliTwin request={twin} />
      ) : (
        <p className="text-xs text-muted-foreground" data-testid="launch-twin-pending">
          The command-line version of this launch appears once the form is complete.
        </p>
      )}
    </aside>
  )
}

function Missing() {
  return <span className="text-muted-foreground">Not chosen</span>
}
