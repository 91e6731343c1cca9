import { useEffect, useRef, useSyncExternalStore } from 'react'
import { Link, useRouter, type ErrorComponentProps, type LinkProps } from '@tanstack/react-router'
import { useQueryClient, useQueryErrorResetBoundary } from '@tanstack/react-query'
import { RotateCw } from 'lucide-react'
import { connectivity } from '@/api/connectivity'
import { describeError } from '@/api/errors'
import { ScopeError } from '@/api/session/scope'
import { Alert } from '@/components/ui/alert'
import { Button, buttonVariants } from '@/components/ui/button'
import { PageLandmark } from '@/components/page-landmark'
import { useSession } from '@/hooks/use-session'
import { isChunkLoadError } from '@/lib/chunk-load'
import { classifyLoadError, refusalAdvice, refusalTitle } from './error-kind'

/** What a detail route shows when its resource is missing: its name and the way back. */
export interface MissingResource {
  /** "Backup", "Configuration group"... */
  what: string
  /** The list to go back to. */
  listTo: LinkProps['to']
  listLabel: string
}

export type RouteErrorProps = ErrorComponentProps & { missing?: MissingResource }

/**
 * The one error view of every route (its `errorComponent`): it tells an outage (Retry), a
 * refusal (the cloud's message), a missing resource (which project and region it is not in, a
 * link back to the list) and a link to a scope the user cannot open apart.
 */
export function RouteError({ error, reset, missing }: RouteErrorProps) {
  const router = useRouter()
  const queryClient = useQueryClient()
  const { reset: resetQueries } = useQueryErrorResetBoundary()
  const session = useSession()

  useEffect(() => {
    // Loader errors are cached by the query error boundary; forget them when this unmounts.
    resetQueries()
  }, [resetQueries])

  const retry = () => {
    resetQueries()
    void queryClient.resetQueries({ type: 'inactive' })
    reset()
    void router.invalidate()
  }

  const failure = classifyLoadError(error)

  // An outage ends by itself: when the server answers again (the heartbeat notices within
  // seconds), load the page again without being asked.
  const { reachable } = useSyncExternalStore(
    connectivity.subscribe,
    connectivity.get,
    connectivity.get,
  )
  const wasReachable = useRef(reachable)
  const retryRef = useRef(retry)
  useEffect(() => {
    retryRef.current = retry
  })
  useEffect(() => {
    const recovered = reachable && !wasReachable.current
    wasReachable.current = reachable
    if (recovered && failure === 'outage') retryRef.current()
  }, [reachable, failure])
  // A chunk that fails while the server answers is a file this build no longer has (a new
  // version was deployed): only a reload fetches the new one.
  const onRetry = () => {
    if (isChunkLoadError(error) && reachable) window.location.reload()
    else retry()
  }
  const where = session ? `project ${session.project.name}, region ${session.region}` : undefined
  let title: string
  let advice: string
  switch (failure) {
    case 'outage':
      title = 'The cloud could not be reached'
      advice =
        'Nothing was changed. This page loads again by itself once the server answers; you can also retry now.'
      break
    case 'refusal':
      title = refusalTitle(error)
      advice = refusalAdvice(error)
      break
    case 'fault':
      title = 'The cloud failed while loading this page'
      advice =
        'Nothing was changed. Retry in a moment; if it keeps failing, give the request ID above to a cloud administrator.'
      break
    case 'missing':
      title = `${missing?.what ?? 'This page'} not found${where ? ` in ${where}` : ''}`
      advice = 'It may have been deleted, or it belongs to another project or region.'
      break
    case 'scope':
      title =
        error instanceof ScopeError && error.kind === 'unknown-region'
          ? 'This link names a region this cloud does not offer'
          : 'This link opens a project you do not have'
      advice = 'Ask whoever shared it to give you a role there, or open your current project.'
      break
    case 'session':
      title = 'Your session has expired'
      advice = 'Sign in again in the dialog; this page reloads by itself afterwards.'
      break
    default:
      title = 'Something went wrong'
      advice = 'Retry; if it keeps happening, reload the page.'
  }

  return (
    <PageLandmark className="mx-auto grid max-w-2xl gap-4 p-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <Alert variant="error">
        <p>
          {isChunkLoadError(error)
            ? 'This part of the console could not be loaded from the server.'
            : describeError(error)}
        </p>
        <p className="mt-1">{advice}</p>
      </Alert>
      <div className="flex flex-wrap gap-2">
        {failure === 'missing' || failure === 'scope' ? null : (
          <Button onClick={onRetry}>
            <RotateCw aria-hidden="true" />
            Retry
          </Button>
        )}
        {failure === 'missing' && missing ? (
          <Link to={missing.listTo} className={buttonVariants({ variant: 'outline' })}>
            {missing.listLabel}
          </Link>
        ) : failure === 'scope' && session ? (
          <Link
            to="/instances"
            search={{ region: session.region, projectId: session.project.id }}
            className={buttonVariants({ variant: 'outline' })}
          >
            Open project {session.project.name}
          </Link>
        ) : (
          <Link to="/instances" className={buttonVariants({ variant: 'outline' })}>
            Go to instances
          </Link>
        )}
      </div>
    </PageLandmark>
  )
}
