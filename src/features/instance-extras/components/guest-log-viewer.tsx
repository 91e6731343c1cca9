import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { ArrowDownToLine, Download, Pause, Play } from 'lucide-react'
import { describeError } from '@/api/errors'
import { instanceQueryOptions } from '@/api/instances/queries'
import {
  LOG_FOLLOW_MS,
  guestLogContentsQueryOptions,
  guestLogFollowQueryOptions,
} from '@/api/logs/queries'
import type { GuestLog } from '@/api/logs/schemas'
import { logActionAvailable } from '@/api/logs/status'
import { downloadText } from '@/components/data-table/csv'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { useScope } from '@/hooks/use-session'
import { countMatches, highlightParts, matchingLines, textLines } from '@/lib/text-search'
import { logFileName } from '../lib/guest-log-list'

/**
 * The published text of one guest log, all of it: search across the whole log (every line, not
 * only those on screen) with a jump to the first match, download it as a file, and follow it
 * (publish and read again every few seconds, scrolled to the end) with a pause. Plain text
 * (React escapes it), never HTML.
 */
export function GuestLogViewer({ instanceId, log }: { instanceId: string; log: GuestLog }) {
  const scope = useScope()
  const params = { ...scope, id: instanceId, name: log.name }
  const q = useQuery(guestLogContentsQueryOptions(params))
  const instance = useQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const [following, setFollowing] = useState(false)
  const canFollow = logActionAvailable(log, 'publish') && q.data?.supported === true
  const follow = useQuery({
    ...guestLogFollowQueryOptions(params),
    enabled: following && canFollow,
  })
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState<number | null>(null)
  const searchId = useId()
  const box = useRef<HTMLDivElement>(null)

  const text = q.data?.supported ? q.data.contents.text : ''
  const lines = useMemo(() => textLines(text), [text])
  const hits = useMemo(() => matchingLines(lines, query), [lines, query])
  const count = useMemo(() => countMatches(text, query), [text, query])

  // Following: keep the end of the log in view as new lines arrive.
  useEffect(() => {
    if (following && box.current) box.current.scrollTop = box.current.scrollHeight
  }, [following, lines.length])

  const jumpTo = (line: number | undefined) => {
    if (line === undefined) return
    setFollowing(false)
    setCurrent(line)
    const el = box.current?.querySelector<HTMLElement>(`[data-line="${line}"]`)
    el?.scrollIntoView({ block: 'center' })
    el?.focus({ preventScroll: true })
  }
  const next = () => jumpTo(hits.find((i) => current === null || i > current) ?? hits[0])

  if (q.isPending) return <Skeleton className="h-40 w-full" />
  if (q.isError) return <RequestErrorAlert error={q.error} />
  if (!q.data.supported) {
    return (
      <Alert variant="info" title="This cloud does not serve log contents">
        Published logs are objects in the object store (Swift): read them from the container and
        prefix shown by the cloud, for example with <code>openstack database log tail</code>.
      </Alert>
    )
  }
  const name = instance.data?.name ?? instanceId

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label="Search the whole log"
          id={searchId}
          className="w-full sm:w-auto sm:max-w-80 sm:min-w-64 sm:flex-1"
        >
          <Input
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value)
              setCurrent(null)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                next()
              }
            }}
          />
        </Field>
        <Button variant="outline" disabled={hits.length === 0} onClick={() => jumpTo(hits[0])}>
          <ArrowDownToLine aria-hidden="true" />
          Jump to first match
        </Button>
        <Button variant="outline" disabled={hits.length < 2} onClick={next}>
          Next match
        </Button>
        {canFollow ? (
          <Button
            variant={following ? 'secondary' : 'outline'}
            aria-pressed={following}
            onClick={() => setFollowing((f) => !f)}
          >
            {following ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
            {following ? 'Pause' : 'Follow'}
          </Button>
        ) : null}
        <Button
          variant="outline"
          disabled={text === ''}
          onClick={() =>
            downloadText(logFileName(name, log.name), text, 'text/plain;charset=utf-8')
          }
        >
          <Download aria-hidden="true" />
          Download
        </Button>
      </div>
      <p
        className="text-sm text-muted-foreground"
        aria-live="polite"
        data-testid="log-search-status"
      >
        {query
          ? `${count} match${count === 1 ? '' : 'es'} on ${hits.length} of ${lines.length} lines`
          : `${lines.length} line${lines.length === 1 ? '' : 's'} published`}
        {following ? ` · following: published and read every ${LOG_FOLLOW_MS / 1000} s` : ''}
        {follow.isError ? ` · following stopped: ${describeError(follow.error)}` : ''}
      </p>
      {text === '' ? (
        <p className="text-sm text-muted-foreground">Nothing published yet.</p>
      ) : (
        <div
          ref={box}
          tabIndex={0}
          role="region"
          aria-label={`Contents of the ${log.name} log`}
          className="max-h-96 overflow-auto rounded-md border bg-muted p-3 font-mono text-xs"
        >
          {lines.map((line, i) => (
            <div
              key={i}
              data-line={i}
              tabIndex={-1}
              aria-current={current === i ? 'true' : undefined}
              className={
                current === i
                  ? 'rounded-sm whitespace-pre outline-2 outline-ring'
                  : 'whitespace-pre focus-visible:outline-2 focus-visible:outline-ring'
              }
            >
              {query ? <Highlighted text={line} query={query} /> : line || ' '}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightParts(text, query).map((p, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-foreground">
            {p}
          </mark>
        ) : (
          p
        ),
      )}
    </>
  )
}
