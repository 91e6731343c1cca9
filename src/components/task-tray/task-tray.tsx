import { Link } from '@tanstack/react-router'
import { CheckCircle2, ListChecks, Loader2, X, XCircle } from 'lucide-react'
import { useSession } from '@/hooks/use-session'
import { useNow } from '@/hooks/use-now'
import { formatDuration } from '@/lib/format'
import { cn } from '@/lib/cn'
import { Button } from '@/components/ui/button'
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover'
import { clearSettled, dismissTask, type TrackedTask } from '@/api/tasks/task-store'
import { useTasks } from './use-tasks'

/** The header button (with the number of running tasks) and the panel listing them. */
export function TaskTray() {
  const tasks = useTasks()
  const running = tasks.filter((t) => t.state === 'running').length
  const label =
    running > 0 ? `Tasks: ${running} running` : tasks.length > 0 ? 'Tasks: none running' : 'Tasks'

  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={label} className="relative">
          {running > 0 ? (
            <Loader2 aria-hidden="true" className="animate-spin" />
          ) : (
            <ListChecks aria-hidden="true" />
          )}
          <span className="hidden sm:inline">Tasks</span>
          {running > 0 ? (
            <span
              aria-hidden="true"
              className="min-w-5 rounded-full bg-primary px-1.5 text-xs leading-5 font-semibold text-primary-foreground"
            >
              {running}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent
        align="end"
        sideOffset={6}
        className="z-50 w-96 max-w-[calc(100vw-1rem)] animate-fade-in rounded-lg border bg-popover text-popover-foreground shadow-lg"
      >
        <TaskPanel tasks={tasks} />
      </PopoverContent>
    </Popover>
  )
}

function TaskPanel({ tasks }: { tasks: readonly TrackedTask[] }) {
  const anyRunning = tasks.some((t) => t.state === 'running')
  const now = useNow(1000, anyRunning)
  const settled = tasks.some((t) => t.state !== 'running')
  return (
    <section role="region" aria-label="Tasks" aria-live="polite" className="grid">
      <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
        <h2 className="text-sm font-semibold">Tasks</h2>
        {settled ? (
          <Button variant="link" size="sm" className="text-sm" onClick={clearSettled}>
            Clear finished
          </Button>
        ) : null}
      </div>
      {tasks.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-muted-foreground">
          Actions you start (create, restart, resize, backup, delete…) are followed here until they
          finish.
        </p>
      ) : (
        <ul className="max-h-96 divide-y overflow-y-auto">
          {tasks.map((t) => (
            <TaskRow key={t.id} task={t} now={now} />
          ))}
        </ul>
      )}
    </section>
  )
}

const stateText = { running: 'Running', succeeded: 'Done', failed: 'Failed' } as const

function TaskRow({ task, now }: { task: TrackedTask; now: number }) {
  const session = useSession()
  const sameScope =
    session?.project.id === task.resource.projectId && session.region === task.resource.region
  const gone =
    task.gone ||
    ((task.action === 'delete' || task.action === 'delete-backup') && task.state === 'succeeded')
  const elapsed = (task.settledAt ?? now) - task.startedAt
  const Icon =
    task.state === 'running' ? Loader2 : task.state === 'succeeded' ? CheckCircle2 : XCircle

  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <Icon
        aria-hidden="true"
        className={cn(
          'mt-0.5 size-4 shrink-0',
          task.state === 'running' && 'animate-spin text-muted-foreground',
          task.state === 'succeeded' && 'text-success-soft-foreground',
          task.state === 'failed' && 'text-danger',
        )}
      />
      <div className="grid min-w-0 flex-1 gap-0.5 text-sm">
        <p className="font-medium break-words">{task.label}</p>
        <p className="text-muted-foreground">
          <span className={cn(task.state === 'failed' && 'font-medium text-danger')}>
            {stateText[task.state]}
          </span>
          {' · '}
          {task.state === 'running' ? 'for ' : 'took '}
          {formatDuration(elapsed)}
        </p>
        {task.detail ? (
          <p
            className={cn(
              'break-words',
              task.state === 'failed' ? 'text-danger' : 'text-muted-foreground',
            )}
          >
            {task.detail}
          </p>
        ) : null}
        {!gone && sameScope && task.resource.kind === 'instance' ? (
          <Link
            to="/instances/$instanceId"
            params={{ instanceId: task.resource.id }}
            className="w-fit text-link underline-offset-4 hover:underline"
          >
            Open {task.resource.name}
          </Link>
        ) : null}
        {!gone && sameScope && task.resource.kind === 'mgmt-instance' ? (
          <Link
            to="/admin/instances/$instanceId"
            params={{ instanceId: task.resource.id }}
            className="w-fit text-link underline-offset-4 hover:underline"
          >
            Open {task.resource.name} (admin)
          </Link>
        ) : null}
        {!gone && sameScope && task.resource.kind === 'backup' ? (
          <Link
            to="/backups/$backupId"
            params={{ backupId: task.resource.id }}
            className="w-fit text-link underline-offset-4 hover:underline"
          >
            Open backup {task.resource.name}
          </Link>
        ) : null}
        {!sameScope ? (
          <p className="text-xs text-muted-foreground">
            In region {task.resource.region}
            {session?.project.id !== task.resource.projectId ? ' of another project' : ''}
            {task.state === 'running' && session?.project.id !== task.resource.projectId
              ? ': followed again when you switch back to it'
              : ''}
          </p>
        ) : null}
      </div>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={`Dismiss ${task.label}`}
        onClick={() => dismissTask(task.id)}
      >
        <X aria-hidden="true" />
      </Button>
    </li>
  )
}
