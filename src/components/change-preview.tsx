import { useId } from 'react'
import { AlertTriangle, ArrowRight, Info, OctagonAlert } from 'lucide-react'
import type { ScopeParams } from '@/api/instances/keys'
import type { Instance } from '@/api/instances/schemas'
import type {
  Consequence,
  ConsequenceTone,
  PreviewAction,
  QuotaDeltaLine,
  TopologyMember,
} from '@/api/preview/consequence'
import { formatDelta } from '@/api/preview/quota-delta'
import { Badge, type BadgeVariant } from '@/components/ui/badge'
import { useInstanceChangePreview, type PreviewExtras } from '@/hooks/use-change-preview'
import { cn } from '@/lib/cn'

const TONE: Record<ConsequenceTone, { icon: typeof Info; className: string; label: string }> = {
  danger: { icon: OctagonAlert, className: 'text-danger', label: 'Danger' },
  warning: { icon: AlertTriangle, className: 'text-warning-soft-foreground', label: 'Warning' },
  info: { icon: Info, className: 'text-muted-foreground', label: 'Note' },
}

const ROLE: Record<TopologyMember['role'], { label: string; variant: BadgeVariant }> = {
  source: { label: 'source', variant: 'info' },
  replica: { label: 'replica', variant: 'neutral' },
  standalone: { label: 'standalone', variant: 'outline' },
  leaves: { label: 'leaves the set', variant: 'warning' },
  joins: { label: 'new replica', variant: 'success' },
}

function Members({ title, members }: { title: string; members: TopologyMember[] }) {
  return (
    <div className="grid min-w-0 content-start gap-1">
      <span className="text-xs font-medium text-muted-foreground">{title}</span>
      <ul className="grid gap-1" aria-label={`${title}: replication set`}>
        {members.map((m, n) => (
          <li
            key={`${m.name}-${n}`}
            className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5"
          >
            <span className="font-medium break-all">{m.name}</span>
            <Badge variant={ROLE[m.role].variant}>{ROLE[m.role].label}</Badge>
          </li>
        ))}
      </ul>
    </div>
  )
}

function limitText(l: QuotaDeltaLine): string {
  if (l.limit === undefined) return ''
  return l.limit < 0 ? ' (no limit)' : ` of ${l.limit}${l.unit ? ` ${l.unit}` : ''}`
}

function QuotaLines({ lines }: { lines: QuotaDeltaLine[] }) {
  return (
    <ul className="grid gap-0.5" aria-label="Quota change">
      {lines.map((l) => (
        <li key={l.resource} className={cn('tabular-nums', l.exceeds && 'text-danger')}>
          <span className="font-medium">{l.label}</span> {formatDelta(l)}
          {l.before !== undefined && l.after !== undefined ? (
            <span className="text-muted-foreground">
              {' '}
              · in use {l.before} → {l.after}
              {l.unit ? ` ${l.unit}` : ''}
              {limitText(l)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/**
 * The change preview (issue 17 §3): what the dialog's action will do, computed before it is
 * sent. Drawn inside every mutating dialog of instances, replication, configuration groups and
 * backups, above the CLI twin.
 */
export function ChangePreview({ consequences }: { consequences: Consequence[] }) {
  const headingId = useId()
  if (consequences.length === 0) return null
  return (
    <section
      aria-labelledby={headingId}
      data-testid="change-preview"
      className="grid gap-2 rounded-md border bg-muted/30 p-3 text-sm"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        What this will do
      </h3>
      <ul className="grid gap-2">
        {consequences.map((c) => {
          const tone = TONE[c.tone]
          const Icon = tone.icon
          return (
            <li key={c.id} data-consequence={c.id} className="flex items-start gap-2">
              <Icon aria-hidden="true" className={cn('mt-0.5 size-4 shrink-0', tone.className)} />
              <div className="grid min-w-0 flex-1 gap-1.5">
                <p>
                  <span className="sr-only">{tone.label}: </span>
                  {c.text}
                </p>
                {c.kind === 'topology' ? (
                  <div className="grid items-start gap-2 rounded-md border bg-background p-2 sm:grid-cols-[1fr_auto_1fr]">
                    <Members title="Before" members={c.before} />
                    <ArrowRight
                      aria-hidden="true"
                      className="size-4 rotate-90 justify-self-center text-muted-foreground sm:mt-5 sm:rotate-0"
                    />
                    <Members title="After" members={c.after} />
                  </div>
                ) : null}
                {c.kind === 'quota' ? <QuotaLines lines={c.lines} /> : null}
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** The preview of an instance action: reads what it needs while `open`. */
export function InstanceChangePreview({
  scope,
  action,
  instance,
  open,
  extras,
}: {
  scope: ScopeParams
  action: PreviewAction
  instance: Instance
  open: boolean
  extras?: PreviewExtras
}) {
  const consequences = useInstanceChangePreview(scope, action, instance, open, extras)
  return <ChangePreview consequences={consequences} />
}
