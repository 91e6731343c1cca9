import { isUnreachable } from '@/api/connectivity'
import { describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { useLiveError } from '@/hooks/use-live-error'

/**
 * The answer to a change that did not go through, as dialogs and panels show it: a refusal by the
 * cloud (with its message) is told apart from a cloud that could not be reached at all. A
 * "session expired" refusal disappears once the user signed in again (it no longer applies).
 */
export function RequestErrorAlert({ error }: { error: unknown }) {
  const live = useLiveError(error)
  if (!live) return null
  return (
    <Alert
      variant="error"
      title={isUnreachable(live) ? 'The cloud could not be reached' : 'The cloud refused this'}
    >
      {describeError(live)}
    </Alert>
  )
}
