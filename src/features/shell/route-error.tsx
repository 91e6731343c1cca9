import { useEffect } from 'react'
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router'
import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { RotateCw } from 'lucide-react'
import { ApiError, describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { Button, buttonVariants } from '@/components/ui/button'
import { PageLandmark } from './shell-context'

function adviceFor(error: unknown): { title: string; advice: string } {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'session-expired':
        return {
          title: 'Your session has expired',
          advice: 'Sign in again in the dialog; this page reloads by itself afterwards.',
        }
      case 'admin-required':
      case 'forbidden':
        return {
          title: 'You do not have access to this',
          advice: 'Ask a cloud administrator, or switch to a project where you have the role.',
        }
      case 'not-found':
        return {
          title: 'Not found',
          advice: 'It may have been deleted, or it belongs to another project or region.',
        }
      case 'network':
        return {
          title: 'The cloud could not be reached',
          advice: 'Check your connection and retry.',
        }
      case 'not-implemented':
        return {
          title: 'This cloud does not offer this',
          advice: 'The service or region is missing from its catalog, or the API is not enabled.',
        }
      default:
        return { title: 'The cloud refused to load this page', advice: 'Retry, or go back.' }
    }
  }
  return { title: 'Something went wrong', advice: 'Retry; if it keeps happening, reload the page.' }
}

/** Every route's error view: what went wrong, and what to do (retry resets the queries). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  const { reset: resetQueries } = useQueryErrorResetBoundary()

  useEffect(() => {
    // Loader errors are cached by the query error boundary; forget them when this unmounts.
    resetQueries()
  }, [resetQueries])

  const { title, advice } = adviceFor(error)
  const retry = () => {
    resetQueries()
    reset()
    void router.invalidate()
  }

  return (
    <PageLandmark className="mx-auto grid max-w-2xl gap-4 p-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <Alert variant="error">
        <p>{describeError(error)}</p>
        <p className="mt-1">{advice}</p>
      </Alert>
      <div className="flex flex-wrap gap-2">
        <Button onClick={retry}>
          <RotateCw aria-hidden="true" />
          Retry
        </Button>
        <Link to="/instances" className={buttonVariants({ variant: 'outline' })}>
          Go to instances
        </Link>
      </div>
    </PageLandmark>
  )
}
