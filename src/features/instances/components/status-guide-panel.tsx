import { useState } from 'react'
import { Link } from '@tanstack/react-router'
import { FileText, Power, RotateCcw, Trash2, TriangleAlert } from 'lucide-react'
import type { ScopeParams } from '@/api/instances/keys'
import type { Instance } from '@/api/instances/schemas'
import { statusGuide, type NextStepKind } from '@/api/instances/status-guide'
import { statusTone } from '@/api/instances/status'
import { DateTimeAgo } from '@/components/date-time-ago'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/cn'
import {
  DeleteInstanceDialog,
  ForceDeleteDialog,
  ResetStatusDialog,
  RestartDialog,
} from './lazy-instance-dialogs'

type DialogKind = Extract<NextStepKind, 'restart' | 'reset-status' | 'delete' | 'force-delete'>

const TONE_CLASSES: Record<string, string> = {
  error: 'border-danger/40 bg-danger/5',
  warning: 'border-warning/40 bg-warning/5',
}

/**
 * What the instance's status means and what to do next (`statusGuide`): one sentence, the fault
 * for a failed instance, and the actions that make sense now, each one click away.
 */
export function StatusGuidePanel({
  instance,
  scope,
  isAdmin,
  now,
  onDeleted,
}: {
  instance: Instance
  scope: ScopeParams
  isAdmin: boolean
  now: number
  onDeleted: () => void
}) {
  const guide = statusGuide(instance, { isAdmin })
  const [open, setOpen] = useState<DialogKind | null>(null)
  const tone = statusTone(instance.status, instance.operating_status)
  const dialog = (kind: DialogKind) => ({
    instance,
    scope,
    open: open === kind,
    onOpenChange: (o: boolean) => setOpen(o ? kind : null),
  })
  const actions = guide.steps.filter((s) => s.kind !== 'wait' && s.kind !== 'connect')
  const waiting = guide.steps.some((s) => s.kind === 'wait')

  return (
    <section
      aria-labelledby="status-guide-title"
      data-testid="status-guide"
      className={cn('grid gap-3 rounded-lg border p-4', TONE_CLASSES[tone])}
    >
      <div className="grid gap-1">
        <h2 id="status-guide-title" className="flex items-center gap-2 text-sm font-semibold">
          {tone === 'error' ? (
            <TriangleAlert aria-hidden="true" className="size-4 text-danger" />
          ) : null}
          {tone === 'error' ? 'What went wrong' : 'Status'}
        </h2>
        <p className="text-sm" data-testid="status-sentence">
          {guide.sentence}
          {waiting ? ' This page follows the change by itself.' : null}
        </p>
      </div>
      {guide.fault || instance.fault?.details ? (
        <div className="grid gap-1 text-sm" data-testid="status-fault">
          {guide.fault ? (
            <p>
              <span className="font-medium">Fault:</span> <span>{guide.fault}</span>
            </p>
          ) : null}
          {instance.fault?.details ? (
            <pre className="max-h-64 overflow-auto rounded bg-muted p-2 text-xs whitespace-pre-wrap">
              {instance.fault.details}
            </pre>
          ) : null}
          {instance.fault?.created ? (
            <p className="text-xs text-muted-foreground">
              Since <DateTimeAgo value={instance.fault.created} now={now} />
            </p>
          ) : null}
        </div>
      ) : null}
      {actions.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Next steps">
          <span className="text-sm text-muted-foreground">Next steps:</span>
          {actions.map((s) =>
            s.kind === 'view-logs' ? (
              <Button key={s.kind} asChild size="sm" variant="outline">
                <Link to="/instances/$instanceId/logs" params={{ instanceId: instance.id }}>
                  <FileText aria-hidden="true" className="size-4" />
                  {s.label}
                </Link>
              </Button>
            ) : (
              <Button
                key={s.kind}
                size="sm"
                variant={
                  s.kind === 'delete' || s.kind === 'force-delete' ? 'destructive' : 'outline'
                }
                onClick={() => setOpen(s.kind as DialogKind)}
              >
                {s.kind === 'restart' ? (
                  <Power aria-hidden="true" className="size-4" />
                ) : s.kind === 'reset-status' ? (
                  <RotateCcw aria-hidden="true" className="size-4" />
                ) : (
                  <Trash2 aria-hidden="true" className="size-4" />
                )}
                {s.label}
              </Button>
            ),
          )}
        </div>
      ) : null}
      <RestartDialog {...dialog('restart')} />
      <ResetStatusDialog {...dialog('reset-status')} />
      <DeleteInstanceDialog {...dialog('delete')} onDeleted={onDeleted} />
      <ForceDeleteDialog {...dialog('force-delete')} onDeleted={onDeleted} />
    </section>
  )
}
